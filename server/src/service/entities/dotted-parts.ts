/**
 * The parts of a foreign name used alone (issue 11, fifth round: "a name found with confidence once labels its
 * other mentions"). After 茉莉·西尔斯 an article writes 茉莉 or 西尔斯 for the same person; after 安娜·卡列尼娜,
 * 卡列尼娜. Each part (two characters or more) of a person's dotted name marks its unmarked occurrences as that
 * person, unless the occurrence is part of a longer word of the dictionaries (茉莉花: a part that is a common word,
 * 茉莉 jasmine, is read as the name only where no word runs across its edges).
 */
import type { EntityMention } from '../types';
import { concatByStart } from './overlaps';
import { articleMarks } from './marks';

/** Is `norm.slice(a, a + len)` a word of the dictionaries? */
export type IsWord = (a: number, len: number) => boolean;

export function markDottedParts(mentions: EntityMention[], text: string, norm: string, isWord: IsWord): EntityMention[] {
  const parts = new Map<string, EntityMention>();
  for (const m of mentions) {
    if (m.type !== 'PER' || m.source === 'user') continue;
    const name = norm.slice(m.start, m.end);
    if (!name.includes('·')) continue;
    for (const part of name.split('·')) if (part.length >= 2 && /^\p{Script=Han}+$/u.test(part)) parts.set(part, m);
  }
  if (!parts.size) return mentions;
  const covered = articleMarks.take(norm.length);
  try {
    for (const m of mentions) covered.fill(1, m.start, m.end);
    const added: EntityMention[] = [];
    for (const [part, proto] of parts) {
      const len = part.length;
      for (let at = norm.indexOf(part); at >= 0; at = norm.indexOf(part, at + 1)) {
        const end = at + len;
        if (covered[at] || covered[end - 1] || norm[at - 1] === '·' || norm[end] === '·') continue;
        // Part of a longer word: a word crossing either edge (茉莉花, 卡列尼娜号 if the dictionary has it).
        let inWord = false;
        for (let l = 2; l <= 4 && !inWord; l++) {
          for (let a = at - l + 1; a < at && !inWord; a++) if (a >= 0 && isWord(a, l)) inWord = true;
          for (let a = end - l + 1; a < end && !inWord; a++) if (a > at && a + l > end && isWord(a, l)) inWord = true;
        }
        if (inWord || isWord(at, len + 1) || isWord(at - 1, len + 1)) continue;
        // The name itself was cut short (安娜·卡列尼 + 娜): its last part goes on the same way here too.
        const after = norm[proto.end];
        if (norm[end] === after && /\p{Script=Han}/u.test(after ?? '')) continue;
        covered.fill(1, at, end);
        added.push({
          start: at,
          end,
          text: text.slice(at, end),
          type: 'PER',
          confidence: Math.round(proto.confidence * 90) / 100,
          source: 'consistency',
        });
      }
    }
    if (!added.length) return mentions;
    return concatByStart(mentions, added);
  } finally {
    articleMarks.give(covered);
  }
}
