/**
 * External name lexicons (jieba's dictionary with its nr/nrt/ns/nt tags, China's administrative divisions down
 * to township level, country names in Chinese) as features of the tagger: for each character, where it stands
 * (begin, inside, end) in the longest lexicon word of each class covering it. The tagger learns from MSRA train how
 * far each class is to be trusted; nothing here overrides it. Shipped inside the model (see tagger.ts).
 */
import { pairSlot, SLOTS } from './unit-slots';

/** Classes, one bit each: an entry may belong to several (a surname-like place name). */
export const LEX_PER = 1;
export const LEX_LOC = 2;
export const LEX_ORG = 4;
/** A common word of the dictionary (no name): word boundaries from real data, and the test for generic nouns. */
export const LEX_WORD = 8;
export const LEX_CLASSES = [LEX_PER, LEX_LOC, LEX_ORG, LEX_WORD] as const;
const NCLASS = LEX_CLASSES.length;
/** Slot bit: the string is a proper prefix of some entry. */
const PREFIX = 16;
/** Longest entry kept: longer ones (a full county-level name with its province) add nothing a shorter one lacks. */
export const MAX_LEXICON_WORD = 8;

function h1Step(h: number, c: number): number {
  h = Math.imul(h ^ c, 0x9e3779b1);
  return h ^ (h >>> 15);
}
function h2Step(h: number, c: number): number {
  h = Math.imul(h + c, 0x85ebca6b);
  return h ^ (h >>> 13);
}
const H1 = 0x811c9dc5;
const H2 = 0x01000193;

/**
 * The population count of a 32-bit word (bit tricks: JavaScript has no instruction for it).
 */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Whether an occupancy array (per 32 slots the bitmap word, then the number of used slots before it, from `offset`,
 * `words` pairs) is consistent: each count the sum of the words before it, and `used` in all. A lookup relies on it:
 * a bitmap with no empty slot would make the probe of an absent key run for ever, a wrong count read another key.
 */
export function occupancyConsistent(occupied: Int32Array, offset: number, words: number, used: number): boolean {
  if (offset + 2 * words > occupied.length) return false;
  let sum = 0;
  for (let w = 0; w < words; w++) {
    if (occupied[offset + 2 * w + 1] !== sum) return false;
    sum += popcount32(occupied[offset + 2 * w]);
  }
  return sum === used;
}

/** The open-addressed table as it is built (and as model format NER2 stored it): every slot's keys and bits. */
export type FullNameTables = [Uint32Array, Int32Array, Int32Array, Uint8Array, Uint8Array, Uint8Array];

/**
 * The full tables of the entries (each entry and its proper prefixes of two or more characters, the table at most
 * half full): the probe sequence every layout of the lexicon keeps.
 */
export function buildNameTables(entries: readonly (readonly [string, number])[]): FullNameTables {
  const keep = entries.filter(([w]) => w.length >= 2 && w.length <= MAX_LEXICON_WORD);
  let cap = 16;
  // Entries and their prefixes (about as many again) at most half full.
  while (cap < keep.length * 4) cap <<= 1;
  const k1 = new Int32Array(cap);
  const k2 = new Int32Array(cap);
  const val = new Uint8Array(cap);
  const mask = cap - 1;
  const first = new Uint8Array(0x10000);
  const pairs = new Uint8Array(SLOTS);
  /** Ors `bits` into the slot of (a, b) and returns the bits it had before. */
  const put = (a: number, b: number, bits: number): number => {
    let i = (a ^ Math.imul(b, 0x27d4eb2d)) & mask;
    while (val[i] !== 0 && !(k1[i] === a && k2[i] === b)) i = (i + 1) & mask;
    const before = val[i];
    k1[i] = a;
    k2[i] = b;
    val[i] = before | bits;
    return before;
  };
  let n = 0;
  for (const [w, bits] of keep) {
    let a = H1;
    let b = H2;
    for (let i = 0; i < w.length; i++) {
      a = h1Step(a, w.charCodeAt(i));
      b = h2Step(b, w.charCodeAt(i));
      // Every proper prefix of two or more characters is marked, so a scan stops as soon as no entry can follow.
      if (i >= 1 && i < w.length - 1) put(a, b, PREFIX);
    }
    if (!(put(a, b, bits) & 15)) n++;
    first[w.charCodeAt(0)] = 1;
    pairs[pairSlot(w.charCodeAt(0), w.charCodeAt(1))] = 1;
  }
  return [Uint32Array.of(n), k1, k2, val, first, pairs];
}

