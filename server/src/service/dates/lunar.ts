/**
 * The Chinese lunisolar calendar and the 24 solar terms, 1900-2100, from two compact tables.
 * Both tables were generated from lunar-javascript 1.7.7 (MIT) and are checked against it, day by day,
 * in test/unit/dates-lunar.test.ts (which also prints a fresh table if they ever disagree). A table
 * keeps the service free of a 600 KB almanac library it would use one per cent of.
 */
import { Ymd, addDays, dayNumber, fromDayNumber } from './calendar';

export const LUNAR_FIRST_YEAR = 1900;
export const LUNAR_LAST_YEAR = 2100;

/**
 * One lunar year in 5 base-36 characters: (days from 21 January to its new year) * 2^17 + (leap month, 0
 * for none) * 2^13 + a bit per month in order (the leap month right after its namesake), set for 30 days.
 */
const LUNAR_YEARS =
  '0tmfm29idu1enc50nh3e212rv13dzv0c21i1sn6y0xrvd03adu1k85u0qhid26q051907f0f1d71vfsd10ju3061611n2jt0waky' +
  '2ccya1en1h0kor1213km165km098z91snh00xsix064ya1k9le0qequ23vor1907r0f0za1vhi213d90091ah1n1ah0tg2b29j0z' +
  '1elgr0hysb1yai51663u0c3851sof80xrux03b0z1k8t10ntil23vp2190a50hup61vgdu10lgl0945m1pvm20tk0l26pw71elhy' +
  '0krzp1yaj9166du0c0px1sp0l0xqve00lg71hfob0qmoq23vqi190fd0hv0y1yamq10kyt06fyj1n1vv0tm0b26obx1bsdp0ks4p' +
  '21489167pu0c3l11sopx0zm192cc461he460nk5123w0l1912h0hwgi1yb9u13ehy0679y1k8rb0tm1i29hlm1bsnp0ko21212yx' +
  '166c3098vf1pu0b0uyjf039zu1hene0nuqd26q3o1btjd0f2j71vhcl10jsd06dnx1k8tx0tsiy29i361en510kvnu2145m167it' +
  '0c20e1pu1i0uylx03a2a1k82a0nlwl23w2t18zez0ezrr1somj10jtm067di1n23t0u5hu29j6a1emn90kv2j1yaff13ctn09c2j' +
  '1pu3x0uyqy03b6a1k9ea0qo8523x9h1907p0f1d91vg6u0xqr9067xm1n2rt0wh3m29jte1en1i0krx21yafr13cuu0961h1pufp' +
  '0xr2h00lub1hevn0ntij23vor1672z0f1i21vgbu10l0l06g5m1n22y0tn6d29j111bsbx0hyul1yaid1665m096zp1pvol0xs96' +
  '03hqt1hg2e0nuby23vpy190ad0f1ki1vglu10lnp097ii1k80b0qr9z26oq31bsd70hyvq1yane166he0c2ed1pv7p0uykr00gpn' +
  '1hei3';

/**
 * One Gregorian year in 10 base-36 characters: two 12-term halves, 2 bits per term, each the day of the
 * term minus TERM_BASE_DAY (terms in order from 小寒, two a month, January to December).
 */
