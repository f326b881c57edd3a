/**
 * A word lexicon for the tagger's word-boundary features. MSRA gives no segmentation, so the words are induced
 * from the raw training text (scripts/training/induceWords.ts): frequent Han n-grams (2 to 4 characters) whose
 * left and right neighbours vary a lot (high branching entropy), which is what a word boundary looks like. The
 * lexicon is shipped inside the model.
 */
import { hasSlot, pairSlot, setSlot, SLOTS, tripleSlot } from './unit-slots';

export const MAX_WORD = 4;

/**
 * Whether norm[a, b) splits wholly into words `isWord` knows, each of 2 to `maxLen` code units (邮轮母港 = 邮轮 + 母港,
 * 政治): a description or a common noun, not a name of its own. An empty span splits trivially.
 */
export function splitsIntoWords(a: number, b: number, isWord: (a: number, len: number) => boolean, maxLen = MAX_WORD): boolean {
  const n = b - a;
  const ok = new Uint8Array(n + 1);
  ok[0] = 1;
  for (let k = 0; k < n; k++) if (ok[k]) for (let len = 2; len <= maxLen && k + len <= n; len++) if (isWord(a + k, len)) ok[k + len] = 1;
  return ok[n] === 1;
}

/** An exact set of short BMP strings (2..4 code units) in an open-addressing table, compact and allocation-free. */
export class WordSet {
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private readonly mask: number;
  readonly size: number;
  /** Set of first code units, so most positions fail on one array read. */
  private readonly first: Uint8Array;
  /** Hashed set of first-two-code-unit pairs: most positions whose first unit passes fail here, before any probe. */
  private readonly pairs: Uint8Array;
  /**
   * A bit per hash of the first three code units of the words of three and four: most positions that begin a
   * word of two begin none longer, and one bit read (32 KB, cached) spares their two probes of the table. Derived
   * from the table itself on the first look-up (not at load, which the server's start waits for), so a model file
   * need not hold it.
   */
  private triples: Int32Array | undefined;

  /** From the words, or from the typed arrays of `toSections` (a model file's, used as they are). */
  constructor(words: readonly string[] | WordSetSections) {
    if (words.length && ArrayBuffer.isView(words[0])) {
      const [meta, hi, lo, first, pairs] = words as WordSetSections;
      if (hi.length !== lo.length || hi.length & (hi.length - 1) || first.length !== 0x10000 || pairs.length !== SLOTS)
        throw new Error('word set: inconsistent tables');
      // A full table would make a lookup of an absent word probe for ever.
      if (hi.indexOf(0) < 0) throw new Error('word set: no empty slot');
      this.size = meta[0];
      this.hi = hi;
      this.lo = lo;
      this.mask = hi.length - 1;
      this.first = first;
      this.pairs = pairs;
      return;
    }
    const keep = (words as readonly string[]).filter((w) => w.length >= 2 && w.length <= MAX_WORD);
    let cap = 16;
    while (cap < keep.length * 2) cap <<= 1;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.mask = cap - 1;
    this.first = new Uint8Array(0x10000);
    this.pairs = new Uint8Array(SLOTS);
    let n = 0;
    for (const w of keep) {
      const c = [0, 0, 0, 0];
      for (let k = 0; k < w.length; k++) c[k] = w.charCodeAt(k);
      if (this.insert(((c[0] << 16) | c[1]) >>> 0, ((c[2] << 16) | c[3]) >>> 0)) n++;
      this.first[c[0]] = 1;
      this.pairs[pairSlot(c[0], c[1])] = 1;
    }
    this.size = n;
  }

  /** The set as typed arrays (its own, not copies): `[size]`, the two key halves, first units, pairs. */
  toSections(): WordSetSections {
    return [Uint32Array.of(this.size), this.hi, this.lo, this.first, this.pairs];
  }

  private insert(h: number, l: number): boolean {
    let i = slot(h, l) & this.mask;
    while (this.hi[i] !== 0) {
      if (this.hi[i] === h && this.lo[i] === l) return false;
      i = (i + 1) & this.mask;
    }
    this.hi[i] = h;
    this.lo[i] = l;
    return true;
  }

  /** Lengths of the words starting at `start`, as a bit mask (bit `len` set when text[start, start + len) is one). */
  lengthsAt(text: string, start: number): number {
    if (start + 2 > text.length) return 0;
    const c0 = text.charCodeAt(start);
    if (!this.first[c0]) return 0;
    const c1 = text.charCodeAt(start + 1);
    if (!this.pairs[pairSlot(c0, c1)]) return 0;
    const h = ((c0 << 16) | c1) >>> 0;
    let mask = this.find(h, 0) ? 4 : 0;
    if (start + 3 > text.length) return mask;
    const c2 = text.charCodeAt(start + 2);
    const t = tripleSlot(c0, c1, c2);
    const triples = (this.triples ??= tripleBits(this.hi, this.lo));
    if (!hasSlot(triples, t)) return mask;
    if (this.find(h, (c2 << 16) >>> 0)) mask |= 8;
    if (start + 4 <= text.length && this.find(h, ((c2 << 16) | text.charCodeAt(start + 3)) >>> 0)) mask |= 16;
    return mask;
  }

