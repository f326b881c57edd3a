import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { Article } from '../article';

/** The resolved ISO value after each date expression (opt-in setting). */
export function getInlayHints(article: Article, range: Range): InlayHint[] {
  const from = article.lines.offsetAt(range.start);
  const to = article.lines.offsetAt(range.end);
  return article.dates
    .filter((d) => d.end >= from && d.start <= to && d.value !== 'UNKNOWN')
    .map((d) => ({ position: article.lines.positionAt(d.end), label: `→${d.value}`, kind: InlayHintKind.Type, paddingLeft: true }));
}
