import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { Article } from '../article';
import { kindLabel, type Localize } from '../messages';
import { blockRange } from './diagnostics';

/** Headline, dateline, body and each boilerplate block, in document order. */
export function getDocumentSymbols(article: Article, t: Localize): DocumentSymbol[] {
  const { lines } = article;
  const symbols: DocumentSymbol[] = [];
  const lineSymbol = (line: number, name: string, kind: SymbolKind): DocumentSymbol => {
    const range = lines.range(lines.starts[line], lines.lineEnd(line));
    return { name, detail: lines.line(line).trim().slice(0, 60), kind, range, selectionRange: range };
  };
  const boiler = new Uint8Array(lines.lineCount);
  for (const b of article.blocks) boiler.fill(1, b.startLine, b.endLine + 1);
  if (article.headline !== undefined) symbols.push(lineSymbol(article.headline, t('symbol.headline'), SymbolKind.String));
  if (article.published && article.published.line !== article.headline) {
    symbols.push(lineSymbol(article.published.line, t('symbol.dateline'), SymbolKind.Event));
  }
  // The body: from the first article line after headline/dateline to the last article line.
  const after = Math.max(article.headline ?? -1, article.published?.line ?? -1);
  let first = -1;
  let last = -1;
  for (let l = after + 1; l < lines.lineCount; l++) {
    if (boiler[l] || !lines.line(l).trim()) continue;
    if (first < 0) first = l;
    last = l;
  }
  if (first >= 0) {
    const range = lines.range(lines.starts[first], lines.lineEnd(last));
    symbols.push({
      name: t('symbol.body'),
      kind: SymbolKind.Module,
      range,
      selectionRange: lines.range(lines.starts[first], lines.lineEnd(first)),
    });
  }
  for (const b of article.blocks) {
    const range = blockRange(article, b);
    symbols.push({
      name: t('symbol.boilerplate', kindLabel(t, b.kind)),
      detail: lines.line(b.startLine).trim().slice(0, 40),
      kind: SymbolKind.Object,
      range,
      selectionRange: lines.range(lines.starts[b.startLine], lines.lineEnd(b.startLine)),
    });
  }
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line);
}

export function getFoldingRanges(article: Article): FoldingRange[] {
  return article.blocks
    .filter((b) => b.endLine > b.startLine)
    .map((b) => ({ startLine: b.startLine, endLine: b.endLine, kind: FoldingRangeKind.Region }));
}
