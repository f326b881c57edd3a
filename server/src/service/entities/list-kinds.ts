/**
 * A list lends its kind (issue 11, eighth round; family `listKinds`). Places and outlets are listed with their own
 * kind: 桐乡、海宁、嘉善和平湖; 路透社、彭博社、金融时报和华尔街日报报道. Where two items or more of an enumeration
 * (enumerations.ts) are places, or outlets, and no item is a name of another kind (a mixed list stays alone), an item
 * nobody marked that fits the kind's own item test takes the kind:
 *   - a place: two to four Han characters the name lexicon lists as a place, and no everyday word (平湖, 象山);
 *   - an outlet: a name ending in an outlet's head (报, 社, 网, 台, 新闻, 杂志, 周刊, 卫视, 频道, 电台), and no everyday
 *     word (华尔街日报, read as the place 华尔街 before it).
 * The last item is read up to the shortest such name from its start (华尔街日报 in 华尔街日报报道). Persons and
 * organisations have their own families (person-lists.ts, list-mates.ts), whose item tests differ.
 */
import type { EntityMention, EntityType } from '../types';
import { enumerationItems, type Enumerations } from './enumerations';
import { anyMarked } from './marks';

export interface ListKindTests {
  /** Is norm[a, a + len) a place of the name lexicons? */
  place: (a: number, len: number) => boolean;
  /** Is norm[a, a + len) an everyday word of the dictionaries? */
  isWord: (a: number, len: number) => boolean;
}

const HAN_ONLY = /^\p{Script=Han}+$/u;
/** An outlet's name: Han or Latin, ending in an outlet's head. */
const OUTLET = /^[\p{Script=Han}A-Za-z0-9·]{1,8}(?:报|社|网|台|新闻|杂志|周刊|卫视|频道|电台)$/u;
const LENT: readonly EntityType[] = ['LOC', 'MEDIA'];

/** Does norm[a, b) fit `type`'s item test? */
function fits(norm: string, a: number, b: number, type: EntityType, tests: ListKindTests): boolean {
  const s = norm.slice(a, b);
  if (b - a < 2 || tests.isWord(a, b - a)) return false;
  if (type === 'LOC') return b - a <= 4 && HAN_ONLY.test(s) && tests.place(a, b - a);
  return b - a >= 3 && OUTLET.test(s);
}

/** `mentions` (sorted, non-overlapping) with the unmarked items of place and outlet lists marked (source `article`). */
export function lendListKinds(
  mentions: EntityMention[],
  text: string,
  norm: string,
  lists: Enumerations,
  tests: ListKindTests,
): EntityMention[] {
  if (!lists.lists.length) return mentions;
  const byStart = new Map<number, EntityMention>();
  const byEnd = new Map<number, EntityMention>();
  for (const m of mentions) {
    byStart.set(m.start, m);
    byEnd.set(m.end, m);
  }
  // Which characters a mention covers, to find items nobody marked.
  const covered = new Uint8Array(norm.length + 1);
  for (const m of mentions) covered.fill(1, m.start, m.end);
  const free = (a: number, b: number) => !anyMarked(covered, a, b);
  const added: EntityMention[] = [];
  const dropped = new Set<EntityMention>();
  for (const e of lists.lists) {
    const items = enumerationItems(norm, e);
    if (items.length < 3) continue;
    const lastAt = items.length - 1;
    // Each item but the last: the mention that is the item (the first item: a mention ending at the separator).
    const votes = new Map<EntityType, number>();
    const open: [number, number][] = [];
    for (let i = 0; i < lastAt; i++) {
      const { start, end } = items[i];
      const m = byEnd.get(end);
      if (m && (m.start === start || (i === 0 && m.start > start))) votes.set(m.type, (votes.get(m.type) ?? 0) + 1);
      else if (i > 0 && free(start, end)) open.push([start, end]);
    }
    // The last item: a mention at its start votes too, unless the kind's name read from there is longer (华尔街日报).
    const last = items[lastAt];
    const m = byStart.get(last.start);
    const lastVote = m && m.end <= last.end ? m.type : undefined;
    const [type, n] = [...votes].sort((x, y) => y[1] - x[1])[0] ?? [];
    if (!type || votes.size > 1 || !LENT.includes(type) || n + (lastVote === type ? 1 : 0) < 2) continue;
    let lastSpan: [number, number] | undefined;
    for (let b = last.start + 2; b <= last.end && !lastSpan; b++) if (fits(norm, last.start, b, type, tests)) lastSpan = [last.start, b];
    if (lastSpan && !tests.isWord(lastSpan[1] - 1, 2)) {
      // A mention inside the name is what the name replaces (华尔街 in 华尔街日报); one that crosses its end is left.
      const [a, b] = lastSpan;
      const inside = mentions.filter((x) => x.start >= a && x.end <= b);
      const crossing = mentions.some((x) => x.start < b && x.end > b && x.start >= last.start);
      if (m?.type === type && m.end >= b) lastSpan = undefined;
      else if (crossing || inside.some((x) => x.source === 'user' || x.source === 'gazetteer')) lastSpan = undefined;
      else inside.forEach((x) => dropped.add(x));
    } else lastSpan = undefined;
    if (!lastSpan && lastVote && lastVote !== type) continue;
    for (const [a, b] of open) if (fits(norm, a, b, type, tests)) added.push(mention(text, a, b, type));
    if (lastSpan) added.push(mention(text, lastSpan[0], lastSpan[1], type));
  }
  if (!added.length) return mentions;
  return mentions
    .filter((m) => !dropped.has(m))
    .concat(added)
    .sort((x, y) => x.start - y.start);
}

const mention = (text: string, a: number, b: number, type: EntityType): EntityMention => ({
  start: a,
  end: b,
  text: text.slice(a, b),
  type,
  confidence: 0.6,
  source: 'article',
});
