/**
 * Enumerations of organisations (issue 11, seventh round). An article lists companies of one kind together:
 * 高通、华为、三星、联发科和紫光展锐; 博通、英伟达、飞思卡尔、德州仪器、Marvell等多家芯片厂商. Where at least two items of
 * such a list are organisations and none is a place, an outlet or a listed person, the other items are organisations too:
 * a name nobody listed (紫光展锐, Marvell) and a transliterated company the tagger read as a person (飞思卡尔). A
 * place or person of the gazetteer and a user's name keep their reading.
 */
import type { EntityMention } from '../types';
import { readEnumerations, type Enumeration, type Enumerations } from './enumerations';
import { splitsIntoWords } from './words';

/** A character of an item: Han, Latin, a digit, & or - (a list of names holds no other). */
const ITEM_CHAR = /^[\p{Script=Han}A-Za-z0-9&-]$/u;
/** At most this many characters in an item. */
const ITEM_MAX = 12;
/** What may follow the list's last item when no mention marks where it ends. */
const LIST_END = /^(?:等|[，。；：！？、,.;:!?）)\s]|$)/u;
/** A count that opens an item (3家日报, 两家银行): a kind of thing counted, not a name. */
const COUNTED = /^[0-9一二两三四五六七八九十几多数]+[家个款种位名所座]/u;
/** Characters that make an item a phrase rather than a name. */
const PHRASE = /[的了在是为将把被让从到于也都就已曾会要并而但或说称这那其该每各个]/u;
const MIN_ORGS = 2;

/**
 * `mentions` sorted by start; `isWord(a, len)`: a word of the model's dictionaries at norm[a, a + len): an item that
 * is one or splits wholly into such words (政治、经济, 动画制作机房) is a common noun, not a name. Returns the mentions with each list's other items marked as organisations (source `article`). */
export function markListMates(
  mentions: EntityMention[],
  text: string,
  norm: string,
  isWord: (a: number, len: number) => boolean,
  lists: Enumerations = readEnumerations(norm),
  surname: (c: string) => boolean = () => false,
): EntityMention[] {
  const added: EntityMention[] = [];
  const dropped = new Set<EntityMention>();
  for (const [from, to] of lists.lists.flatMap((e) => organisationLists(norm, e))) {
    // Item spans: split at the separators; the first and last items are cut to a mention that ends or starts there.
    // 以及 is one closer (小米以及三星: not 小米以 and 三星).
    const items: [number, number][] = [];
    let at = from;
    for (const sep of norm.slice(from, to).matchAll(/以及|[、和及与]/gu)) {
      items.push([at, from + sep.index]);
      at = from + sep.index + sep[0].length;
    }
    items.push([at, to]);
    // The mentions over the list (sorted by start; a list is short, so a few of the article's thousands).
    const near = mentionsIn(mentions, from - 1, to + 1);
    const exact = (a: number, b: number) => near.find((m) => m.start === a && m.end === b);
    const [s0, e0] = items[0];
    const first = near.find((m) => m.end === e0 && m.start >= s0 && m.start < e0);
    if (first) items[0] = [first.start, e0];
    const [sl, el] = items[items.length - 1];
    const last = near.find((m) => m.start === sl && m.end <= el && m.end > sl);
    if (last) items[items.length - 1] = [sl, last.end];
    else {
      // Marvell等多家厂商, 紫光展锐三家: the last item ends before 等 or a count of the items.
      const cut = /^(.{2,}?)(?:等|[一二两三四五六七八九十几多数]+[家个款种位名])/u.exec(norm.slice(sl, el));
      if (cut) items[items.length - 1] = [sl, sl + cut[1].length];
      else if (!LIST_END.test(norm.slice(to, to + 1))) items.pop();
    }
    const orgs = items.filter(([a, b]) => exact(a, b)?.type === 'ORG').length;
    // No item is a name of another kind the recogniser is sure of (a listed place or person, an outlet).
    const other = items.filter(([a, b]) => {
      const m = exact(a, b);
      // A person with a Chinese name's shape (张文学: a surname and one or two characters) is a person in a mixed list.
      const chinese = m?.type === 'PER' && b - a <= 3 && surname(norm[a]) && /^\p{Script=Han}+$/u.test(norm.slice(a, b));
      return m && m.type !== 'ORG' && (m.type !== 'PER' || m.source === 'gazetteer' || m.source === 'user' || chinese);
    }).length;
    if (orgs < MIN_ORGS || other > 0) continue;
    for (const [a, b] of items) {
      const m = exact(a, b);
      if (m?.type === 'ORG' || PHRASE.test(norm.slice(a, b)) || COUNTED.test(norm.slice(a, b)) || (!m && splitsIntoWords(a, b, isWord)))
        continue;
      if (m && (m.source === 'user' || m.source === 'gazetteer' || m.type !== 'PER')) continue;
      // The first item has no clean left edge unless a mention or punctuation gives one.
      if (a === s0 && !first && a > 0 && /[\p{Script=Han}A-Za-z0-9]/u.test(norm[a - 1])) continue;
      if (near.some((x) => x !== m && x.start < b && x.end > a)) continue;
      if (m) dropped.add(m);
      added.push({ start: a, end: b, text: text.slice(a, b), type: 'ORG', confidence: 0.6, source: 'article' });
    }
  }
  if (!added.length) return mentions;
  return mentions
    .filter((m) => !dropped.has(m))
    .concat(added)
    .sort((x, y) => x.start - y.start);
}

