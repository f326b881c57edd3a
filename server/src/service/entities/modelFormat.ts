/**
 * The binary model file (models/ner.bin), format NER3: every table the tagger reads, laid out as it reads it, so
 * that loading is a few typed-array views over the file's bytes: no per-entry objects, no strings, nothing for
 * the garbage collector (decoding the older format NER1 cost the server 80-115 MB of RSS it never got back).
 *
 * Layout, little-endian (the typed arrays are read in the machine's order; every platform Node runs on is
 * little-endian, and a big-endian one is refused):
 * - header: magic "NER3", feature version, bits, number of tags, scale (float32), the fingerprint (two 32-bit
 *   words: `modelFingerprint`; the hash of the model in the full layout NER2, see `packModel`), number of groups;
 * - directory: per group its number of tables, then per table its element type, byte offset and element count;
 * - the tables, each at an offset that is a multiple of 64 (a bucket never straddles a cache line).
 * Groups in order: the weights (transitions as float32; the emission buckets, 16 bytes each, one biased byte per
 * tag), the training-name trie (trie.ts `TrieSections`), the induced words (words.ts `WordSetSections`), the
 * external name lexicon (lexicon.ts `NameLexiconSections`: its used slots only, packed). An absent lexicon is a group
 * of no tables. NER2 was the same with the name lexicon's full table (every slot's keys, 9.4 MB instead of 3.2);
 * training writes NER2 first and packs it (`encodeQuantised`), as scripts/reencode-model.ts converts an NER2 file.
 */
import type { EntityType } from '../types';
import { FEATURE_VERSION, FEATURES_PER_CHAR } from './features';
import { kernelFor, kernelTakes, modelMemory } from './simd';
import {
  buildNameTables,
  type FullNameTables,
  NameLexicon,
  type NameLexiconSections,
  occupancyConsistent,
  packNameTables,
} from './lexicon';
import { NTAGS } from './tagScheme';
import { Trie, type TrieSections } from './trie';
import { WordSet, type WordSetSections } from './words';

/** Weights as the decoder reads them: emission weights per (feature bucket, tag), and transitions. */
export interface TaggerWeights {
  bits: number;
  /** 2^bits * NTAGS emission weights (training; empty when `quad` is set). */
  emission: Float32Array;
  /**
   * Decoded int8 weights biased to 0..255, 16 bytes (4 words) per bucket, read as 32-bit words; with `packed`, the
   * packed table (packEmissions) in a model memory, which only the kernel reads (simd.ts).
   */
  quad?: Int32Array;
  /** `quad` is a packed table (packEmissions), read by the WebAssembly kernel in place. */
  packed?: boolean;
  /** Multiplier that turns `emission` values into scores. */
  scale: number;
  /** (NTAGS + 1) * NTAGS: row 0 is the start, row p+1 follows tag p. */
  transition: Float32Array;
  /** Names seen in training with their usual type (training only: a model file holds the trie built from them). */
  lexicon?: [string, EntityType][];
  /** Words induced from the training text (training only: a model file holds the word set). */
  words?: string[];
  /** External name lexicon entries (word, class bits: lexicon.ts; training only: a model file holds the lexicon). */
  names?: [string, number][];
}

/** A model file opened: the weights and the three lexicon tables, all views over the file's bytes. */
export interface OpenedModel {
  weights: TaggerWeights;
  trainingNames?: Trie<EntityType>;
  words?: WordSet;
  names?: NameLexicon;
}

const LEX_TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MEDIA'];

/** Bias added to each int8 weight so the summed lanes stay non-negative and never borrow from each other. */
export const LANE_BIAS = 128;
/** Bytes per emission bucket: NTAGS biased bytes and padding. */
export const BUCKET_BYTES = 16;

const MAGIC = 0x3352454e; // "NER3" little-endian
const OLD_MAGIC_2 = 0x3252454e; // "NER2": the name lexicon's table with every slot stored (packModel converts it)
const OLD_MAGIC = 0x3152454e; // "NER1": the lexicons as text, decoded at load
const HEADER_WORDS = 8;
const ALIGN = 64;
const GROUPS = 4;

type Table = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float32Array;
const TABLE_TYPES = [Uint8Array, Uint16Array, Int32Array, Uint32Array, Float32Array] as const;

/** The names seen in training as the trie the features read. */
export function lexiconTrie(entries: readonly (readonly [string, EntityType])[] | undefined): Trie<EntityType> | undefined {
  if (!entries?.length) return undefined;
  const trie = new Trie<EntityType>();
  for (const [k, v] of entries) trie.set(k, v);
  return trie;
}

