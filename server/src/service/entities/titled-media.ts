/**
 * Publications named in 《》 (issue 11, fifth round; GOLD-NOTES: "Media named in 《》 (《求是》, 《金融時報》) are
 * MEDIA, without the brackets"). A title is a publication when the sentence says so: a publication noun just
 * before it (医学期刊《柳叶刀》, 刊物《人民中国》) or what only a publication does just after it (《红周刊》记者,
 * 《自然》杂志, 《天府早报》报道). Other titles are works (《开讲啦》节目), which the guidelines do not mark; names
 * inside them stay as they are. The whole title becomes one MEDIA mention and replaces what was read inside it
 * (柳叶刀 as a person, 每日经济 as a company).
 */
import type { EntityMention } from '../types';
import { OverlapIndex } from './overlaps';

const TITLE = /《([\p{Script=Han}A-Za-z·]{2,12})》/gu;
const BEFORE = /(?:期刊|杂志|周刊|月刊|刊物|报纸)$/u;
const AFTER = /^(?:杂志|期刊|周刊|月刊|报道|报导|刊发|刊登|援引|主编|记者|社论|网站|编辑部|发文)/u;

/** `mentions` sorted by start; `norm` the text normalised (normalizeForMatching). */
export function titledMedia(mentions: EntityMention[], text: string, norm: string): EntityMention[] {
  // Titles do not overlap, and a title is replaced only when every mention over it lies inside it: no replacement
  // touches what a later title reads, so each is decided on the mentions as given (by position, not a search of
  // all of them per title) and all are made at the end.
  let index: OverlapIndex<EntityMention> | undefined;
  const media: EntityMention[] = [];
  const replaced = new Set<EntityMention>();
  for (const t of norm.matchAll(TITLE)) {
    const open = t.index!;
    const start = open + 1;
    const end = start + t[1].length;
    if (!BEFORE.test(norm.slice(Math.max(0, open - 4), open)) && !AFTER.test(norm.slice(end + 1, end + 4))) continue;
    const inside = (index ??= new OverlapIndex(mentions)).all(start, end);
    if (inside.some((m) => m.source === 'user' || m.start < start || m.end > end)) continue;
    if (inside.length === 1 && inside[0].start === start && inside[0].end === end && inside[0].type === 'MEDIA') continue;
    media.push({ start, end, text: text.slice(start, end), type: 'MEDIA', confidence: 0.8, source: 'pattern' });
    for (const m of inside) replaced.add(m);
  }
  if (!media.length) return mentions;
  // Each title before the first mention that starts at or after it, as inserting them one by one did.
  const out: EntityMention[] = [];
  let next = 0;
  for (const m of mentions) {
    if (replaced.has(m)) continue;
    while (next < media.length && media[next].start <= m.start) out.push(media[next++]);
    out.push(m);
  }
  while (next < media.length) out.push(media[next++]);
  return out;
}
