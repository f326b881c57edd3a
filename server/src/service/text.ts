/** Line and offset arithmetic over article text. Offsets are UTF-16 code units (LSP's default encoding). */
import type { Position, Range } from 'vscode-languageserver-types';
import { startsIn } from './incremental/lineArrays';

/** The minimal document the service needs (vscode-languageserver-textdocument's TextDocument fits). */
export interface ArticleDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly starts: number[];

  constructor(readonly text: string) {
    // The scan is a function of its own (incremental/lineArrays.ts): with the loop here, V8 compiled the constructor
    // at the loop (on-stack replacement) on its first long text and that code deoptimised at the store after the
    // loop in every later analysis.
    const starts: number[] = [];
    startsIn(text, 0, text.length, starts, false);
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The line's text without its line break. */
  line(n: number): string {
    return this.text.slice(this.starts[n], this.lineEnd(n));
  }

  /** Offset just before the line break of line n. */
  lineEnd(n: number): number {
    if (n + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[n + 1] - 1;
    if (end > this.starts[n] && this.text.charCodeAt(end - 1) === 13 && this.text.charCodeAt(end) === 10) end--;
    return end;
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const line = this.lineAt(offset);
    return { line, character: offset - this.starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(Math.max(0, position.line)));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /**
   * The range that deletes lines first..last whole, including the line break after the last
   * (or, for a block at the end of the file, the break before the first).
   */
  wholeLines(first: number, last: number): Range {
    if (last + 1 < this.lineCount) return { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } };
    if (first === 0) return this.range(0, this.text.length);
    return { start: this.positionAt(this.lineEnd(first - 1)), end: this.positionAt(this.text.length) };
  }
}

/** Converts UTF-16 offsets to Unicode code point offsets (for exports), in one pass for many offsets. */
export function codePointOffsets(text: string): (utf16: number) => number {
  const hasAstral = /[\uD800-\uDFFF]/.test(text);
  if (!hasAstral) return (o) => o;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    // A lone surrogate is one code point, like any other (Array.from and for..of count it so).
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      map[i + 1] = cp;
      i++;
    }
    cp++;
  }
  map[text.length] = cp;
  return (o) => map[o];
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}
