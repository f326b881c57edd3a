/**
 * A bounded memo of what a pure function of one line gave, shared by every analysis in the process: after a
 * keystroke the whole-document passes (boilerplate) read the same lines again, and a corpus repeats its menus and
 * footers on every page. Two generations: lines used since the last turnover stay, the others go at the next one.
 */
export class LineMemo<T> {
  private current = new Map<string, { check: string; value: T }>();
  private previous = new Map<string, { check: string; value: T }>();

  /** Characters of the lines held by the current generation (a memo of a few long lines must stay small too). */
  private chars = 0;

  constructor(
    private readonly max = 50_000,
    private readonly maxChars = 2_000_000,
  ) {}

  /** `compute()` for `line`, remembered; `check` is any second input the answer depends on (compared, not hashed). */
  get(line: string, compute: (line: string) => T, check = ''): T {
    const entry = this.find(line);
    if (entry && entry.check === check) return entry.value;
    const value = compute(line);
    this.keep(line, { check, value });
    return value;
  }

  /**
   * `compute(input, check)` for `line`, remembered as `get` remembers it. For the callers that run over every line
   * of a document: `compute` is one function and its inputs are passed, where `get` took a closure made per call.
   */
  getFor<A>(line: string, compute: (input: A, check: string) => T, input: A, check: string): T {
    const entry = this.find(line);
    if (entry && entry.check === check) return entry.value;
    const value = compute(input, check);
    this.keep(line, { check, value });
    return value;
  }

  /** The line's entry, moved into the current generation when the previous one held it. */
  private find(line: string): { check: string; value: T } | undefined {
    let entry = this.current.get(line);
    if (!entry) {
      entry = this.previous.get(line);
      if (entry) this.keep(line, entry);
    }
    return entry;
  }

  private keep(line: string, entry: { check: string; value: T }): void {
    if (this.current.size >= this.max || this.chars + line.length > this.maxChars) {
      this.previous = this.current;
      this.current = new Map();
      this.chars = 0;
    }
    this.current.set(line, entry);
    this.chars += line.length;
  }
}
