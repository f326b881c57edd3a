/**
 * The statistical layer: a first-order character tagger (BIOES over PER/ORG/LOC) with hashed features and
 * Viterbi decoding. The weights come from an averaged structured perceptron (see trainer.ts), quantised to
 * int8 and stored sparsely in models/ner.bin.
 */
import type { EntityType } from '../types';
import type { Span } from './gazetteer';
import { extractFeatures, FEATURES_PER_CHAR, FEATURE_VERSION } from './features';
import { Trie, Trie as TrieCtor } from './trie';
import { WordSet } from './words';
import { NameLexicon, parseLexicon, serializeLexicon } from './lexicon';

/**
 * BIOES over PER/ORG/LOC: B- begins, I- continues, E- ends a name of two characters or more, S- is a
 * one-character name. Explicit end tags let the emission weights learn what a name's last character looks like.
 */
export const TAGS = [
  'O',
  'B-PER', 'I-PER', 'E-PER', 'S-PER',
  'B-ORG', 'I-ORG', 'E-ORG', 'S-ORG',
  'B-LOC', 'I-LOC', 'E-LOC', 'S-LOC',
] as const;
export const NTAGS = TAGS.length;
const TAG_TYPE: (EntityType | undefined)[] = [undefined, 'PER', 'PER', 'PER', 'PER', 'ORG', 'ORG', 'ORG', 'ORG', 'LOC', 'LOC', 'LOC', 'LOC'];
/** 0 O, 1 B, 2 I, 3 E, 4 S. */
const ROLE = TAGS.map((t, i) => (i === 0 ? 0 : (i - 1) % 4 + 1));

/** I- and E- continue an open name (after B- or I- of the same type); O, B- and S- need none open. */
export function allowed(prev: number, next: number): boolean {
  const open = prev > 0 && (ROLE[prev] === 1 || ROLE[prev] === 2);
  const r = ROLE[next];
  if (r === 2 || r === 3) return open && TAG_TYPE[prev] === TAG_TYPE[next];
  return !open;
}

/** May a sentence end on this tag (not inside an open name)? */
export function canEnd(tag: number): boolean {
  return ROLE[tag] !== 1 && ROLE[tag] !== 2;
}

/**
 * Tag indices for a sentence's BIO tag strings (the MSRA files' scheme), as BIOES: a B- or I- whose next tag
 * does not continue the name becomes S- or E-; an I- without its B- begins a name.
 */
export function goldTags(bio: readonly string[]): Uint8Array {
  const n = bio.length;
  const out = new Uint8Array(n);
  const type = (t: string) => (t.length > 2 && (t[0] === 'B' || t[0] === 'I') && t[1] === '-' ? t.slice(2) : '');
  for (let i = 0; i < n; i++) {
    const ty = type(bio[i]);
    const k = ty === 'PER' ? 0 : ty === 'ORG' ? 1 : ty === 'LOC' ? 2 : -1;
    if (k < 0) continue;
    const begins = bio[i][0] === 'B' || type(bio[i - 1] ?? '') !== ty;
    const continues = i + 1 < n && bio[i + 1][0] === 'I' && type(bio[i + 1]) === ty;
    out[i] = 1 + 4 * k + (begins ? (continues ? 0 : 3) : continues ? 1 : 2);
  }
  return out;
}

export interface Tagger {
  /** `noNames`: decode without the external name lexicon (the ablation table's row; never in the product). */
  tag(norm: string, gaz: Trie<EntityType> | undefined, noNames?: boolean): (Span & { confidence: number })[];
  /** The external name lexicon the model was trained with, if it has one. */
  readonly names?: NameLexicon;
  /** The names seen in training, with their usual type. */
  readonly trainingNames?: Trie<EntityType>;
  /** The word lexicon the model was trained with, if it has one. */
  readonly words?: WordSet;
}

