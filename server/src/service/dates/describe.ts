/** describeDate: the period a schema value stands for, as plain data for the hover. */
import { Ymd, addDays, dayNumber, daysInMonth, fmtDay, pad, parseIsoDay, weekday } from './calendar';
import { type LunarDate, solarToLunar } from './lunar';

export type DateGranularity = 'time' | 'day' | 'part-of-day' | 'range' | 'month' | 'month-part' | 'quarter' | 'season' | 'year' | 'unknown';

export interface DateDescription {
  /** ISO start of the period: `YYYY-MM-DD` for days and coarser, `YYYY-MM-DDTHH:MM:SS` for times and parts of day. */
  start: string;
  /** ISO end of the period, inclusive, in the same form as `start`. */
  end: string;
  /** 0 = Sunday .. 6 = Saturday, for values that fall on a single day. */
  weekday?: number;
  /** Signed days from the reference day to this day (negative = before), for single-day values. */
  daysFromReference?: number;
  granularity: DateGranularity;
  /** The Chinese lunar date of a single-day value (1900-2100), for festivals and lunar dates. */
  lunar?: LunarDate;
}

const CN_MONTH = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const CN_UNIT = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * A lunar date as words: `八月十五`, `閏四月初一`, `腊月廿三` (zh, `traditional` for 閏/臘), or
 * `month 8, day 15` / `leap month 4, day 1` (en). The year is left out: the Gregorian value already gives it.
 */
export function lunarDateName(l: Pick<LunarDate, 'm' | 'd' | 'leap'>, lang: 'en' | 'zh-TW' | 'zh-CN'): string {
  if (lang === 'en') return `${l.leap ? 'leap ' : ''}month ${l.m}, day ${l.d}`;
  const tw = lang === 'zh-TW';
  const month = (l.leap ? (tw ? '閏' : '闰') : '') + (l.m === 12 ? (tw ? '臘' : '腊') : CN_MONTH[l.m - 1]) + '月';
  const d = l.d;
  const day = d <= 10 ? `初${CN_UNIT[d]}` : d < 20 ? `十${CN_UNIT[d - 10]}` : d === 20 ? '二十' : d < 30 ? `廿${CN_UNIT[d - 20]}` : '三十';
  return month + day;
}

/** Clock hours of the parts of day, start inclusive and end inclusive (NI runs into the next morning). */
const POD_HOURS: Record<string, [string, string, number]> = {
  MO: ['00:00:00', '11:59:59', 0],
  AF: ['12:00:00', '17:59:59', 0],
  EV: ['18:00:00', '23:59:59', 0],
  NI: ['20:00:00', '05:59:59', 1],
};
const PART_DAYS: Record<string, [number, number]> = { EARLY: [1, 10], MID: [11, 20], LATE: [21, 31] };
// Meteorological seasons; winter runs from December of the year into February of the next.
const SEASON_MONTHS: Record<string, [number, number, number]> = { SP: [3, 5, 0], SU: [6, 8, 0], FA: [9, 11, 0], WI: [12, 2, 1] };

const lastDay = (y: number, m: number) => fmtDay({ y, m, d: daysInMonth(y, m) });

/**
 * The start, end and granularity of a resolved value (`2025-07-03`, `2025-07-03T09:50`, `2025-Q3`,
 * `2025-07-09/2025-07-10`, ...); weekday and distance from `reference` for values on one day.
 */
export function describeDate(value: string, reference?: string): DateDescription {
  const unknown: DateDescription = { start: '', end: '', granularity: 'unknown' };
  const single = (day: Ymd, d: DateDescription): DateDescription => {
    d.weekday = weekday(day);
    const lunar = solarToLunar(day);
    if (lunar) d.lunar = lunar;
    const ref = reference ? parseIsoDay(reference) : undefined;
    if (ref) d.daysFromReference = dayNumber(day.y, day.m, day.d) - dayNumber(ref.y, ref.m, ref.d);
    return d;
  };
  let m: RegExpExecArray | null;
  if (value.includes('/')) {
    const [a, b] = value.split('/');
    const da = describeDate(a);
    const db = describeDate(b);
    if (da.granularity === 'unknown' || db.granularity === 'unknown') return unknown;
    return { start: da.start, end: db.end, granularity: 'range' };
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value))) {
    const day = { y: +m[1], m: +m[2], d: +m[3] };
    const t = `${m[4]}:${m[5]}`;
    const startS = m[6] ?? '00';
    const endS = m[6] ?? '59';
    return single(day, { start: `${fmtDay(day)}T${t}:${startS}`, end: `${fmtDay(day)}T${t}:${endS}`, granularity: 'time' });
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})T(MO|AF|EV|NI)$/.exec(value))) {
    const day = { y: +m[1], m: +m[2], d: +m[3] };
    const [a, b, next] = POD_HOURS[m[4]];
    return single(day, { start: `${fmtDay(day)}T${a}`, end: `${fmtDay(next ? addDays(day, 1) : day)}T${b}`, granularity: 'part-of-day' });
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) {
    const day = { y: +m[1], m: +m[2], d: +m[3] };
    return single(day, { start: value, end: value, granularity: 'day' });
  }
  if ((m = /^(\d{4})-(\d{2})-(EARLY|MID|LATE)$/.exec(value))) {
    const y = +m[1];
    const mo = +m[2];
    const [a, b] = PART_DAYS[m[3]];
    return { start: fmtDay({ y, m: mo, d: a }), end: fmtDay({ y, m: mo, d: Math.min(b, daysInMonth(y, mo)) }), granularity: 'month-part' };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const y = +m[1];
    const mo = +m[2];
    return { start: `${value}-01`, end: lastDay(y, mo), granularity: 'month' };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const y = +m[1];
    const q = +m[2];
    return { start: `${m[1]}-${pad(q * 3 - 2)}-01`, end: lastDay(y, q * 3), granularity: 'quarter' };
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const y = +m[1];
    const [a, b, next] = SEASON_MONTHS[m[2]];
    return { start: `${m[1]}-${pad(a)}-01`, end: lastDay(y + next, b), granularity: 'season' };
  }
  if (/^\d{4}$/.test(value)) return { start: `${value}-01-01`, end: `${value}-12-31`, granularity: 'year' };
  return unknown;
}
