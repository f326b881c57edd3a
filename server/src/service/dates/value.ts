/**
 * The typed date value: what a date expression resolves to, as data. The resolver builds it, and
 * `formatDateValue` is the one place that writes it as the schema string of the gold (GUIDELINES.md);
 * `parseDateValue` reads such a string back (for values a user typed while correcting an annotation).
 */
import { type Ymd, daysInMonth, fmtDay, fmtMonth, isValidDate, pad } from './calendar';

export type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI';
export type MonthPart = 'EARLY' | 'MID' | 'LATE';
export type Season = 'SP' | 'SU' | 'FA' | 'WI';

export interface DayValue extends Ymd {
  k: 'day';
}
export interface TimeValue extends Ymd {
  k: 'time';
  hh: number;
  mi: number;
  /** Seconds, only when the text states them. */
  ss?: number;
}
/** A range's ends are days or clock times: months and years widen to their first and last day. */
export type RangeEnd = DayValue | TimeValue;

export type DateValue =
  | { k: 'unknown' }
  | { k: 'year'; y: number }
  | { k: 'month'; y: number; m: number }
  | { k: 'monthPart'; y: number; m: number; part: MonthPart }
  | { k: 'quarter'; y: number; q: 1 | 2 | 3 | 4 }
  | { k: 'season'; y: number; s: Season }
  | DayValue
  | (Ymd & { k: 'partOfDay'; pod: PartOfDay })
  | TimeValue
  | { k: 'range'; from: RangeEnd; to: RangeEnd };

export type DateValueKind = DateValue['k'];

export const UNKNOWN_VALUE: DateValue = { k: 'unknown' };

export const dayValue = (a: Ymd): DayValue => ({ k: 'day', y: a.y, m: a.m, d: a.d });

/** The first and last day of a year as a range (`2015-2017年` runs from 1 January 2015 to 31 December 2017). */
export function yearsRange(y1: number, y2: number): DateValue {
  return { k: 'range', from: { k: 'day', y: y1, m: 1, d: 1 }, to: { k: 'day', y: y2, m: 12, d: 31 } };
}

/** Days `from`..`to` as a range. */
export function daysRange(from: Ymd, to: Ymd): DateValue {
  return { k: 'range', from: dayValue(from), to: dayValue(to) };
}

/** Months `m1` of `y1` .. `m2` of `y2` as a day range. */
export function monthsRange(y1: number, m1: number, y2: number, m2: number): DateValue {
  return daysRange({ y: y1, m: m1, d: 1 }, { y: y2, m: m2, d: daysInMonth(y2, m2) });
}

function fmtEnd(e: RangeEnd): string {
  if (e.k === 'day') return fmtDay(e);
  return `${fmtDay(e)}T${pad(e.hh)}:${pad(e.mi)}${e.ss !== undefined ? ':' + pad(e.ss) : ''}`;
}

/** The schema string of a value: `2025-07-03`, `2025-07-03T09:50`, `2025-07-03TEV`, `2025-Q3`, `UNKNOWN`, ... */
export function formatDateValue(v: DateValue): string {
  switch (v.k) {
    case 'unknown':
      return 'UNKNOWN';
    case 'year':
      return pad(v.y, 4);
    case 'month':
      return fmtMonth(v.y, v.m);
    case 'monthPart':
      return `${fmtMonth(v.y, v.m)}-${v.part}`;
    case 'quarter':
      return `${pad(v.y, 4)}-Q${v.q}`;
    case 'season':
      return `${pad(v.y, 4)}-${v.s}`;
    case 'day':
    case 'time':
      return fmtEnd(v);
    case 'partOfDay':
      return `${fmtDay(v)}T${v.pod}`;
    case 'range':
      return `${fmtEnd(v.from)}/${fmtEnd(v.to)}`;
  }
}

function parseEnd(s: string): RangeEnd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (!m || !isValidDate(+m[1], +m[2], +m[3])) return undefined;
  const day = { y: +m[1], m: +m[2], d: +m[3] };
  if (m[4] === undefined) return { k: 'day', ...day };
  if (+m[4] > 23 || +m[5] > 59 || (m[6] !== undefined && +m[6] > 59)) return undefined;
  const t: TimeValue = { k: 'time', ...day, hh: +m[4], mi: +m[5] };
  if (m[6] !== undefined) t.ss = +m[6];
  return t;
}

/** Reads a schema string back; anything else (a typo in a hand-entered value) is `unknown`. */
export function parseDateValue(s: string): DateValue {
  let m: RegExpExecArray | null;
  if (s.includes('/')) {
    const [a, b, ...rest] = s.split('/');
    const from = parseEnd(a);
    const to = parseEnd(b ?? '');
    return from && to && !rest.length ? { k: 'range', from, to } : UNKNOWN_VALUE;
  }
  const end = parseEnd(s);
  if (end) return end;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})T(MO|AF|EV|NI)$/.exec(s)) && isValidDate(+m[1], +m[2], +m[3]))
    return { k: 'partOfDay', y: +m[1], m: +m[2], d: +m[3], pod: m[4] as PartOfDay };
  if ((m = /^(\d{4})-(\d{2})-(EARLY|MID|LATE)$/.exec(s)) && +m[2] >= 1 && +m[2] <= 12)
    return { k: 'monthPart', y: +m[1], m: +m[2], part: m[3] as MonthPart };
  if ((m = /^(\d{4})-(\d{2})$/.exec(s)) && +m[2] >= 1 && +m[2] <= 12) return { k: 'month', y: +m[1], m: +m[2] };
  if ((m = /^(\d{4})-Q([1-4])$/.exec(s))) return { k: 'quarter', y: +m[1], q: +m[2] as 1 | 2 | 3 | 4 };
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(s))) return { k: 'season', y: +m[1], s: m[2] as Season };
  if ((m = /^(\d{4})$/.exec(s))) return { k: 'year', y: +m[1] };
  return UNKNOWN_VALUE;
}

/** The single day a value falls on (days, parts of day, clock times), if it falls on one. */
export function singleDay(v: DateValue): Ymd | undefined {
  return v.k === 'day' || v.k === 'time' || v.k === 'partOfDay' ? { y: v.y, m: v.m, d: v.d } : undefined;
}