/** Quantises float emission weights to int8 steps of one scale (the largest weight becomes 127). */
export function quantise(emission: Float32Array, bits: number): { buckets: Uint8Array; scale: number } {
  const T = NTAGS;
  let maxAbs = 0;
  for (let i = 0; i < emission.length; i++) maxAbs = Math.max(maxAbs, Math.abs(emission[i]));
  const scale = maxAbs / 127 || 1;
  const buckets = new Uint8Array((1 << bits) * BUCKET_BYTES).fill(LANE_BIAS);
  for (let b = 0; b < 1 << bits; b++)
    for (let t = 0; t < T; t++) buckets[b * BUCKET_BYTES + t] = Math.round(emission[b * T + t] / scale) + LANE_BIAS;
  return { buckets, scale };
}

/** Serialises trained weights: quantised, with the lexicon tables built from the lists. Deterministic. */
export function encodeModel(w: {
  bits: number;
  emission: Float32Array;
  transition: Float32Array;
  lexicon?: [string, EntityType][];
  words?: string[];
  names?: [string, number][];
}): Uint8Array {
  const { buckets, scale } = quantise(w.emission, w.bits);
  return encodeQuantised({ ...w, buckets, scale });
}

/**
 * Serialises quantised weights (`buckets`: 2^bits buckets of BUCKET_BYTES biased bytes, as `quantise` makes them)
 * and builds the lexicon tables from the lists, in their order, exactly as a tagger made from the lists would.
 * The file is the full layout's (`encodeFullLayout`) packed by `packModel`: the same bytes as a re-encoded NER2 file
 * of the same weights, with its fingerprint.
 */
export function encodeQuantised(w: QuantisedModel): Uint8Array {
  return packModel(encodeFullLayout(w));
}

/** What `encodeQuantised` serialises. */
export interface QuantisedModel {
  bits: number;
  buckets: Uint8Array;
  scale: number;
  transition: Float32Array;
  lexicon?: readonly (readonly [string, EntityType])[];
  words?: readonly string[];
  names?: readonly (readonly [string, number])[];
}

/**
 * The model in the full layout of format NER2 (every slot of the name lexicon's table stored), which the
 * fingerprint is the hash of: `packModel` keeps it, so a model re-encoded with its weights unchanged keeps the
 * overlays of fine-tuned weights made on it.
 */
export function encodeFullLayout(w: QuantisedModel): Uint8Array {
  if (w.buckets.length !== (1 << w.bits) * BUCKET_BYTES) throw new Error('emission buckets do not match the bits');
  const trie = lexiconTrie(w.lexicon);
  const groups: Table[][] = [
    [w.transition, w.buckets],
    trie ? trie.toSections((v) => LEX_TYPES.indexOf(v) + 1) : [],
    w.words?.length ? new WordSet(w.words).toSections() : [],
    w.names?.length ? buildNameTables(w.names) : [],
  ];
  return writeModel(OLD_MAGIC_2, w.bits, w.scale, groups);
}

/**
 * A model file of format NER2 in the present format NER3: the name lexicon's tables packed (lexicon.ts
 * `packNameTables`), everything else as it was, and the fingerprint in the header kept (it is the NER2 file's).
 */
export function packModel(full: Uint8Array): Uint8Array {
  const { bits, scale, groups, fingerprint } = readTables(full, OLD_MAGIC_2);
  const names = groups[3];
  if (names.length) {
    if (
      names.length !== 6 ||
      !names.every((t, i) => t instanceof [Uint32Array, Int32Array, Int32Array, Uint8Array, Uint8Array, Uint8Array][i])
    )
      throw new Error('NER model truncated or corrupt');
    groups[3] = packNameTables(names as FullNameTables);
  }
  const [transition, buckets] = groups[0];
  if (groups[0].length !== 2 || !(buckets instanceof Uint8Array) || buckets.length !== (1 << bits) * BUCKET_BYTES)
    throw new Error('NER model truncated or corrupt');
  groups[0] = [transition, packEmissions(buckets, bits)];
  return writeModel(MAGIC, bits, scale, groups, fingerprint);
}

/** Words of a packed emission table's header (packEmissions). */
const PACKED_HEADER_WORDS = 16;

