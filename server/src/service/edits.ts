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
  const atEnd = (last: number) => last === n - 1 || (last === n - 2 && lines.line(n - 1) === '');
  // Nothing follows: drop the blank lines that separated the run from the article, too (but not a
  // line the run before it already takes: the two would overlap).
  const dropBlanksBefore = (run: [number, number], prevLast: number) => {
    while (run[0] > prevLast + 1 && blank(run[0] - 1) && !del[run[0] - 1]) run[0]--;
  };
  runs.forEach((run, i) => {
    const [first, last] = run;
    const blankBefore = first === 0 || blank(first - 1);
    if (atEnd(last)) dropBlanksBefore(run, i > 0 ? runs[i - 1][1] : -1);
    else if (blankBefore && blank(last + 1)) run[1] = last + 1;
  });
  // Runs that now touch become one: a run at the end is cut with the line break before it, which
  // belongs to the run before.
  const merged: [number, number][] = [];
  for (const run of runs) {
    const prev = merged[merged.length - 1];
    if (prev && run[0] <= prev[1] + 1) prev[1] = Math.max(prev[1], run[1]);
    else merged.push(run);
  }
  const last = merged[merged.length - 1];
  if (last && atEnd(last[1])) dropBlanksBefore(last, merged.length > 1 ? merged[merged.length - 2][1] : -1);
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
