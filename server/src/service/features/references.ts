import {
  DocumentHighlightKind,
  SymbolKind,
  type DocumentHighlight,
  type Location,
  type Position,
  type WorkspaceSymbol,
} from 'vscode-languageserver-types';
import type { Article } from '../article';
import { toSimplified } from '../convert';
import { entityAt } from './lookup';

/** Every mention of the entity under the cursor (same cluster: aliases and both scripts included). */
export function getReferences(uri: string, article: Article, position: Position): Location[] {
  const i = entityAt(article, article.lines.offsetAt(position));
  if (i < 0) return [];
  return article.clusterOf[i].mentions.map((m) => ({ uri, range: article.lines.range(m.start, m.end) }));
}

export function getDocumentHighlights(article: Article, position: Position): DocumentHighlight[] {
  const i = entityAt(article, article.lines.offsetAt(position));
  if (i < 0) return [];
  return article.clusterOf[i].mentions.map((m) => ({ range: article.lines.range(m.start, m.end), kind: DocumentHighlightKind.Text }));
}

const SYMBOL_KIND = { PER: SymbolKind.Class, ORG: SymbolKind.Struct, LOC: SymbolKind.EnumMember, MEDIA: SymbolKind.Interface } as const;

/** Entities across open articles whose canonical form or an alias contains the query (either script). */
export function getWorkspaceSymbols(articles: Iterable<[string, Article]>, query: string, limit = 500): WorkspaceSymbol[] {
  const q = toSimplified(query.trim());
  const out: WorkspaceSymbol[] = [];
  for (const [uri, article] of articles) {
    for (const c of article.clusters) {
      const names = [c.canonical, ...c.aliases];
      if (q && !names.some((n) => toSimplified(n).includes(q))) continue;
      const first = c.mentions[0];
      if (!first) continue;
      out.push({
        name: c.canonical,
        kind: SYMBOL_KIND[c.type],
        containerName: c.type,
        location: { uri, range: article.lines.range(first.start, first.end) },
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
