/**
 * Fine-tuning the shipped tagger on reviewed articles, as a sparse **overlay** of weight deltas applied over the
 * shipped weights (which are never modified on disk). The update is the shipped model's own learning rule, a
 * structured perceptron with averaging, started from the shipped weights: the features are the shared extractor's
 * (features.ts), the decoder is decode.ts, so training and decoding cannot drift. The overlay records the model's
 * feature version and fingerprint, and is refused for any other model, never misapplied.
 *
 * Pure: the server runs `fineTuneSteps` in slices (it yields after every line) and does the file I/O.
 */
import type { EntityType } from '../types';
import { extractFeatures, FEATURE_VERSION, FEATURES_PER_CHAR } from './features';
import { gazetteerTrie } from './gazetteer';
import { emissions, viterbiScores } from './decode';
import { LANE_BIAS, tableInMemory, type TaggerWeights, unpackEmissions } from './modelFormat';
import { NTAGS } from './tagScheme';
import type { Tagger } from './tagger';

/** One line of a reviewed article as the recogniser tags it (normalised), with its BIOES tag per code unit. */
export interface TrainingLine {
  norm: string;
  tags: Uint8Array;
}

/** A sparse set of weight deltas over one model. */
export interface ModelOverlay {
  /** The feature templates the deltas are keyed by (features.ts FEATURE_VERSION). */
  featureVersion: number;
  /** The fingerprint of the model file the deltas were learned on (tagger.ts modelFingerprint). */
  model: string;
  bits: number;
  /** Emission deltas per feature bucket, NTAGS each, in steps of the model's int8 quantisation. */
  emission: Map<number, Int8Array>;
  /** Transition deltas ((NTAGS + 1) x NTAGS), in score units like TaggerWeights.transition. */
  transition: Float32Array;
  /** What it was learned from and how (shown to the user, written to the file). */
  info: OverlayInfo;
}

export interface OverlayInfo {
  articles: number;
  lines: number;
  epochs: number;
  rate: number;
  margin: number;
  /** ISO time; left empty by the pure code (the caller stamps it), so runs are byte-for-byte repeatable. */
  created: string;
}

export interface FineTuneOptions {
  /** Passes over the reviewed lines. */
  epochs?: number;
  /** Size of one perceptron update, in int8 steps of the shipped model (how strongly a reviewed line counts). */
  rate?: number;
  seed?: number;
  /**
   * Margin, in int8 steps per feature of a character (so in units of the model's own scale): training decodes with
   * every wrong tag given this head start (loss-augmented decoding), so a reviewed name is learned with room to
   * spare, not just barely (the averaged, quantised weights would lose it again).
   */
  margin?: number;
  /** Leave the shared, few-valued templates (classes, flags, dictionary and word positions: the first 2^15
   * buckets) alone and learn only character and word identities (default true: measured, see docs/annotation.md). */
  lexicalOnly?: boolean;
  /** Also learn transition deltas (default false: measured, see docs/annotation.md). */
  transitions?: boolean;
  /** How many articles the lines came from (recorded in the overlay's info). */
  articles?: number;
}

/**
 * Defaults chosen by cross-validation inside the fed-back pages only (scripts/eval/learning.ts, docs/annotation.md):
 * leave-one-reviewed-page-out over the grid there, never on the pages the learning curve scores.
 */
export const FINE_TUNE_DEFAULTS = { epochs: 4, rate: 2, margin: 1, seed: 20261205 } as const;

const TAG_OFFSET: Record<EntityType, number> = { PER: 1, ORG: 5, LOC: 9, MEDIA: 5 };
const HAN_RE = /\p{Script=Han}/u;
/** As the recogniser's tagAll: longer lines are tagged in slices, and are left out of training. */
const MAX_LINE = 4096;

/**
 * Training lines from an article's reviewed annotations: every line with a Han character (and accepted by
 * `keepLine`, e.g. not boilerplate), its names tagged BIOES (MEDIA as ORG, the tagger's closest type; dates and
 * overlapping or line-crossing spans are left out). A line with no name teaches the tagger what is not one.
 */