/** Weights as the decoder reads them: emission weights per (feature bucket, tag), and transitions. */
export interface TaggerWeights {
  bits: number;
  /** 2^bits * NTAGS emission weights (training; empty when `quad` is set). */
  emission: Float32Array;
  /** Decoded int8 weights biased to 0..255, 16 bytes (4 words) per bucket, read as 32-bit words. */
  quad?: Int32Array;
  /** Multiplier that turns `emission` values into scores. */
  scale: number;
  /** (NTAGS + 1) * NTAGS: row 0 is the start, row p+1 follows tag p. */
  transition: Float32Array;
  /** Names seen in training with their usual type (feature source; shipped inside the model). */
  lexicon?: [string, EntityType][];
  /** Words induced from the training text (word-boundary features; shipped inside the model). */
  words?: string[];
  /** External name lexicon entries (word, class bits: lexicon.ts), shipped inside the model. */
  names?: [string, number][];
}

const LEX_TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MEDIA'];

export function lexiconTrie(entries: [string, EntityType][] | undefined): Trie<EntityType> | undefined {
  if (!entries?.length) return undefined;
  const trie = new TrieCtor<EntityType>();
  for (const [k, v] of entries) trie.set(k, v);
  return trie;
}

// Reused work arrays: decoding is synchronous, so one set per process is enough and saves the garbage
// collector a few arrays per line.
const floatScratch: Float64Array[] = [new Float64Array(0), new Float64Array(0)];
let backScratch = new Uint8Array(0);
function scratch(size: number, which: number): Float64Array {
  if (floatScratch[which].length < size) floatScratch[which] = new Float64Array(size * 2);
  return floatScratch[which];
}

/** Tags that close any open name (O, E-, S-): the only legal predecessors of O, B- and S-. */
const CLOSED = Int32Array.from(TAGS.map((_, i) => i).filter((i) => i === 0 || ROLE[i] >= 3));
/** Tags that need no open name: O, B-, S-. */
const OPENERS = Int32Array.from(TAGS.map((_, i) => i).filter((i) => i === 0 || ROLE[i] === 1 || ROLE[i] === 4));

/** Bias added to each int8 weight so the summed lanes stay non-negative and never borrow from each other. */
const LANE_BIAS = 128;

/**
 * Emission scores (n x NTAGS) into `em`. A decoded model's bucket is 16 biased bytes; each 32-bit word is split
 * into its even and odd bytes, which land in 16-bit lanes (27 features x 255 < 2^16), so one add serves two
 * tags and the table is half the size of 16-bit weights. Training weights are plain floats.
 */
function emissions(w: TaggerWeights, ids: Uint32Array, n: number, em: Float64Array): void {
  const F = FEATURES_PER_CHAR;
  const T = NTAGS;
  const scale = w.scale;
  const quad = w.quad;
  if (quad) {
    const bias = LANE_BIAS * F;
    const M = 0x00ff00ff;
    for (let i = 0; i < n; i++) {
      const base = i * F;
      let a0 = 0, b0 = 0, a1 = 0, b1 = 0, a2 = 0, b2 = 0, a3 = 0;
      for (let f = 0; f < F; f++) {
        const off = ids[base + f] << 2;
        const w0 = quad[off], w1 = quad[off + 1], w2 = quad[off + 2], w3 = quad[off + 3];
        a0 += w0 & M;
        b0 += (w0 >>> 8) & M;
        a1 += w1 & M;
        b1 += (w1 >>> 8) & M;
        a2 += w2 & M;
        b2 += (w2 >>> 8) & M;
        // Word 3 holds tag 12 and padding: only its even lanes are read.
        a3 += w3 & M;
      }
      const row = i * T;
      em[row] = ((a0 & 0xffff) - bias) * scale;
      em[row + 1] = ((b0 & 0xffff) - bias) * scale;
      em[row + 2] = ((a0 >>> 16) - bias) * scale;
      em[row + 3] = ((b0 >>> 16) - bias) * scale;
      em[row + 4] = ((a1 & 0xffff) - bias) * scale;
      em[row + 5] = ((b1 & 0xffff) - bias) * scale;
      em[row + 6] = ((a1 >>> 16) - bias) * scale;
      em[row + 7] = ((b1 >>> 16) - bias) * scale;
      em[row + 8] = ((a2 & 0xffff) - bias) * scale;
      em[row + 9] = ((b2 & 0xffff) - bias) * scale;
      em[row + 10] = ((a2 >>> 16) - bias) * scale;
      em[row + 11] = ((b2 >>> 16) - bias) * scale;
      em[row + 12] = ((a3 & 0xffff) - bias) * scale;
    }
    return;
  }
  const e = w.emission;
  for (let i = 0; i < n; i++) {
    const base = i * F;
    const row = i * T;
    for (let t = 0; t < T; t++) em[row + t] = 0;
    for (let f = 0; f < F; f++) {
      const off = ids[base + f] * T;
      for (let t = 0; t < T; t++) em[row + t] += e[off + t];
    }
    for (let t = 0; t < T; t++) em[row + t] *= scale;
  }
}

