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

/**
 * LSP's relative encoding; a token that spans lines is cut at each line end. The pieces are counted first and
 * written into an array of exactly their number: a pushed array grows by half again each time it is full, and for
 * the 13,490 tokens of a 1 MB article its copies were 1.1 MB of the server's peak (docs/performance.md, eleventh
 * round).
 */
export function encodeTokens(article: Article, tokens: readonly PlainToken[]): SemanticTokens {
  const data = new Array<number>(encodePieces(article, tokens, undefined));
  encodePieces(article, tokens, data);
  return { data };
}

/** Writes the encoded pieces into `data` when it is given; returns how many numbers they are. */
function encodePieces(article: Article, tokens: readonly PlainToken[], data: number[] | undefined): number {
  const lines = article.lines;
  let k = 0;
  let prevLine = 0;
  let prevChar = 0;
  for (const tk of tokens) {
    let start = tk.start;
    while (start < tk.end) {
      const line = lines.lineAt(start);
      const end = Math.min(tk.end, lines.lineEnd(line));
      const character = start - lines.starts[line];
      if (end > start) {
        if (data) {
          data[k] = line - prevLine;
          data[k + 1] = line === prevLine ? character - prevChar : character;
          data[k + 2] = end - start;
          data[k + 3] = TYPE_INDEX.get(tk.type)!;
          data[k + 4] = modifierBits(tk.modifiers);
        }
        k += 5;
        prevLine = line;
        prevChar = character;
      }
      if (line + 1 >= lines.lineCount) break;
      start = Math.max(end + 1, lines.starts[line + 1]);
    }
  }
  return k;
}

export const getSemanticTokens = (article: Article, settings: NewsAnnotatorSettings) =>
  encodeTokens(article, plainTokens(article, settings));
