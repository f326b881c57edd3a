/**
 * Coordinated names share their kind. In an enumeration such as 卢煜明(2016年)、施一公(2017年) or 丁磊、江南春、马化腾、王强,
 * each item lies between enumeration commas or punctuation, so its edges are the text's own. When most items of the
 * enumeration are persons, an item of two or three characters that begins with a surname and is no everyday word
 * is a person too: the tagger missed 施一公, read 江南春 as a place from the place lexicon, and took only 马 of 马大为.
 * Nothing here lists a name: the evidence is the enumeration's other items.
 */
import type { EntityMention } from '../types';
import { enumerationItems, readEnumerations, type Enumerations } from './enumerations';
import { anyMarked, articleMarks } from './marks';
import { packedMap } from './mention';

/** A person's item: two or three Han characters (before a bracketed note: 施一公(2017年)). */
const NAME = /^\p{Script=Han}{2,3}$/u;

/**
 * Items of person enumerations that the mentions miss or type otherwise become persons (see the file comment).
 * `surname(c)`: c begins Chinese names; `isWord(a, len)`: norm[a, a+len) is an everyday word; `lists`: the
 * article's enumerations (enumerations.ts), read once for every family that reads lists.
 */
export function personListMates(
  mentions: EntityMention[],
  text: string,
  norm: string,
  surname: (c: string) => boolean,
  isWord: (a: number, len: number) => boolean,
  lists: Enumerations = readEnumerations(norm),
): EntityMention[] {
  if (!norm.includes('、')) return mentions;
  // Where persons start and end, as position marks; and their exact spans under small-integer keys (start · 64 +
  // length; a string key for the rare longer one), not start · 2^26 + end, a heap number per person.
  const personStarts = articleMarks.take(norm.length + 1);
  try {
    const personEnds = articleMarks.take(norm.length + 1);
    try {
      const persons = new Set<number>();
      const longPersons = new Set<string>();
      for (const m of mentions) {
        if (m.type !== 'PER') continue;
        if (m.end - m.start > 0 && m.end - m.start < 64) persons.add(m.start * 64 + (m.end - m.start));
        else longPersons.add(`${m.start}:${m.end}`);
        personEnds[m.end] = 1;
        personStarts[m.start] = 1;
      }
      const personAt = (a: number, b: number) => (b - a > 0 && b - a < 64 ? persons.has(a * 64 + (b - a)) : longPersons.has(`${a}:${b}`));
      const add: [number, number][] = [];
      for (const e of lists.lists) {
        // An item is the part's name when that is two or three Han characters before a note, else the whole part; the
        // last part is read for its closers (李明和张三, 王强等人: enumerationItems).
        const lastPart = e.parts.length - 1;
        const items = packedMap(
          // An item after the closer that is no name (以及越南党政军的其他领导人) ends the list, and is no item of it.
          enumerationItems(norm, e).filter(
            ({ start, end, part }) =>
              part < lastPart || start === e.parts[part].start || NAME.test(norm.slice(start, end)) || personStarts[start] === 1,
          ),
          ({ start, end, part }): [number, number] => {
            const p = e.parts[part];
            if (NAME.test(norm.slice(start, end))) return [start, end];
            return part < lastPart || (start === p.start && end === p.nameEnd) ? [p.start, p.end] : [start, end];
          },
        );
        const last = items.length - 1;
        // A vote: the item is a person mention; the first item may hold words before the name (大佬沈南鹏), the last
        // words after it (王强都是): there a person ending at the comma, or starting after it, votes. A last item of a
        // name's shape (马大为。, 赵一公等人) has its edges: only the person that is the item votes, as in the middle.
        const isPerson = ([a, b]: [number, number], i: number) =>
          personAt(a, b) || (i === 0 && personEnds[b] === 1) || (i === last && personStarts[a] === 1 && !NAME.test(norm.slice(a, b)));
        const votes = items.filter(isPerson).length;
        if (votes < 2 || votes * 2 <= items.length) continue;
        items.forEach(([a, b], i) => {
          const len = b - a;
          if (len < 2 || len > 3 || isPerson([a, b], i) || !surname(norm[a]) || isWord(a, len)) return;
          if (!/^\p{Script=Han}+$/u.test(norm.slice(a, b))) return;
          add.push([a, b]);
        });
      }
      if (!add.length) return mentions;
      const covered = articleMarks.take(norm.length);
      try {
        for (const [a, b] of add) covered.fill(1, a, b);
        const keep = mentions.filter((m) => !anyMarked(covered, m.start, m.end));
        for (const [a, b] of add) keep.push({ start: a, end: b, text: text.slice(a, b), type: 'PER', confidence: 0.7, source: 'article' });
        return keep.sort((x, y) => x.start - y.start);
      } finally {
        articleMarks.give(covered);
      }
    } finally {
      articleMarks.give(personEnds);
    }
  } finally {
    articleMarks.give(personStarts);
  }
}