/**
 * Best tag sequence for n positions whose feature ids are `ids`. With `margin`, also each tagged (non-O)
 * position's emission margin over the runner-up tag.
 */
export function viterbi(w: TaggerWeights, ids: Uint32Array, n: number, tags: Uint8Array, margin?: Float32Array): void {
  const T = NTAGS;
  const em = scratch(n * T, 0);
  emissions(w, ids, n, em);
  // Transitions with the illegal ones folded in as -Infinity.
  const tr = new Float64Array((T + 1) * T);
  for (let p = -1; p < T; p++) for (let t = 0; t < T; t++) tr[(p + 1) * T + t] = allowed(p, t) ? w.transition[(p + 1) * T + t] : -Infinity;
  const score = scratch(n * T, 1);
  if (backScratch.length < n * T) backScratch = new Uint8Array(n * T * 2);
  const back = backScratch;
  for (let t = 0; t < T; t++) score[t] = tr[t] + em[t];
  // Closed-to-opener transitions as a dense 7 x 7 block, so the inner loop reads no index tables.
  const nc = CLOSED.length;
  const no = OPENERS.length;
  const tc = new Float64Array(nc * no);
  for (let q = 0; q < nc; q++) for (let k = 0; k < no; k++) tc[k * nc + q] = tr[(CLOSED[q] + 1) * T + OPENERS[k]];
  const c0 = CLOSED[0], c1 = CLOSED[1], c2 = CLOSED[2], c3 = CLOSED[3], c4 = CLOSED[4], c5 = CLOSED[5], c6 = CLOSED[6];
  for (let i = 1; i < n; i++) {
    const pr = (i - 1) * T;
    const row = i * T;
    // O, B- and S- follow a closed name (O, E-, S-).
    const q0 = score[pr + c0], q1 = score[pr + c1], q2 = score[pr + c2], q3 = score[pr + c3], q4 = score[pr + c4], q5 = score[pr + c5], q6 = score[pr + c6];
    for (let k = 0; k < no; k++) {
      const t = OPENERS[k];
      const o = k * nc;
      let best = q0 + tc[o];
      let arg = c0;
      let v = q1 + tc[o + 1];
      if (v > best) { best = v; arg = c1; }
      v = q2 + tc[o + 2];
      if (v > best) { best = v; arg = c2; }
      v = q3 + tc[o + 3];
      if (v > best) { best = v; arg = c3; }
      v = q4 + tc[o + 4];
      if (v > best) { best = v; arg = c4; }
      v = q5 + tc[o + 5];
      if (v > best) { best = v; arg = c5; }
      v = q6 + tc[o + 6];
      if (v > best) { best = v; arg = c6; }
      score[row + t] = best + em[row + t];
      back[row + t] = arg;
    }
    // I- and E- follow their own B- or I-.
    for (let b = 1; b < T; b += 4) {
      const sb = score[pr + b];
      const si = score[pr + b + 1];
      for (let t = b + 1; t <= b + 2; t++) {
        const x = sb + tr[(b + 1) * T + t];
        const y = si + tr[(b + 2) * T + t];
        if (x >= y) {
          score[row + t] = x + em[row + t];
          back[row + t] = b;
        } else {
          score[row + t] = y + em[row + t];
          back[row + t] = b + 1;
        }
      }
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (canEnd(t) && score[(n - 1) * T + t] > best) {
      best = score[(n - 1) * T + t];
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    arg = back[i * T + arg];
  }
  if (margin) {
    for (let i = 0; i < n; i++) {
      if (!tags[i]) continue;
      const chosen = em[i * T + tags[i]];
      let other = -Infinity;
      for (let t = 0; t < T; t++) if (t !== tags[i] && em[i * T + t] > other) other = em[i * T + t];
      margin[i] = chosen - other;
    }
  }
}

/** Spans from a BIOES tag sequence (a B- or I- not closed by E- still ends a span, as decoders usually read it). */
export function spansFromTags(tags: ArrayLike<number>, n: number): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < n; ) {
    const type = TAG_TYPE[tags[i]];
    if (!type) {
      i++;
      continue;
    }
    let j = i + 1;
    if (ROLE[tags[i]] === 1 || ROLE[tags[i]] === 2) {
      while (j < n && TAG_TYPE[tags[j]] === type && ROLE[tags[j]] === 2) j++;
      if (j < n && TAG_TYPE[tags[j]] === type && ROLE[tags[j]] === 3) j++;
    }
    out.push({ start: i, end: j, type });
    i = j;
  }
  return out;
}

