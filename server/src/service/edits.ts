/**
 * Removing boilerplate: whole lines only, and the blank-line rhythm of the article kept, so that
 * deleting a block between two paragraphs leaves exactly one blank line between them.
 * The quick fixes, the palette command and the CLI's `clean` all use this one function.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { LineIndex, isBlank } from './text';
import type { BoilerplateBlock } from './types';

/** Line runs [first, last] (inclusive) to delete for these blocks, spacing included. */
export function removalRuns(lines: LineIndex, blocks: readonly BoilerplateBlock[]): [number, number][] {
  const n = lines.lineCount;
  const del = new Uint8Array(n);
  for (const b of blocks) for (let l = b.startLine; l <= Math.min(b.endLine, n - 1); l++) del[l] = 1;
  const blank = (l: number) => isBlank(lines.line(l));
  const runs: [number, number][] = [];
  for (let l = 0; l < n; l++) {
    if (!del[l]) continue;
    let end = l;
    while (end + 1 < n && (del[end + 1] || (blank(end + 1) && end + 2 < n && del[end + 2]))) end++;
    runs.push([l, end]);
    l = end;
  }
  // A run between a blank line and a blank line takes the blank after it, so one separator remains.
  for (const run of runs) {
    const [first, last] = run;
    const blankBefore = first === 0 || blank(first - 1);
    const atEnd = last === n - 1 || (last === n - 2 && lines.line(n - 1) === '');
    if (atEnd) {
      // Nothing follows: drop the blank lines that separated the run from the article, too.
      while (run[0] > 0 && blank(run[0] - 1) && !del[run[0] - 1]) run[0]--;
    } else if (blankBefore && blank(last + 1)) run[1] = last + 1;
  }
  return runs;
}

export function removalEdits(lines: LineIndex, blocks: readonly BoilerplateBlock[]): TextEdit[] {
  return removalRuns(lines, blocks).map(([first, last]) => ({ range: lines.wholeLines(first, last), newText: '' }));
}

/** Applies non-overlapping edits to text (for the CLI and tests). */
export function applyEdits(text: string, lines: LineIndex, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e) => ({ from: lines.offsetAt(e.range.start), to: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + text.slice(at);
}

export function removeBlocks(text: string, blocks: readonly BoilerplateBlock[]): string {
  const lines = new LineIndex(text);
  return applyEdits(text, lines, removalEdits(lines, blocks));
}
