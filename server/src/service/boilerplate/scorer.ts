/**
 * The calibrated line scorer: which flagged lines "remove all" and `clean` may delete. The rules
 * flag a line and say why (its kind, its wording, where it sits); a logistic model fitted on the
 * gold of the shared articles and cwced pages turns that into a probability that the line is
 * boilerplate, and only lines above the threshold that gave precision >= 0.995 in leave-one-page-out
 * folds are removable. The rest are "possibly boilerplate" diagnostics.
 *
 * The weights are data (scorerWeights.ts), written by `npm run train:boilerplate`; nothing here is
 * tuned by hand.
 */
import { BOILERPLATE_KINDS, type BoilerplateKind } from '../types';
import type { LineInfo } from './lines';
import type { PhraseHit } from './phrases';

export interface ScorerWeights {
  /** Feature names, in the order of `weights` (checked against FEATURES at load). */
  features: readonly string[];
  weights: readonly number[];
  /** Probability at or above which a flagged line is removable. */
  threshold: number;
}

export interface ScoreInput {
  infos: LineInfo[];
  phrases: (PhraseHit | null)[];
  flags: ({ kind: BoilerplateKind; confident: boolean } | null)[];
  headline: number | undefined;
  body: { start: number; end: number } | null;
  /** Menu-run strength per line (0 none, 1 run, 2 longer item continuing a run, 3 run of >= 8). */
  menu: Uint8Array;
  /** Lines the structure pass recognised as dateline, source or byline wording. */
  structureLike: (i: number) => boolean;
  /** Whether line i has a digit, when the caller remembers it per line (else tested here). */
  digits?: (i: number) => boolean;
}

/** The feature template. Bump the weights file (retrain) whenever this list changes. */
export const FEATURES: readonly string[] = [
  'bias',
  'rule.confident',
  ...BOILERPLATE_KINDS.map((k) => `kind.${k}`),
  'phrase',
  'phrase.heading',
  'phrase.marker',
  'phrase.inBody',
  'region.aboveHeadline',
  'region.headlineToBody',
  'region.body',
  'region.afterBody',
  'region.noBody',
  'shape.logLen',
  'shape.hanShare',
  'shape.prose',
  'shape.paragraph',
  'shape.endsSentence',
  'shape.symbolic',
  'shape.digits',
  'shape.structureLike',
  'context.flaggedNear',
  'context.confidentNear',
  'context.distanceToBody',
  'menu.run',
  'menu.long',
];

/** A digit (`shape.digits`; one object: a literal makes a new one each time it is evaluated). */
const DIGIT = /\d/u;

/** Non-blank lines on each side read for the neighbourhood features. */
const NEAR = 3;

/** Feature vectors of the flagged lines (null for the others). */
export function lineFeatures(s: ScoreInput): (Float64Array | null)[] {
  const out: (Float64Array | null)[] = new Array(s.infos.length).fill(null);
  eachFeatureVector(s, (i, v) => (out[i] = v.slice()));
  return out;
}

/**
 * The scorer's probability for each flagged line (null for the others): `probability(w, v)` of the vector
 * `lineFeatures` gives it, summed straight from the line's facts. A whole detection runs this over every confidently
 * flagged line (nearly all lines of a page of furniture) and, in an editor, only a few times, so V8 runs its loop
 * unoptimised or on-stack replaced: the loop only calls `lineScore` for each line, which is hot and does the least
 * (no vector, no callback, the neighbourhood from running counts). The
 * sum adds the same products in the same order as `probability` and leaves out only the features that are zero
 * (adding a zero product leaves a sum as it is, and a one-valued feature's product is its weight), so each score is
 * the same number to the last bit.
 */