const MAGIC = 0x3152454e; // "NER1" little-endian

/** Serialises quantised weights: header, transitions, then (delta-varint bucket, NTAGS int8) for non-zero buckets. */
export function encodeModel(w: {
  bits: number;
  emission: Float32Array;
  transition: Float32Array;
  lexicon?: [string, EntityType][];
  words?: string[];
  names?: [string, number][];
}): Uint8Array {
  const T = NTAGS;
  let maxAbs = 0;
  for (let i = 0; i < w.emission.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w.emission[i]));
  const scale = maxAbs / 127 || 1;
  const buckets = 1 << w.bits;
  const idx: number[] = [];
  const q = new Int8Array(buckets * T);
  for (let b = 0; b < buckets; b++) {
    let any = false;
    for (let t = 0; t < T; t++) {
      const v = Math.round(w.emission[b * T + t] / scale);
      q[b * T + t] = v;
      if (v) any = true;
    }
    if (any) idx.push(b);
  }
  const header = 4 * 6 + 4 * (T + 1) * T;
  const bytes = new Uint8Array(header + idx.length * (5 + T));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FEATURE_VERSION, true);
  view.setUint32(8, w.bits, true);
  view.setUint32(12, T, true);
  view.setFloat32(16, scale, true);
  view.setUint32(20, idx.length, true);
  let o = 24;
  for (let i = 0; i < (T + 1) * T; i++, o += 4) view.setFloat32(o, w.transition[i], true);
  let prev = 0;
  for (const b of idx) {
    let d = b - prev;
    prev = b;
    while (d >= 0x80) {
      bytes[o++] = (d & 0x7f) | 0x80;
      d >>>= 7;
    }
    bytes[o++] = d;
  }
  for (const b of idx) for (let t = 0; t < T; t++) bytes[o++] = q[b * T + t] & 0xff;
  const lex = new TextEncoder().encode((w.lexicon ?? []).map(([k, v]) => `${LEX_TYPES.indexOf(v)}${k}`).join('\n'));
  const words = new TextEncoder().encode((w.words ?? []).join('\n'));
  const names = new TextEncoder().encode(serializeLexicon(w.names ?? []));
  const total = new Uint8Array(o + 4 + lex.length + 4 + words.length + 4 + names.length);
  total.set(bytes.subarray(0, o));
  const tv = new DataView(total.buffer);
  tv.setUint32(o, lex.length, true);
  total.set(lex, o + 4);
  tv.setUint32(o + 4 + lex.length, words.length, true);
  total.set(words, o + 8 + lex.length);
  const at = o + 8 + lex.length + words.length;
  tv.setUint32(at, names.length, true);
  total.set(names, at + 4);
  return total;
}

