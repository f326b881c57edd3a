/**
 * Resolution of recognised groups to the schema values, left to right, against the reference (publication)
 * time and against the day the text last spoke of (the anchor), which is what 當天, 次日 or a bare `3日` mean.
 */
import type { DateKind } from '../types';
import type { Atom, PeriodSpec, Pod } from './atoms';
import type { FestSpec } from './festivals';
import type { Group } from './groups';
import { Ymd, addDays, addMonths, dayNumber, daysInMonth, isValidDate, mondayOf } from './calendar';
import { festivalCandidates, festivalInYear } from './festivals';
import { type DateValue, type RangeEnd, UNKNOWN_VALUE, daysRange, monthsRange, yearsRange } from './value';
import { lunarMonthSpan, lunarToSolar } from './lunar';

export interface Moment extends Ymd {
  hh?: number;
  mi?: number;
  pod?: Pod;
}

/** What the resolver knows as it reads on. */
export interface ResolveState {
  ref?: Moment;
  anchor?: Moment;
  /** A bare year (`2019` on its own line) that the next month-day expression belongs to. */
  pendingYear?: { y: number; end: number };
  /** The last day-level mention and where it ended, for weekdays written next to a date. */
  lastDay?: { day: Ymd; end: number; explicit: boolean };
  /** A year the text spoke of after its last day (`2010年，…五年后`, `2015年…上一年`). */
  yearOnly?: number;
  /** The text has named a year (`2008年`): 当年 may then refer to it. */
  namedYear?: boolean;
  /** Day 1 of the current count (`第三天`, `第四天` count from the same first day). */
  countBase?: Ymd;
}

/** A resolved point before formatting. `prec` is the finest field set. */
interface Point {
  y?: number;
  m?: number;
  d?: number;
  pod?: Pod;
  hh?: number;
  mi?: number;
  ss?: number;
  prec: 'year' | 'month' | 'day' | 'pod' | 'time' | 'unknown';
}

export interface Resolution {
  value: DateValue;
  kind: DateKind;
  localTime?: boolean;
  /** The day to remember as the anchor, when the expression names one. */
  day?: Moment;
  /** Not a date after all (`当年` with no year named before it). */
  drop?: boolean;
}

/** What an atom states, merged over a group. */
type Fields = Pick<
  Atom,
  | 'y'
  | 'yShort'
  | 'm'
  | 'd'
  | 'relY'
  | 'relM'
  | 'relD'
  | 'anaY'
  | 'anaM'
  | 'anaD'
  | 'wd'
  | 'wkRel'
  | 'offset'
  | 'pod'
  | 'hh'
  | 'mi'
  | 'ss'
  | 'period'
  | 'local'
  | 'minuteOffset'
  | 'fest'
  | 'lunar'
  | 'eventLabel'
  | 'count'
  | 'needsStatedYear'
>;

function collect(atoms: Atom[]): Fields {
  const f: Fields = {};
  for (const a of atoms) {
    for (const k of [
      'y',
      'yShort',
      'm',
      'd',
      'relY',
      'relM',
      'relD',
      'anaY',
      'anaM',
      'anaD',
      'wd',
      'wkRel',
      'offset',
      'pod',
      'hh',
      'mi',
      'ss',
      'period',
      'local',
      'minuteOffset',
      'fest',
      'lunar',
      'eventLabel',
      'count',
      'needsStatedYear',
    ] as const) {
      if (a[k] !== undefined && f[k] === undefined) (f as Record<string, unknown>)[k] = a[k];
    }
  }
  return f;
}

function fullYear(y: number, ref?: Moment): number {
  const base = ref?.y ?? 2030;
  return 2000 + y <= base + 10 ? 2000 + y : 1900 + y;
}