export function lineScores(s: ScoreInput, w: ScorerWeights, confidentOnly = false): (number | null)[] {
  const { infos, flags, body } = s;
  const n = infos.length;
  const out: (number | null)[] = new Array(n).fill(null);
  const { rank, nonBlank } = lineRanks(infos);
  const { flaggedTo, confidentTo } = flaggedCounts(flags, nonBlank);
  let a = 0;
  let b = 0;
  if (body) {
    a = rank[body.start] >= 0 ? rank[body.start] : 0;
    b = rank[body.end] >= 0 ? rank[body.end] : a;
  }
  const c: ScoreContext = { s, ws: w.weights, rank, m: nonBlank.length, flaggedTo, confidentTo, start: body ? body.start : n, a, b };
  for (let i = 0; i < n; i++) {
    const f = flags[i];
    if (!f || infos[i].blank || (confidentOnly && !f.confident)) continue;
    out[i] = lineScore(c, i, f);
  }
  return out;
}

/** What lineScore reads besides the line: made once per lineScores call (one shape). */
interface ScoreContext {
  s: ScoreInput;
  ws: readonly number[];
  rank: Int32Array;
  /** Non-blank lines. */
  m: number;
  flaggedTo: Int32Array;
  confidentTo: Int32Array;
  /** The body's first line (the line count without a body), and its first and last lines' ranks. */
  start: number;
  a: number;
  b: number;
}

/**
 * The score of flagged line i. A function of its own, called for every flagged line: V8 optimises it as any hot
 * function, where the loop of lineScores (called once per detection) ran in the interpreter or in on-stack-replaced
 * code, which kept its sums as heap numbers (5.7 MB allocated per detection of the bench's megabyte,
 * scripts/perf/survivors.ts with MINOR=1).
 */
function lineScore(c: ScoreContext, i: number, f: { kind: BoilerplateKind; confident: boolean }): number {
  const { s, ws, rank, m } = c;
  const { infos, phrases, headline, body, menu, digits, structureLike } = s;
  const x = infos[i];
  const p = phrases[i];
  let z = ws[0];
  if (f.confident) z += ws[1];
  const kind = KIND_WEIGHT.get(f.kind);
  if (kind !== undefined) z += ws[kind];
  if (p) {
    z += ws[W_PHRASE];
    if (p.heading) z += ws[W_PHRASE + 1];
    if (p.marker) z += ws[W_PHRASE + 2];
    if (p.inBody) z += ws[W_PHRASE + 3];
  }
  if (headline !== undefined && i < headline) z += ws[W_REGION];
  if ((headline === undefined || i > headline) && i < c.start) z += ws[W_REGION + 1];
  if (body) {
    if (i >= body.start && i <= body.end) z += ws[W_REGION + 2];
    if (i > body.end) z += ws[W_REGION + 3];
  } else z += ws[W_REGION + 4];
  z += ws[W_SHAPE] * (Math.log1p(x.len) / 5);
  if (x.len && x.han) z += ws[W_SHAPE + 1] * (x.han / x.len);
  if (x.prose) z += ws[W_SHAPE + 2];
  if (x.prose && x.endsSentence && x.len >= 30) z += ws[W_SHAPE + 3];
  if (x.endsSentence) z += ws[W_SHAPE + 4];
  if (x.symbolic) z += ws[W_SHAPE + 5];
  if (digits ? digits(i) : DIGIT.test(x.text)) z += ws[W_SHAPE + 6];
  if (structureLike(i)) z += ws[W_SHAPE + 7];
  const r = rank[i];
  const lo = r - NEAR < 0 ? 0 : r - NEAR;
  const hi = r + NEAR >= m ? m - 1 : r + NEAR;
  // The window less the line itself (flagged, and confident or not).
  const seen = hi - lo;
  if (seen) {
    const flagged = c.flaggedTo[hi + 1] - c.flaggedTo[lo] - 1;
    const confident = c.confidentTo[hi + 1] - c.confidentTo[lo] - (f.confident ? 1 : 0);
    if (flagged) z += ws[W_CONTEXT] * (flagged / seen);
    if (confident) z += ws[W_CONTEXT + 1] * (confident / seen);
  }
  const dist = body ? (r < c.a ? c.a - r : r > c.b ? r - c.b : 0) : 20;
  if (dist) z += ws[W_CONTEXT + 2] * (Math.min(dist, 20) / 20);
  const run = menu[i];
  if (run) {
    z += ws[W_MENU];
    if (run === 3) z += ws[W_MENU + 1];
  }
  return 1 / (1 + Math.exp(-z));
}

