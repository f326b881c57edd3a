/**
 * Enumerations of organisations (issue 11, seventh round). An article lists companies of one kind together:
 * 高通、华为、三星、联发科和紫光展锐; 博通、英伟达、飞思卡尔、德州仪器、Marvell等多家芯片厂商. Where at least two items of
 * such a list are organisations and none is a place, an outlet or a listed person, the other items are organisations too:
 * a name nobody listed (紫光展锐, Marvell) and a transliterated company the tagger read as a person (飞思卡尔). A
 * place or person of the gazetteer and a user's name keep their reading.
 */
import type { EntityMention } from '../types';
import { splitsIntoWords } from './words';

/** A list: items joined by 、, the last one by 、, 和, 及 or 与; an item is Han or Latin, without punctuation. */
const LIST = /[\p{Script=Han}A-Za-z0-9&-]{2,12}(?:、[\p{Script=Han}A-Za-z0-9&-]{2,12})+(?:[和及与][\p{Script=Han}A-Za-z0-9&-]{2,12})?/uy;
const ITEM_CHAR = /[\p{Script=Han}A-Za-z0-9&-]/u;
/** What may follow the list's last item when no mention marks where it ends. */
const LIST_END = /^(?:等|[，。；：！？、,.;:!?）)\s]|$)/u;
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
): EntityMention[] {
  const added: EntityMention[] = [];
  const dropped = new Set<EntityMention>();
  let done = 0;
  for (let p = norm.indexOf('、'); p >= 0; p = norm.indexOf('、', Math.max(p + 1, done))) {
    // Only around a 、: the list's first item is at most twelve characters before it (a regex search over the
    // whole text tried every position).
    let from = p;
    while (from > Math.max(done, p - 12) && ITEM_CHAR.test(norm[from - 1])) from--;
    if (p - from < 2) continue;
    LIST.lastIndex = from;
    const l = LIST.exec(norm);
    if (!l) continue;
    const to = from + l[0].length;
    done = to;
    // Item spans: split at the separators; the first and last items are cut to a mention that ends or starts there.
    const items: [number, number][] = [];
    let at = from;
    for (const part of l[0].split(/[、和及与]/u)) {
      items.push([at, at + part.length]);
      at += part.length + 1;
    }
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
      return m && m.type !== 'ORG' && (m.type !== 'PER' || m.source === 'gazetteer' || m.source === 'user');
    }).length;
    if (orgs < MIN_ORGS || other > 0) continue;
    for (const [a, b] of items) {
      const m = exact(a, b);
      if (m?.type === 'ORG' || PHRASE.test(norm.slice(a, b)) || (!m && splitsIntoWords(a, b, isWord))) continue;
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
