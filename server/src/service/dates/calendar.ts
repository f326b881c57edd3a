/** Proleptic Gregorian day arithmetic on plain numbers (no time zones: dates here are wall-calendar dates). */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86400000;

/** Days since 1970-01-01. */
export function dayNumber(y: number, m: number, d: number): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return Math.floor(dt.getTime() / DAY_MS);
}

export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(a: Ymd, n: number): Ymd {
  return fromDayNumber(dayNumber(a.y, a.m, a.d) + n);
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12 + 12) % 12 + 1 };
}

export function daysInMonth(y: number, m: number): number {
  return dayNumber(y, m + 1, 1) - dayNumber(y, m, 1);
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