/**
 * How many of the first r non-blank lines are flagged / confidently flagged, for each r. The loop is alone in a
 * function that returns right after it: inside lineScores, V8 compiled it on its first run (on-stack replacement)
 * before the code after it had run, and that code, read without type feedback (`w.weights`), deoptimised on every
 * later call, so the rest of lineScores ran in the interpreter and boxed each of its sums (3.2 MB allocated per whole
 * detection of the bench's megabyte; `--trace-deopt`, "Insufficient type feedback for generic named access"). For the
 * same reason the arrays are made by the caller: returning an object literal made here deoptimised this function's
 * own on-stack-replaced code at its end in every detection (docs/performance.md, thirteenth round).
 */
function flaggedCounts(flags: ScoreInput['flags'], nonBlank: readonly number[]): { flaggedTo: Int32Array; confidentTo: Int32Array } {
  const m = nonBlank.length;
  const flaggedTo = new Int32Array(m + 1);
  const confidentTo = new Int32Array(m + 1);
  countFlags(flags, nonBlank, flaggedTo, confidentTo);
  return { flaggedTo, confidentTo };
}

export function countFlags(flags: ScoreInput['flags'], nonBlank: readonly number[], flaggedTo: Int32Array, confidentTo: Int32Array): void {
  const m = nonBlank.length;
  for (let r = 0; r < m; r++) {
    const g = flags[nonBlank[r]];
    flaggedTo[r + 1] = g ? flaggedTo[r] + 1 : flaggedTo[r];
    confidentTo[r + 1] = g?.confident ? confidentTo[r] + 1 : confidentTo[r];
  }
}

/** Where each group of features starts in FEATURES (and so in the weights). */
const KIND_WEIGHT = new Map<string, number>(BOILERPLATE_KINDS.map((k) => [k, FEATURES.indexOf(`kind.${k}`)]));
const W_PHRASE = FEATURES.indexOf('phrase');
const W_REGION = FEATURES.indexOf('region.aboveHeadline');
const W_SHAPE = FEATURES.indexOf('shape.logLen');
const W_CONTEXT = FEATURES.indexOf('context.flaggedNear');
const W_MENU = FEATURES.indexOf('menu.run');

/** Each non-blank line's rank among the non-blank lines (-1 for a blank one), and the non-blank lines in order. */
export interface LineRanks {
  rank: Int32Array;
  nonBlank: number[];
}

export function lineRanks(infos: readonly LineInfo[]): LineRanks {
  const nonBlank: number[] = [];
  const rank = new Int32Array(infos.length).fill(-1);
  rankLines(infos, rank, nonBlank);
  return { rank, nonBlank };
}

/** lineRanks' walk, with nothing after its loop (see flaggedCounts). */
export function rankLines(infos: readonly LineInfo[], rank: Int32Array, nonBlank: number[]): void {
  const n = infos.length;
  for (let i = 0; i < n; i++) if (!infos[i].blank) rank[i] = nonBlank.push(i) - 1;
}

/**
 * Calls `use(i, v)` for each flagged line (each confidently flagged line, with `confidentOnly`) with its features in
 * `v`, an array that the next call overwrites.
 */
function eachFeatureVector(s: ScoreInput, use: (i: number, v: Float64Array) => void, confidentOnly = false): void {
  const { infos, flags } = s;
  const n = infos.length;
  const ranks = lineRanks(infos);
  const v = new Float64Array(FEATURES.length);
  for (let i = 0; i < n; i++) {
    const f = flags[i];
    if (!f || infos[i].blank || (confidentOnly && !f.confident)) continue;
    fillVector(s, ranks, i, infos[i], v);
    use(i, v);
  }
}

/**
 * Line i's features into `v`, its measures read from `x` (the line's own, or its new version after an edit that
 * changed nothing else; detect.ts).
 */