export function decodeModel(bytes: Uint8Array): TaggerWeights {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('not an NER model (bad magic)');
  const version = view.getUint32(4, true);
  if (version !== FEATURE_VERSION) throw new Error(`NER model has feature version ${version}, this build expects ${FEATURE_VERSION}`);
  const bits = view.getUint32(8, true);
  const T = view.getUint32(12, true);
  if (T !== NTAGS) throw new Error('NER model has an unexpected tag set');
  const scale = view.getFloat32(16, true);
  const count = view.getUint32(20, true);
  let o = 24;
  const transition = new Float32Array((T + 1) * T);
  for (let i = 0; i < transition.length; i++, o += 4) transition[i] = view.getFloat32(o, true);
  const idx = new Uint32Array(count);
  let prev = 0;
  for (let k = 0; k < count; k++) {
    let d = 0;
    let s = 0;
    let byte: number;
    do {
      byte = bytes[o++];
      d |= (byte & 0x7f) << s;
      s += 7;
    } while (byte & 0x80);
    prev += d;
    idx[k] = prev;
  }
  // One byte per tag, biased to 0..255, 16 bytes per bucket so none straddles a cache line; emissions() reads
  // four at a time.
  const u8 = new Uint8Array((1 << bits) * 16).fill(LANE_BIAS);
  for (let k = 0; k < count; k++) for (let t = 0; t < T; t++) u8[idx[k] * 16 + t] = ((bytes[o++] << 24) >> 24) + LANE_BIAS;
  const { lexicon, words, names } = tail(bytes, o);
  return { bits, emission: new Float32Array(0), quad: new Int32Array(u8.buffer), scale, transition, lexicon, words, names };
}

/** The lexicon and word list stored after the weights. */
function tail(bytes: Uint8Array, o: number): { lexicon?: [string, EntityType][]; words?: string[]; names?: [string, number][] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let lexicon: [string, EntityType][] | undefined;
  if (o + 4 <= bytes.length) {
    const len = view.getUint32(o, true);
    const text = new TextDecoder().decode(bytes.subarray(o + 4, o + 4 + len));
    lexicon = text ? text.split('\n').map((l) => [l.slice(1), LEX_TYPES[Number(l[0])]] as [string, EntityType]) : [];
    o += 4 + len;
  }
  let words: string[] | undefined;
  if (o + 4 <= bytes.length) {
    const len = view.getUint32(o, true);
    const text = new TextDecoder().decode(bytes.subarray(o + 4, o + 4 + len));
    words = text ? text.split('\n') : [];
    o += 4 + len;
  }
  let names: [string, number][] | undefined;
  if (o + 4 <= bytes.length) {
    const len = view.getUint32(o, true);
    names = parseLexicon(new TextDecoder().decode(bytes.subarray(o + 4, o + 4 + len)));
  }
  return { lexicon, words, names };
}

/** A tagger over the bytes of models/ner.bin. */
export function loadTagger(bytes: Uint8Array): Tagger {
  return taggerFromWeights(decodeModel(bytes));
}

// Per-process work arrays for tag(): it is synchronous, and a page has thousands of lines.
let idScratch = new Uint32Array(0);
let tagScratch = new Uint8Array(0);
let marginScratch = new Float32Array(0);

export function taggerFromWeights(w: TaggerWeights): Tagger {
  const lex = lexiconTrie(w.lexicon);
  const words = w.words?.length ? new WordSet(w.words) : undefined;
  const names = w.names?.length ? new NameLexicon(w.names) : undefined;
  return {
    words,
    names,
    trainingNames: lex,
    tag(norm, gaz, noNames) {
      const n = norm.length;
      if (!n) return [];
      if (idScratch.length < n * FEATURES_PER_CHAR) idScratch = new Uint32Array(n * FEATURES_PER_CHAR * 2);
      if (tagScratch.length < n) {
        tagScratch = new Uint8Array(n * 2);
        marginScratch = new Float32Array(n * 2);
      }
      const ids = extractFeatures(norm, gaz, w.bits, idScratch, lex, words, noNames ? undefined : names);
      const tags = tagScratch;
      const margin = marginScratch;
      viterbi(w, ids, n, tags, margin);
      return spansFromTags(tags, n).map((s) => {
        let m = Infinity;
        for (let i = s.start; i < s.end; i++) m = Math.min(m, margin[i]);
        // A squashed emission margin: not a calibrated probability, but ordered like one.
        return { ...s, confidence: Math.round((1 / (1 + Math.exp(-m / 4))) * 100) / 100 };
      });
    },
  };
}