/** The day among `cands` closest to `to`. */
function nearest(cands: Ymd[], to: Ymd): Ymd {
  const t = dayNumber(to.y, to.m, to.d);
  let best = cands[0];
  let bd = Infinity;
  for (const c of cands) {
    const dd = Math.abs(dayNumber(c.y, c.m, c.d) - t);
    if (dd < bd) {
      bd = dd;
      best = c;
    }
  }
  return best;
}

/**
 * The same month (or year) as the anchor, unless a neighbouring one is nearer and within `days` of it:
 * `28日` in a story of 4 July is 28 June, `20日` is 20 July; `12月30日` in early January is last year's.
 */
function preferSame(same: Ymd | undefined, cands: Ymd[], anchor: Ymd, days: number): Ymd {
  const near = nearest(cands, anchor);
  if (!same) return near;
  const t = dayNumber(anchor.y, anchor.m, anchor.d);
  const dist = (c: Ymd) => Math.abs(dayNumber(c.y, c.m, c.d) - t);
  return dist(near) < dist(same) && dist(near) <= days ? near : same;
}

function hour24(hh: number, pod?: Pod): number {
  if (pod === 'AF') return hh < 12 ? hh + 12 : hh;
  // `晚上十二点`, `夜里12点`: midnight at the end of the day.
  if (pod === 'EV') return hh <= 12 ? hh + 12 : hh;
  if (pod === 'NI') return hh === 12 ? 24 : hh < 12 && hh > 4 ? hh + 12 : hh;
  return hh;
}

/** The typed value of a resolved point (a part of day named 白天 is the plain day, 中午 is 12:00). */
function pointValue(p: Point): DateValue {
  if (p.prec === 'unknown' || p.y === undefined) return UNKNOWN_VALUE;
  if (p.prec === 'year' || p.m === undefined) return { k: 'year', y: p.y };
  if (p.prec === 'month' || p.d === undefined) return { k: 'month', y: p.y, m: p.m };
  const day = { y: p.y, m: p.m, d: p.d };
  if (p.prec === 'time' && p.hh !== undefined) {
    const t: DateValue = { k: 'time', ...day, hh: p.hh, mi: p.mi ?? 0 };
    if (p.ss !== undefined) t.ss = p.ss;
    return t;
  }
  if (p.prec === 'pod' && p.pod) {
    if (p.pod === 'DAY') return { k: 'day', ...day };
    if (p.pod === 'NOON') return { k: 'time', ...day, hh: 12, mi: 0 };
    return { k: 'partOfDay', ...day, pod: p.pod };
  }
  return { k: 'day', ...day };
}

const UNKNOWN: Point = { prec: 'unknown' };

/** The year a group states (explicitly, relative to the reference, or inherited from a range start), if any. */
function statedYear(f: Fields, st: ResolveState, anchor: Moment | undefined, inherit?: Point): number | null | undefined {
  if (f.y !== undefined) return f.yShort ? fullYear(f.y, st.ref) : f.y;
  if (f.relY !== undefined) return st.ref ? st.ref.y + f.relY : null;
  if (f.anaY !== undefined) return anchor ? (st.yearOnly ?? anchor.y) + f.anaY : null;
  return inherit?.y;
}

/**
 * A festival or lunar date. With a year: that year's (a lunar date's year is the lunar year; a festival's is the
 * Gregorian year it falls in, so 2024年除夕 is 9 February 2024). Without: the anchor's year, unless the
 * neighbouring occurrence is nearer and within about three months (春節 in a December story is next year's).
 */
function festivalPoint(f: Fields, st: ResolveState, anchor: Moment | undefined, inherit?: Point): Point {
  const year = statedYear(f, st, anchor, inherit);
  if (year === null) return UNKNOWN;
  let day: Ymd | undefined;
  if (year !== undefined) day = f.fest ? festivalInYear(f.fest, year) : lunarToSolar(year, f.lunar!.m, f.lunar!.d, f.lunar!.leap);
  else {
    if (!anchor) return UNKNOWN;
    const cands = f.fest
      ? festivalCandidates(f.fest, anchor.y)
      : [-1, 0, 1].map((k) => lunarToSolar(anchor.y + k, f.lunar!.m, f.lunar!.d, f.lunar!.leap)).filter((c): c is Ymd => c !== undefined);
    if (!cands.length) return UNKNOWN;
    const inYear = cands.filter((c) => c.y === anchor.y);
    day = preferSame(inYear.length ? nearest(inYear, anchor) : undefined, cands, anchor, 92);
  }
  return day ? { ...day, prec: 'day' } : UNKNOWN;
}

