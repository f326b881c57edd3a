/**
 * Companies torn into a person (issue 11, seventh round). A company name nobody listed that begins with an everyday
 * word (知道创宇: 知道 is a verb) is read by the tagger as the word and a person's name after it (创宇). Such a
 * "person" has no surname, is glued to the word before it, and the article puts the whole string where
 * organisations stand (…联合主办, …副总裁, …发布了新版): contexts learned from MSRA train (company-contexts-data.ts).
 * Then the whole string is an organisation at every mention. A transliterated name (总统普京) is a person without a
 * surname and stays one, and so does a person after a title (总统塞迪略).
 */
import type { EntityMention } from '../types';
import { COMPANY_RIGHT } from './company-contexts-data';
import { STRONG_CONTEXT } from './company-contexts';
import { TITLES, TRANSLIT } from './patterns';
import { isHanUnit, occurrencesOf, unitTable } from './scan';
import { OverlapIndex } from './overlaps';

/** Characters that are words of their own: the company's first word does not contain them, and they make a clean edge. */
const FUNCTION = unitTable('你我他她它的了在和与及是为将把被让从到于也都就已曾会要并而但或等由给以使向对说称这那其该每各所个年月日');
const TRANSLIT_CHAR = unitTable(TRANSLIT);
/** A title before a person (总统塞迪略, 记者王明) is no company's first word. */
const TITLE = new RegExp(`(?:${TITLES}|记者|编辑|教授|老师|医生|先生|女士|经理|董事长|主任|校长|院长|局长|书记|市长|省长|县长)$`, 'u');
/** Fewest mentions of the whole string in the article. */
const MIN_MENTIONS = 2;

/**
 * `mentions` sorted by start; `surnames` the surnames a Chinese name starts with. Returns the mentions with each torn
 * company marked as one organisation at every mention (source `article`).
 */
export function mendTornCompanies(mentions: EntityMention[], text: string, norm: string, surnames: ReadonlySet<string>): EntityMention[] {
  const han = (i: number) => i >= 0 && i < norm.length && isHanUnit(norm.charCodeAt(i));
  const names = new Set<string>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.type !== 'PER' || m.source === 'user' || m.source === 'gazetteer' || m.end - m.start < 2 || m.end - m.start > 3) continue;
    const person = norm.slice(m.start, m.end);
    if (surnames.has(person[0]) || [...person].every((c) => TRANSLIT_CHAR[c.charCodeAt(0)])) continue;
    const before = mentions[i - 1];
    for (const k of [2, 1]) {
      const s = m.start - k;
      if (!han(s) || (before && before.end > s)) continue;
      let clean = true;
      for (let j = s; j < m.start; j++) if (!han(j) || FUNCTION[norm.charCodeAt(j)]) clean = false;
      // The first word starts at a clean edge: the line's start, punctuation, a function word or a place just before.
      const edge = !han(s - 1) || FUNCTION[norm.charCodeAt(s - 1)] === 1 || (before?.end === s && before.type === 'LOC');
      if (clean && edge && !TITLE.test(norm.slice(Math.max(0, m.start - 3), m.start))) {
        names.add(norm.slice(s, m.end));
        break;
      }
    }
  }
  let out = mentions;
  // Every candidate's occurrences in one pass over the article (a search of the whole article per candidate was most
  // of this pass's time on a megabyte).
  const occurrences = occurrencesOf(norm, names);
  for (const name of names) {
    const at = occurrences.get(name)!;
    if (at.length < MIN_MENTIONS || !at.some((i) => companyContext(norm, i + name.length))) continue;
    const added: EntityMention[] = [];
    // The mentions over each occurrence by position, not a search of all of them per occurrence (a corpus page
    // repeated in a megabyte holds a name hundreds of times).
    const overlapping = new OverlapIndex(out);
    for (const i of at) {
      const end = i + name.length;
      if (overlapping.some(i, end, (x) => x.start < i || x.end > end || x.source === 'user' || x.type !== 'PER')) continue;
      added.push({ start: i, end, text: text.slice(i, end), type: 'ORG', confidence: 0.6, source: 'article' });
    }
    if (!added.length) continue;
    // `added` is ordered and its spans are apart: only the last one starting at or before x can hold x.
    const inside = (x: EntityMention) => {
      let lo = 0;
      let hi = added.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (added[mid].start <= x.start) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && x.end <= added[lo - 1].end;
    };
    out = out
      .filter((x) => !inside(x))
      .concat(added)
      .sort((x, y) => x.start - y.start);
  }
  return out;
}

/** A context learned from MSRA train as one organisations stand before, at `end`. */
function companyContext(norm: string, end: number): boolean {
  for (let len = 1; len <= 2; len++) if ((COMPANY_RIGHT.get(norm.slice(end, end + len)) ?? 0) >= STRONG_CONTEXT) return true;
  return false;
}
