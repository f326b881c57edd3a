/**
 * The tagger's per-character marginals (forward-backward posteriors over the BIOES tags), as evidence for the merge:
 * how likely the tagger finds a name at a place where it did not put one (a rule adds a name there), or how sure it
 * is of a name a rule would take away. Viterbi keeps one path; this is the second pass over the same lattice, so it
 * runs only for the lines a merge decision asks about (`LineMarginals` computes a line on first use and keeps it).
 *
 * The perceptron's path scores are not log-probabilities, but exponentiated and normalised over all paths they rank
 * readings the way the model does; the thresholds that read them are chosen on held-out MSRA train (docs/entities.md,
 * "Sixth round").
 */
import type { EntityType } from '../types';
import { extractFeatures, FEATURES_PER_CHAR } from './features';
import { emissions } from './decode';
import { allowed, canEnd, NTAGS, TAG_TYPE } from './tagScheme';
import type { Tagger } from './tagger';
import type { Trie } from './trie';

/** Lines longer than this are tagged in slices (as the recogniser's tagAll does): the same slices here. */
const MAX_SLICE = 4096;

/** exp of each legal transition (0 for illegal ones), per model: (T + 1) x T, row 0 is the start. */
const expTables = new WeakMap<Float32Array, Map<number, Float64Array>>();
function expTransitions(transition: Float32Array, temperature: number): Float64Array {
  let byTemperature = expTables.get(transition);
  if (!byTemperature) expTables.set(transition, (byTemperature = new Map()));
  let e = byTemperature.get(temperature);
  if (e) return e;
  const T = NTAGS;
  e = new Float64Array((T + 1) * T);
  for (let p = -1; p < T; p++)
    for (let t = 0; t < T; t++) e[(p + 1) * T + t] = allowed(p, t) ? Math.exp(transition[(p + 1) * T + t] / temperature) : 0;
  byTemperature.set(temperature, e);
  return e;
}

/**
 * Posterior probability of each tag at each position of `norm` (n x NTAGS, rows sum to 1), by forward-backward
 * in the probability domain with each position's emissions shifted by their maximum and each row renormalised
 * (no logs in the loops: T exps per character).
 */
export function tagPosteriors(
  tagger: Tagger,
  norm: string,
  gaz: Trie<EntityType> | undefined,
  noNames = false,
  temperature = 1,
): Float64Array {
  const w = tagger.weights;
  const n = norm.length;
  const T = NTAGS;
  const post = new Float64Array(n * T);
  if (!w || !n) return post;
  const ids = extractFeatures(
    norm,
    gaz,
    w.bits,
    new Uint32Array(n * FEATURES_PER_CHAR),
    tagger.trainingNames,
    tagger.words,
    noNames ? undefined : tagger.names,
  );
  const em = new Float64Array(n * T);
  emissions(w, ids, n, em);
  // exp(em - max) per position: the shift cancels when each row is renormalised.
  for (let i = 0; i < n; i++) {
    const row = i * T;
    let mx = -Infinity;
    for (let t = 0; t < T; t++) if (em[row + t] > mx) mx = em[row + t];
    for (let t = 0; t < T; t++) em[row + t] = Math.exp((em[row + t] - mx) / temperature);
  }
  const E = expTransitions(w.transition, temperature);
  const alpha = new Float64Array(n * T);
  const beta = new Float64Array(n * T);
  let sum = 0;
  for (let t = 0; t < T; t++) sum += alpha[t] = E[t] * em[t];
  for (let t = 0; t < T; t++) alpha[t] /= sum || 1;
  for (let i = 1; i < n; i++) {
    const pr = (i - 1) * T;
    const row = i * T;
    sum = 0;
    for (let t = 0; t < T; t++) {
      let s = 0;
      for (let p = 0; p < T; p++) s += alpha[pr + p] * E[(p + 1) * T + t];
      sum += alpha[row + t] = s * em[row + t];
    }
    for (let t = 0; t < T; t++) alpha[row + t] /= sum || 1;
  }
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++) beta[last + t] = canEnd(t) ? 1 : 0;
  for (let i = n - 2; i >= 0; i--) {
    const row = i * T;
    const nx = (i + 1) * T;
    sum = 0;
    for (let p = 0; p < T; p++) {
      let s = 0;
      for (let t = 0; t < T; t++) s += E[(p + 1) * T + t] * em[nx + t] * beta[nx + t];
      sum += beta[row + p] = s;
    }
    for (let p = 0; p < T; p++) beta[row + p] /= sum || 1;
  }
  for (let i = 0; i < n; i++) {
    const row = i * T;
    let z = 0;
    for (let t = 0; t < T; t++) z += post[row + t] = alpha[row + t] * beta[row + t];
    for (let t = 0; t < T; t++) post[row + t] /= z || 1;
  }
  return post;
}

const TYPE_INDEX: Record<string, number> = { PER: 0, ORG: 1, LOC: 2, MEDIA: 1 };

/**
 * The marginals of one text, line by line as the recogniser tags it, computed on first use of a line. Offsets are
 * into the text's normalised form (`norm`).
 */
export class LineMarginals {
  private readonly lines = new Map<number, { start: number; post: Float64Array }>();
  constructor(
    private readonly tagger: Tagger,
    private readonly norm: string,
    private readonly gaz: Trie<EntityType> | undefined,
    private readonly noNames = false,
    private readonly temperature = 1,
  ) {}

  /** The slice that holds position i, with its posteriors. */
  private slice(i: number): { start: number; post: Float64Array } {
    const lineStart = i > 0 ? this.norm.lastIndexOf('\n', i - 1) + 1 : 0;
    const start = lineStart + Math.floor((i - lineStart) / MAX_SLICE) * MAX_SLICE;
    let got = this.lines.get(start);
    if (!got) {
      let lineEnd = this.norm.indexOf('\n', start);
      if (lineEnd < 0) lineEnd = this.norm.length;
      const end = Math.min(lineEnd, start + MAX_SLICE);
      got = { start, post: tagPosteriors(this.tagger, this.norm.slice(start, end), this.gaz, this.noNames, this.temperature) };
      this.lines.set(start, got);
    }
    return got;
  }

  /** Mean probability, over a..b, that the character is part of some name (not O). */
  notO(a: number, b: number): number {
    let s = 0;
    for (let i = a; i < b; i++) {
      const { start, post } = this.slice(i);
      s += 1 - post[(i - start) * NTAGS];
    }
    return b > a ? s / (b - a) : 0;
  }

  /** Mean probability, over a..b, that the character is part of a name of `type` (MEDIA counts as ORG). */
  ofType(a: number, b: number, type: EntityType): number {
    const k = TYPE_INDEX[type];
    let s = 0;
    for (let i = a; i < b; i++) {
      const { start, post } = this.slice(i);
      const row = (i - start) * NTAGS;
      for (let t = 1; t < NTAGS; t++) if (TYPE_INDEX[TAG_TYPE[t]!] === k) s += post[row + t];
    }
    return b > a ? s / (b - a) : 0;
  }
}
