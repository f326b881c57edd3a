/**
 * Position marks: a `Uint8Array` over the article (or a line) with 1 where something (a mention, a slot, an outlet)
 * already stands. The passes ask whether any position of a span is marked; `marks.subarray(a, b).includes(1)` made a
 * typed-array view per question, tens of thousands per megabyte, which the collector then had to clear.
 */

/**
 * Whether any of `marks[a, b)` is non-zero, with `subarray`'s reading of the bounds (a negative bound counts from the
 * end, both are clamped to the array, an empty or reversed range holds nothing), so it answers as
 * `marks.subarray(a, b).some(Boolean)` does, and as `.includes(1)` for marks that are 0 or 1.
 */
export function anyMarked(marks: Uint8Array, a: number, b: number): boolean {
  const n = marks.length;
  const from = a < 0 ? Math.max(n + a, 0) : Math.min(a, n);
  const to = b < 0 ? Math.max(n + b, 0) : Math.min(b, n);
  for (let i = from; i < to; i++) if (marks[i] !== 0) return true;
  return false;
}
