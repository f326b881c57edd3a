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

/** Buffers a `MarksPool` keeps between calls, and the largest it keeps (a larger one is let go when given back). */
const KEPT_MARKS = 3;
const KEPT_MARKS_MAX = 4 << 20;

/**
 * Zeroed marks over an article, lent: `take(n)` gives `n` zeros, `give` takes them back when the pass is done (in a
 * `finally`; marks a pass keeps or returns must not be given). The article-level passes each made a `Uint8Array` of
 * the article's length (427 KB on the bench's megabyte, seventeen per analysis); a new one costs 90-160 µs (memory
 * from the system, zeroed, and the collector's external-memory accounting), zeroing a kept one 3 µs.
 */
export class MarksPool {
  private readonly free: ArrayBuffer[] = [];

  take(n: number): Uint8Array<ArrayBuffer> {
    for (let i = this.free.length - 1; i >= 0; i--) {
      const buffer = this.free[i];
      if (buffer.byteLength < n) continue;
      this.free[i] = this.free[this.free.length - 1];
      this.free.pop();
      return new Uint8Array(buffer, 0, n).fill(0);
    }
    return new Uint8Array(n);
  }

  give(marks: Uint8Array<ArrayBuffer>): void {
    const buffer = marks.buffer;
    if (buffer.byteLength > KEPT_MARKS_MAX || this.free.includes(buffer)) return;
    if (this.free.length < KEPT_MARKS) this.free.push(buffer);
    else {
      // Full: the smallest kept one makes room for a larger one.
      let smallest = 0;
      for (let i = 1; i < this.free.length; i++) if (this.free[i].byteLength < this.free[smallest].byteLength) smallest = i;
      if (this.free[smallest].byteLength < buffer.byteLength) this.free[smallest] = buffer;
    }
  }
}

/** The article-level passes' pool (they run one after another; a pass that takes two gets two). */
export const articleMarks = new MarksPool();
