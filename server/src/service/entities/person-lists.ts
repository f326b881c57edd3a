/**
 * Coordinated names share their kind. In an enumeration such as 卢煜明(2016年)、施一公(2017年) or 丁磊、江南春、马化腾、王强,
 * each item lies between enumeration commas or punctuation, so its edges are the text's own. When most items of the
 * enumeration are persons, an item of two or three characters that begins with a surname and is no everyday word
 * is a person too: the tagger missed 施一公, read 江南春 as a place from the place lexicon, and took only 马 of 马大为.
 * Nothing here lists a name: the evidence is the enumeration's other items.
 */
import type { EntityMention } from '../types';
import { unitPredicate } from './scan';

/** What ends an enumeration: punctuation, a space or a line break. */
const HARD_EDGE = /[，,。；;：:！!？?“”"《》【】\s]/u;
/** HARD_EDGE by code unit, remembered: the scans below test every character of a list's surroundings. */
const hardEdge = unitPredicate((ch) => HARD_EDGE.test(ch));
/** An item: its text (up to a bracketed note such as (2017年) or （化名）), then the note. */
const ITEM = /^(\p{Script=Han}{2,3})(?:[（(][^（）()]{0,12}[）)])?$/u;

/** The enumerations of `norm`: runs of items separated by 、, each item as [start, end) of its text before a note. */
function enumerations(norm: string): { items: [number, number][] }[] {
  const out: { items: [number, number][] }[] = [];
  let from = norm.indexOf('、');
  while (from >= 0) {
    let a = from;
    while (a > 0 && !hardEdge(norm.charCodeAt(a - 1))) a--;
    let b = from;
    while (b < norm.length && !hardEdge(norm.charCodeAt(b))) b++;
    const items: [number, number][] = [];
    let start = a;
    for (const part of norm.slice(a, b).split('、')) {
      const m = ITEM.exec(part);
      items.push(m ? [start, start + m[1].length] : [start, start + part.length]);
      start += part.length + 1;
    }
    out.push({ items });
    from = norm.indexOf('、', b);
  }
  return out;
}

/**
 * Items of person enumerations that the mentions miss or type otherwise become persons (see the file comment).
 * `surname(c)`: c begins Chinese names; `isWord(a, len)`: norm[a, a+len) is an everyday word.
 */
export function personListMates(
  mentions: EntityMention[],
  text: string,
  norm: string,
  surname: (c: string) => boolean,
  isWord: (a: number, len: number) => boolean,
): EntityMention[] {
  if (!norm.includes('、')) return mentions;
  const persons = new Set<number>();
  const personEnds = new Set<number>();
  const personStarts = new Set<number>();
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    persons.add(m.start * 0x4000000 + m.end);
    personEnds.add(m.end);
    personStarts.add(m.start);
  }
  const add: [number, number][] = [];
  for (const { items } of enumerations(norm)) {
    const last = items.length - 1;
    // A vote: the item is a person mention; the first item may hold words before the name (大佬沈南鹏), the last
    // words after it (王强都是): there a person ending at the comma, or starting after it, votes.
    const isPerson = ([a, b]: [number, number], i: number) =>
      persons.has(a * 0x4000000 + b) || (i === 0 && personEnds.has(b)) || (i === last && personStarts.has(a));
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
  const covered = new Uint8Array(norm.length);
  for (const [a, b] of add) covered.fill(1, a, b);
  const keep = mentions.filter((m) => !covered.subarray(m.start, m.end).includes(1));
  for (const [a, b] of add) keep.push({ start: a, end: b, text: text.slice(a, b), type: 'PER', confidence: 0.7, source: 'article' });
  return keep.sort((x, y) => x.start - y.start);
}
