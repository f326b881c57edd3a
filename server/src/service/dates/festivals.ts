/**
 * Festivals and solar terms: the words (both scripts) and the day each falls on in a given year.
 * Lunar festivals and solar terms come from ./lunar.ts; the rest are fixed days or the n-th weekday of a month.
 */
import { Ymd, addDays, dayNumber, weekday } from './calendar';
import { SOLAR_TERM_NAMES, lunarToSolar, lunarYearEnd, solarTermDay } from './lunar';

export type FestSpec =
  | { k: 'greg'; m: number; d: number }
  /** The `n`-th weekday `wd` (0 = Sunday) of month `m`: 母親節, 感恩節. */
  | { k: 'nth'; m: number; wd: number; n: number }
  | { k: 'lunar'; m: number; d: number }
  /** 除夕: the last day of a lunar year. */
  | { k: 'eve' }
  /** Solar term by index into SOLAR_TERM_NAMES. */
  | { k: 'term'; i: number };

export interface Festival {
  spec: FestSpec;
  /** The word is also an ordinary word or number (清明, 大雪, 十一, 五一): taken only in context. */
  needsContext?: boolean;
  /** The name ends in 節/节 already; otherwise a following 節/节 is part of the expression. */
  hasJie?: boolean;
  /**
   * The name of a holiday (国庆节, 春节, 中秋, 圣诞节), as against a day of the calendar (除夕, 大年初一, a solar
   * term). The gold does not mark holiday names as dates (GOLD-NOTES-2: 国庆节, 国庆中秋长假; 美國獨立日).
   */
  holiday?: boolean;
}

export const FESTIVALS = new Map<string, Festival>();
function fest(words: string, spec: FestSpec, needsContext = false) {
  for (const w of words.split(' '))
    FESTIVALS.set(w, {
      spec,
      needsContext: needsContext || undefined,
      hasJie: /[节節]$/.test(w) || undefined,
      holiday: (spec.k !== 'eve' && spec.k !== 'term' && !w.startsWith('大年')) || /^清明[节節]$/.test(w) || undefined,
    });
}
const L = (m: number, d: number): FestSpec => ({ k: 'lunar', m, d });
const G = (m: number, d: number): FestSpec => ({ k: 'greg', m, d });

fest('春节 春節', L(1, 1));
fest('元宵节 元宵節', L(1, 15));
fest('元宵', L(1, 15), true);
fest('龙抬头 龍抬頭', L(2, 2));
fest('端午', L(5, 5));
fest('七夕', L(7, 7));
fest('中元节 中元節', L(7, 15));
fest('中秋', L(8, 15));
fest('重阳 重陽', L(9, 9));
fest('腊八 臘八', L(12, 8));
fest('除夕 大年夜 大年三十', { k: 'eve' });
for (const [k, n] of [...'一二三四五六七八九十'].entries()) fest(`大年初${n}`, L(1, k + 1));
fest('元旦', G(1, 1));
fest('情人节 情人節', G(2, 14));
fest('妇女节 婦女節 三八妇女节 三八婦女節 三八节 三八節', G(3, 8));
fest('植树节 植樹節', G(3, 12));
fest('愚人节 愚人節', G(4, 1));
fest('劳动节 勞動節 五一劳动节 五一勞動節 五一国际劳动节 五一國際勞動節', G(5, 1));
fest('五一', G(5, 1), true);
fest('青年节 青年節 五四青年节 五四青年節', G(5, 4));
fest('儿童节 兒童節 六一儿童节 六一兒童節', G(6, 1));
fest('六一', G(6, 1), true);
fest('建党节 建黨節', G(7, 1));
fest('建军节 建軍節 八一建军节 八一建軍節', G(8, 1));
fest('教师节 教師節', G(9, 10));
// Taiwan's 國慶 is 10 October (雙十); a bare 國慶 is read as the PRC's, the more frequent in the press.
fest('国庆 國慶 国庆日 國慶日', G(10, 1));
fest('十一', G(10, 1), true);
fest('双十节 雙十節 双十国庆 雙十國慶', G(10, 10));
fest('万圣节 萬聖節', G(10, 31));
fest('双十一 雙十一 双11 雙11 光棍节 光棍節', G(11, 11));
fest('平安夜 圣诞夜 聖誕夜', G(12, 24));
fest('圣诞节 聖誕節', G(12, 25));
fest('圣诞 聖誕', G(12, 25), true);
fest('母亲节 母親節', { k: 'nth', m: 5, wd: 0, n: 2 });
fest('父亲节 父親節', { k: 'nth', m: 6, wd: 0, n: 3 });
fest('感恩节 感恩節', { k: 'nth', m: 11, wd: 4, n: 4 });
const TRADITIONAL_TERMS: Record<string, string> = { 惊蛰: '驚蟄', 谷雨: '穀雨', 小满: '小滿', 芒种: '芒種', 处暑: '處暑' };
// Terms that are also common words (雨水 rain, 大雪 heavy snow, 白露 a name, 清明 "clean" as in 政治清明).
const AMBIGUOUS_TERMS = new Set(['雨水', '小满', '清明', '白露', '小雪', '大雪']);
SOLAR_TERM_NAMES.forEach((name, i) => {
  const words = TRADITIONAL_TERMS[name] ? `${name} ${TRADITIONAL_TERMS[name]}` : name;
  fest(words, { k: 'term', i }, AMBIGUOUS_TERMS.has(name));
});
fest('清明节 清明節', { k: 'term', i: 6 });

/** The day of a festival in Gregorian year `y` (a lunar festival of the lunar year that has it in `y`). */
export function festivalInYear(spec: FestSpec, y: number): Ymd | undefined {
  switch (spec.k) {
    case 'greg':
      return { y, m: spec.m, d: spec.d };
    case 'nth': {
      const first = { y, m: spec.m, d: 1 };
      return addDays(first, ((spec.wd - weekday(first) + 7) % 7) + 7 * (spec.n - 1));
    }
    case 'term':
      return solarTermDay(y, spec.i);
    case 'eve':
      return lunarYearEnd(y - 1);
    case 'lunar': {
      // 腊八 of lunar year y-1 usually falls in January of y; otherwise the lunar year y's.
      const prev = lunarToSolar(y - 1, spec.m, spec.d);
      if (prev && prev.y === y) return prev;
      return lunarToSolar(y, spec.m, spec.d);
    }
  }
}

/** The occurrences of a festival around Gregorian year `y` (y-1..y+1), for choosing the one nearest a day. */
export function festivalCandidates(spec: FestSpec, y: number): Ymd[] {
  const out: Ymd[] = [];
  for (const k of [-1, 0, 1]) {
    const d = festivalInYear(spec, y + k);
    if (d && !out.some((o) => dayNumber(o.y, o.m, o.d) === dayNumber(d.y, d.m, d.d))) out.push(d);
  }
  return out;
}