/**
 * The emission buckets packed (lossless): two thirds of them are all LANE_BIAS (every weight zero), and only the
 * others are stored (and the first `denseBuckets`, all). One Int32Array, read in place by the kernel
 * (wasm/emissions.wat): a header of 16 words (the byte offset of the stored buckets, their number, the bits, the dense
 * buckets), then per 32 buckets the occupancy word (bit j: bucket
 * 32w + j is stored) and the number stored before them, then the stored buckets, 16 bytes each, after one all
 * LANE_BIAS (index 0, which every absent bucket reads). Bucket b's index: 0 when absent, else the count before its
 * word plus the occupancy bits up to and including its own.
 */
export function packEmissions(buckets: Uint8Array, bits: number): Int32Array {
  const count = 1 << bits;
  if (buckets.length !== count * BUCKET_BYTES) throw new Error('emission buckets do not match the bits');
  const words = Math.max(1, count >>> 5);
  const zero = (b: number) => {
    for (let k = b * BUCKET_BYTES; k < (b + 1) * BUCKET_BYTES; k++) if (buckets[k] !== LANE_BIAS) return false;
    return true;
  };
  // The ids of the slots that hash into the first buckets only (features.ts: `small`) are summed without a rank: those
  // buckets are all stored, in order, the zero ones too (about 250 KB of them).
  const dense = denseBuckets(bits);
  const occupancy = new Int32Array(2 * words);
  let stored = 0;
  for (let w = 0; w < words; w++) {
    let word = 0;
    for (let j = 0; j < 32 && 32 * w + j < count; j++) if (32 * w + j < dense || !zero(32 * w + j)) word |= 1 << j;
    occupancy[2 * w] = word;
    occupancy[2 * w + 1] = stored;
    for (let j = 0; j < 32; j++) if (word & (1 << j)) stored++;
  }
  const at = Math.ceil((4 * (PACKED_HEADER_WORDS + occupancy.length)) / ALIGN) * ALIGN;
  const out = new Int32Array((at + (stored + 1) * BUCKET_BYTES) / 4);
  out[0] = at;
  out[1] = stored + 1;
  out[2] = bits;
  out[3] = dense;
  out.set(occupancy, PACKED_HEADER_WORDS);
  const bytes = new Uint8Array(out.buffer);
  bytes.fill(LANE_BIAS, at, at + BUCKET_BYTES);
  for (let b = 0, k = 1; b < count; b++)
    if (occupancy[2 * (b >>> 5)] & (1 << (b & 31)))
      bytes.set(buckets.subarray(b * BUCKET_BYTES, (b + 1) * BUCKET_BYTES), at + BUCKET_BYTES * k++);
  return out;
}

/** The buckets stored densely at the head of a packed table: those the ids of features.ts's `small` slots fall in. */
function denseBuckets(bits: number): number {
  return Math.min(1 << bits, 1 << Math.min(Math.max(bits - 2, 0), 15));
}

/** A packed table's header, checked against `bits` and its length; undefined when it is not one. */
function packedLayout(packed: Int32Array, bits: number): { at: number; stored: number } | undefined {
  if (packed.length < PACKED_HEADER_WORDS) return undefined;
  const [at, stored, b, dense] = packed;
  const words = Math.max(1, (1 << bits) >>> 5);
  if (b !== bits || dense !== denseBuckets(bits) || at % ALIGN || at < 4 * (PACKED_HEADER_WORDS + 2 * words) || stored < 1)
    return undefined;
  if (packed.byteLength !== at + stored * BUCKET_BYTES) return undefined;
  if (!occupancyConsistent(packed, PACKED_HEADER_WORDS, words, stored - 1)) return undefined;
  // The kernel reads the dense head's buckets without a rank: each of them must be stored.
  for (let d = 0; d < dense; d++) if (!(packed[PACKED_HEADER_WORDS + 2 * (d >>> 5)] & (1 << (d & 31)))) return undefined;
  return { at, stored };
}

/** The full table (2^bits buckets of BUCKET_BYTES) of a packed one: the bytes `quantise` made, as NER2 stored them. */
export function unpackEmissions(packed: Int32Array, bits: number): Uint8Array {
  const layout = packedLayout(packed, bits);
  if (!layout) throw new Error('NER model truncated or corrupt');
  const count = 1 << bits;
  const full = new Uint8Array(count * BUCKET_BYTES).fill(LANE_BIAS);
  const src = new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength);
  for (let b = 0, k = 1; b < count; b++)
    if (packed[PACKED_HEADER_WORDS + 2 * (b >>> 5)] & (1 << (b & 31)))
      full.set(src.subarray(layout.at + BUCKET_BYTES * k, layout.at + BUCKET_BYTES * ++k), b * BUCKET_BYTES);
  return full;
}

