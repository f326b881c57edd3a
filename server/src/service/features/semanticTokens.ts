import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Article } from '../article';
import { TOKEN_MODIFIERS, TOKEN_TYPES, type TokenModifier, type TokenType } from '../legend';
import type { EntityType } from '../types';
import type { NewsAnnotatorSettings } from '../contract';

export const legend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const TYPE_OF: Record<EntityType, TokenType> = { PER: 'person', ORG: 'organization', LOC: 'location', MEDIA: 'media' };

/** A token before encoding: plain data, easy to test. */
export interface PlainToken {
  start: number;
  end: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

export function plainTokens(article: Article, settings: NewsAnnotatorSettings): PlainToken[] {
  const tokens: PlainToken[] = [];
  const types = new Set(settings.highlight.entityTypes);
  const seen = new Set<unknown>();
  article.entities.forEach((m, i) => {
    const cluster = article.clusterOf[i];
    const first = !seen.has(cluster);
    seen.add(cluster);
    if (!types.has(m.type)) return;
    // Array literals of the exact length: an empty array that is pushed to gets room for 17 (every keystroke makes
    // a token per mention, so that was most of what this function allocated).
    const low = m.confidence < settings.entities.confidenceThreshold;
    const modifiers: TokenModifier[] = first ? (low ? ['firstMention', 'lowConfidence'] : ['firstMention']) : low ? ['lowConfidence'] : [];
    tokens.push({ start: m.start, end: m.end, type: TYPE_OF[m.type], modifiers });
  });
  if (settings.highlight.dates) {
    for (const d of article.dates) {
      tokens.push({ start: d.start, end: d.end, type: 'date', modifiers: d.kind === 'absolute' || d.kind === 'time' ? [] : ['relative'] });
    }
  }
  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  // Dates and names can touch (當地時間7月3日, 美國獨立日): the earlier, longer span wins.
  const out: PlainToken[] = [];
  let end = -1;
  for (const tk of tokens) {
    if (tk.start < end) continue;
    out.push(tk);
    end = tk.end;
  }
  return out;
}

/** Each token type's and modifier's index in the legend. */
const TYPE_INDEX = new Map<string, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const MODIFIER_BIT = new Map<string, number>(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));

/** The legend's bit set of `modifiers` (a loop: a `reduce` callback per token was garbage on every keystroke). */
export function modifierBits(modifiers: readonly TokenModifier[]): number {
  let bits = 0;
  for (let i = 0; i < modifiers.length; i++) bits |= MODIFIER_BIT.get(modifiers[i]) ?? 0;
  return bits;
}

/** LSP's relative encoding; a token that spans lines is cut at each line end. */
export function encodeTokens(article: Article, tokens: readonly PlainToken[]): SemanticTokens {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const tk of tokens) {
    let start = tk.start;
    while (start < tk.end) {
      const line = article.lines.lineAt(start);
      const end = Math.min(tk.end, article.lines.lineEnd(line));
      const character = start - article.lines.starts[line];
      if (end > start) {
        data.push(
          line - prevLine,
          line === prevLine ? character - prevChar : character,
          end - start,
          TYPE_INDEX.get(tk.type)!,
          modifierBits(tk.modifiers),
        );
        prevLine = line;
        prevChar = character;
      }
      if (line + 1 >= article.lines.lineCount) break;
      start = Math.max(end + 1, article.lines.starts[line + 1]);
    }
  }
  return { data };
}

export const getSemanticTokens = (article: Article, settings: NewsAnnotatorSettings) =>
  encodeTokens(article, plainTokens(article, settings));
