/** recognizeDates: every date and time expression of a text, resolved. */
import type { DateContext, DateMention } from '../types';
import { hasTraditional, normalizeForMatching } from '../normalize';
import { blankedHasTraditional, blankedIncludes, blankedPrefix, blankedSlice } from '../blanked';
import { scanAtoms } from './atoms';
import { type Ymd, dayNumber, parseIsoDay } from './calendar';
import { type Group, buildGroups } from './groups';
import { ResolveState, resolveGroup } from './resolve';
import { type DateValue, dayValue, formatDateValue } from './value';

/** A day the text named, with the sentence it was named in (for events told of in that sentence). */
interface NamedDay {
  day: Ymd;
  sentenceStart: number;
  sentenceEnd: number;
}

const SENTENCE_END = /[。！？!?；;\n]/;

/** The sentence around a mention, at most 300 characters each way (so the scan stays linear). */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && start - a < 300 && !SENTENCE_END.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b - end < 300 && !SENTENCE_END.test(text[b])) b++;
  return [a, b];
}

/**
 * The day of the event `word`: the latest day named in a sentence that tells of it (失踪 … 失踪第3天). Failing
 * that, the first day named in a sentence holding its noun (案 of 案发 in `发生一起盗窃案`, 事 of 出事): an incident
 * is told of first and referred back to after.
 */
function eventDay(text: string, word: string, before: number, days: NamedDay[]): Ymd | undefined {
  const tells = (d: NamedDay, w: string) => {
    const at = text.slice(d.sentenceStart, Math.min(d.sentenceEnd, before)).indexOf(w);
    return at >= 0;
  };
  // The last 50 days named: enough for any story, and linear on hostile input.
  const earlier = days.slice(-50).filter((d) => d.sentenceStart < before);
  for (let k = earlier.length - 1; k >= 0; k--) if (tells(earlier[k], word)) return earlier[k].day;
  const noun = [...word].find((c) => !GENERIC_VERB.has(c));
  if (noun === undefined) return undefined;
  return earlier.find((d) => tells(d, noun))?.day;
}

/**
 * A Taiwanese text: it states a ROC year (民國98年; a three-digit ROC 100–149 with a month or as a fiscal year),
 * writes 臺 (Taiwan's official form, rare in Hong Kong), or names Taiwan's own institutions.
 */
const ROC_EVIDENCE =
  /民国[0-9一二三四五六七八九十]|(?<![0-9])1[0-4][0-9](?:学?年度|年[0-9]{1,2}月)|立委|立法院|行政院|新北|县长|县府|县议员|乡公所/;

/**
 * Whether the article counts years from the Republic of China, so that `98年3月` is 2009: a Traditional text
 * with Taiwanese evidence (ROC_EVIDENCE or 臺). A Simplified or Hong Kong text that only writes `98年3月`
 * keeps the two-digit Gregorian reading (1998).
 */
function countsRocYears(text: string, norm: string, blanked: readonly number[] | undefined): boolean {
  if (!/(?<![0-9])[0-9]{2,3}(?:学?年度|年[0-9]{1,2}月)/.test(norm)) return false; // no year to read as ROC (2019年3月 is not one)
  if (blanked) return blankedHasTraditional(text, blanked) && (blankedIncludes(text, blanked, '臺') || ROC_EVIDENCE.test(norm));
  return hasTraditional(text) && (text.includes('臺') || ROC_EVIDENCE.test(norm));
}

/** Verbs of happening that do not say what happened (发 of 案发, 出 of 出事). */
const GENERIC_VERB = new Set([...'发生出']);

/**
 * Every date/time expression in `text`, sorted by start and non-overlapping, each resolved against
 * `ctx.reference` (the publication time) and, for anaphora (當天, 次日, a bare `3日`), against the day
 * the text last spoke of, or the day of the event it names (案发次日).
 */