/**
 * The weights' emission table as the decoder reads it: the packed table in place, when it lies in a model memory
 * where this thread runs the kernel (simd.ts; the kernel reads the packed layout); else the full table, unpacked
 * into ordinary memory, for the sums in JavaScript.
 */
export function emissionTable(packed: Int32Array, bits: number): { quad: Int32Array; packed: boolean } {
  if (kernelFor(packed.buffer) && kernelTakes(FEATURES_PER_CHAR)) return { quad: packed, packed: true };
  const full = unpackEmissions(packed, bits);
  return { quad: new Int32Array(full.buffer, 0, full.length / 4), packed: false };
}

/**
 * A full emission table (as `quad`) packed into a model memory of its own, where the kernel reads it; the full
 * table itself where the kernel cannot run. For weights changed after loading (finetune.ts `applyOverlay`).
 */
export function tableInMemory(full: Int32Array, bits: number): { quad: Int32Array; packed: boolean } {
  const packed = packEmissions(new Uint8Array(full.buffer, full.byteOffset, full.byteLength), bits);
  const memory = modelMemory(packed.byteLength);
  if (!memory) return { quad: full, packed: false };
  memory.bytes.set(new Uint8Array(packed.buffer));
  const view = new Int32Array(memory.bytes.buffer, 0, packed.length);
  return kernelFor(view.buffer) ? { quad: view, packed: true } : { quad: full, packed: false };
}

/** Whether `bytes` are a model file of format NER2 (which `packModel` converts). */
export function isFullLayout(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true) === OLD_MAGIC_2;
}

/** The file of these tables: header, directory, tables; `fingerprint` stored as given, or the hash of the file. */
function writeModel(magic: number, bits: number, scale: number, groups: Table[][], fingerprint?: [number, number]): Uint8Array {
  const tables = groups.flat();
  let at = 4 * (HEADER_WORDS + GROUPS + 3 * tables.length);
  const offsets = tables.map((t) => {
    at = Math.ceil(at / ALIGN) * ALIGN;
    const o = at;
    at += t.byteLength;
    return o;
  });
  const bytes = new Uint8Array(at);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic, true);
  view.setUint32(4, FEATURE_VERSION, true);
  view.setUint32(8, bits, true);
  view.setUint32(12, NTAGS, true);
  view.setFloat32(16, scale, true);
  view.setUint32(28, GROUPS, true);
  let p = 4 * HEADER_WORDS;
  let k = 0;
  for (const group of groups) {
    view.setUint32(p, group.length, true);
    p += 4;
    for (const t of group) {
      view.setUint32(
        p,
        TABLE_TYPES.findIndex((Type) => t instanceof Type),
        true,
      );
      view.setUint32(p + 4, offsets[k], true);
      view.setUint32(p + 8, t.length, true);
      p += 12;
      bytes.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), offsets[k]);
      k++;
    }
  }
  // The fingerprint of the whole file with its own field zero: stored, so that loading need not read every byte.
  const [a, b] = fingerprint ?? hashBytes(bytes);
  view.setUint32(20, a, true);
  view.setUint32(24, b, true);
  return bytes;
}

/** Two 32-bit FNV-1a-style hashes of the bytes (different offsets and primes): cheap, and enough to tell models apart. */
function hashBytes(bytes: Uint8Array): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x5bd1e995);
  }
  return [a >>> 0, b >>> 0];
}

/**
 * A model file's fingerprint as 16 hex digits: an overlay of weight deltas applies only to the model it was made
 * on. Read from the header of a model file (written there by the encoder); computed for any other bytes.
 */