const SOLAR_TERMS =
  '6ho463jbz96nn1645twm7a7ai6nq967bmwa6nqgq6ho6j3jbz96nn1645twm6nq7e6nq967bmwa6nqgq6ho6j3jbz96nn1645twm' +
  '6nq7e6nq967bmwa6nqgq6ho6j3dpph6nn1245t466nn166nq967a84q6nqga6ho6i3dmjp6i0ra45t466nn1645twq7a84q6nqga' +
  '6ho6i3dmjp6ho463jc126nn1645twq7a7ai6nqga6ho6i3dmjp6ho463jc126nn1645twm7a7ai6nqga6ho6i3bvc56ho463jbz9' +
  '6nn1645twm7a7ai6nq963zru23bvc56ho463jbz96nn1645twm6nq7e6nq963zru23bvc56ho463jbz96nn1645twm6nq7e6nq96' +
  '3zru23bvc56ho463jbz96nn1645twm6nq7e6nq963yd9m3bvc56ho463dmjp6nn1245t466nn166nq963yd2i3bvbp6ho453dmjp' +
  '6ho4645t466nn166nq963yd2i3bvbp6ho453dmjp6ho463jc126nn1645twm3yca23bvbp6ho453dmjp6ho463jbz96nn1645twm' +
  '3yc8a3bv4l3zrrp3bvc56ho463jbz96nn1645twm3yc8a3bv4l3zrrp3bvc56ho463jbz96nn1645twm3bv563bv4l3zrrp3bvc5' +
  '6ho463jbz96nn1645twm3bv563bv4l3yd793bvc56ho463jbz96nn1645t463brze3bv4l3yd793bvbp6ho463j8th6i0ra45t46' +
  '3brze3bv4l3yd793bvbp6ho463dmjp6ho4645t463bryy3bv4h3yd053bvbp6ho453dmjp6ho463jc113bryy0tys13yc7p3bv4l' +
  '3zrrp3dmjp6ho463jbz93bryy0tys13yc5x3bv4l3zrrp3bvc56ho463jbz93bryy0tys13bv2t3bv4l3zrrp3bvc56ho463jbz9' +
  '3bryy0tys13bv2t3bv4l3zrrp3bvc56ho463jbz93bryy0tys13bv2t3bv4l3yd793bvbp6ho463jbz93bryy0txzl3brx13bv4l' +
  '3yd793bvbp6ho463j8th365p60txzl3brx13bv4h3yd793bvbp6ho463dmjp35t1y0txzl3brwl3bv4h3yd053bvbp3zrrp3dmjp' +
  '35t1y0txxs3brwl0tys13yc7p3bv4l3zrrp3dmjp35t1y07guo3brwl0tys13bv2t3bv4l3zrrp3bvc535t1y07guo3brwl0tys1' +
  '3bv2t3bv4l3zrrp3bvc535t1y07guo3brwl0tys13bv2t3bv4l3yd793bvbp35t1y07guo3brwl0tys13bv2t3bv4l3yd793bvbp' +
  '35t1y07guo365mt0txzl3brx13bv4l3yd793bvbp35t1y07dow35szp0txzl3brx13bv4h3yd793bvbp0nwpi01rf435szl0txxs' +
  '3brwl3bv4h3yc7p3bv4l0nwph01rf435szl0txxs3brwl3bv4h3bv4l3bv4l0nwph01rf435szl07guo3brwl0tys13bv4l3bv4l' +
  '0nwph0007k35szl07guo3brwl0tys13bv2t3bv4l0nwph0007k35szl07guo3brwl0tys13bv2t3bv4l0mi510007435szl07guo' +
  '365mt0txzl3bv2t3bv4l0mi510007435szl07dow365mt0txzl3brx13bv4h0mi510007435szl07dow35szp0txzk3brx13bv4h' +
  '0mi51000740nwn501rf435szp0txxs3brwl3bv4h0mh5h000000nwn401rf435szl0txxs3brwl3bv4h0002d000000nwn401rf4' +
  '35szl07guo3brwl0tys10002d000000nwn40007k35szl07guo3brwl0tys10000l000000nwn40007435szl07guo3brwl0tys1' +
  '3bv2t3bv4l';
const TERM_BASE_DAY = [4, 19, 3, 18, 4, 19, 4, 19, 4, 20, 4, 20, 6, 22, 6, 22, 6, 22, 7, 22, 6, 21, 6, 21];

interface LunarYear {
  /** Day number (calendar.ts) of 正月初一. */
  newYear: number;
  /** 0 when the year has no leap month. */
  leap: number;
  /** Lengths of the months in order, the leap month right after its namesake. */
  lengths: number[];
}

const yearCache = new Map<number, LunarYear>();

function lunarYear(y: number): LunarYear | undefined {
  if (!Number.isInteger(y) || y < LUNAR_FIRST_YEAR || y > LUNAR_LAST_YEAR) return undefined;
  let r = yearCache.get(y);
  if (r) return r;
  const k = (y - LUNAR_FIRST_YEAR) * 5;
  const v = parseInt(LUNAR_YEARS.slice(k, k + 5), 36);
  const leap = Math.floor(v / 2 ** 13) % 16;
  const bits = v % 2 ** 13;
  const lengths: number[] = [];
  for (let i = 0; i < (leap ? 13 : 12); i++) lengths.push(bits & (1 << i) ? 30 : 29);
  r = { newYear: dayNumber(y, 1, 21) + Math.floor(v / 2 ** 17), leap, lengths };
  yearCache.set(y, r);
  return r;
}

