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
 * An exact-enough map from short strings to class bits: open addressing on two independent 32-bit hashes of
 * the string (collision odds about n² / 2⁶⁴), so a lookup allocates nothing and a position that begins no entry
 * fails on one or two array reads.
 */
export class NameLexicon {
  private readonly k1: Int32Array;
  private readonly k2: Int32Array;
  private readonly val: Uint8Array;
  private readonly mask: number;
  private readonly first: Uint8Array;
  private readonly pairs: Uint8Array;
  readonly size: number;

  /** From the entries, or from the typed arrays of `toSections` (a model file's, used as they are). */
  constructor(entries: readonly (readonly [string, number])[] | NameLexiconSections) {
    if (entries.length && ArrayBuffer.isView(entries[0])) {
      const [meta, k1, k2, val, first, pairs] = entries as NameLexiconSections;
      const cap = val.length;
      if (k1.length !== cap || k2.length !== cap || cap & (cap - 1) || first.length !== 0x10000 || pairs.length !== SLOTS)
        throw new Error('name lexicon: inconsistent tables');
      // A full table would make a lookup of an absent string probe for ever.
      if (val.indexOf(0) < 0) throw new Error('name lexicon: no empty slot');
      this.size = meta[0];
      this.k1 = k1;
      this.k2 = k2;
      this.val = val;
      this.mask = cap - 1;
      this.first = first;
      this.pairs = pairs;
      return;
    }
    const keep = (entries as readonly (readonly [string, number])[]).filter(([w]) => w.length >= 2 && w.length <= MAX_LEXICON_WORD);
    let cap = 16;
    // Entries and their prefixes (about as many again) at most half full.
    while (cap < keep.length * 4) cap <<= 1;
    this.k1 = new Int32Array(cap);
    this.k2 = new Int32Array(cap);
    this.val = new Uint8Array(cap);
    this.mask = cap - 1;
    this.first = new Uint8Array(0x10000);
    this.pairs = new Uint8Array(SLOTS);
    let n = 0;
    for (const [w, bits] of keep) {
      let a = H1;
      let b = H2;
      for (let i = 0; i < w.length; i++) {
        a = h1Step(a, w.charCodeAt(i));
        b = h2Step(b, w.charCodeAt(i));
        // Every proper prefix of two or more characters is marked, so a scan stops as soon as no entry can follow.
        if (i >= 1 && i < w.length - 1) this.put(a, b, PREFIX);
      }
      if (!(this.put(a, b, bits) & 15)) n++;
      this.first[w.charCodeAt(0)] = 1;
      this.pairs[pairSlot(w.charCodeAt(0), w.charCodeAt(1))] = 1;
    }
    this.size = n;
  }

  /** The lexicon as typed arrays (its own, not copies): `[size]`, the two hashes, the class bits, first units, pairs. */
  toSections(): NameLexiconSections {
    return [Uint32Array.of(this.size), this.k1, this.k2, this.val, this.first, this.pairs];
  }

  /** Ors `bits` into the slot of (a, b) and returns the bits it had before. */
  private put(a: number, b: number, bits: number): number {
    let i = (a ^ Math.imul(b, 0x27d4eb2d)) & this.mask;
    while (this.val[i] !== 0 && !(this.k1[i] === a && this.k2[i] === b)) i = (i + 1) & this.mask;
    const before = this.val[i];
    this.k1[i] = a;
    this.k2[i] = b;
    this.val[i] = before | bits;
    return before;
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

  private find(a: number, b: number): number {
    let i = (a ^ Math.imul(b, 0x27d4eb2d)) & this.mask;
    while (this.val[i] !== 0) {
      if (this.k1[i] === a && this.k2[i] === b) return this.val[i];
      i = (i + 1) & this.mask;
    }
    return 0;
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

/** A name lexicon's typed arrays: `[size]`, first and second hash, class bits, first code units, pair buckets. */
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