export function fillVector(s: ScoreInput, ranks: LineRanks, i: number, x: LineInfo, v: Float64Array): void {
  const { phrases, flags, headline, body, menu } = s;
  const { rank, nonBlank } = ranks;
  const n = rank.length;
  const f = flags[i]!;
  const p = phrases[i];
  let k = 0;
  v[k++] = 1;
  v[k++] = f.confident ? 1 : 0;
  for (let j = 0; j < BOILERPLATE_KINDS.length; j++) v[k++] = f.kind === BOILERPLATE_KINDS[j] ? 1 : 0;
  v[k++] = p ? 1 : 0;
  v[k++] = p?.heading ? 1 : 0;
  v[k++] = p?.marker ? 1 : 0;
  v[k++] = p?.inBody ? 1 : 0;
  const start = body ? body.start : n;
  v[k++] = headline !== undefined && i < headline ? 1 : 0;
  v[k++] = (headline === undefined || i > headline) && i < start ? 1 : 0;
  v[k++] = body && i >= body.start && i <= body.end ? 1 : 0;
  v[k++] = body && i > body.end ? 1 : 0;
  v[k++] = body ? 0 : 1;
  v[k++] = Math.log1p(x.len) / 5;
  v[k++] = x.len ? x.han / x.len : 0;
  v[k++] = x.prose ? 1 : 0;
  v[k++] = x.prose && x.endsSentence && x.len >= 30 ? 1 : 0;
  v[k++] = x.endsSentence ? 1 : 0;
  v[k++] = x.symbolic ? 1 : 0;
  v[k++] = (s.digits ? s.digits(i) : DIGIT.test(x.text)) ? 1 : 0;
  v[k++] = s.structureLike(i) ? 1 : 0;
  let flagged = 0;
  let confident = 0;
  let seen = 0;
  const r = rank[i];
  for (let d = -NEAR; d <= NEAR; d++) {
    if (d === 0 || r + d < 0 || r + d >= nonBlank.length) continue;
    const g = flags[nonBlank[r + d]];
    seen++;
    if (g) flagged++;
    if (g?.confident) confident++;
  }
  v[k++] = seen ? flagged / seen : 0;
  v[k++] = seen ? confident / seen : 0;
  let dist = 20;
  if (body) {
    const a = rank[body.start] >= 0 ? rank[body.start] : 0;
    const b = rank[body.end] >= 0 ? rank[body.end] : a;
    dist = r < a ? a - r : r > b ? r - b : 0;
  }
  v[k++] = Math.min(dist, 20) / 20;
  v[k++] = menu[i] ? 1 : 0;
  v[k] = menu[i] === 3 ? 1 : 0;
}

export function probability(w: ScorerWeights, v: Float64Array): number {
  let z = 0;
  for (let k = 0; k < v.length; k++) z += w.weights[k] * v[k];
  return 1 / (1 + Math.exp(-z));
}

/** Logistic regression by full-batch gradient descent with L2; deterministic (zero start, fixed steps). */
export function fitLogistic(xs: Float64Array[], ys: number[], epochs = 300, rate = 0.5, l2 = 1e-3): number[] {
  const d = FEATURES.length;
  const w = new Float64Array(d);
  const m = new Float64Array(d);
  const v2 = new Float64Array(d);
  const n = xs.length;
  if (n === 0) return Array.from(w);
  // Adam: the features have different scales, plain descent would need per-feature rates.
  const b1 = 0.9;
  const b2 = 0.999;
  for (let t = 1; t <= epochs; t++) {
    const g = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      let z = 0;
      for (let k = 0; k < d; k++) z += w[k] * x[k];
      const err = 1 / (1 + Math.exp(-z)) - ys[i];
      for (let k = 0; k < d; k++) g[k] += err * x[k];
    }
    for (let k = 0; k < d; k++) {
      const gk = g[k] / n + (k === 0 ? 0 : l2 * w[k]);
      m[k] = b1 * m[k] + (1 - b1) * gk;
      v2[k] = b2 * v2[k] + (1 - b2) * gk * gk;
      const mh = m[k] / (1 - b1 ** t);
      const vh = v2[k] / (1 - b2 ** t);
      w[k] -= (rate * 0.1 * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return Array.from(w, (x) => Math.round(x * 1e6) / 1e6);
}
