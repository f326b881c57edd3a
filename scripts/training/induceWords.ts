/**
 * Word induction for the tagger's word-boundary features (training only; the induced list ships inside the model
 * and is read by WordSet in the service).
 */
import { isHan, MAX_WORD } from '../../server/src/service/entities/words';

/** Every run of 2..MAX_WORD Han characters in the texts, with the text and offset it starts at. */
function forEachHanNgram(texts: readonly string[], fn: (ngram: string, text: string, at: number) => void): void {
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      if (!isHan(t.charCodeAt(i))) continue;
      for (let len = 2; len <= MAX_WORD && i + len <= t.length; len++) {
        if (!isHan(t.charCodeAt(i + len - 1))) break;
        fn(t.slice(i, i + len), t, i);
      }
    }
  }
}

/**
 * Induces a word list from raw sentences: Han n-grams of 2..4 code units seen at least `minCount` times whose
 * left and right branching entropies are both at least `minEntropy` bits. Deterministic (sorted output).
 */
export function induceWords(texts: readonly string[], options: { minCount?: number; minEntropy?: number; max?: number } = {}): string[] {
  const minCount = options.minCount ?? 5;
  const minEntropy = options.minEntropy ?? 1.0;
  const max = options.max ?? 60000;
  const counts = new Map<string, number>();
  forEachHanNgram(texts, (k) => counts.set(k, (counts.get(k) ?? 0) + 1));
  for (const [k, v] of counts) if (v < minCount) counts.delete(k);
  const left = new Map<string, Map<number, number>>();
  const right = new Map<string, Map<number, number>>();
  const bump = (m: Map<string, Map<number, number>>, k: string, c: number) => {
    let d = m.get(k);
    if (!d) m.set(k, (d = new Map()));
    d.set(c, (d.get(c) ?? 0) + 1);
  };
  let edge = -1;
  forEachHanNgram(texts, (k, t, i) => {
    if (!counts.has(k)) return;
    // A sentence edge counts as a new neighbour each time: it is a boundary.
    bump(left, k, i > 0 ? t.charCodeAt(i - 1) : edge--);
    bump(right, k, i + k.length < t.length ? t.charCodeAt(i + k.length) : edge--);
  });
  const entropy = (d: Map<number, number> | undefined) => {
    if (!d) return 0;
    let total = 0;
    for (const v of d.values()) total += v;
    let h = 0;
    for (const v of d.values()) h -= (v / total) * Math.log2(v / total);
    return h;
  };
  const scored: [string, number][] = [];
  for (const [k, v] of counts) {
    if (Math.min(entropy(left.get(k)), entropy(right.get(k))) >= minEntropy) scored.push([k, v]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return scored
    .slice(0, max)
    .map((x) => x[0])
    .sort();
}
