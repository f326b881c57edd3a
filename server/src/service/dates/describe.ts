/** describeDate: the period a schema value stands for, as plain data for the hover. */
import { Ymd, addDays, dayNumber, daysInMonth, fmtDay, pad, parseIsoDay, weekday } from './calendar';
import { type LunarDate, solarToLunar } from './lunar';
import { type DateValue, parseDateValue } from './value';

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

const time = (t: { hh: number; mi: number }, sec: string) => `${pad(t.hh)}:${pad(t.mi)}:${sec}`;

/**
 * The start, end and granularity of a resolved value (typed, or its schema string `2025-07-03`,
 * `2025-07-03T09:50`, `2025-Q3`, `2025-07-09/2025-07-10`, ...); weekday and distance from `reference`
 * for values on one day.
 */
export function describeDate(value: DateValue | string, reference?: string): DateDescription {
  const v = typeof value === 'string' ? parseDateValue(value) : value;
  const single = (day: Ymd, d: DateDescription): DateDescription => {
    d.weekday = weekday(day);
    const lunar = solarToLunar(day);
    if (lunar) d.lunar = lunar;
    const ref = reference ? parseIsoDay(reference) : undefined;
    if (ref) d.daysFromReference = dayNumber(day.y, day.m, day.d) - dayNumber(ref.y, ref.m, ref.d);
    return d;
  };
  switch (v.k) {
    case 'unknown':
      return { start: '', end: '', granularity: 'unknown' };
    case 'range': {
      const a = describeDate(v.from);
      const b = describeDate(v.to);
      return { start: a.start, end: b.end, granularity: 'range' };
    }
    case 'time': {
      const sec = v.ss !== undefined ? pad(v.ss) : undefined;
      return single(v, { start: `${fmtDay(v)}T${time(v, sec ?? '00')}`, end: `${fmtDay(v)}T${time(v, sec ?? '59')}`, granularity: 'time' });
    }
    case 'partOfDay': {
      const [a, b, next] = POD_HOURS[v.pod];
      return single(v, { start: `${fmtDay(v)}T${a}`, end: `${fmtDay(next ? addDays(v, 1) : v)}T${b}`, granularity: 'part-of-day' });
    }
    case 'day':
      return single(v, { start: fmtDay(v), end: fmtDay(v), granularity: 'day' });
    case 'monthPart': {
      const [a, b] = PART_DAYS[v.part];
      return {
        start: fmtDay({ y: v.y, m: v.m, d: a }),
        end: fmtDay({ y: v.y, m: v.m, d: Math.min(b, daysInMonth(v.y, v.m)) }),
        granularity: 'month-part',
      };
    }
    case 'month':
      return { start: fmtDay({ y: v.y, m: v.m, d: 1 }), end: lastDay(v.y, v.m), granularity: 'month' };
    case 'quarter':
      return { start: fmtDay({ y: v.y, m: v.q * 3 - 2, d: 1 }), end: lastDay(v.y, v.q * 3), granularity: 'quarter' };
    case 'season': {
      const [a, b, next] = SEASON_MONTHS[v.s];
      return { start: fmtDay({ y: v.y, m: a, d: 1 }), end: lastDay(v.y + next, b), granularity: 'season' };
    }
    case 'year':
      return { start: fmtDay({ y: v.y, m: 1, d: 1 }), end: fmtDay({ y: v.y, m: 12, d: 31 }), granularity: 'year' };
  }
}
