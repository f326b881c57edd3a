/**
 * Semantic tokens full/delta: each answer gets a result id; a delta request names the id it has and receives
 * one edit (the changed middle of the encoded array) instead of the whole array. An edit in a long article
 * shifts the tokens of one line, so the edit is small even when the array is not.
 */
import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit } from 'vscode-languageserver-types';

/** The one edit that turns `before` into `after`: everything between their common prefix and common suffix. */
export function tokenEdits(before: readonly number[], after: readonly number[]): SemanticTokensEdit[] {
  let a = 0;
  const max = Math.min(before.length, after.length);
  while (a < max && before[a] === after[a]) a++;
  let b = 0;
  while (b < max - a && before[before.length - 1 - b] === after[after.length - 1 - b]) b++;
  if (a === before.length && a === after.length) return [];
  return [{ start: a, deleteCount: before.length - a - b, data: after.slice(a, after.length - b) }];
}

/** The last answer per document, so a delta request can be served; forgotten when the document closes. */
export class TokenResults {
  private readonly last = new Map<string, { id: string; data: number[] }>();
  private next = 1;

  full(uri: string, tokens: SemanticTokens): SemanticTokens {
    const id = String(this.next++);
    this.last.set(uri, { id, data: tokens.data });
    return { resultId: id, data: tokens.data };
  }

  /** A delta against `previousResultId` when that is the answer kept, else the full array. */
  delta(uri: string, previousResultId: string, tokens: SemanticTokens): SemanticTokens | SemanticTokensDelta {
    const prev = this.last.get(uri);
    if (!prev || prev.id !== previousResultId) return this.full(uri, tokens);
    const id = String(this.next++);
    this.last.set(uri, { id, data: tokens.data });
    return { resultId: id, edits: tokenEdits(prev.data, tokens.data) };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
