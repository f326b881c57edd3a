/**
 * The binary model file (models/ner.bin): a header with magic and feature version, the transitions, the non-zero
 * emission buckets as int8, then the training-name lexicon, the induced words and the external name lexicon.
 */
import type { EntityType } from '../types';
import { FEATURE_VERSION } from './features';
import { parseLexicon, serializeLexicon } from './lexicon';
import { NTAGS } from './tagScheme';

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

/** Bias added to each int8 weight so the summed lanes stay non-negative and never borrow from each other. */
export const LANE_BIAS = 128;

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