export function recognizeDates(text: string, ctx: DateContext = {}): DateMention[] {
  const blanked = ctx.blanked;
  if (blanked && ctx.normalized?.length !== text.length) {
    // No normalised blanked text given: make the blanked copy and read it.
    return recognizeDates(blankedPrefix(text, blanked, text.length), { ...ctx, blanked: undefined, normalized: undefined });
  }
  // One normalised text (Simplified, half-width, same offsets): every pattern is written once, in Simplified.
  const norm = ctx.normalized?.length === text.length ? ctx.normalized : normalizeForMatching(text);
  const groups = buildGroups(norm, scanAtoms(norm, { roc: countsRocYears(text, norm, blanked) }));
  const slice = blanked
    ? (from: number, to: number) => blankedSlice(text, blanked, from, to)
    : (from: number, to: number) => text.slice(from, to);
  const ref = ctx.reference ? parseIsoDay(ctx.reference) : undefined;
  const st: ResolveState = { ref, anchor: ref ? { y: ref.y, m: ref.m, d: ref.d } : undefined };
  const out: DateMention[] = [];
  const named: NamedDay[] = [];
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k];
    let from: Ymd | undefined;
    if (g.event) {
      from = eventDay(norm, g.event, g.start, named);
      if (from) {
        st.anchor = { ...from };
        st.countBase = { ...from };
      }
    }
    const r = resolveGroup(g, st, groups[k + 1]);
    if (r.drop) continue;
    // 案发后第3天 in a text that dates neither the event nor any day: counting from the publication day would
    // guess (GOLD-NOTES-2: anaphora of an undated event are UNKNOWN).
    if (g.event && !from && !named.length && r.day) {
      r.value = { k: 'unknown' };
      r.day = undefined;
    }
    const cut = ctx.holidays ? undefined : holidayCut(g);
    if (cut === null) continue;
    if (cut !== undefined) {
      // `今年的国庆节`, `2004年春节`: the year, the one the holiday fell in.
      const date: DateValue = r.day ? { k: 'year', y: r.day.y } : { k: 'unknown' };
      out.push({
        start: g.start,
        end: cut,
        text: slice(g.start, cut),
        value: formatDateValue(date),
        date,
        kind: r.kind === 'absolute' ? 'absolute' : 'relative',
      });
      continue;
    }
    const m: DateMention = {
      start: g.start,
      end: g.end,
      text: slice(g.start, g.end),
      value: formatDateValue(r.value),
      date: r.value,
      kind: r.kind,
    };
    if (r.localTime) m.localTime = true;
    if (g.atoms.some((a) => a.fest || a.lunar || a.period?.p === 'lunarMonth')) m.calendarNamed = true;
    if (g.event && from && r.day) {
      m.anchor = {
        event: slice(g.start, g.start + g.event.length),
        day: dayValue(from),
        days: dayNumber(r.day.y, r.day.m, r.day.d) - dayNumber(from.y, from.m, from.d),
      };
    }
    if (r.day && !g.event) named.push({ day: r.day, ...toSentence(sentenceAround(norm, g.start, g.end)) });
    out.push(m);
  }
  return out;
}

/**
 * Holiday names are not dates in the gold (`今年的国庆节` marks 今年 only; 国庆中秋长假, 十一假期 nothing), unless a
 * finer part makes the holiday one day or time (`中秋节晚上`, `国庆节当天`). The holiday is still resolved, so that
 * the story's day moves to it (`2004年春节后，…2月4日` is 2004's). Returns undefined to show the group whole, null
 * to hide it, or where the part left shown (a year before the holiday, not a bare 当地时间) ends.
 */
function holidayCut(g: Group): number | null | undefined {
  if (!g.atoms.some((a) => a.holiday)) return undefined;
  const keep = g.atoms.filter((a) => !a.holiday);
  if (keep.some((a) => a.hi >= 3) || g.to !== undefined) return undefined;
  const first = g.atoms.findIndex((a) => a.holiday);
  const shown = g.atoms.slice(0, first).filter((a) => a.hi > 0);
  return shown.length ? shown[shown.length - 1].end : null;
}

function toSentence([sentenceStart, sentenceEnd]: [number, number]): { sentenceStart: number; sentenceEnd: number } {
  return { sentenceStart, sentenceEnd };
}