/** `3小時前`: minutes from the clock time the text is at (the anchor's, else the publication time on its day). */
function minuteOffsetPoint(f: Fields, st: ResolveState): Point {
  const a = st.anchor;
  const r = st.ref;
  let base: Moment | undefined;
  if (a?.hh !== undefined) base = a;
  else if (r?.hh !== undefined && (!a || (a.y === r.y && a.m === r.m && a.d === r.d))) base = r;
  if (!base || base.hh === undefined) return UNKNOWN;
  const total = base.hh * 60 + (base.mi ?? 0) + f.minuteOffset!;
  const days = Math.floor(total / 1440);
  const rest = total - days * 1440;
  return { ...addDays(base, days), hh: Math.floor(rest / 60), mi: rest % 60, prec: 'time' };
}

/** The calendar day (or coarser) that the date atoms of a group name. */
function datePart(f: Fields, g: Group, st: ResolveState, inherit?: Point): Point | undefined {
  const ref = st.ref;
  const anchor = inherit?.d !== undefined ? (inherit as Moment) : (st.anchor ?? ref);
  if (f.fest || f.lunar) return festivalPoint(f, st, anchor, inherit);
  // `9·11事件` is not this year's 11 September: without a stated year the event's date is not known.
  if (f.eventLabel && f.y === undefined && f.relY === undefined) return UNKNOWN;
  const hasDate =
    f.y !== undefined ||
    f.m !== undefined ||
    f.d !== undefined ||
    f.relY !== undefined ||
    f.relM !== undefined ||
    f.relD !== undefined ||
    f.anaY !== undefined ||
    f.anaM !== undefined ||
    f.anaD !== undefined ||
    f.wd !== undefined ||
    f.offset !== undefined ||
    f.count !== undefined;
  if (!hasDate) return undefined;
  const explicit = f.y !== undefined || f.m !== undefined || f.d !== undefined;
  if (f.relD !== undefined && !explicit) {
    if (!ref) return UNKNOWN;
    if (f.relY !== undefined) {
      // 去年的今天: the same month and day N years back (29 February falls back to the 28th).
      const y = ref.y + f.relY;
      return { y, m: ref.m, d: isValidDate(y, ref.m, ref.d) ? ref.d : ref.d - 1, prec: 'day' };
    }
    return { ...addDays(ref, f.relD), prec: 'day' };
  }
  if (f.anaD !== undefined && !explicit) {
    if (!anchor) return UNKNOWN;
    return { ...addDays(anchor, f.anaD), prec: 'day' };
  }
  if (f.count !== undefined && !explicit) {
    // The first day counts as day 1: 第三天 is two days after it.
    const first = st.countBase ?? anchor;
    if (!first) return UNKNOWN;
    return { ...addDays(first, f.count - 1), prec: 'day' };
  }
  if (f.offset) {
    const base = st.anchor ?? ref;
    if (!base) return UNKNOWN;
    const { n, unit } = f.offset;
    if (unit === 'd') return { ...addDays(base, n), prec: 'day' };
    if (unit === 'w') return { ...addDays(base, 7 * n), prec: 'day' };
    if (unit === 'm') return { ...addMonths(base.y, base.m, n), prec: 'month' };
    // `2010年…五年后`: from the year the text last named, when it spoke of no day since (`30年前` is from now).
    return { y: (n > 0 ? (st.yearOnly ?? base.y) : base.y) + n, prec: 'year' };
  }
  if (f.wd !== undefined && !explicit) {
    let base: Ymd | undefined = ref;
    if (st.lastDay && st.lastDay.explicit && g.start - st.lastDay.end <= 2) base = st.lastDay.day;
    else if (inherit?.d !== undefined && f.wkRel === undefined) base = inherit as Ymd;
    if (!base) return UNKNOWN;
    const mon = mondayOf(base);
    return { ...addDays(mon, 7 * (f.wkRel ?? 0) + ((f.wd + 6) % 7)), prec: 'day' };
  }
  // Year
  let y: number | undefined;
  if (f.y !== undefined) y = f.yShort ? fullYear(f.y, ref) : f.y;
  else if (f.relY !== undefined) {
    if (!ref) return UNKNOWN;
    y = ref.y + f.relY;
  } else if (f.anaY !== undefined) {
    if (!anchor) return UNKNOWN;
    y = (st.yearOnly ?? anchor.y) + f.anaY;
  } else if (inherit?.y !== undefined && (f.m !== undefined || f.d !== undefined)) y = inherit.y;
  else if (st.pendingYear && g.start - st.pendingYear.end <= 3 && f.m !== undefined) y = st.pendingYear.y;
  // Month
  let m = f.m;
  if (m === undefined && (f.relM !== undefined || f.anaM !== undefined)) {
    const base = f.relM !== undefined ? ref : anchor;
    if (!base) return UNKNOWN;
    const r = addMonths(base.y, base.m, f.relM ?? f.anaM ?? 0);
    y = r.y;
    m = r.m;
  }
  if (m === undefined && f.d === undefined) {
    return y === undefined ? UNKNOWN : { y, prec: 'year' };
  }
  if (m === undefined) {
    // A bare day: the month the text is in, or the one next to it, whichever is nearest.
    const base = inherit?.m !== undefined ? inherit : anchor;
    if (!base || base.y === undefined || base.m === undefined) return UNKNOWN;
    const d = f.d!;
    if (inherit?.d !== undefined) {
      // Range end: `7月30日至2日` runs into the next month.
      const same = { y: base.y, m: base.m, d };
      if (d >= inherit.d && isValidDate(same.y, same.m, d)) return { ...same, prec: 'day' };
      const nx = addMonths(base.y, base.m, 1);
      return isValidDate(nx.y, nx.m, d) ? { ...nx, d, prec: 'day' } : UNKNOWN;
    }
    const cands: Ymd[] = [];
    for (const k of [-1, 0, 1]) {
      const c = addMonths(base.y, base.m, k);
      if (isValidDate(c.y, c.m, d)) cands.push({ ...c, d });
    }
    const same = isValidDate(base.y, base.m, d) ? { y: base.y, m: base.m, d } : undefined;
    return { ...preferSame(same, cands, base as Ymd, 10), prec: 'day' };
  }
  if (y === undefined) {
    const base = anchor;
    if (!base) return UNKNOWN;
    const d = f.d ?? 15;
    const cands: Ymd[] = [];
    for (const k of [-1, 0, 1]) cands.push({ y: base.y + k, m, d: Math.min(d, daysInMonth(base.y + k, m)) });
    y = preferSame(cands[1], cands, base, 92).y;
  }
  if (f.d === undefined) return { y, m, prec: 'month' };
  if (!isValidDate(y, m, f.d)) return UNKNOWN;
  return { y, m, d: f.d, prec: 'day' };
}