/** Index of month `m` (1..12, `leap` for the 閏 month) among the months of a lunar year; -1 if there is none. */
function monthIndex(ly: LunarYear, m: number, leap: boolean): number {
  if (m < 1 || m > 12) return -1;
  if (leap) return ly.leap === m ? m : -1;
  return ly.leap && m > ly.leap ? m : m - 1;
}

/** The leap month of lunar year `y` (0 for none). */
export function leapMonth(y: number): number | undefined {
  return lunarYear(y)?.leap;
}

/** First and last Gregorian day of lunar month `m` (`leap`: its 閏 month) of lunar year `y`. */
export function lunarMonthSpan(y: number, m: number, leap = false): [Ymd, Ymd] | undefined {
  const ly = lunarYear(y);
  if (!ly) return undefined;
  const idx = monthIndex(ly, m, leap);
  if (idx < 0) return undefined;
  let start = ly.newYear;
  for (let i = 0; i < idx; i++) start += ly.lengths[i];
  return [fromDayNumber(start), fromDayNumber(start + ly.lengths[idx] - 1)];
}

/** The Gregorian day of lunar `y`-`m`-`d`; undefined outside 1900-2100 or for a day the month lacks (三十 of a 29-day month). */
export function lunarToSolar(y: number, m: number, d: number, leap = false): Ymd | undefined {
  const span = lunarMonthSpan(y, m, leap);
  if (!span || d < 1) return undefined;
  const day = addDays(span[0], d - 1);
  return dayNumber(day.y, day.m, day.d) > dayNumber(span[1].y, span[1].m, span[1].d) ? undefined : day;
}

/** 除夕: the last day of lunar year `y` (the eve of lunar year `y` + 1). */
export function lunarYearEnd(y: number): Ymd | undefined {
  const next = lunarYear(y + 1);
  return next && lunarYear(y) ? fromDayNumber(next.newYear - 1) : undefined;
}

export interface LunarDate {
  y: number;
  m: number;
  d: number;
  leap: boolean;
}

/** The lunar date of a Gregorian day, within the table's years. */
export function solarToLunar(day: Ymd): LunarDate | undefined {
  const n = dayNumber(day.y, day.m, day.d);
  for (const y of [day.y, day.y - 1]) {
    const ly = lunarYear(y);
    if (!ly || n < ly.newYear) continue;
    let start = ly.newYear;
    for (let i = 0; i < ly.lengths.length; i++) {
      if (n < start + ly.lengths[i]) {
        const leap = ly.leap > 0 && i === ly.leap;
        const m = ly.leap && i >= ly.leap ? i : i + 1;
        return { y, m, d: n - start + 1, leap };
      }
      start += ly.lengths[i];
    }
  }
  return undefined;
}

/** The 24 solar terms in calendar order, from 小寒 (early January) to 冬至; Simplified names. */
export const SOLAR_TERM_NAMES = [
  '小寒',
  '大寒',
  '立春',
  '雨水',
  '惊蛰',
  '春分',
  '清明',
  '谷雨',
  '立夏',
  '小满',
  '芒种',
  '夏至',
  '小暑',
  '大暑',
  '立秋',
  '处暑',
  '白露',
  '秋分',
  '寒露',
  '霜降',
  '立冬',
  '小雪',
  '大雪',
  '冬至',
];

/** The day of solar term `k` (index into SOLAR_TERM_NAMES) in Gregorian year `y`. */
export function solarTermDay(y: number, k: number): Ymd | undefined {
  if (!Number.isInteger(y) || y < LUNAR_FIRST_YEAR || y > LUNAR_LAST_YEAR || k < 0 || k > 23) return undefined;
  const at = (y - LUNAR_FIRST_YEAR) * 10 + (k < 12 ? 0 : 5);
  const half = parseInt(SOLAR_TERMS.slice(at, at + 5), 36);
  const off = Math.floor(half / 4 ** (k % 12)) % 4;
  return { y, m: Math.floor(k / 2) + 1, d: TERM_BASE_DAY[k] + off };
}
