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
  const atEnd = (last: number) => last === n - 1 || (last === n - 2 && lines.line(n - 1) === '');
  // A run that reaches the end of the file takes the blank lines that separated it from the article,
  // and any earlier run it then meets (a block, blank lines, a last block without a final newline).
  const tail = runs[runs.length - 1];
  if (tail && atEnd(tail[1])) {
    for (;;) {
      while (tail[0] > 0 && blank(tail[0] - 1) && !del[tail[0] - 1]) tail[0]--;
      const prev = runs[runs.length - 2];
      if (!prev || prev[1] < tail[0] - 1) break;
      tail[0] = prev[0];
      runs.splice(runs.length - 2, 1);
    }
  }
  // A run between blank lines takes the blank lines after it, so the separator before it remains
  // and no run of blanks grows longer than the page had.
  for (const run of runs) {
    if (run === tail && atEnd(tail[1])) continue;
    const blankBefore = run[0] === 0 || blank(run[0] - 1);
    while (blankBefore && run[1] + 1 < n && blank(run[1] + 1) && !del[run[1] + 1]) run[1]++;
  }
  // LSP forbids overlapping edits, and touching whole-line runs are one deletion anyway: merge them.
  const merged: [number, number][] = [];
  for (const run of runs) {
    const prev = merged[merged.length - 1];
    if (prev && run[0] <= prev[1] + 1) prev[1] = Math.max(prev[1], run[1]);
    else merged.push(run);
  }
  return merged;
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
