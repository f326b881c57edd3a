/**
 * One-character names torn out of a word (issue 11: "no span containing a torn character"). A one-character
 * mention that makes a common word of the dictionary with its neighbour (完[美], [高]校, [华]能, [农]村) is half of
 * that word, not an abbreviation (a place that begins a word is one: see isTornSingle), unless the tagger reads it
 * with confidence: the tagger learned from MSRA train where an abbreviation stands inside a word as an adjective
 * (中药, 京剧, 日军), which the guidelines count as LOC. Runs last, so no pass before it (patterns, consistency) can leave such a character behind.
 */
import type { EntityMention } from '../types';
import { LEX_LOC, LEX_ORG, LEX_PER, LEX_WORD, type NameLexicon } from './lexicon';
import { articleMarks } from './marks';

/** A character before a one-character place that makes a phrase, not a word, with it (访华, 在京, 赴台, 的中, 全港). */
export const GOVERNS_PLACE = new Set([...'在赴访驻抵离回返来到旅的了是和与及对向为以把被从将全']);
/** The tagger's confidence from which its reading of a one-character name inside a word is kept. */
export const CONFIDENT_INSIDE_WORD = 0.9;
const NAME_BITS = LEX_PER | LEX_LOC | LEX_ORG;
const HAN = /^\p{Script=Han}$/u;

/** Does the two-character string at `a` make a common word of the dictionary and no name? */
function commonWord(norm: string, a: number, lexicon: NameLexicon): boolean {
  if (a < 0 || a + 2 > norm.length) return false;
  const bits = lexicon.get(norm, a, 2);
  return !!(bits & LEX_WORD) && !(bits & NAME_BITS);
}

/**
 * Is the one-character mention `m` half of a common word whose other half is no name and governs nothing? A place
 * that begins a word is an abbreviation used as an adjective (港人, 俄语, 港股; 华 for the people: not-names.ts),
 * which the guidelines count as LOC, so only a place that ends one (完[美], 北[港]) is torn; any other one-character
 * name is torn at either end ([高]校长, [农]村).
 */
export function isTornSingle(m: EntityMention, norm: string, marked: Uint8Array, lexicon: NameLexicon): boolean {
  if (m.source === 'user' || m.end - m.start !== 1 || !HAN.test(norm[m.start])) return false;
  const before = m.start > 0 && !marked[m.start - 1] && !GOVERNS_PLACE.has(norm[m.start - 1]) && commonWord(norm, m.start - 1, lexicon);
  const after = m.type !== 'LOC' && m.end < norm.length && !marked[m.end] && commonWord(norm, m.start, lexicon);
  return before || after;
}

/** Whether the tagger (or its lexicon) read `m` with the confidence that keeps a name inside a word (中药, 京剧). */
export const confidentInsideWord = (m: EntityMention): boolean =>
  (m.source === 'model' || m.source === 'lexicon') && m.confidence >= CONFIDENT_INSIDE_WORD;

/** The mentions without the torn one-character names the tagger is not sure of. */
export function dropTornSingles(mentions: EntityMention[], norm: string, lexicon: NameLexicon): EntityMention[] {
  const marked = articleMarks.take(norm.length);
  try {
    for (const m of mentions) marked.fill(1, m.start, m.end);
    return mentions.filter((m) => confidentInsideWord(m) || !isTornSingle(m, norm, marked, lexicon));
  } finally {
    articleMarks.give(marked);
  }
}