export function modelFingerprint(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stored = bytes.byteLength >= 4 * HEADER_WORDS && [MAGIC, OLD_MAGIC_2].includes(view.getUint32(0, true));
  const [a, b] = stored ? [view.getUint32(20, true), view.getUint32(24, true)] : hashBytes(bytes);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** The header and the tables of a file of format `magic` (views over `bytes`), after the checks every format shares. */
function readTables(bytes: Uint8Array, magic: number): { bits: number; scale: number; groups: Table[][]; fingerprint: [number, number] } {
  if (bytes.byteLength < 4 * HEADER_WORDS) throw new Error('not an NER model (too short)');
  // Views need their offset aligned to the element size; a file read by Node is (its own buffer, offset 0).
  if (bytes.byteOffset % 4) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = view.getUint32(0, true);
  if (found === OLD_MAGIC)
    throw new Error(
      'NER model in the old format NER1, which this build no longer reads: retrain it (npm run train) or convert it ' +
        '(npx tsx scripts/reencode-model.ts FILE)',
    );
  if (found === OLD_MAGIC_2 && magic !== OLD_MAGIC_2)
    throw new Error(
      'NER model in the old format NER2, which this build no longer reads: convert it (npx tsx scripts/reencode-model.ts FILE)',
    );
  if (found !== magic) throw new Error('not an NER model (bad magic)');
  const version = view.getUint32(4, true);
  if (version !== FEATURE_VERSION) throw new Error(`NER model has feature version ${version}, this build expects ${FEATURE_VERSION}`);
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) throw new Error('NER model tables are little-endian; this machine is not');
  const bits = view.getUint32(8, true);
  if (view.getUint32(12, true) !== NTAGS) throw new Error('NER model has an unexpected tag set');
  const scale = view.getFloat32(16, true);
  if (view.getUint32(28, true) !== GROUPS || bits > 28) throw new Error('NER model header corrupt');
  const corrupt = () => new Error('NER model truncated or corrupt');
  let p = 4 * HEADER_WORDS;
  const groups: Table[][] = [];
  for (let g = 0; g < GROUPS; g++) {
    if (p + 4 > bytes.byteLength) throw corrupt();
    const count = view.getUint32(p, true);
    p += 4;
    const group: Table[] = [];
    for (let k = 0; k < count; k++) {
      if (p + 12 > bytes.byteLength) throw corrupt();
      const Type = TABLE_TYPES[view.getUint32(p, true)];
      const offset = view.getUint32(p + 4, true);
      const length = view.getUint32(p + 8, true);
      p += 12;
      if (!Type || offset % ALIGN || offset + length * Type.BYTES_PER_ELEMENT > bytes.byteLength) throw corrupt();
      group.push(new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, length));
    }
    groups.push(group);
  }
  return { bits, scale, groups, fingerprint: [view.getUint32(20, true), view.getUint32(24, true)] };
}

/**
 * Opens a model file: checks its header and directory, and returns views over `bytes` (which the model then owns:
 * an overlay of fine-tuned weights is added to them in place). Throws an Error saying what is wrong.
 */
export function openModel(bytes: Uint8Array): OpenedModel {
  const { bits, scale, groups } = readTables(bytes, MAGIC);
  const corrupt = () => new Error('NER model truncated or corrupt');
  const [weights, trie, words, names] = groups;
  const is = (t: Table | undefined, Type: (typeof TABLE_TYPES)[number], length?: number) =>
    t instanceof Type && (length === undefined || t.length === length);
  const T = NTAGS;
  const [transition, buckets] = weights;
  if (
    weights.length !== 2 ||
    !is(transition, Float32Array, (T + 1) * T) ||
    !is(buckets, Int32Array) ||
    !packedLayout(buckets as Int32Array, bits)
  )
    throw corrupt();
  const shapes: [Table[], (typeof TABLE_TYPES)[number][]][] = [
    [trie, [Uint32Array, Int32Array, Int32Array, Uint16Array, Int32Array, Int32Array]],
    [words, [Uint32Array, Uint32Array, Uint32Array, Uint8Array, Uint8Array]],
    [names, [Uint32Array, Int32Array, Int32Array, Uint8Array, Uint8Array, Uint8Array]],
  ];
  for (const [group, types] of shapes)
    if (group.length && (group.length !== types.length || group.some((t, i) => !is(t, types[i])))) throw corrupt();
  if (trie.length) {
    const [meta, root, parent, code, child, codes] = trie as TrieSections;
    const cap = parent.length;
    if (meta.length < 3 || root.length !== 0x10000 || code.length !== cap || child.length !== cap || cap & (cap - 1)) throw corrupt();
    if (codes.length !== meta[0] || parent.indexOf(-1) < 0) throw corrupt();
  }
  const { quad, packed } = emissionTable(buckets as Int32Array, bits);
  return {
    weights: { bits, emission: new Float32Array(0), quad, packed, scale, transition: transition as Float32Array },
    trainingNames: trie.length ? new Trie<EntityType>(trie as TrieSections, LEX_TYPES) : undefined,
    words: words.length ? new WordSet(words as WordSetSections) : undefined,
    names: names.length ? new NameLexicon(names as NameLexiconSections) : undefined,
  };
}
