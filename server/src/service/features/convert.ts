/**
 * News: Convert to Simplified / Traditional / Taiwan / Hong Kong, and Convert Back.
 *
 * OpenCC converts character for character (its phrase tables map a phrase to one of the same length), so a
 * conversion keeps every offset. That lets "convert back" restore what a round of conversions replaced:
 * Simplified then Traditional (Taiwan) writes 臺灣 for 台灣 and 公佈 for 公布; the history of the round
 * knows the original character at each position and puts it back wherever the user has not typed since.
 */
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ConvertTarget } from '../contract';
import { convertScript } from '../convert';
import { applyEdits } from '../edits';
import { LineIndex, type ArticleDocument } from '../text';

/** The opencc-js dictionaries each target uses, as OpenCC names them (README, hover). */
export const OPENCC_VARIANTS: Record<ConvertTarget, string> = {
  simplified: 'tw2s + hk2s',
  traditional: 's2t',
  taiwan: 's2tw',
  hongkong: 's2hk',
};

/** One changed line as the smallest edit: the unchanged head and tail of the line stay untouched. */
function lineEdit(lines: LineIndex, start: number, before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let a = 0;
  while (a < before.length && a < after.length && before[a] === after[a]) a++;
  let b = 0;
  while (b < before.length - a && b < after.length - a && before[before.length - 1 - b] === after[after.length - 1 - b]) b++;
  return { range: lines.range(start + a, start + before.length - b), newText: after.slice(a, after.length - b) };
}

const versioned = (doc: ArticleDocument, edits: TextEdit[]): WorkspaceEdit | null =>
  edits.length ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] } : null;

/** The conversion of the document, or of `range`, as one edit per changed line (one undo step in the editor). */
export function convertEdits(doc: ArticleDocument, target: ConvertTarget, range?: Range): TextEdit[] {
  const text = doc.getText();
  const lines = new LineIndex(text);
  const from = range ? lines.offsetAt(range.start) : 0;
  const to = range ? lines.offsetAt(range.end) : text.length;
  const edits: TextEdit[] = [];
  for (let l = lines.lineAt(from); l < lines.lineCount && lines.starts[l] <= to; l++) {
    const start = Math.max(from, lines.starts[l]);
    const end = Math.min(to, lines.lineEnd(l));
    if (end <= start) continue;
    const before = text.slice(start, end);
    const edit = lineEdit(lines, start, before, convertScript(before, target));
    if (edit) edits.push(edit);
  }
  return edits;
}

interface Round {
  /** The text before the first conversion of the round. */
  original: string;
  /** The text the last conversion produced. */
  converted: string;
}

/** Per document, the current round of conversions: started by a conversion, extended by the next one on its result. */
export class ConversionHistory {
  private readonly rounds = new Map<string, Round>();

  /** Converts and remembers the round. The edit goes to the client, which may refuse it; then the round does not match and is ignored. */
  convert(doc: ArticleDocument, target: ConvertTarget, range?: Range): WorkspaceEdit | null {
    const edits = convertEdits(doc, target, range);
    if (!edits.length) return null;
    const text = doc.getText();
    const converted = applyEdits(text, new LineIndex(text), edits);
    const round = this.rounds.get(doc.uri);
    // A conversion of what the last one produced continues the round; otherwise the current text is the original.
    const original = round && round.converted === text ? round.original : text;
    this.rounds.set(doc.uri, { original, converted });
    return versioned(doc, edits);
  }

  /**
   * Restores the round's original characters. A line untouched since the conversion gets its original back; a
   * line edited without changing its length gets back each character that is still the converted one; other
   * lines are left alone. Null when there is no round or nothing to restore.
   */
  convertBack(doc: ArticleDocument): WorkspaceEdit | null {
    const round = this.rounds.get(doc.uri);
    if (!round) return null;
    const text = doc.getText();
    const now = new LineIndex(text);
    const converted = new LineIndex(round.converted);
    const original = new LineIndex(round.original);
    if (now.lineCount !== converted.lineCount || original.lineCount !== converted.lineCount) return null;
    const edits: TextEdit[] = [];
    for (let l = 0; l < now.lineCount; l++) {
      const current = now.line(l);
      const was = converted.line(l);
      const first = original.line(l);
      let restored: string | undefined;
      if (current === was) restored = first;
      else if (current.length === was.length && was.length === first.length) {
        restored = '';
        for (let i = 0; i < current.length; i++) restored += current[i] === was[i] ? first[i] : current[i];
      }
      const edit = restored === undefined ? undefined : lineEdit(now, now.starts[l], current, restored);
      if (edit) edits.push(edit);
    }
    if (edits.length) this.rounds.delete(doc.uri);
    return versioned(doc, edits);
  }

  close(uri: string): void {
    this.rounds.delete(uri);
  }
}