export function trainingLines(
  norm: string,
  annotations: readonly { start: number; end: number; label: string }[],
  keepLine: (line: number) => boolean = () => true,
): TrainingLine[] {
  const spans = annotations
    .filter((a): a is { start: number; end: number; label: EntityType } => a.label in TAG_OFFSET && a.end > a.start)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TrainingLine[] = [];
  let k = 0;
  let line = 0;
  for (let start = 0; start <= norm.length; line++) {
    let end = norm.indexOf('\n', start);
    if (end < 0) end = norm.length;
    const text = norm.slice(start, end);
    while (k < spans.length && spans[k].end <= start) k++;
    if (keepLine(line) && text.length <= MAX_LINE && HAN_RE.test(text)) {
      const tags = new Uint8Array(text.length);
      let last = start;
      for (let j = k; j < spans.length && spans[j].start < end; j++) {
        const s = spans[j];
        if (s.start < last || s.end > end) continue;
        const base = TAG_OFFSET[s.label];
        const a = s.start - start;
        const b = s.end - start;
        if (b - a === 1) tags[a] = base + 3;
        else {
          tags[a] = base;
          for (let i = a + 1; i < b - 1; i++) tags[i] = base + 1;
          tags[b - 1] = base + 2;
        }
        last = s.end;
      }
      out.push({ norm: text, tags });
    }
    start = end + 1;
  }
  return out;
}

