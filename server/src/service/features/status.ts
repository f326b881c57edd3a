/**
 * What an article amounts to, as the editor's language status shows it, and the one rule every count follows:
 * mentions on boilerplate lines (teasers of other stories, captions of the page) are not the article's.
 */
import type { Article } from '../article';
import type { ArticleStatus } from '../contract';
import { convertScript, toTraditionalCharacters } from '../convert';
import type { EntityCluster } from '../entities';
import type { EntityMention } from '../types';

/** Whether the line at `offset` lies in a flagged boilerplate block. */
export function inBoilerplate(article: Article, offset: number): boolean {
  const line = article.lines.lineAt(offset);
  return article.blocks.some((b) => b.startLine <= line && line <= b.endLine);
}

/** The cluster's mentions on the article's own lines; all of them when every one is in boilerplate. */
export function articleMentions(article: Article, cluster: EntityCluster): EntityMention[] {
  const own = cluster.mentions.filter((m) => !inBoilerplate(article, m.start));
  return own.length ? own : cluster.mentions;
}

/** Per article, each Simplified character of its normalised text and the character the article writes for it. */
const ownCharacters = new WeakMap<Article, Map<string, string>>();

function charactersOf(article: Article): Map<string, string> {
  let map = ownCharacters.get(article);
  if (!map) {
    map = new Map();
    for (let i = 0; i < article.text.length; i++) {
      if (article.normalized[i] !== article.text[i] && !map.has(article.normalized[i])) map.set(article.normalized[i], article.text[i]);
    }
    ownCharacters.set(article, map);
  }
  return map;
}

/**
 * `text` in the script the article is written in (the canonical form may come from a table in Simplified:
 * 北大西洋公约组织 for a Traditional article's 北約). A Traditional article supplies its own characters, so no
 * Simplified-to-Traditional converter is built (it costs about 60 MB); a character the article never writes is converted on its own.
 */
export function inArticleScript(article: Article, text: string): string {
  if (article.script === 'simplified') return convertScript(text, 'simplified');
  if (article.script !== 'traditional') return text;
  const simplified = convertScript(text, 'simplified');
  const at = article.normalized.indexOf(simplified);
  if (at >= 0) return article.text.slice(at, at + simplified.length);
  const own = charactersOf(article);
  let out = '';
  for (let i = 0; i < simplified.length; i++) out += own.get(simplified[i]) ?? toTraditionalCharacters(simplified[i]);
  return out;
}

/** The form the article writes most often (the first of equals), as a reader would name the entity. */
export function writtenForm(mentions: readonly EntityMention[]): string {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  let best = mentions[0]?.text ?? '';
  for (const [text, n] of counts) if (n > (counts.get(best) ?? 0)) best = text;
  return best;
}

export function getArticleStatus(article: Article, usesModel: boolean): ArticleStatus {
  let entities = 0;
  let mentions = 0;
  for (const cluster of article.clusters) {
    const own = cluster.mentions.filter((m) => !inBoilerplate(article, m.start)).length;
    if (own) entities++;
    mentions += own;
  }
  return {
    script: article.script,
    published: article.published?.value ?? null,
    entities,
    mentions,
    boilerplate: article.blocks.length,
    removable: article.blocks.filter((b) => b.confident).length,
    model: usesModel ? 'model' : 'none',
  };
}