function resolvePoint(f: Fields, g: Group, st: ResolveState, inherit?: Point): Point {
  if (f.minuteOffset !== undefined) return minuteOffsetPoint(f, st);
  let p = datePart(f, g, st, inherit);
  if (p && p.prec === 'unknown') return p;
  const hasTime = f.pod !== undefined || f.hh !== undefined;
  if (!hasTime) return p ?? UNKNOWN;
  if (!p) {
    // Time of day alone: on the day the text is about (or the range's first day).
    const base = inherit?.d !== undefined ? (inherit as Moment) : (st.anchor ?? st.ref);
    if (!base) return UNKNOWN;
    let day: Ymd = base;
    // `昨晚…凌晨`: early morning after a night is the next day.
    if (
      !inherit &&
      (f.pod === 'MO' || (f.pod === undefined && f.hh !== undefined && f.hh < 5)) &&
      st.anchor &&
      (st.anchor.pod === 'NI' || st.anchor.pod === 'EV' || (st.anchor.hh ?? 0) >= 20)
    )
      day = addDays(st.anchor, 1);
    p = { ...day, prec: 'day' };
  }
  if (p.prec !== 'day') return p;
  if (f.hh !== undefined) {
    let hh = hour24(f.hh, f.pod ?? inherit?.pod);
    let day: Ymd = { y: p.y!, m: p.m!, d: p.d! };
    if (hh === 24) {
      hh = 0;
      day = addDays(day, 1);
    }
    return { ...day, hh, mi: f.mi ?? 0, ss: f.ss, pod: f.pod, prec: 'time' };
  }
  return { ...p, pod: f.pod, prec: 'pod' };
}