/** The same line reviewed twice (a repeated caption) counts once, as the recogniser tags it once. */
export function distinctLines(lines: readonly TrainingLine[]): TrainingLine[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    const key = `${l.norm}\u0000${l.tags.join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The perceptron's shuffle: xorshift32, seeded, so training (here and in scripts/training) is deterministic. */
export function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

/** A line with its features and the shipped model's scores, computed once (they do not change while learning). */
export interface PreparedLine {
  tags: Uint8Array;
  ids: Uint32Array;
  base: Float64Array;
}

export function prepareLines(tagger: Tagger, lines: readonly TrainingLine[]): PreparedLine[] {
  const w = tagger.weights;
  if (!w?.quad) throw new Error('fine-tuning needs the tagger of a model file');
  const gaz = gazetteerTrie();
  return lines.map((l) => {
    const n = l.norm.length;
    const ids = extractFeatures(l.norm, gaz, w.bits, undefined, tagger.trainingNames, tagger.words, tagger.names).slice(
      0,
      n * FEATURES_PER_CHAR,
    );
    const base = new Float64Array(n * NTAGS);
    emissions(w, ids, n, base);
    return { tags: l.tags, ids, base };
  });
}

export interface FineTuneProgress {
  done: number;
  total: number;
}

/**
 * The fine-tuning as a generator: it yields after each line (so a caller can run it in slices, report progress
 * and stop), and returns the overlay. Deterministic for the same tagger, lines and options.
 */
export function* fineTuneSteps(
  tagger: Tagger,
  input: readonly (TrainingLine | PreparedLine)[],
  options: FineTuneOptions = {},
): Generator<FineTuneProgress, ModelOverlay, void> {
  const w = tagger.weights;
  if (!w?.quad || !tagger.fingerprint) throw new Error('fine-tuning needs the tagger of a model file');
  const epochs = options.epochs ?? FINE_TUNE_DEFAULTS.epochs;
  const rate = options.rate ?? FINE_TUNE_DEFAULTS.rate;
  const learnTransitions = options.transitions ?? false;
  const margin = (options.margin ?? FINE_TUNE_DEFAULTS.margin) * FEATURES_PER_CHAR * w.scale;
  const firstLexical = (options.lexicalOnly ?? true) ? 1 << Math.min(w.bits - 2, 15) : 0;
  const T = NTAGS;
  const F = FEATURES_PER_CHAR;
  // Preparing a line costs about as much as one pass over it: it counts as one step of the progress.
  const total = (epochs + 1) * input.length;
  let done = 0;
  const prepared: PreparedLine[] = [];
  for (const l of input) {
    prepared.push('ids' in l ? l : prepareLines(tagger, [l])[0]);
    yield { done: ++done, total };
  }
  const lines = prepared;
  const ids = prepared.map((l) => l.ids);
  const base = prepared.map((l) => l.base);
  // Perceptron state: current deltas and the running sums for averaging (w_avg = w - u / c), in int8 steps.
  const cur = new Map<number, Float32Array>();
  const sum = new Map<number, Float32Array>();
  const trCur = new Float32Array((T + 1) * T);
  const trSum = new Float32Array((T + 1) * T);
  const tr = new Float32Array((T + 1) * T);
  const get = (m: Map<number, Float32Array>, b: number) => {
    let v = m.get(b);
    if (!v) m.set(b, (v = new Float32Array(T)));
    return v;
  };
  const random = xorshift(options.seed ?? FINE_TUNE_DEFAULTS.seed);
  const order = lines.map((_, i) => i);
  let c = 1;
  let pred = new Uint8Array(256);
  let em = new Float64Array(256 * T);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const g = lines[k].tags;
      const f = ids[k];
      const n = g.length;
      if (pred.length < n) {
        pred = new Uint8Array(n * 2);
        em = new Float64Array(n * 2 * T);
      }
      em.set(base[k]);
      for (let i = 0; i < n; i++) {
        for (let q = 0; q < F; q++) {
          const d = cur.get(f[i * F + q]);
          if (d) for (let t = 0; t < T; t++) em[i * T + t] += d[t] * w.scale;
        }
      }
      if (margin) for (let i = 0; i < n; i++) for (let t = 0; t < T; t++) if (t !== g[i]) em[i * T + t] += margin;
      for (let i = 0; i < tr.length; i++) tr[i] = w.transition[i] + trCur[i] * w.scale;
      viterbiScores(tr, em, n, pred);
      for (let i = 0; i < n; i++) {
        const gp = i ? g[i - 1] + 1 : 0;
        const pp = i ? pred[i - 1] + 1 : 0;
        if (pred[i] !== g[i]) {
          for (let q = 0; q < F; q++) {
            const b = f[i * F + q];
            if (b < firstLexical) continue;
            const dc = get(cur, b);
            const ds = get(sum, b);
            dc[g[i]] += rate;
            ds[g[i]] += c * rate;
            dc[pred[i]] -= rate;
            ds[pred[i]] -= c * rate;
          }
        }
        if (learnTransitions && (pred[i] !== g[i] || gp !== pp)) {
          trCur[gp * T + g[i]] += rate;
          trSum[gp * T + g[i]] += c * rate;
          trCur[pp * T + pred[i]] -= rate;
          trSum[pp * T + pred[i]] -= c * rate;
        }
      }
      c++;
      done++;
      yield { done, total };
    }
  }
  const emission = new Map<number, Int8Array>();
  for (const b of [...cur.keys()].sort((x, y) => x - y)) {
    const dc = cur.get(b)!;
    const ds = sum.get(b)!;
    const q = new Int8Array(T);
    let any = false;
    for (let t = 0; t < T; t++) {
      const v = Math.max(-127, Math.min(127, Math.round(dc[t] - ds[t] / c)));
      q[t] = v;
      if (v) any = true;
    }
    if (any) emission.set(b, q);
  }
  const transition = new Float32Array(tr.length);
  for (let i = 0; i < tr.length; i++) transition[i] = (trCur[i] - trSum[i] / c) * w.scale;
  return {
    featureVersion: FEATURE_VERSION,
    model: tagger.fingerprint,
    bits: w.bits,
    emission,
    transition,
    info: {
      articles: options.articles ?? 0,
      lines: lines.length,
      epochs,
      rate,
      margin: options.margin ?? FINE_TUNE_DEFAULTS.margin,
      created: '',
    },
  };
}

/** The fine-tuning run to the end (the CLI, the eval, the tests). */
export function fineTune(tagger: Tagger, lines: readonly (TrainingLine | PreparedLine)[], options: FineTuneOptions = {}): ModelOverlay {
  const it = fineTuneSteps(tagger, lines, options);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Why an overlay cannot be used with this tagger (a reason code and the two values), or undefined when it can. */
export function overlayMismatch(
  overlay: Pick<ModelOverlay, 'featureVersion' | 'model' | 'bits'>,
  tagger: Tagger | undefined,
): { reason: 'noModel' } | { reason: 'featureVersion' | 'model'; overlay: string; current: string } | undefined {
  const w = tagger?.weights;
  if (!tagger || !w?.quad || !tagger.fingerprint) return { reason: 'noModel' };
  if (overlay.featureVersion !== FEATURE_VERSION)
    return { reason: 'featureVersion', overlay: String(overlay.featureVersion), current: String(FEATURE_VERSION) };
  if (overlay.model !== tagger.fingerprint || overlay.bits !== w.bits)
    return { reason: 'model', overlay: overlay.model, current: tagger.fingerprint };
  return undefined;
}

function unpackedTable(packed: Int32Array, bits: number): Int32Array {
  const full = unpackEmissions(packed, bits);
  return new Int32Array(full.buffer, full.byteOffset, full.length / 4);
}

/**
 * The tagger's weights with the overlay added: the emission table is copied (or changed in place with `inPlace`,
 * when the caller decoded the weights for this alone), each int8 weight clamped to the format's range. Throws when
 * the overlay does not belong to this model (check `overlayMismatch` first for a friendly message).
 */
export function applyOverlay(tagger: Tagger, overlay: ModelOverlay, inPlace = false): TaggerWeights {
  const problem = overlayMismatch(overlay, tagger);
  if (problem) throw new Error(`model overlay refused: ${problem.reason}`);
  const w = tagger.weights!;
  // A packed table (modelFormat.ts packEmissions) is unpacked, changed and packed again into a memory of its own:
  // a delta may make a bucket of zero weights non-zero.
  const quad = w.packed ? unpackedTable(w.quad!, w.bits) : inPlace ? w.quad! : new Int32Array(w.quad!);
  const u8 = new Uint8Array(quad.buffer, quad.byteOffset, quad.byteLength);
  const T = NTAGS;
  for (const [b, d] of overlay.emission) {
    for (let t = 0; t < T; t++) {
      if (!d[t]) continue;
      const i = b * 16 + t;
      u8[i] = Math.max(LANE_BIAS - 127, Math.min(LANE_BIAS + 127, u8[i] + d[t]));
    }
  }
  const transition = new Float32Array(w.transition);
  for (let i = 0; i < transition.length; i++) transition[i] += overlay.transition[i];
  return { ...w, ...(w.packed ? tableInMemory(quad, w.bits) : { quad }), transition };
}

const MAGIC = 0x3144414e; // "NAD1" little-endian

/**
 * The overlay file: magic, a JSON header (feature version, model fingerprint, bits, info), the transition deltas
 * as float32, then each changed bucket as a delta-varint index and NTAGS int8 deltas.
 */
export function encodeOverlay(o: ModelOverlay): Uint8Array {
  const T = NTAGS;
  const header = new TextEncoder().encode(
    JSON.stringify({ featureVersion: o.featureVersion, model: o.model, bits: o.bits, tags: T, buckets: o.emission.size, ...o.info }),
  );
  const buckets = [...o.emission.keys()].sort((a, b) => a - b);
  const bytes = new Uint8Array(8 + header.length + 4 * o.transition.length + buckets.length * (5 + T));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, header.length, true);
  bytes.set(header, 8);
  let p = 8 + header.length;
  for (const v of o.transition) {
    view.setFloat32(p, v, true);
    p += 4;
  }
  let prev = 0;
  for (const b of buckets) {
    let d = b - prev;
    prev = b;
    while (d >= 0x80) {
      bytes[p++] = (d & 0x7f) | 0x80;
      d >>>= 7;
    }
    bytes[p++] = d;
    for (const v of o.emission.get(b)!) bytes[p++] = v & 0xff;
  }
  return bytes.slice(0, p);
}

/** Reads an overlay file; throws an Error whose message says what is wrong with it. */
export function decodeOverlay(bytes: Uint8Array): ModelOverlay {
  const T = NTAGS;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not a model overlay (bad magic number)');
  const len = view.getUint32(4, true);
  let h: Record<string, unknown>;
  try {
    h = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + len))) as Record<string, unknown>;
  } catch {
    throw new Error('model overlay header unreadable');
  }
  if (typeof h.featureVersion !== 'number' || typeof h.model !== 'string' || typeof h.bits !== 'number' || h.tags !== T)
    throw new Error('model overlay header incomplete');
  let p = 8 + len;
  const transition = new Float32Array((T + 1) * T);
  if (p + 4 * transition.length > bytes.length) throw new Error('model overlay truncated');
  for (let i = 0; i < transition.length; i++, p += 4) transition[i] = view.getFloat32(p, true);
  const emission = new Map<number, Int8Array>();
  const limit = 2 ** h.bits;
  let prev = 0;
  while (p < bytes.length) {
    let d = 0;
    let s = 0;
    let byte: number;
    do {
      if (p >= bytes.length) throw new Error('model overlay truncated');
      byte = bytes[p++];
      d += (byte & 0x7f) * 2 ** s;
      s += 7;
    } while (byte & 0x80);
    prev += d;
    if (prev >= limit || p + T > bytes.length) throw new Error('model overlay truncated or corrupt');
    emission.set(prev, new Int8Array(bytes.slice(p, p + T).buffer));
    p += T;
  }
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return {
    featureVersion: h.featureVersion,
    model: h.model,
    bits: h.bits,
    emission,
    transition,
    info: {
      articles: num(h.articles),
      lines: num(h.lines),
      epochs: num(h.epochs),
      rate: num(h.rate),
      margin: num(h.margin),
      created: typeof h.created === 'string' ? h.created : '',
    },
  };
}
