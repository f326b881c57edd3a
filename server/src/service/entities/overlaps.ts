/**
 * Which mentions overlap a range, without reading every mention: the article-level passes ask it for each
 * occurrence of a name, and a corpus page repeated in a megabyte holds thousands of both.
 */

interface Range {
  start: number;
  end: number;
}

/**
 * The spans of a list ordered by start, with the largest end among each prefix: the spans that overlap [a, b) all
 * start before b, and a walk back from there stops where no earlier span reaches past a. Overlapping spans and
 * unsorted input are allowed; the answers are those of a test of every span (`x.start < b && x.end > a`).
 */
export class OverlapIndex<T extends Range> {
  private readonly byStart: T[];
  private readonly maxEnd: Float64Array;

  constructor(spans: readonly T[]) {
    let sorted = true;
    for (let i = 1; i < spans.length && sorted; i++) sorted = spans[i - 1].start <= spans[i].start;
    this.byStart = sorted ? spans.slice() : spans.slice().sort((x, y) => x.start - y.start);
    this.maxEnd = new Float64Array(this.byStart.length);
    let max = -Infinity;
    for (let i = 0; i < this.byStart.length; i++) this.maxEnd[i] = max = Math.max(max, this.byStart[i].end);
  }

  /** Whether some span with `x.start < b && x.end > a` satisfies `test`. */
  some(a: number, b: number, test: (x: T) => boolean = () => true): boolean {
    const spans = this.byStart;
    for (let i = this.startingBefore(b) - 1; i >= 0 && this.maxEnd[i] > a; i--) if (spans[i].end > a && test(spans[i])) return true;
    return false;
  }

  /** The spans with `x.start < b && x.end > a`, in no particular order. */
  all(a: number, b: number): T[] {
    const spans = this.byStart;
    const out: T[] = [];
    for (let i = this.startingBefore(b) - 1; i >= 0 && this.maxEnd[i] > a; i--) if (spans[i].end > a) out.push(spans[i]);
    return out;
  }

  /** How many spans start before b. */
  private startingBefore(b: number): number {
    const spans = this.byStart;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start < b) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * `a.concat(b).sort((x, y) => x.start - y.start)`, the same array in the same order (the sort is stable: at equal
 * starts a's items come before b's), by one merge when a and b are each sorted by start, which the passes' mentions
 * and additions usually are; a sort of the whole only when one is not.
 */
export function concatByStart<T extends Range>(a: readonly T[], b: readonly T[]): T[] {
  if (!isSortedByStart(a) || !isSortedByStart(b)) return a.concat(b).sort((x, y) => x.start - y.start);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(b[j].start < a[i].start ? b[j++] : a[i++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

function isSortedByStart(spans: readonly Range[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i - 1].start > spans[i].start) return false;
  return true;
}

/**
 * Up to this many items `sortStable` sorts by insertion. V8's `Array.prototype.sort` allocates about a kilobyte of
 * state for any array of two or more items (its TimSort's run stack and a copy of the array): the per-line passes
 * sort a few candidates of each of the megabyte's 7,466 distinct lines, four times a line.
 */
const INSERTION_SORT_MAX = 24;

/**
 * `xs.sort(cmp)`: the same order (both are stable), in place, returned; by insertion, allocating nothing, for a short
 * array. `cmp` must be a consistent comparison (then a stable sort has exactly one answer).
 */
export function sortStable<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  const n = xs.length;
  if (n > INSERTION_SORT_MAX) return xs.sort(cmp);
  for (let i = 1; i < n; i++) {
    const x = xs[i];
    let j = i - 1;
    for (; j >= 0 && cmp(xs[j], x) > 0; j--) xs[j + 1] = xs[j];
    xs[j + 1] = x;
  }
  return xs;
}

/** By start, for `sortStable` (one function, not a closure per call). */
export const byStart = (x: Range, y: Range): number => x.start - y.start;