type Spec<P extends PeriodSpec['p']> = Extract<PeriodSpec, { p: P }>;

/** A period: dispatched by kind, each kind in its own function below. */
function periodValue(f: Fields, st: ResolveState): DateValue {
  const spec = f.period!;
  switch (spec.p) {
    case 'vague':
      return UNKNOWN_VALUE;
    case 'week':
    case 'weekend':
      return weekValue(spec, st.ref);
    case 'century':
      return centuryValue(spec, st.ref);
    case 'relQuarter':
      return relQuarterValue(spec, st.ref);
    case 'yearRange':
      return yearsRange(spec.y1, spec.y2);
    case 'monthSpan':
      return monthsRange(spec.y1, spec.m1, spec.y2, spec.m2);
    case 'nextDays': {
      const base = st.anchor ?? st.ref;
      return base ? daysRange(addDays(base, 1), addDays(base, spec.n)) : UNKNOWN_VALUE;
    }
    case 'break':
      return breakValue(spec, f, st);
    default: {
      const ym = periodYear(f, st);
      return ym ? inYearValue(spec, f, st, ym.y, ym.m) : UNKNOWN_VALUE;
    }
  }
}

function weekValue(spec: Spec<'week'> | Spec<'weekend'>, ref: Moment | undefined): DateValue {
  if (!ref) return UNKNOWN_VALUE;
  if (spec.p === 'week') {
    const mon = addDays(mondayOf(ref), 7 * spec.rel);
    return daysRange(mon, addDays(mon, 6));
  }
  const sat = addDays(mondayOf(ref), 7 * spec.rel + 5);
  return daysRange(sat, addDays(sat, 1));
}

function centuryValue(spec: Spec<'century'>, ref: Moment | undefined): DateValue {
  let c = spec.c;
  if (c === undefined) {
    if (!ref) return UNKNOWN_VALUE;
    c = Math.floor((ref.y - 1) / 100) + 1 + (spec.rel ?? 0);
    if (spec.decade !== undefined && spec.rel === 0) {
      // A bare decade (`80年代`): the latest one that has begun by the reference year.
      let start = Math.floor(ref.y / 100) * 100 + spec.decade;
      if (start > ref.y) start -= 100;
      return decadeValue(start, spec.part);
    }
  }
  if (spec.decade !== undefined) return decadeValue((c - 1) * 100 + spec.decade, spec.part);
  let a = (c - 1) * 100 + 1;
  let b = c * 100;
  if (spec.part === '初' || spec.part === '初期' || spec.part === '前期') b = a + 19;
  else if (spec.part === '末' || spec.part === '末期' || spec.part === '后期' || spec.part === '後期') a = b - 19;
  else if (spec.part) {
    a += 40;
    b = a + 19;
  }
  return yearsRange(a, b);
}

