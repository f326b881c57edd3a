/**
 * findPublication: the article's own publication time, from its dateline or metadata line.
 * Datelines are short lines near the top whose date comes first or after a short label
 * (`建立時間：2016/05/21 11:44`, `2018-02-28 14:31中央社`); related-article lists put the date after a
 * long title, comments after a user name or a "回复" button, so shape and position tell them apart.
 */
import type { Publication } from '../types';
import { isValidDate, pad } from './calendar';
import { normalizeWidth } from './numerals';

const FULL =
  /(?<![0-9])(?<y>(?:19|20)[0-9]{2})\s*(?:[-/.]|年)\s*(?<m>1[0-2]|0?[1-9])\s*(?:[-/.]|月)\s*(?<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])日?(?:\s*[,，]?\s*(?:星期|周|週|禮拜|礼拜)[一二三四五六日天])?(?:\s*(?<hh>[01]?[0-9]|2[0-3])\s*[:：时時]\s*(?<mi>[0-5][0-9])(?:[:：](?<ss>[0-5][0-9]))?)?/u;
const GLUED =
  /^(?<hh>[01][0-9]|2[0-3]):(?<mi>[0-5][0-9])(?<y>(?:19|20)[0-9]{2})[-/.](?<m>1[0-2]|0?[1-9])[-/.](?<d>3[01]|[12][0-9]|0?[1-9])$/;
/** `7/5/2005 9:23:57 PM`: the US month/day/year order, only trusted with its AM/PM. */
const US =
  /(?<![0-9])(?<m>1[0-2]|0?[1-9])\/(?<d>3[01]|[12][0-9]|0?[1-9])\/(?<y>(?:19|20)[0-9]{2})\s+(?<hh>1[0-2]|0?[0-9]):(?<mi>[0-5][0-9])(?::[0-5][0-9])?\s*(?<ap>AM|PM|am|pm)/;
const YEAR_ONLY = /^(?:19|20)[0-9]{2}$/;
const MMDD_ONLY = /^(0?[1-9]|1[0-2])[/-](0?[1-9]|[12][0-9]|3[01])$/;
const HHMM_ONLY = /^([01]?[0-9]|2[0-3]):([0-5][0-9])$/;
/** Words that label a publication time. */
const LABEL = /(?:发布|發布|發表|发表|时间|時間|日期|建立|更新|出版|来源|來源|记者|記者|报道|報導|稿)/;
/** Lines that belong to comments, share bars or footers, never the dateline. */
const NOT_DATELINE = /(?:评论|評論|回复|回覆|舉報|举报|讚|赞\d|Copyright|copyright|©|版权|版權|ICP|备案|備案)/;

const HAN_G = /\p{Script=Han}/gu;

interface Candidate {
  line: number;
  value: string;
  score: number;
}

function fmt(y: number, m: number, d: number, hh?: number, mi?: number): string {
  const day = `${y}-${pad(m)}-${pad(d)}`;
  return hh === undefined || mi === undefined ? day : `${day}T${pad(hh)}:${pad(mi)}`;
}

function candidateOf(line: string, idx: number, lines: string[]): Candidate | undefined {
  const t = normalizeWidth(line).trim();
  if (!t || t.length > 120) return undefined;
  let g = GLUED.exec(t)?.groups;
  if (g) return { line: idx, value: fmt(+g.y, +g.m, +g.d, +g.hh, +g.mi), score: 4 };
  if (YEAR_ONLY.test(t)) {
    // `2019` / `09/07` / `19:02` on three lines.
    const md = MMDD_ONLY.exec(normalizeWidth(lines[idx + 1] ?? '').trim());
    if (!md) return undefined;
    const hm = HHMM_ONLY.exec(normalizeWidth(lines[idx + 2] ?? '').trim());
    const y = +t;
    if (!isValidDate(y, +md[1], +md[2])) return undefined;
    return { line: idx, value: fmt(y, +md[1], +md[2], hm ? +hm[1] : undefined, hm ? +hm[2] : undefined), score: hm ? 4 : 3 };
  }
  const us = US.exec(t)?.groups;
  if (us && isValidDate(+us.y, +us.m, +us.d)) {
    const hh = (+us.hh % 12) + (/p/i.test(us.ap) ? 12 : 0);
    return { line: idx, value: fmt(+us.y, +us.m, +us.d, hh, +us.mi), score: 3 };
  }
  const m = FULL.exec(t);
  if (!m?.groups) return undefined;
  g = m.groups;
  const y = +g.y;
  const mo = +g.m;
  const d = +g.d;
  if (!isValidDate(y, mo, d)) return undefined;
  const before = t.slice(0, m.index);
  const after = t.slice(m.index + m[0].length);
  if (NOT_DATELINE.test(before) || NOT_DATELINE.test(after)) return undefined;
  let score = 0;
  if (g.hh !== undefined) score += 2;
  if (before.length <= 12) score += 1;
  // A related-article title before its date; a site name or URL in Latin letters is fine.
  else if ((before.match(HAN_G) ?? []).length > 10) return undefined;
  if (LABEL.test(before)) score += 1;
  // Words before the date with no label or colon read as a list item's title (`美国还重要吗？2019-08-27`).
  else if ((before.match(HAN_G) ?? []).length >= 4 && !/[:：|]/.test(before)) score -= 1;
  if (after.length <= 40) score += 1;
  else if (after.length > 60) score -= 2;
  if (/(?:更新|修改)/.test(before) && !/(?:发布|發布)/.test(before)) score -= 1;
  if (/(?:星期|周|週|禮拜|礼拜)[一二三四五六日天]/.test(m[0]) && g.hh === undefined) score -= 1; // today's date in a page header
  return { line: idx, value: fmt(y, mo, d, g.hh !== undefined ? +g.hh : undefined, g.mi !== undefined ? +g.mi : undefined), score };
}

/**
 * The publication time the article states for itself (`YYYY-MM-DDTHH:MM`, or `YYYY-MM-DD` when it gives no
 * time) and its 0-based line, or undefined when no dateline is found.
 */
export function findPublication(text: string): Publication | undefined {
  // Datelines sit in the first part of the page; bound the work on very long files. Only the lines read are split
  // off: the first MAX_LINES and the two a year alone may continue on (the whole text made a string per line, 1.2 MB
  // for the bench's megabyte, to read a few of them).
  const lines = firstLines(text, PUBLICATION_LINES).split(/\r?\n/);
  const limit = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < limit; i++) {
    const line = lines[i];
    if (line.length < 4 || !/[0-9０-９]/.test(line)) continue;
    const c = candidateOf(line, i, lines);
    if (!c) continue;
    // The first dateline-shaped line wins: the article's own comes before related lists and comments.
    if (c.score >= 2) return { value: c.value, line: c.line };
  }
  return undefined;
}

/** Lines of the text a dateline is looked for in. */
const MAX_LINES = 2000;

/** Line breaks of the text `findPublication` reads up to (and with): the text after them does not change its answer. */
export const PUBLICATION_LINES = MAX_LINES + 2;

/** The text up to and with its `count`-th line break (all of it when it has fewer). */
export function firstLines(text: string, count: number): string {
  let at = -1;
  for (let k = 0; k < count; k++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return text;
  }
  return text.slice(0, at + 1);
}