/** Length of the occupancy array of a table of `cap` slots: a bitmap word and a count per 32 slots (or fewer). */
function occupancyWords(cap: number): number {
  return 2 * Math.max(1, cap >>> 5);
}

/**
 * The full tables packed (lossless): the used slots' keys and bits in slot order, found by a rank over an occupancy
 * bitmap. `occupied` holds, per 32 slots, the bitmap word and the number of used slots before it (interleaved, so
 * both come in one cache line); `keys` the two hashes of each used slot, side by side.
 */
export function packNameTables(full: FullNameTables): NameLexiconSections {
  const [meta, k1, k2, val, first, pairs] = full;
  const cap = val.length;
  if (k1.length !== cap || k2.length !== cap || cap & (cap - 1) || cap < 2) throw new Error('name lexicon: inconsistent tables');
  const occupied = new Int32Array(occupancyWords(cap));
  let used = 0;
  for (let w = 0; w < occupied.length / 2; w++) {
    let word = 0;
    for (let j = 0; j < 32 && w * 32 + j < cap; j++) if (val[w * 32 + j]) word |= 1 << j;
    occupied[2 * w] = word;
    occupied[2 * w + 1] = used;
    used += popcount32(word);
  }
  const keys = new Int32Array(2 * used);
  const bits = new Uint8Array(used);
  for (let i = 0, r = 0; i < cap; i++) {
    if (!val[i]) continue;
    keys[2 * r] = k1[i];
    keys[2 * r + 1] = k2[i];
    bits[r++] = val[i];
  }
  return [Uint32Array.of(meta[0], cap), occupied, keys, bits, first, pairs];
}

/**
 * An exact-enough map from short strings to class bits: open addressing on two independent 32-bit hashes of
 * the string (collision odds about n² / 2⁶⁴), so a lookup allocates nothing and a position that begins no entry
 * fails on one or two array reads. The slots are those of a linear-probing table of 2^k slots at most half full,
 * but only the used ones are stored (packNameTables): a probe reads the occupancy bitmap, and the first used slot
 * it meets is found by a rank (the count before its 32 slots and a population count); the next ones follow it.
 */
export class NameLexicon {
  /** Per 32 slots: the occupancy word, then the number of used slots before them. */
  private readonly occupied: Int32Array;
  /** The two hashes of each used slot, in slot order. */
  private readonly keys: Int32Array;
  /** The class bits (and PREFIX) of each used slot. */
  private readonly val: Uint8Array;
  private readonly mask: number;
  private readonly first: Uint8Array;
  private readonly pairs: Uint8Array;
  readonly size: number;

  /** From the entries, or from the typed arrays of `toSections` (a model file's, used as they are). */
  constructor(entries: readonly (readonly [string, number])[] | NameLexiconSections) {
    const sections = entries.length && ArrayBuffer.isView(entries[0]) ? (entries as NameLexiconSections) : undefined;
    const [meta, occupied, keys, val, first, pairs] =
      sections ?? packNameTables(buildNameTables(entries as readonly (readonly [string, number])[]));
    const cap = meta[1];
    if (
      meta.length < 2 ||
      cap & (cap - 1) ||
      cap < 2 ||
      occupied.length !== occupancyWords(cap) ||
      keys.length !== 2 * val.length ||
      first.length !== 0x10000 ||
      pairs.length !== SLOTS
    )
      throw new Error('name lexicon: inconsistent tables');
    // A full table would make a lookup of an absent string probe for ever.
    if (val.length >= cap) throw new Error('name lexicon: no empty slot');
    if (sections && !occupancyConsistent(occupied, 0, occupied.length / 2, val.length))
      throw new Error('name lexicon: inconsistent tables');
    this.size = meta[0];
    this.occupied = occupied;
    this.keys = keys;
    this.val = val;
    this.mask = cap - 1;
    this.first = first;
    this.pairs = pairs;
  }

  /** The lexicon as typed arrays (its own, not copies): `[size, slots]`, the occupancy, the keys, the class bits, first units, pairs. */
  toSections(): NameLexiconSections {
    return [Uint32Array.of(this.size, this.mask + 1), this.occupied, this.keys, this.val, this.first, this.pairs];
  }

  /** Class bits of text[start, start + len) (0 when it is no entry). */
  get(text: string, start: number, len: number): number {
    if (len < 2 || start + len > text.length) return 0;
    // Every entry, and every prefix the table holds, marked its first code unit and its first two.
    const c0 = text.charCodeAt(start);
    if (!this.first[c0] || !this.pairs[pairSlot(c0, text.charCodeAt(start + 1))]) return 0;
    let a = H1;
    let b = H2;
    for (let i = start; i < start + len; i++) {
      a = h1Step(a, text.charCodeAt(i));
      b = h2Step(b, text.charCodeAt(i));
    }
    return this.find(a, b) & 15;
  }