function relQuarterValue(spec: Spec<'relQuarter'>, ref: Moment | undefined): DateValue {
  if (!ref) return UNKNOWN_VALUE;
  const k = ref.y * 4 + Math.floor((ref.m - 1) / 3) + spec.rel;
  const qy = Math.floor(k / 4);
  const q = (k % 4) + 1;
  if (spec.edge) return { k: 'month', y: qy, m: spec.edge === 'first' ? q * 3 - 2 : q * 3 };
  return { k: 'quarter', y: qy, q: q as 1 | 2 | 3 | 4 };
}

/**
 * 暑假 and 寒假 are the year they fall in (the school year is not a schema value); 春运 is its range, from 15 days
 * before the Spring Festival to 24 days after (the 40 days the railways count).
 */
function breakValue(spec: Spec<'break'>, f: Fields, st: ResolveState): DateValue {
  const anchor = st.anchor ?? st.ref;
  const stated = statedYear(f, st, anchor);
  if (stated === null) return UNKNOWN_VALUE;
  if (spec.b !== 'chunyun') {
    const y = stated ?? anchor?.y;
    return y === undefined ? UNKNOWN_VALUE : { k: 'year', y };
  }
  const spring: FestSpec = { k: 'lunar', m: 1, d: 1 };
  let day: Ymd | undefined;
  if (stated !== undefined) day = festivalInYear(spring, stated);
  else if (anchor) day = nearest(festivalCandidates(spring, anchor.y), anchor);
  return day ? daysRange(addDays(day, -15), addDays(day, 24)) : UNKNOWN_VALUE;
}

/** The year (and month) a period inside a year belongs to. */
function periodYear(f: Fields, st: ResolveState): { y: number; m?: number } | undefined {
  const ref = st.ref;
  const anchor = st.anchor ?? ref;
  let y: number | undefined;
  let m = f.m;
  if (f.y !== undefined) y = f.yShort ? fullYear(f.y, ref) : f.y;
  else if (f.relY !== undefined) y = ref ? ref.y + f.relY : undefined;
  else if (f.anaY !== undefined) y = anchor ? (st.yearOnly ?? anchor.y) + f.anaY : undefined;
  if (m === undefined && (f.relM !== undefined || f.anaM !== undefined)) {
    const base = f.relM !== undefined ? ref : anchor;
    if (!base) return undefined;
    const r = addMonths(base.y, base.m, f.relM ?? f.anaM ?? 0);
    y = r.y;
    m = r.m;
  }
  if (y === undefined) {
    if (!anchor) return undefined;
    // `1998年，…年底`: the year the text last named, when it named no day since.
    y = m === undefined ? (st.yearOnly ?? anchor.y) : anchor.y;
    if (m !== undefined) {
      const cands = [-1, 0, 1].map((k) => ({ y: anchor.y + k, m: m!, d: 15 }));
      y = preferSame(cands[1], cands, anchor, 92).y;
    }
  }
  return { y, m };
}

