/**
 * The statistical layer: a first-order character tagger (BIO over PER/ORG/LOC) with hashed features and
 * Viterbi decoding. The weights come from an averaged structured perceptron (see trainer.ts), quantised to
 * int8 and stored sparsely in models/ner.bin.
 */
import type { EntityType } from '../types';
import type { Span } from './gazetteer';
import { extractFeatures, FEATURES_PER_CHAR, FEATURE_VERSION } from './features';
import { Trie, Trie as TrieCtor } from './trie';
import { WordSet } from './words';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export const NTAGS = TAGS.length;
const TAG_TYPE: (EntityType | undefined)[] = [undefined, 'PER', 'PER', 'ORG', 'ORG', 'LOC', 'LOC'];
const IS_INSIDE = [false, false, true, false, true, false, true];

/** An I- tag may only follow the B- or I- tag of its own type. */
export function allowed(prev: number, next: number): boolean {
  if (!IS_INSIDE[next]) return true;
  if (prev < 0) return false;
  return prev === next || prev === next - 1;
}

export interface Tagger {
  tag(norm: string, gaz: Trie<EntityType> | undefined): (Span & { confidence: number })[];
  /** The word lexicon the model was trained with, if it has one. */
  readonly words?: WordSet;
}

/** Weights as the decoder reads them: emission weights per (feature bucket, tag), and transitions. */
export interface TaggerWeights {
  bits: number;
  /** 2^bits * NTAGS emission weights. */
  emission: Float32Array | Int8Array;
  /** Emission values per bucket (NTAGS while training; 8 when decoded, so a bucket never straddles a cache line). */
  stride?: number;
  /** Multiplier that turns `emission` values into scores. */
  scale: number;
  /** (NTAGS + 1) * NTAGS: row 0 is the start, row p+1 follows tag p. */
  transition: Float32Array;
  /** Names seen in training with their usual type (feature source; shipped inside the model). */
  lexicon?: [string, EntityType][];
  /** Words induced from the training text (word-boundary features; shipped inside the model). */
  words?: string[];
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

/** Best tag sequence for n positions whose feature ids are `ids`. Also returns each position's margin. */
export function viterbi(w: TaggerWeights, ids: Uint32Array, n: number, tags: Uint8Array, margin?: Float32Array): void {
  const F = FEATURES_PER_CHAR;
  const T = NTAGS;
  const em = scratch(n * T, 0);
  const e = w.emission;
  const scale = w.scale;
  const stride = w.stride ?? T;
  for (let i = 0; i < n; i++) {
    const base = i * F;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    for (let f = 0; f < F; f++) {
      const off = ids[base + f] * stride;
      s0 += e[off];
      s1 += e[off + 1];
      s2 += e[off + 2];
      s3 += e[off + 3];
      s4 += e[off + 4];
      s5 += e[off + 5];
      s6 += e[off + 6];
    }
    const row = i * T;
    em[row] = s0 * scale;
    em[row + 1] = s1 * scale;
    em[row + 2] = s2 * scale;
    em[row + 3] = s3 * scale;
    em[row + 4] = s4 * scale;
    em[row + 5] = s5 * scale;
    em[row + 6] = s6 * scale;
  }
  // Transitions with the illegal ones (I- after anything but its own B-/I-) folded in as -Infinity.
  const tr = new Float64Array((T + 1) * T);
  for (let p = -1; p < T; p++) for (let t = 0; t < T; t++) tr[(p + 1) * T + t] = allowed(p, t) ? w.transition[(p + 1) * T + t] : -Infinity;
  const score = scratch(n * T, 1);
  if (backScratch.length < n * T) backScratch = new Uint8Array(n * T * 2);
  const back = backScratch;
  for (let t = 0; t < T; t++) score[t] = tr[t] + em[t];
  if (T === 7) {
    // Unrolled for the 7-tag set: O and B- targets take the best of all 7 predecessors, an I- target only its
    // own B- or I-.
    for (let i = 1; i < n; i++) {
      const pr = (i - 1) * 7;
      const row = i * 7;
      const p0 = score[pr], p1 = score[pr + 1], p2 = score[pr + 2], p3 = score[pr + 3], p4 = score[pr + 4], p5 = score[pr + 5], p6 = score[pr + 6];
      for (let t = 0; t < 7; t++) {
        if (t === 2 || t === 4 || t === 6) {
          const a = (t === 2 ? p1 : t === 4 ? p3 : p5) + tr[t * 7 + t];
          const b = (t === 2 ? p2 : t === 4 ? p4 : p6) + tr[(t + 1) * 7 + t];
          if (a >= b) {
            score[row + t] = a + em[row + t];
            back[row + t] = t - 1;
          } else {
            score[row + t] = b + em[row + t];
            back[row + t] = t;
          }
          continue;
        }
        let best = p0 + tr[7 + t];
        let arg = 0;
        let v = p1 + tr[14 + t];
        if (v > best) { best = v; arg = 1; }
        v = p2 + tr[21 + t];
        if (v > best) { best = v; arg = 2; }
        v = p3 + tr[28 + t];
        if (v > best) { best = v; arg = 3; }
        v = p4 + tr[35 + t];
        if (v > best) { best = v; arg = 4; }
        v = p5 + tr[42 + t];
        if (v > best) { best = v; arg = 5; }
        v = p6 + tr[49 + t];
        if (v > best) { best = v; arg = 6; }
        score[row + t] = best + em[row + t];
        back[row + t] = arg;
      }
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (score[(n - 1) * T + t] > best) {
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
      const chosen = em[i * T + tags[i]];
      let other = -Infinity;
      for (let t = 0; t < T; t++) if (t !== tags[i] && em[i * T + t] > other) other = em[i * T + t];
      margin[i] = chosen - other;
    }
  }
}

/** Spans from a BIO tag sequence (an I- without its B- starts a span, as decoders usually read it). */
export function spansFromTags(tags: ArrayLike<number>, n: number): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < n; ) {
    const type = TAG_TYPE[tags[i]];
    if (!type) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && IS_INSIDE[tags[j]] && TAG_TYPE[tags[j]] === type) j++;
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
  const total = new Uint8Array(o + 4 + lex.length + 4 + words.length);
  total.set(bytes.subarray(0, o));
  const tv = new DataView(total.buffer);
  tv.setUint32(o, lex.length, true);
  total.set(lex, o + 4);
  tv.setUint32(o + 4 + lex.length, words.length, true);
  total.set(words, o + 8 + lex.length);
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
  const stride = 8;
  const emission = new Int8Array((1 << bits) * stride);
  for (let k = 0; k < count; k++) {
    const base = idx[k] * stride;
    for (let t = 0; t < T; t++) emission[base + t] = (bytes[o++] << 24) >> 24;
  }
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
  }
  return { bits, emission, stride, scale, transition, lexicon, words };
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
  return {
    words,
    tag(norm, gaz) {
      const n = norm.length;
      if (!n) return [];
      if (idScratch.length < n * FEATURES_PER_CHAR) idScratch = new Uint32Array(n * FEATURES_PER_CHAR * 2);
      if (tagScratch.length < n) {
        tagScratch = new Uint8Array(n * 2);
        marginScratch = new Float32Array(n * 2);
      }
      const ids = extractFeatures(norm, gaz, w.bits, idScratch, lex, words);
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