  private find(h: number, l: number): boolean {
    let i = slot(h, l) & this.mask;
    while (this.hi[i] !== 0) {
      if (this.hi[i] === h && this.lo[i] === l) return true;
      i = (i + 1) & this.mask;
    }
    return false;
  }

  /** True if text[start, start + len) is a word. */
  has(text: string, start: number, len: number): boolean {
    if (len < 2 || len > MAX_WORD || start + len > text.length) return false;
    const c0 = text.charCodeAt(start);
    if (!this.first[c0]) return false;
    const c1 = text.charCodeAt(start + 1);
    if (!this.pairs[pairSlot(c0, c1)]) return false;
    const c2 = len > 2 ? text.charCodeAt(start + 2) : 0;
    const c3 = len > 3 ? text.charCodeAt(start + 3) : 0;
    if (len > 2) {
      const t = tripleSlot(c0, c1, c2);
      const triples = (this.triples ??= tripleBits(this.hi, this.lo));
      if (!hasSlot(triples, t)) return false;
    }
    const h = ((c0 << 16) | c1) >>> 0;
    const l = ((c2 << 16) | c3) >>> 0;
    let i = slot(h, l) & this.mask;
    while (this.hi[i] !== 0) {
      if (this.hi[i] === h && this.lo[i] === l) return true;
      i = (i + 1) & this.mask;
    }
    return false;
  }
}

/** The triple filter of a table: every key with a third code unit sets the bit of its first three. */
function tripleBits(hi: Uint32Array, lo: Uint32Array): Int32Array {
  const bits = new Int32Array(SLOTS >>> 5);
  for (let i = 0; i < hi.length; i++) {
    if (!hi[i] || !lo[i]) continue;
    setSlot(bits, tripleSlot(hi[i] >>> 16, hi[i] & 0xffff, lo[i] >>> 16));
  }
  return bits;
}

/** A word set's typed arrays: `[size]`, key high and low halves, first code units, pair buckets. */
export type WordSetSections = [Uint32Array, Uint32Array, Uint32Array, Uint8Array, Uint8Array];

function slot(h: number, l: number): number {
  let x = Math.imul(h ^ Math.imul(l, 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 15;
  return Math.imul(x, 0xc2b2ae35) ^ (x >>> 13);
}

export function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

export interface WordMarks {
  /** Length of the longest word starting at each position (0 = none). */
  startLen: Uint8Array;
  /** Length of the longest word ending at each position. */
  endLen: Uint8Array;
  /** Length of the longest word that covers the position strictly inside. */
  midLen: Uint8Array;
  /** Forward maximum matching: 1 B, 2 M, 3 E, 4 S (a single character), times 8 plus the word length. */
  fmm: Uint8Array;
}

/** Word-boundary evidence for every code unit of `norm`. */
export function wordMarks(norm: string, words: WordSet | undefined, scratch?: WordMarks): WordMarks {
  const n = norm.length;
  // With `scratch` (the decoder's reused arrays, at least n long), only the first n entries are meaningful.
  const startLen = scratch ? scratch.startLen.fill(0, 0, n) : new Uint8Array(n);
  const endLen = scratch ? scratch.endLen.fill(0, 0, n) : new Uint8Array(n);
  const midLen = scratch ? scratch.midLen.fill(0, 0, n) : new Uint8Array(n);
  const fmm = scratch ? scratch.fmm.fill(0, 0, n) : new Uint8Array(n);
  if (!words) return { startLen, endLen, midLen, fmm };
  for (let i = 0; i < n; i++) {
    const lens = words.lengthsAt(norm, i);
    if (!lens) continue;
    for (let len = 2; len <= MAX_WORD; len++) {
      if (!(lens & (1 << len))) continue;
      startLen[i] = len;
      const e = i + len - 1;
      if (endLen[e] < len) endLen[e] = len;
      for (let k = i + 1; k < e; k++) if (midLen[k] < len) midLen[k] = len;
    }
  }
  for (let i = 0; i < n;) {
    const len = startLen[i];
    if (len < 2) {
      fmm[i] = 4 * 8 + 1;
      i++;
      continue;
    }
    for (let k = 0; k < len; k++) fmm[i + k] = (k === 0 ? 1 : k === len - 1 ? 3 : 2) * 8 + len;
    i += len;
  }
  return { startLen, endLen, midLen, fmm };
}