function inYearValue(spec: PeriodSpec, f: Fields, st: ResolveState, y: number, m: number | undefined): DateValue {
  const anchor = st.anchor ?? st.ref;
  switch (spec.p) {
    case 'lunarMonth': {
      // The year stated is the lunar year; without one, the month nearest the anchor (as for a festival).
      let span = lunarMonthSpan(y, spec.m, spec.leap);
      if (f.y === undefined && f.relY === undefined && f.anaY === undefined && anchor) {
        const spans = [-1, 0, 1]
          .map((k) => lunarMonthSpan(anchor.y + k, spec.m, spec.leap))
          .filter((s): s is [Ymd, Ymd] => s !== undefined);
        if (!spans.length) return UNKNOWN_VALUE;
        const mids = spans.map((s) => addDays(s[0], 14));
        const inYear = mids.filter((c) => c.y === anchor.y);
        const pick = preferSame(inYear.length ? nearest(inYear, anchor) : undefined, mids, anchor, 92);
        span = spans[mids.indexOf(pick)];
      }
      return span ? daysRange(span[0], span[1]) : UNKNOWN_VALUE;
    }
    case 'monthPart':
      return m === undefined ? UNKNOWN_VALUE : { k: 'monthPart', y, m, part: spec.part };
    case 'yearPart':
      if (spec.part === 'MIDYEAR') return monthsRange(y, 6, y, 7);
      return spec.part === 'EARLY' ? { k: 'monthPart', y, m: 1, part: 'EARLY' } : { k: 'monthPart', y, m: 12, part: 'LATE' };
    case 'half':
      return spec.h === 1 ? monthsRange(y, 1, y, 6) : monthsRange(y, 7, y, 12);
    case 'quarter':
      return spec.q >= 1 && spec.q <= 4 ? { k: 'quarter', y, q: spec.q as 1 | 2 | 3 | 4 } : UNKNOWN_VALUE;
    case 'quarterEdge':
      return { k: 'month', y, m: spec.edge === 'first' ? spec.q * 3 - 2 : spec.q * 3 };
    case 'quarters':
      return monthsRange(y, 1, y, spec.to * 3);
    case 'season':
      return { k: 'season', y, s: spec.s };
    case 'monthRange':
      return monthsRange(y, spec.m1, y, spec.m2);
    case 'dayRange':
      return dayRangeValue(spec, f, anchor, y, m);
  }
  return UNKNOWN_VALUE;
}

function dayRangeValue(spec: Spec<'dayRange'>, f: Fields, anchor: Moment | undefined, y: number, m: number | undefined): DateValue {
  if (m === undefined && f.y === undefined && anchor) {
    // `3至5日`: the month the text is in, as for a bare day.
    const cands = [-1, 0, 1]
      .map((k) => addMonths(anchor.y, anchor.m, k))
      .filter((c) => isValidDate(c.y, c.m, spec.d1))
      .map((c) => ({ ...c, d: spec.d1 }));
    const same = isValidDate(anchor.y, anchor.m, spec.d1) ? { y: anchor.y, m: anchor.m, d: spec.d1 } : undefined;
    if (!cands.length) return UNKNOWN_VALUE;
    const pick = preferSame(same, cands, anchor, 10);
    y = pick.y;
    m = pick.m;
  }
  if (m === undefined || !isValidDate(y, m, spec.d1) || !isValidDate(y, m, spec.d2)) return UNKNOWN_VALUE;
  return daysRange({ y, m, d: spec.d1 }, { y, m, d: spec.d2 });
}

function decadeValue(start: number, part?: string): DateValue {
  let a = start;
  let b = start + 9;
  if (part === '初' || part === '初期' || part === '前期') b = a + 2;
  else if (part === '末' || part === '末期' || part === '后期' || part === '後期') a = b - 2;
  else if (part) {
    a += 3;
    b = a + 3;
  }
  return yearsRange(a, b);
}

function kindOf(f: Fields, g: Group): DateKind {
  if (g.to) return 'range';
  if (f.period)
    return f.period.p === 'vague'
      ? 'relative'
      : f.period.p === 'monthRange' ||
          f.period.p === 'dayRange' ||
          f.period.p === 'yearRange' ||
          f.period.p === 'monthSpan' ||
          f.period.p === 'nextDays'
        ? 'range'
        : 'period';
  if (f.y !== undefined || f.m !== undefined || f.fest || f.lunar) return 'absolute';
  if (f.relD !== undefined || f.relY !== undefined || f.relM !== undefined || f.offset || f.minuteOffset !== undefined) return 'relative';
  if (f.anaD !== undefined || f.anaY !== undefined || f.anaM !== undefined || f.d !== undefined) return 'anaphoric';
  if (f.wd !== undefined) return 'weekday';
  return 'time';
}

