/** Proleptic Gregorian day arithmetic on plain numbers (no time zones: dates here are wall-calendar dates). */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Days since 1970-01-01 (pure arithmetic: this runs for every mention). */
export function dayNumber(y: number, m: number, d: number): number {
  // Howard Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function addDays(a: Ymd, n: number): Ymd {
  return fromDayNumber(dayNumber(a.y, a.m, a.d) + n);
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (((k % 12) + 12) % 12) + 1 };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[m - 1];
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekday(a: Ymd): number {
  return ((dayNumber(a.y, a.m, a.d) % 7) + 7 + 4) % 7;
}

/** The Monday of the week (Monday..Sunday) that holds `a`. */
export function mondayOf(a: Ymd): Ymd {
  const wd = weekday(a);
  return addDays(a, -((wd + 6) % 7));
}

export const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const fmtDay = (a: Ymd) => `${pad(a.y, 4)}-${pad(a.m)}-${pad(a.d)}`;
export const fmtMonth = (y: number, m: number) => `${pad(y, 4)}-${pad(m)}`;

/** Parses `YYYY-MM-DD` with an optional `THH:MM[:SS]` (or space) time. */
export function parseIsoDay(s: string): (Ymd & { hh?: number; mi?: number }) | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(s);
  if (!m) return undefined;
  const r: Ymd & { hh?: number; mi?: number } = { y: +m[1], m: +m[2], d: +m[3] };
  if (m[4] !== undefined) {
    r.hh = +m[4];
    r.mi = +m[5];
  }
  return r;
}