/** The length in code units of the run of at most ITEM_MAX item characters (code points) at norm[a, b). */
function itemRun(norm: string, a: number, b: number): number {
  let i = a;
  for (let n = 0; i < b && n < ITEM_MAX; n++) {
    const len = norm.codePointAt(i)! > 0xffff ? 2 : 1;
    if (!ITEM_CHAR.test(norm.slice(i, i + len))) break;
    i += len;
  }
  return i - a;
}

/**
 * The organisation lists of an enumeration, as [from, to) of the text: a first item of two to twelve name characters
 * before a 、, then each part that starts with two or more (up to twelve), while a 、 follows, and one more after a
 * closing 和, 及 or 与 (联发科和紫光展锐). A part that holds other characters (a bracket, a name dot) ends the list; the
 * next list of the same enumeration starts after it.
 */
function organisationLists(norm: string, e: Enumeration): [number, number][] {
  const out: [number, number][] = [];
  let done = 0;
  e.commas.forEach((p, k) => {
    if (p < done) return;
    let from = p;
    while (from > Math.max(done, e.parts[k].start, p - ITEM_MAX) && ITEM_CHAR.test(norm[from - 1])) from--;
    if (p - from < 2) return;
    let to = p;
    let items = 0;
    for (let j = k + 1; j < e.parts.length && norm[to] === '、'; j++) {
      const len = itemRun(norm, e.parts[j].start, e.parts[j].end);
      if (len < 2) break;
      to = e.parts[j].start + len;
      items++;
    }
    if (!items) return;
    if (/^[和及与]$/u.test(norm[to] ?? '')) {
      const len = itemRun(norm, to + 1, norm.length);
      if (len >= 2) to += 1 + len;
    }
    out.push([from, to]);
    done = to;
  });
  return out;
}

/** The mentions (sorted by start) that overlap [a, b): a binary search for the first that starts at or after a, then those before it that reach into the range. */
function mentionsIn(mentions: readonly EntityMention[], a: number, b: number): EntityMention[] {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < a) lo = mid + 1;
    else hi = mid;
  }
  const out: EntityMention[] = [];
  // A mention that starts before a and overlaps it: names are short, so a few steps back suffice.
  for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) if (mentions[i].end > a) out.unshift(mentions[i]);
  for (let i = lo; i < mentions.length && mentions[i].start < b; i++) out.push(mentions[i]);
  return out;
}
