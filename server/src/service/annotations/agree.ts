/**
 * Agreement between two annotation sets of the same texts, for annotation teams:
 * per label precision, recall and F1 of B against A (exact span and label), and Cohen's kappa over
 * characters (each non-space code point labelled with the type covering it, or O).
 */
import { ANNOTATION_LABELS, type Annotation, type AnnotationLabel } from './model';

export interface Agreement {
  perLabel: Record<AnnotationLabel, { a: number; b: number; both: number; p: number; r: number; f1: number }>;
  overall: { a: number; b: number; both: number; p: number; r: number; f1: number };
  characters: number;
  /** Observed agreement on characters and Cohen's kappa. */
  observed: number;
  kappa: number;
}

const prf = (a: number, b: number, both: number) => {
  const p = b ? both / b : a ? 0 : 1;
  const r = a ? both / a : b ? 0 : 1;
  return { a, b, both, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

export function agreement(pairs: readonly { text: string; a: readonly Annotation[]; b: readonly Annotation[] }[]): Agreement {
  const counts = new Map<AnnotationLabel, { a: number; b: number; both: number }>(
    ANNOTATION_LABELS.map((l) => [l, { a: 0, b: 0, both: 0 }]),
  );
  const cats = ['O', ...ANNOTATION_LABELS];
  const confusion = cats.map(() => new Array<number>(cats.length).fill(0));
  let characters = 0;
  for (const { text, a, b } of pairs) {
    const keysB = new Map<string, number>();
    for (const x of b) {
      counts.get(x.label)!.b++;
      const k = `${x.start}:${x.end}:${x.label}`;
      keysB.set(k, (keysB.get(k) ?? 0) + 1);
    }
    for (const x of a) {
      const c = counts.get(x.label)!;
      c.a++;
      const k = `${x.start}:${x.end}:${x.label}`;
      const n = keysB.get(k) ?? 0;
      if (n > 0) {
        c.both++;
        keysB.set(k, n - 1);
      }
    }
    const labelAt = (anns: readonly Annotation[]) => {
      const arr = new Uint8Array(text.length);
      for (const x of anns) arr.fill(cats.indexOf(x.label), x.start, x.end);
      return arr;
    };
    const la = labelAt(a);
    const lb = labelAt(b);
    let i = 0;
    for (const ch of text) {
      if (!/\s/u.test(ch)) {
        confusion[la[i]][lb[i]]++;
        characters++;
      }
      i += ch.length;
    }
  }
  let agreeN = 0;
  let expected = 0;
  for (let k = 0; k < cats.length; k++) {
    agreeN += confusion[k][k];
    const rowA = confusion[k].reduce((s, v) => s + v, 0);
    const colB = confusion.reduce((s, row) => s + row[k], 0);
    expected += characters ? (rowA / characters) * (colB / characters) : 0;
  }
  const observed = characters ? agreeN / characters : 1;
  const kappa = expected < 1 ? (observed - expected) / (1 - expected) : 1;
  const perLabel = Object.fromEntries([...counts].map(([l, c]) => [l, prf(c.a, c.b, c.both)])) as Agreement['perLabel'];
  const tot = [...counts.values()].reduce((s, c) => ({ a: s.a + c.a, b: s.b + c.b, both: s.both + c.both }), { a: 0, b: 0, both: 0 });
  return { perLabel, overall: prf(tot.a, tot.b, tot.both), characters, observed, kappa };
}
