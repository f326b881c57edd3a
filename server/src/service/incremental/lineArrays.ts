/**
 * Per-line arrays carried from one version of a document to the next. A keystroke changes one line; the passes that
 * read every line (boilerplate) need each line's measures, but only the changed lines' are new. The previous
 * version's values are kept for the lines before and after the change, and only the lines in between are computed
 * again, so the array equals the one a full pass would build.
 *
 * A change is widened to whole `\n`-lines: what is computed of a line may depend on the `\n`-line around it (the
 * normaliser converts by `\n`-line, while lines also end at a lone `\r`).
 */

/** Old `[from, oldTo)` became new `[from, newTo)`; `from` starts a `\n`-line, `oldTo` and `newTo` end one (or the text). */
export interface TextChange {
  from: number;
  oldTo: number;
  newTo: number;
  /** A `\n` ends the changed region (so the lines after it are the old ones, shifted); else it runs to the end. */
  closed: boolean;
}

/** Where `after` differs from `before`, as whole `\n`-lines. */
export function changedLines(before: string, after: string): TextChange {
  const min = Math.min(before.length, after.length);
  let p = 0;
  while (p < min && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < min - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  const from = p === 0 ? 0 : before.lastIndexOf('\n', p - 1) + 1;
  // The first `\n` in the common suffix closes the change: what follows it is the same text in both versions.
  const nl = before.indexOf('\n', before.length - s);
  if (nl < 0) return { from, oldTo: before.length, newTo: after.length, closed: false };
  return { from, oldTo: nl + 1, newTo: nl + 1 + after.length - before.length, closed: true };
}

/** The widened change applied to a string derived position for position from the old text (a normalised copy). */
export function spliceDerived(derived: string, change: TextChange, replacement: string): string {
  return derived.slice(0, change.from) + replacement + derived.slice(change.oldTo);
}

/** Ranges at least this long are split by `indexOf` (the \r test reads on to the end of the text). */
const FAST_SPLIT = 256;

/**
 * Line starts of `text[from, to)`, `from` being a line start: by the line index's rule (a line ends at `\r\n`, `\r`
 * or `\n`), or at `\n` only.
 */
export function startsIn(text: string, from: number, to: number, out: number[], newlineOnly: boolean): void {
  out.push(from);
  // A range of some length with no \r in it (news text has none): its breaks are its \n, found by the engine's own
  // search, which is twice as fast as this loop and does not depend on the loop being optimised (a whole text is
  // split once per analysis: this function runs in the interpreter or in on-stack-replaced code in the first runs).
  if (to - from >= FAST_SPLIT) {
    const cr = newlineOnly ? -1 : text.indexOf('\r', from);
    if (cr < 0 || cr >= to) {
      for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) out.push(i + 1);
      return;
    }
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) out.push(i + 1);
    else if (c === 13 && !newlineOnly) {
      if (text.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    }
  }
}

/** The end of the line that starts at `starts[i]`, before its line break. */
export function lineEndAt(text: string, starts: readonly number[], i: number): number {
  if (i + 1 >= starts.length) return text.length;
  let end = starts[i + 1] - 1;
  if (end > starts[i] && text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10) end--;
  return end;
}

export class LineArrays<R> {
  /** With `newlineOnly`, lines end at `\n` only (the paragraphs of entity recognition); else as in the line index. */
  constructor(private readonly newlineOnly = false) {}

  private text: string | undefined;
  private starts: number[] = [];
  private values: R[] = [];
  /** Lines computed / carried over, since creation (for the tests and the bench). */
  readonly stats = { made: 0, kept: 0 };
  /**
   * What the last `update` replaced: the new lines `first` to `first + made - 1` took the place of the old lines
   * `first` to `first + removed - 1`, whose values were `before`; every other line's value is the old one.
   * Undefined after the first update (nothing was before it).
   */
  lastChange: { first: number; made: number; removed: number; before: readonly R[] } | undefined;

  /**
   * The value of every line of `text`, in order, with its line starts. `make(text, starts, first, last, change)`
   * computes lines `first` to `last - 1` of the new version (`starts` holds every line's start); the others are
   * the previous version's values, unchanged.
   */
  update(
    text: string,
    make: (text: string, starts: readonly number[], first: number, last: number, change: TextChange) => R[],
  ): { starts: readonly number[]; values: readonly R[] } {
    const change: TextChange =
      this.text === undefined ? { from: 0, oldTo: 0, newTo: text.length, closed: false } : changedLines(this.text, text);
    const old = this.starts;
    // Lines wholly before the change: their starts lie before `from`, which starts a line.
    let first = 0;
    if (this.text !== undefined) while (first < old.length && old[first] < change.from) first++;
    // Lines after it, from the old line that starts at `oldTo`.
    let oldLast = old.length;
    if (change.closed) {
      oldLast = first;
      while (oldLast < old.length && old[oldLast] < change.oldTo) oldLast++;
    }
    const middle: number[] = [];
    startsIn(text, change.from, change.newTo, middle, this.newlineOnly);
    // With a closed change the scan ends on the start of the first line after it, which the old lines provide.
    if (change.closed) middle.pop();
    const shift = change.newTo - change.oldTo;
    const last = first + middle.length;
    // A keystroke inside a line keeps the number of lines: both arrays are copied whole (one array of the final
    // length each) and the changed lines written over; otherwise they are built by pushing, which reallocates as
    // they grow. The copies are packed arrays like the pushed ones (the passes' compiled code expects packed).
    const sameCount = this.text !== undefined && last === oldLast;
    let starts: number[];
    if (sameCount) {
      starts = old.slice();
      for (let k = first; k < last; k++) starts[k] = middle[k - first];
      if (shift !== 0) for (let k = last; k < starts.length; k++) starts[k] += shift;
    } else {
      starts = old.slice(0, first);
      for (const s of middle) starts.push(s);
      for (let k = oldLast; k < old.length; k++) starts.push(old[k] + shift);
    }
    const made = make(text, starts, first, last, change);
    let values: R[];
    if (sameCount && made.length === last - first) {
      values = this.values.slice();
      for (let k = first; k < last; k++) values[k] = made[k - first];
    } else {
      values = this.values.slice(0, first);
      for (const v of made) values.push(v);
      for (let k = oldLast; k < old.length; k++) values.push(this.values[k]);
    }
    this.stats.made += made.length;
    this.stats.kept += values.length - made.length;
    this.lastChange = this.text === undefined ? undefined : { first, made: made.length, removed: oldLast - first, before: this.values };
    this.text = text;
    this.starts = starts;
    this.values = values;
    return { starts, values };
  }

  /**
   * A copy that starts from this one's last version and goes its own way (the idle warm-up's private edit). Cheap:
   * a version's arrays are never changed once made, so the copy shares them.
   */
  clone(): LineArrays<R> {
    return this.copyInto(new LineArrays<R>(this.newlineOnly));
  }

  /** `copy` made to start from this one's last version (for a subclass's `clone`). */
  protected copyInto<T extends LineArrays<R>>(copy: T): T {
    const self = copy as LineArrays<R>;
    self.text = this.text;
    self.starts = this.starts;
    self.values = this.values;
    return copy;
  }

  /** Forgets the previous version (what computes the values changed). */
  clear(): void {
    this.text = undefined;
    this.starts = [];
    this.values = [];
    this.lastChange = undefined;
  }
}
