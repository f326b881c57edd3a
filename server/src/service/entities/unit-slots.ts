/**
 * Hashed filters over a key's first code units, which the name lexicon, the word set and the tries read before
 * they hash a whole key and probe their tables: a miss there (most positions) costs one cached read. The pair slot
 * is part of the model format (the word set's and the name lexicon's pair tables are stored by it), so it is
 * written once, here.
 */

/** The slot of a key's first two code units (of SLOTS). */
export function pairSlot(c0: number, c1: number): number {
  return (Math.imul(c0, 0x9e3779b1) ^ Math.imul(c1, 0x85ebca6b)) >>> 14;
}

/** The slot of a key's first three code units (of SLOTS). */
export function tripleSlot(c0: number, c1: number, c2: number): number {
  return (Math.imul(c0, 0x9e3779b1) ^ Math.imul(c1, 0x85ebca6b) ^ Math.imul(c2, 0xc2b2ae35)) >>> 14;
}

/** The slots of one table: a byte each in the model's pair tables, a bit each (32 KB) in the filters derived at run time. */
export const SLOTS = 1 << 18;

/** Marks a slot of a bit filter. */
export function setSlot(bits: Int32Array, slot: number): void {
  bits[slot >>> 5] |= 1 << (slot & 31);
}

/** Whether a slot of a bit filter is marked. */
export function hasSlot(bits: Int32Array, slot: number): boolean {
  return (bits[slot >>> 5] & (1 << (slot & 31))) !== 0;
}