  /** The bits of the slot of (a, b), 0 when it has none: the probe sequence of the full table, over its used slots. */
  private find(a: number, b: number): number {
    const i = (a ^ Math.imul(b, 0x27d4eb2d)) & this.mask;
    const at = (i >>> 5) << 1;
    const word = this.occupied[at];
    const bit = 1 << (i & 31);
    if (!(word & bit)) return 0;
    // The rank of the first used slot; each next slot of the run is the next one stored.
    const r = this.occupied[at + 1] + popcount32(word & (bit - 1));
    if (this.keys[2 * r] === a && this.keys[2 * r + 1] === b) return this.val[r];
    return this.findAfter(a, b, i, r);
  }

  /** `find` on from slot i (used, of rank r, not (a, b)'s). */
  private findAfter(a: number, b: number, i: number, r: number): number {
    const occupied = this.occupied;
    const keys = this.keys;
    let word = occupied[(i >>> 5) << 1];
    for (;;) {
      i = (i + 1) & this.mask;
      r = i ? r + 1 : 0;
      const bit = 1 << (i & 31);
      if (bit === 1) word = occupied[(i >>> 5) << 1];
      if (!(word & bit)) return 0;
      if (keys[2 * r] === a && keys[2 * r + 1] === b) return this.val[r];
    }
  }

  /**
   * For each code unit of `text` and each class, the position (1 begin, 2 inside, 3 end) in the longest entry
   * of that class covering it, packed two bits per class (PER, LOC, ORG, WORD) into `marks`; and in `len` the
   * length of the longest name (not word) covering it (capped at 7).
   */
  marks(text: string, marks: Uint8Array, len: Uint8Array, coverLen: Uint8Array): void {
    const n = text.length;
    marks.fill(0, 0, n);
    len.fill(0, 0, n);
    // coverLen: per class, the length of the entry that set each position's mark (NCLASS per position).
    coverLen.fill(0, 0, n * NCLASS);
    for (let s = 0; s + 1 < n; s++) {
      const c0 = text.charCodeAt(s);
      if (!this.first[c0] || !this.pairs[pairSlot(c0, text.charCodeAt(s + 1))]) continue;
      let a = h1Step(H1, c0);
      let b = h2Step(H2, c0);
      const maxLen = Math.min(MAX_LEXICON_WORD, n - s);
      for (let L = 2; L <= maxLen; L++) {
        const c = text.charCodeAt(s + L - 1);
        a = h1Step(a, c);
        b = h2Step(b, c);
        const found = this.find(a, b);
        // Neither an entry nor the prefix of one: no longer entry starts here either.
        if (!found) break;
        const bits = found & 15;
        if (!bits) continue;
        for (let k = 0; k < NCLASS; k++) {
          if (!(bits & (1 << k))) continue;
          for (let p = s; p < s + L; p++) {
            if (coverLen[p * NCLASS + k] >= L) continue;
            coverLen[p * NCLASS + k] = L;
            const pos = p === s ? 1 : p === s + L - 1 ? 3 : 2;
            marks[p] = (marks[p] & ~(3 << (2 * k))) | (pos << (2 * k));
          }
        }
        if (bits & ~LEX_WORD) for (let p = s; p < s + L; p++) if (len[p] < L) len[p] = Math.min(L, 7);
        // An entry that begins no longer one: the next probe could only miss, and a miss is a cache miss.
        if (!(found & PREFIX)) break;
      }
    }
  }
}

/**
 * A name lexicon's typed arrays (packNameTables): `[size, slots]`, the occupancy words and ranks, the used slots'
 * hashes, their class bits, first code units, pair buckets.
 */
export type NameLexiconSections = [Uint32Array, Int32Array, Int32Array, Uint8Array, Uint8Array, Uint8Array];

/** The lexicon's text form (one `BITS<TAB>word` per line, as models/lexicon.tsv and the model's tail hold it). */
export function parseLexicon(text: string): [string, number][] {
  const out: [string, number][] = [];
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    out.push([line.slice(tab + 1), Number(line.slice(0, tab))]);
  }
  return out;
}

export function serializeLexicon(entries: readonly (readonly [string, number])[]): string {
  return entries.map(([w, b]) => `${b}\t${w}`).join('\n');
}
