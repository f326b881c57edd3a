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
    let entry = this.current.get(line);
    if (!entry) {
      entry = this.previous.get(line);
      if (entry) this.keep(line, entry);
    }
    if (entry && entry.check === check) return entry.value;
    const value = compute(line);
    this.keep(line, { check, value });
    return value;
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
