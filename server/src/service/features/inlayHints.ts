import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { Article } from '../article';
import { formatDateValue } from '../dates';

/** The resolved ISO value after each date expression (opt-in setting). */
export function getInlayHints(article: Article, range: Range): InlayHint[] {
  const from = article.lines.offsetAt(range.start);
  const to = article.lines.offsetAt(range.end);
  return article.dates
    .filter((d) => d.end >= from && d.start <= to && d.date.k !== 'unknown')
    .map((d) => ({
      position: article.lines.positionAt(d.end),
      label: `→${formatDateValue(d.date)}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
    }));
}
