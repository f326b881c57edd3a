/**
 * Predictive exchange clustering (Uszkoreit and Brants 2008) of characters: each character is moved, in turn, to
 * the class that most raises the likelihood of a class-based bigram model P(next | class(this)), until few move.
 * Run on the text forward it groups characters by what follows them; on the reversed text, by what precedes them.
 * Deterministic: frequency order with ties by code unit, and the same floating-point sums every run. Training only.
 */
import { foldCode } from '../../server/src/service/entities/features';

export interface ClusterOptions {
  /** Classes per direction, 1..255 (class 0 is kept for characters seen less than `minCount` times). */
  classes?: number;
  minCount?: number;
  passes?: number;
}

/** [char, right-context class, left-context class] for every character seen `minCount` times, sorted by code unit. */
export function induceClusters(lines: readonly string[], options: ClusterOptions = {}): [string, number, number][] {
  const C = Math.min(options.classes ?? 128, 255);
  const minCount = options.minCount ?? 3;
  const passes = options.passes ?? 8;
  const freq = new Map<number, number>();
  for (const line of lines)
    for (let i = 0; i < line.length; i++) {
      const c = foldCode(line.charCodeAt(i));
      freq.set(c, (freq.get(c) ?? 0) + 1);
    }
  const vocab = [...freq]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([c]) => c);
  const id = new Map<number, number>();
  vocab.forEach((c, i) => id.set(c, i + 2)); // 0: rare character, 1: line boundary
  const V = vocab.length + 2;
  const seqs = lines.map((line) => {
    const s = new Int32Array(line.length + 2);
    s[0] = 1;
    for (let i = 0; i < line.length; i++) s[i + 1] = id.get(foldCode(line.charCodeAt(i))) ?? 0;
    s[line.length + 1] = 1;
    return s;
  });
  const right = exchange(seqs, V, C, passes, false);
  const left = exchange(seqs, V, C, passes, true);
  const out: [string, number, number][] = vocab.map((c, i) => [String.fromCharCode(c), right[i + 2] + 1, left[i + 2] + 1]);
  return out.sort((a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0));
}

/** Classes 0..C-1 of tokens 0..V-1 under P(successor | class(token)) (predecessor when `reverse`). */
function exchange(seqs: Int32Array[], V: number, C: number, passes: number, reverse: boolean): Int32Array {
  // Successor counts of each token, as sparse rows.
  const rows = Array.from({ length: V }, () => new Map<number, number>());
  const total = new Float64Array(V);
  for (const s of seqs) {
    for (let i = 0; i + 1 < s.length; i++) {
      const [h, w] = reverse ? [s[i + 1], s[i]] : [s[i], s[i + 1]];
      const r = rows[h];
      r.set(w, (r.get(w) ?? 0) + 1);
      total[h]++;
    }
  }
  const succ = rows.map((r) => {
    const keys = [...r.keys()].sort((a, b) => a - b);
    return { w: Int32Array.from(keys), n: Float64Array.from(keys.map((k) => r.get(k)!)) };
  });
  // x log x for the integer counts, from a table for the common small ones.
  const TABLE = 1 << 20;
  const xlogx = new Float64Array(TABLE);
  for (let x = 1; x < TABLE; x++) xlogx[x] = x * Math.log(x);
  const f = (x: number) => (x < TABLE ? xlogx[x] : x * Math.log(x));
  const cls = new Int32Array(V);
  // Tokens are in frequency order: the C most frequent start in classes of their own, the rest round-robin.
  for (let v = 0; v < V; v++) cls[v] = v % C;
  const N = new Float64Array(C * V); // N[c * V + w]: successors w of class c
  const Nc = new Float64Array(C);
  for (let v = 0; v < V; v++) {
    const { w, n } = succ[v];
    for (let k = 0; k < w.length; k++) N[cls[v] * V + w[k]] += n[k];
    Nc[cls[v]] += total[v];
  }
  const gain = new Float64Array(C);
  for (let pass = 0; pass < passes; pass++) {
    let moved = 0;
    for (let v = 2; v < V; v++) {
      const { w, n } = succ[v];
      if (!w.length) continue;
      const a = cls[v];
      for (let k = 0; k < w.length; k++) N[a * V + w[k]] -= n[k];
      Nc[a] -= total[v];
      for (let c = 0; c < C; c++) {
        let g = f(Nc[c]) - f(Nc[c] + total[v]);
        const row = c * V;
        for (let k = 0; k < w.length; k++) {
          const x = N[row + w[k]];
          g += f(x + n[k]) - f(x);
        }
        gain[c] = g;
      }
      let best = a;
      for (let c = 0; c < C; c++) if (gain[c] > gain[best] + 1e-9) best = c;
      for (let k = 0; k < w.length; k++) N[best * V + w[k]] += n[k];
      Nc[best] += total[v];
      if (best !== a) moved++;
      cls[v] = best;
    }
    if (moved < V / 200) break;
  }
  return cls;
}
