import type { Article } from '../article';
import { formatDateValue } from '../dates';
import { codePointOffsets } from '../text';
import { kindLabel, type Localize } from '../messages';
import { articleMentions, inArticleScript, writtenForm } from './status';
import type { ArticleAnnotations, EntitySummary } from '../contract';

/** The CLI / export schema: code point offsets, 1-based lines. */
export function toAnnotations(file: string, article: Article, t: Localize): ArticleAnnotations {
  const cp = codePointOffsets(article.text);
  const line = (offset: number) => article.lines.lineAt(offset) + 1;
  return {
    file,
    script: article.script,
    published: article.published?.value ?? null,
    entities: article.entities.map((m) => ({ start: cp(m.start), end: cp(m.end), line: line(m.start), text: m.text, type: m.type })),
    dates: article.dates.map((d) => ({
      start: cp(d.start),
      end: cp(d.end),
      line: line(d.start),
      text: d.text,
      value: formatDateValue(d.date),
    })),
    boilerplate: article.blocks.map((b) => ({
      startLine: b.startLine + 1,
      endLine: b.endLine + 1,
      kind: b.kind,
      message: t(b.confident ? 'diag.block' : 'diag.blockUnsure', kindLabel(t, b.kind)),
    })),
  };
}

/**
 * Entities grouped by cluster, for the "show entities" quick pick: named as the article writes them, with the
 * full name (in the article's script) as detail, and only the mentions on the article's own lines.
 */
export function listEntities(article: Article): EntitySummary[] {
  return article.clusters.map((c) => {
    const mentions = articleMentions(article, c);
    const text = writtenForm(mentions);
    const canonical = inArticleScript(article, c.canonical);
    return {
      text,
      ...(canonical !== text ? { canonical } : {}),
      type: c.type,
      mentions: mentions.map((m) => {
        const p = article.lines.positionAt(m.start);
        return { line: p.line, character: p.character, endCharacter: p.character + (m.end - m.start) };
      }),
    };
  });
}