/** A range of two points (months and years widen to their first and last day; one day is that day). */
function rangeValue(a: Point, b: Point): DateValue {
  const bothTime = a.prec === 'time' || b.prec === 'time';
  const sameDay = a.y === b.y && a.m === b.m && a.d === b.d && a.d !== undefined;
  if (sameDay && !bothTime) return pointValue({ ...a, prec: 'day' });
  const end = (p: Point, last: boolean): RangeEnd => {
    if (p.prec === 'time') return pointValue(p) as RangeEnd;
    if (p.d !== undefined) return { k: 'day', y: p.y!, m: p.m!, d: p.d };
    if (p.m !== undefined) return { k: 'day', y: p.y!, m: p.m, d: last ? daysInMonth(p.y!, p.m) : 1 };
    return { k: 'day', y: p.y!, m: last ? 12 : 1, d: last ? 31 : 1 };
  };
  return { k: 'range', from: end(a, false), to: end(b, true) };
}

/** Resolves one group and updates the state (anchor, pending year) for the groups after it. */
export function resolveGroup(g: Group, st: ResolveState, nextGroup?: Group): Resolution {
  const f = collect(g.atoms);
  const localTime = f.local === true ? true : undefined;
  let kind = kindOf(f, g);
  let value: DateValue;
  let day: Moment | undefined;
  if (f.period) {
    value = periodValue(f, st);
  } else {
    // A weekday written right before its date (`星期五(7月4日)`) takes that date's week.
    let wdInherit: Point | undefined;
    if (f.wd !== undefined && nextGroup && !g.to && nextGroup.start - g.end <= 2) {
      const nf = collect(nextGroup.atoms);
      if (nf.m !== undefined && nf.d !== undefined && !nf.period) {
        const np = datePart(nf, nextGroup, st);
        if (np && np.prec === 'day') wdInherit = np;
      }
    }
    const a = resolvePoint(f, g, st, wdInherit);
    if (g.to) {
      const tf = collect(g.to.atoms);
      const b = a.prec === 'unknown' ? UNKNOWN : resolvePoint(tf, g.to, st, a);
      value = a.prec === 'unknown' || b.prec === 'unknown' ? UNKNOWN_VALUE : rangeValue(a, b);
    } else value = pointValue(a);
    if (a.prec === 'day' || a.prec === 'pod' || a.prec === 'time')
      day = { y: a.y!, m: a.m!, d: a.d!, pod: a.pod, hh: a.hh, mi: a.hh !== undefined ? a.mi : undefined };
    if (a.prec === 'year' && f.y !== undefined && f.m === undefined && !g.to) st.pendingYear = { y: a.y!, end: g.end };
  }
  if (g.habitual) {
    value = UNKNOWN_VALUE;
    day = undefined;
  }
  if (f.needsStatedYear && !st.namedYear) return { value, kind, day, drop: true };
  if (f.y !== undefined) st.namedYear = true;
  // A count goes on from the same first day (`第三天…第四天`); any other day ends it.
  if (f.count !== undefined && day) st.countBase = st.countBase ?? st.anchor ?? st.ref;
  else if (day && (f.m !== undefined || f.d !== undefined || f.relD !== undefined)) st.countBase = undefined;
  if (!day && f.y !== undefined && value.k === 'year' && !g.label) st.yearOnly = value.y;
  // Weekdays mostly name plans and nearby events (`計劃周五通話`), not the day the story is on.
  if (day && !g.label && (f.wd === undefined || f.d !== undefined)) {
    st.anchor = day;
    st.yearOnly = undefined;
    st.lastDay = { day, end: g.end, explicit: f.m !== undefined && f.d !== undefined };
  }
  if (kind === 'absolute' && f.m === undefined && f.y === undefined && !f.fest && !f.lunar) kind = 'anaphoric';
  return { value, kind, localTime, day };
}
