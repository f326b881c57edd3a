/**
 * The first pass of date recognition: small pieces ("atoms") found by sticky regexes at candidate
 * positions. A later pass (./groups.ts) joins adjacent atoms into expressions and ranges.
 * Every regex here is compiled once and bounded (no nested quantifiers), so a scan is linear in the text.
 */
import { FESTIVALS, type FestSpec } from './festivals';
import { parseNumeral } from './numerals';

export type Pod = 'MO' | 'AF' | 'EV' | 'NI' | 'DAY' | 'NOON';
export type Part = 'EARLY' | 'MID' | 'LATE';
export type Season = 'SP' | 'SU' | 'FA' | 'WI';

export type PeriodSpec =
  | { p: 'monthPart'; part: Part }
  | { p: 'yearPart'; part: Part | 'MIDYEAR' }
  | { p: 'half'; h: 1 | 2 }
  | { p: 'quarter'; q: number }
  | { p: 'quarters'; to: number }
  | { p: 'relQuarter'; rel: number; edge?: 'first' | 'last' }
  | { p: 'quarterEdge'; q: number; edge: 'first' | 'last' }
  | { p: 'season'; s: Season }
  | { p: 'week'; rel: number }
  | { p: 'weekend'; rel: number }
  | { p: 'century'; c?: number; rel?: number; decade?: number; part?: string }
  | { p: 'monthRange'; m1: number; m2: number }
  | { p: 'dayRange'; d1: number; d2: number }
  /** A whole lunar month (`農曆十月`, `閏四月`, `腊月`): its first to last Gregorian day. */
  | { p: 'lunarMonth'; m: number; leap: boolean }
  /** `2015-2017年`: whole years. */
  | { p: 'yearRange'; y1: number; y2: number }
  /** `1999.08-2002.02`, `2008.03-2009`: whole months across years (the end without a month is its year's end). */
  | { p: 'monthSpan'; y1: number; m1: number; y2: number; m2: number }
  /** 暑假, 寒假 (the year they fall in) and 春运 (the travel season around the Spring Festival). */
  | { p: 'break'; b: 'summer' | 'winter' | 'chunyun' }
  /** `随后两天`: the n days after the day spoken of. */
  | { p: 'nextDays'; n: number }
  | { p: 'vague' };

export interface Atom {
  start: number;
  end: number;
  /** Lowest and highest level the atom states: 0 local-time prefix, 1 year, 2 month, 3 day, 4 part of day, 5 clock time. */
  lo: number;
  hi: number;
  y?: number;
  /** The year was written with two digits and needs a century. */
  yShort?: boolean;
  m?: number;
  d?: number;
  relY?: number;
  relM?: number;
  relD?: number;
  anaY?: number;
  anaM?: number;
  anaD?: number;
  wd?: number;
  wkRel?: number;
  offset?: { n: number; unit: 'd' | 'w' | 'm' | 'y' };
  /** Signed minutes from the moment the text speaks of (`3小時前`, `半小时后`). */
  minuteOffset?: number;
  /** A month and day that name an event (`7·20暴雨`): its year is unknown unless stated. */
  eventLabel?: boolean;
  /** A festival or solar term (`中秋節`, `冬至`), in the year the other atoms give or the nearest one. */
  fest?: FestSpec;
  /** The festival is a holiday's name (国庆节), not a calendar day (除夕): see `DateContext.holidays`. */
  holiday?: boolean;
  /** A lunar month and day (`農曆八月十五`, `正月初一`); the year, when given, is the lunar year. */
  lunar?: { m: number; d: number; leap: boolean };
  pod?: Pod;
  hh?: number;
  mi?: number;
  ss?: number;
  period?: PeriodSpec;
  /** 當地時間 (true) or another named zone such as 北京時間 (false). */
  local?: boolean;
  /** Only valid joined to a preceding date or part of day (bare `15号`, `三点`). */
  needsContext?: boolean;
  /** A clock time written with ':' (may follow a date after a space). */
  clock?: boolean;
  /** `第三天`: the n-th day of a count whose first day is the event's (or the day spoken of). */
  count?: number;
  /** `9~12点半`: the bare first hour of a clock range, a time only where the range is made. */
  rangeStart?: boolean;
  /** `当年`: marked only when the text has named a year before it. */
  needsStatedYear?: boolean;
}

const MON = '1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]';
const DAY =
  '3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|[一二三四五六七八九]';
const YEAR = '[0-9]{2,4}|[〇零一二三四五六七八九]{2,4}|[一二三四五六七八九十百]{2,6}';
const CN_H = '[零〇一二两兩三四五六七八九十]{1,3}';
const CN_MI = '[零〇一二三四五六七八九十廿卅]{1,3}';
const YPFX =
  '(?:(?<y>[0-9]{4}|[〇零一二三四五六七八九]{4}|[0-9]{2}|[〇零一二三四五六七八九]{2})年|(?<ry>今|去|明|大前|前|后|後|本|同|次|翌|隔|上)年)';
const PUNCT_AFTER = '(?=[的，,。、；;：:）)」』”\\s]|$)';
const R = (s: string) => new RegExp(s, 'uy');
const NEXT_LINE_MD = /\r?\n[ \t]*(?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|[12][0-9]|3[01])(?![0-9])/y;

const RE = {
  glued: R(
    '(?<hh>[01][0-9]|2[0-3]):(?<mi>[0-5][0-9])(?<y>(?:19|20)[0-9]{2})(?<s>[-/.])(?<m>1[0-2]|0?[1-9])\\k<s>(?<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])',
  ),
  iso: R(
    '(?<y>(?:1[5-9]|20|21)[0-9]{2})(?<s>[-/. ])(?<m>1[0-2]|0?[1-9])\\k<s>(?<d>3[01]|[12][0-9]|0?[1-9])(?:(?:[ \\t]{0,2}|T)(?<hh>[01]?[0-9]|2[0-3]):(?<mi>[0-5][0-9])(?::(?<ss>[0-5][0-9]))?)?(?![0-9])',
  ),
  ymd8: R('(?<y>(?:19|20)[0-9]{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12][0-9]|3[01])(?![0-9])'),
  // `09/07`; with a dash only before a clock time (`09-01 20:01`), since `10-12` is usually a span of numbers.
  mmdd: R(
    '(?<m>0[1-9]|1[0-2])(?:/(?<d>0[1-9]|[12][0-9]|3[01])(?![0-9/])|-(?<d2>0[1-9]|[12][0-9]|3[01])(?=[ \\t]{1,2}[0-9]{1,2}:[0-9]{2}))',
  ),
  clock: R('(?<hh>[01]?[0-9]|2[0-4]):(?<mi>[0-5][0-9])(?::(?<ss>[0-5][0-9]))?(?![0-9:])(?:时|時)?'),
  // `于09-01`, `09-01起`: a zero-padded month-day with a dash, only where the words around say it is a date.
  mmddDash: R('(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12][0-9]|3[01])(?![0-9./:\\-])'),
  // `108年度`, `民國98學年度`: a ROC fiscal or school year.
  rocYear: R('(?<era>民国)?(?<y>[0-9]{2,3})(?:学年度|年度)(?![0-9])'),
  // `9~12点半`: the bare first hour of a clock range (the second carries the unit).
  hourRangeStart: R(`(?<h>[0-9]{1,2}|${CN_H})(?=(?:~|-|—|–|至|到)(?:[0-9]{1,2}|${CN_H})(?:点|时))`),
  // `'98年`: a two-digit year marked as one by its apostrophe.
  apostropheYear: R("['’‘](?<y>[0-9]{2})年(?![0-9代])"),
  yearLine: R('(?<y>(?:19|20)[0-9]{2})[ \\t]*(?=\\r?\\n|$)'),
  cn: R(`(?<era>民國|民国|公元|西元)?(?:(?<y>${YEAR})年(?!代))?(?:(?<m>${MON})月(?:份)?)?(?:(?<d>${DAY})(?<ds>日|号|號))?`),
  mdBare: R(`(?:(?<y>[0-9]{4})年)?(?<m>${MON})月(?<d>3[01]|[12][0-9]|0?[1-9])(?=[至到\\-~，,。、；;）)\\s]|$)`),
  hour: R(
    `(?<pre>近|约|約)?(?<h>[0-9]{1,2}|${CN_H})(?<u>时|時|点|點)(?:(?<mi>[0-9]{1,2}|${CN_MI})分|(?<half>半)|(?<q>[一三])刻|(?<mi2>[0-5][0-9]|[零〇][一二三四五六七八九]|[一二三四五]十[一二三四五六七八九]?|[廿卅][一二三四五六七八九]?))?(?:(?<ss>[0-9]{1,2}|${CN_MI})秒)?(?<suf>許|许|多|整)?(?<zh>钟|鐘)?`,
  ),
  weekday: R(
    '(?<rel>上{1,3}|下{1,3}|本|这|這|今)?(?:个|個|一)?(?<w>周|週|星期|禮拜|礼拜)(?:周|週|星期|禮拜|礼拜)?(?<d>[一二三四五六日天])',
  ),
  offset: R(
    '(?<n>[0-9]{1,3}|[一二两兩三四五六七八九十百]{1,4}|半)(?<ge>个|個)?(?<u>天|日|周|週|星期|礼拜|禮拜|月|年)(?<half>半)?(?<dir>之后|之後|以后|以後|后|後|之前|以前|前)',
  ),
  // `7·20特大暴雨`, `“6·30”事件`: a month and day naming an event, trusted only before an event word.
  eventDate: R(
    '(?<m>1[0-2]|[1-9])[·•・‧](?<d>3[01]|[12][0-9]|[1-9])(?=[”"」』]?(?:事件|事故|暴雨|洪水|洪災|洪灾|大火|火災|火灾|地震|爆炸|空難|空难|惨案|慘案|血案|命案|案|特大|恐襲|恐袭|騷亂|骚乱|槍擊|枪击|踩踏|行動|行动|專案|专案))',
  ),
  minuteOffset: R(
    '(?<n>[0-9]{1,3}|[一二两兩三四五六七八九十]{1,3}|半)(?<ge>个|個)?(?<half>半)?(?<u>小时|小時|钟头|鐘頭|个钟|個鐘|分钟|分鐘|刻钟|刻鐘)(?<dir>之后|之後|以后|以後|后|後|之前|以前|前)',
  ),
  lunar: R(
    `(?<pre>农历|農曆|阴历|陰曆|夏历|夏曆)?${YPFX}?(?<pre2>农历|農曆|阴历|陰曆|夏历|夏曆)?(?<leap>闰|閏)?(?<m>正|腊|臘|冬|十[一二]|[一二三四五六七八九十]|1[0-2]|0?[1-9])月(?<d>初(?:十|[一二三四五六七八九]|10|[1-9])|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?|[一二三四五六七八九]|30|[12][0-9]|0?[1-9])?(?<ds>日|号|號)?`,
  ),

  monthPart: R(
    `(?:${YPFX}?(?<m>${MON})月|(?<rm>本月|上月|下月|上个月|上個月|下个月|下個月|这个月|這個月|当月|當月|同月))(?:份|月)?(?<p>上旬|中旬|下旬|初(?![一二三四五六七八九十])|中${PUNCT_AFTER}|底|末)`,
  ),
  yearPart: R(
    `${YPFX}(?<p>年?初(?![一二三四五六七八九十])|年?中${PUNCT_AFTER}|年?底|年?末|伊始|之初|度?上半年|度?下半年|前(?<qn>[一二两兩三1-3])(?:个|個)?季度|第(?<q>[一二三四1-4])季度?|(?<q3>[一二三四1-4])季度|首月|首季度?|Q(?<q2>[1-4])(?:季度)?|(?<s>春|夏|秋|冬)(?:季|天)?)(?<qp>初|末|底)?`,
  ),
  yearPartBare: R(`(?<p>年初(?![一二三四五六七八九十])|年底|年末|岁末|歲末|上半年|下半年|新年伊始|新年之初|年中${PUNCT_AFTER})`),
  quarterBare: R(
    '(?:前(?<qn>[一二两兩三1-3])(?:个|個)?季度|第(?<q>[一二三四1-4])季度|(?<q3>[一二三四1-4])季度|Q(?<q4>[1-4])季度|首季度|(?<rq>上上个|上上個|下下个|下下個|上上|下下|上个|上個|下个|下個|这个|這個|本|上|下)季度)(?<qp>初|末|底)?',
  ),
  season: R('(?:(?<rs>今|去|明)(?<s1>春|夏|秋|冬)(?:季|天)?|(?<s2>春|夏|秋|冬)季)'),
  century: R(
    '(?:(?<cr>本|上|上个|上個|下)|(?<cn>[0-9]{1,2}|[一二三四五六七八九十]{1,3}))世[纪紀](?:(?<dec>[0-9]0|[一二三四五六七八九]十)年代)?(?<cp>初期|中期|末期|前期|后期|後期|中叶|中葉|初|末)?',
  ),
  decade: R('(?:(?<dec4>(?:1[5-9]|20)[0-9]0)|(?<dec>[1-9]0|[二三四五六七八九]十))年代(?<cp>初期|中期|末期|前期|后期|後期|初|末)?'),
  monthRange: R(`(?:(?<y>[0-9]{4})年)?(?<m1>${MON})(?<c>——|[-~—–至到])(?<m2>${MON})月(?:份)?`),
  // Taiwanese press: `昨(3)日`, `今(4)日` (full-width brackets are normalised to ASCII).
  parenDay: R('(?<w>今|昨|前|明)\\((?<d>3[01]|[12][0-9]|0?[1-9])\\)日'),
  // `7/4(五)`: a short month/day is trusted only with its weekday after it (`1/3` alone is a fraction).
  mdWeekday: R('(?<m>1[0-2]|0?[1-9])/(?<d>3[01]|[12][0-9]|0?[1-9])(?=\\([一二三四五六日]\\))'),
  // `2015-2017年`, `2016—2018年度`, `2013至2015年`.
  yearRange: R('(?<y1>(?:19|20)[0-9]{2})年?(?:-|—{1,2}|–|~|至|到)(?<y2>(?:19|20)[0-9]{2})年度?(?![0-9一二三四五六七八九十])'),
  // `1999.08-2002.02`, `2008.03-2009` (a CV's dotted months): only as a range, since `2019.08` alone may be a number.
  dottedMonths: R(
    '(?<y1>(?:19|20)[0-9]{2})\\.(?<m1>0[1-9]|1[0-2])(?:-|—{1,2}|–|~|至|到)(?<y2>(?:19|20)[0-9]{2})(?:\\.(?<m2>0[1-9]|1[0-2]))?(?![0-9.])',
  ),
  // `11/3号`: a month and day with 号/日 after them (`1/3` alone is a fraction, `1/3号楼` two buildings).
  mdSlashHao: R('(?<m>1[0-2]|0?[1-9])/(?<d>3[01]|[12][0-9]|0?[1-9])(?:号|日)(?![楼院线房机车门馆厅位床窗口场店舱桌台码字])'),
  // `2014、2015年`: a year that shares the unit of the year after it.
  listedYear: R('(?<y>(?:19|20)[0-9]{2})(?=[、和与及或](?:(?:19|20)[0-9]{2}[、和与及或]){0,4}(?:19|20)[0-9]{2}年)'),
  // `第三天`, `第12天`: a day counted from a first day.
  countDay: R('第(?<n>[0-9]{1,3}|[一二两三四五六七八九十百]{1,4})(?:天|日)'),
  // `随后两天`: the days after the day spoken of, a range.
  nextDays: R('(?:随后|接下来的?)(?<n>[0-9]{1,2}|[一二两三四五六七八九十]{1,2})天'),
  // `近两三年`, `最近半年来`, `近几个月`: vague periods (an approximate count, or 最近 with any count).
  vaguePeriod: R(
    '(?:最近(?<n>[0-9]{1,2}|[一二两三四五六七八九十几半]{1,3})|近(?<a>[一二两三四五][二三四五六]|几|十几|数))(?:个)?(?:年|月|天|日|周|星期)(?:以来|来)?',
  ),
  // `十几天后`, `二十多年前`, `几个月后`, `一年多以前`, `多年前`: an offset by an approximate count, a vague point (GOLD-NOTES-2).
  vagueOffset: R(
    '(?:(?:[0-9]{1,3}|[一二两三四五六七八九十]{1,3})(?:多|来)(?:个)?(?:天|日|周|星期|月|年)|(?:[0-9]{1,3}|[一二两三四五六七八九十]{1,3})(?:个)?(?:天|日|周|星期|月|年)多|(?:十几|几十|几|数|多)(?:个)?(?:天|日|周|星期|月|年))(?:之后|以后|后|之前|以前|前)(?![夕期后往来])',
  ),
  // 暑假, 去年寒假, 春运期间.
  schoolBreak: R(`(?:${YPFX}的?)?(?<b>暑假|寒假|春运)(?:期间)?`),
  dayRange: R(`(?:(?:(?<y>[0-9]{4})年)?(?<m>${MON})月)?(?<d1>${DAY})(?:日|号|號)?(?<c>[-~—–至到])(?<d2>${DAY})(?:日|号|號)`),
};

interface Keyword {
  a: Partial<Atom>;
  lo: number;
  hi: number;
}
const KW = new Map<string, Keyword>();
function kw(words: string, a: Partial<Atom>, lo: number, hi = lo) {
  for (const w of words.split(' ')) KW.set(w, { a, lo, hi });
}
kw('今天 今日 本日', { relD: 0 }, 3);
kw('昨天 昨日', { relD: -1 }, 3);
kw('前天 前日', { relD: -2 }, 3);
kw('大前天', { relD: -3 }, 3);
kw('明天 明日', { relD: 1 }, 3);
kw('后天 後天', { relD: 2 }, 3);
kw('大后天 大後天', { relD: 3 }, 3);
kw('大大后天 大大後天', { relD: 4 }, 3);
kw('大大前天', { relD: -4 }, 3);
kw('今晨 今早', { relD: 0, pod: 'MO' }, 3, 4);
kw('今晚 今夜', { relD: 0, pod: 'NI' }, 3, 4);
kw('昨晚 昨夜', { relD: -1, pod: 'NI' }, 3, 4);
kw('昨晨 昨早', { relD: -1, pod: 'MO' }, 3, 4);
kw('明早 明晨', { relD: 1, pod: 'MO' }, 3, 4);
kw('明晚', { relD: 1, pod: 'NI' }, 3, 4);
kw('前晚', { relD: -2, pod: 'NI' }, 3, 4);
kw('當天 当天 當日 当日 同日 同天 那天 这天 那一天 这一天', { anaD: 0 }, 3);
kw('次日 翌日 隔天 隔日 第二天 後一天 后一天', { anaD: 1 }, 3);
kw('前一天 前一日', { anaD: -1 }, 3);
kw('同一天 同一日', { anaD: 0 }, 3);
kw('前一晚 前一夜', { anaD: -1, pod: 'NI' }, 3, 4);
kw('當晚 当晚 同晚 當夜 当夜', { anaD: 0, pod: 'NI' }, 3, 4);
kw('次晨 翌晨', { anaD: 1, pod: 'MO' }, 3, 4);
kw('今年 本年 这一年 這一年', { relY: 0 }, 1);
// 去年的今天: the publication day a year back, one expression (not 去年 and today).
kw('去年的今天 去年今天 去年的今日 去年今日 去年的这一天 去年同日 去年的同一天', { relY: -1, relD: 0 }, 1, 3);
kw('前年的今天 前年今天 前年今日', { relY: -2, relD: 0 }, 1, 3);
kw('去年 上年', { relY: -1 }, 1);
// 上一年, 当年: the year before / the year of the year the text last named.
kw('上一年 前一年', { anaY: -1 }, 1);
kw('当年 當年', { anaY: 0, needsStatedYear: true }, 1);
kw('前年', { relY: -2 }, 1);
kw('大前年', { relY: -3 }, 1);
kw('明年 下一年', { relY: 1 }, 1);
kw('后年 後年', { relY: 2 }, 1);
kw('同年', { anaY: 0 }, 1);
kw('次年 翌年 隔年', { anaY: 1 }, 1);
kw('本月 这个月 這個月', { relM: 0 }, 2);
kw('上月 上个月 上個月 上一个月 上一個月', { relM: -1 }, 2);
kw('上上个月 上上個月', { relM: -2 }, 2);
kw('下月 下个月 下個月 下一个月 下一個月', { relM: 1 }, 2);
kw('当月 當月 同月', { anaM: 0 }, 2);
kw('次月 翌月', { anaM: 1 }, 2);
kw('本周 本週 这周 這週 这个星期 這個星期 本星期 这个礼拜 這個禮拜', { period: { p: 'week', rel: 0 } }, 3);
kw('上周 上週 上星期 上个星期 上個星期 上个礼拜 上個禮拜 上一周 上一週', { period: { p: 'week', rel: -1 } }, 3);
kw('上上周 上上週', { period: { p: 'week', rel: -2 } }, 3);
kw('下周 下週 下星期 下个星期 下個星期 下个礼拜 下個禮拜 下一周 下一週', { period: { p: 'week', rel: 1 } }, 3);
kw('下下周 下下週', { period: { p: 'week', rel: 2 } }, 3);
kw('近日 日前', { period: { p: 'vague' } }, 3);
// Vague periods (GUIDELINES: value UNKNOWN).
kw(
  '近些年 近年来 近年 近几年 这些年 这几年 这两天 这几天 这些天 前些日子 前些天 前几天 前段时间 前段日子 前阵子 前一阵子 近段时间 近一段时间 最近一段时间 这段时间 这段日子 近期 近来 连日来 连日 最近',
  { period: { p: 'vague' } },
  3,
);
kw('本周末 本週末 这周末 這週末 这个周末 這個週末', { period: { p: 'weekend', rel: 0 } }, 3);
kw('上周末 上週末 上个周末 上個週末', { period: { p: 'weekend', rel: -1 } }, 3);
kw('下周末 下週末 下个周末 下個週末', { period: { p: 'weekend', rel: 1 } }, 3);
// 黎明 is left out: it is also a common name (黎明主演).
kw('凌晨 清晨 早晨 早上 上午 早間 早间 拂曉 拂晓 一早 清早 晨間 晨间', { pod: 'MO' }, 4);
kw('中午 正午', { pod: 'NOON' }, 4);
kw('下午 午後 午后', { pod: 'AF' }, 4);
kw('傍晚 晚上 晚間 晚间 黃昏 黄昏', { pod: 'EV' }, 4);
kw('夜間 夜间 深夜 半夜 午夜 夜裡 夜里', { pod: 'NI' }, 4);
kw('白天', { pod: 'DAY' }, 4);
// One-character parts of day only right after a day (`7日晚`, `3日早`); alone they are ordinary words.
kw('晚', { pod: 'EV', needsContext: true }, 4);
kw('早', { pod: 'MO', needsContext: true }, 4);
kw('夜', { pod: 'NI', needsContext: true }, 4);
kw('當地時間 当地时间', { local: true }, 0);
kw(
  '北京時間 北京时间 台北時間 台北时间 香港時間 香港时间 美東時間 美东时间 東京時間 东京时间 格林尼治時間 格林尼治时间',
  { local: false },
  0,
);

/** Festival names by first character, longest first (a regex alternation of all of them is slow at 中, 大, 十). */
const FEST_BY_FIRST = new Map<string, string[]>();
for (const k of [...FESTIVALS.keys()].sort((a, b) => b.length - a.length)) FEST_BY_FIRST.set(k[0], [...(FEST_BY_FIRST.get(k[0]) ?? []), k]);
const LUNAR_PREFIXES = ['农历', '農曆', '阴历', '陰曆'];

/** Keywords by first character, longest first: a few `startsWith` checks instead of one huge alternation. */
const KW_BY_FIRST = new Map<string, string[]>();
for (const k of [...KW.keys()].sort((a, b) => b.length - a.length)) {
  const list = KW_BY_FIRST.get(k[0]) ?? [];
  list.push(k);
  KW_BY_FIRST.set(k[0], list);
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const CN_NUM = new Set([...'〇零一二两兩三四五六七八九十廿卅百']);
const HAN = /\p{Script=Han}/u;
/** Before a numeral-led atom: ordinals, counts, approximations and numbers that continue. */
const BAD_BEFORE_CN = new Set([...'〇零一二两兩三四五六七八九十廿卅百第数數几幾每逾']);
// Counts before a bare day make it a duration (連續3日, 長達3日 has 達). Not 長 alone: 部長3日表示 is a date.
const BAD_BEFORE_BARE_DAY = new Set([...'近每第数數几幾逾约約共连連续續历歷达達满滿整超等前后後过過余多']);
/** After a year-less season word that makes it part of a compound noun (夏季攻勢, 冬季前线). */
const SEASON_OK_AFTER = new Set([...'的时時期间間以来來裡里中到至起开開结結将將会會已就都也还還再又才是']);
const POINT_OK_AFTER = new Set([...'钟鐘整多许許左前后後到至起开開在时時的再才就已便将將']);
/** A character after 節 that makes it another word: 節目, 節約, 節省, 節奏, 節拍, 節能, 節食... */
const NOT_JIE_AFTER = /[目约約省奏拍能俭儉食制水电電育]/;
/** Words after an ambiguous festival or term that make it one (`五一假期`, `十一黄金周`, `大雪节气`). */
const FESTIVAL_CONTEXT =
  /(?:假期|假日|長假|长假|小長假|小长假|黃金週|黄金周|黃金周|期間|期间|前夕|前後|前后|當天|当天|當日|当日|這天|这天|那天|之際|之际|節氣|节气|時節|时节|連假|连假|檔期|档期|過後|过后|祭掃|祭扫|掃墓|扫墓|當晚|当晚|晚會|晚会|来临|來臨|到來|到来)/y;
/** Characters that may stand right before a solar term or an ambiguous festival word (政治清明, 設立春, 青春分享 are no dates). */
const TERM_OK_BEFORE = new Set([
  ...'年月的是在到至了过過逢迎值近将將已今明去刚剛个個度于於即后後前等和与與及或临臨适適正逾从從自为為入交起日天来來届屆这這那欢歡贺賀庆慶祝闹鬧喜度迎过',
]);
/** Characters that may follow a bare festival name in running text (`中秋月餅`, `除夕夜`, `春節前`). */
const FESTIVAL_OK_AFTER = new Set([
  ...'前后後期间間夜晚当當这這那的假节節佳之来來到临臨将將已是了快早上下午时時档檔祭团團聚联聯长長小大月返回和与與及或也都还還就又到至起',
]);
/** After a bare month, words that make it part of a name (十二月党人, 十月革命, 五月花号): not a date. */
const MONTH_NAME_AFTER = /^(?:党|派|社|革命|起义|事变|政变|杂志|画报|花号|风暴|围城|宣言)/;
/** Before a month-day written `09-01`: words that make it a date (于09-01, 截至09-15). */
const MMDD_DASH_BEFORE = /(?:[于在从自至到止]|截至|截止|日期[:：]?|时间[:：]?)$/;
/** After a month-day written `09-01`: words that make it a date (09-01起, 09-01至09-15). */
const MMDD_DASH_AFTER = /^(?:[起至到~—]|开始|当天|当日|举行|举办|发布|上线|开幕|截止)/;
/** Before a bare two-digit year: a preposition of time (于98年, 自98年起). */
const SHORT_YEAR_BEFORE = /[于自从在]$/;
/** After a bare two-digit year in that position: a pause or a point, not a duration (在10年内, 于10年前). */
const SHORT_YEAR_AFTER = /^[，,、时至到起]/;
const NOWADAYS_AFTER =
  /^(?:的(?:中国|中國|世界|社会|社會|人们|人們|年轻人|年輕人|时代|時代|人类|人類|青年|孩子|世人)|[看读讀听聽唱说說想回][来來])/;
const NOWADAYS_BEFORE = /(?:直到|时至|時至|走到|发展到|發展到|到了)$/;
const HOLIDAY_AFTER = /[\p{Script=Han}]{0,5}?(?:獨立日|独立日|紀念日|纪念日|國慶|国庆|勝利日|胜利日|[節节](?![目约約省奏]))/uy;

function num(s: string | undefined): number | undefined {
  return s === undefined ? undefined : parseNumeral(s);
}

/** The count of an offset (3年后, 半小时前, 一年半后): a number in (0, 200], or undefined. */
function offsetCount(g: Record<string, string | undefined>): number | undefined {
  const n = g.n === '半' ? 0.5 : num(g.n);
  if (n === undefined || n === 0 || n > 200) return undefined;
  if (!g.half) return n;
  return g.n === '半' ? undefined : n + 0.5;
}

function exec(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/** What a matcher may know of the whole article. */
export interface ScanOptions {
  /** The article counts years from the Republic of China (民國, or a Traditional Taiwanese text using 1xx年). */
  roc?: boolean;
}

type Matcher = (text: string, i: number, opts: ScanOptions) => Atom | null;

/** A quarter, or its first or last month (`一季度末` is March). */
function quarterSpec(q: number, edge?: string): PeriodSpec {
  if (edge === undefined) return { p: 'quarter', q };
  return { p: 'quarterEdge', q, edge: edge === '初' ? 'first' : 'last' };
}

function seasonOf(ch: string): Season {
  return ch === '春' ? 'SP' : ch === '夏' ? 'SU' : ch === '秋' ? 'FA' : 'WI';
}

function seasonFollowerOk(text: string, end: number): boolean {
  const next = text[end];
  if (next === undefined || !HAN.test(next)) return true;
  if (next === '前' || next === '后' || next === '後') return !/[线線锋鋒]/.test(text[end + 1] ?? '');
  return SEASON_OK_AFTER.has(next);
}

function yearFrom(g: Record<string, string | undefined>, a: Atom): boolean {
  if (g.y !== undefined) {
    const v = num(g.y);
    if (v === undefined) return false;
    if (g.y.length === 2) {
      a.y = v;
      a.yShort = true;
    } else a.y = v;
  } else if (g.ry !== undefined) {
    const rel: Record<string, number> = { 今: 0, 本: 0, 去: -1, 上: -1, 前: -2, 大前: -3, 明: 1, 后: 2, 後: 2 };
    if (g.ry in rel) a.relY = rel[g.ry];
    else a.anaY = g.ry === '同' ? 0 : 1;
  }
  return true;
}

const DIGITS = '0123456789';
const CN_DIGITS = '〇零一二两兩三四五六七八九十廿百';
const YPFX_START = DIGITS + CN_DIGITS + '今去明大前后後本同次翌隔上';
/** A named matcher and the characters it can start at (the first-character index is built from these). */
interface NamedMatcher {
  name: string;
  starts: string;
  match: Matcher;
}

/** Every atom matcher, by name. The festival and keyword matchers come last (they need no unit nearby). */
const MATCHERS: NamedMatcher[] = [
  {
    name: 'glued',
    starts: DIGITS,
    match: (text, i) => {
      const m = exec(RE.glued, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      return { start: i, end: i + m[0].length, lo: 1, hi: 5, y: +g.y, m: +g.m, d: +g.d, hh: +g.hh, mi: +g.mi, clock: true };
    },
  },
  {
    name: 'iso',
    starts: DIGITS,
    match: (text, i) => {
      const m = exec(RE.iso, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      // `2022 11 23`: with spaces only a modern year and two-digit month and day (`2022 1 5` may be a table row).
      if (g.s === ' ' && (!/^(?:19|20)/.test(g.y) || g.m.length !== 2 || g.d.length !== 2)) return null;
      const a: Atom = { start: i, end: i + m[0].length, lo: 1, hi: 3, y: +g.y, m: +g.m, d: +g.d };
      if (g.hh !== undefined) {
        a.hi = 5;
        a.hh = +g.hh;
        a.mi = +g.mi;
        if (g.ss !== undefined) a.ss = +g.ss;
      }
      return a;
    },
  },
  {
    name: 'ymd8',
    starts: DIGITS,
    match: (text, i) => {
      const m = exec(RE.ymd8, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      return { start: i, end: i + 8, lo: 1, hi: 3, y: +g.y, m: +g.m, d: +g.d };
    },
  },
  {
    name: 'mmdd',
    starts: DIGITS,
    match: (text, i) => {
      const m = exec(RE.mmdd, text, i);
      if (!m?.groups) return null;
      return { start: i, end: i + m[0].length, lo: 2, hi: 3, m: +m.groups.m, d: +(m.groups.d ?? m.groups.d2) };
    },
  },
  {
    name: 'mmddDash',
    starts: '01',
    match: (text, i) => {
      const m = exec(RE.mmddDash, text, i);
      if (!m?.groups) return null;
      const end = i + m[0].length;
      if (!MMDD_DASH_BEFORE.test(text.slice(Math.max(0, i - 3), i)) && !MMDD_DASH_AFTER.test(text.slice(end, end + 2))) return null;
      return { start: i, end, lo: 2, hi: 3, m: +m.groups.m, d: +m.groups.d };
    },
  },
  {
    name: 'rocYear',
    starts: DIGITS + '民',
    match: (text, i, opts) => {
      const m = exec(RE.rocYear, text, i);
      if (!m?.groups) return null;
      const y = +m.groups.y;
      // ROC 100–149 (2011–2060) anywhere; a two-digit ROC year only after 民國 or in an article counting ROC years.
      if (m.groups.era && text[i - 1] === '韩') return null;
      const ok = m.groups.y.length === 3 ? y >= 100 && y <= 149 : (m.groups.era !== undefined || opts.roc) && y >= 1;
      if (!ok || (m.groups.y.length === 2 && !m.groups.era && y < 40)) return null;
      // `中華民國108年度`: the full name of the era is part of the expression.
      const start = m.groups.era && text.startsWith('中华', i - 2) ? i - 2 : i;
      return { start, end: i + m[0].length, lo: 1, hi: 1, y: y + 1911 };
    },
  },
  {
    name: 'apostropheYear',
    starts: "'’‘",
    match: (text, i) => {
      const m = exec(RE.apostropheYear, text, i);
      if (!m?.groups) return null;
      return { start: i, end: i + m[0].length, lo: 1, hi: 1, y: +m.groups.y, yShort: true };
    },
  },
  {
    name: 'hourRangeStart',
    starts: DIGITS + CN_DIGITS,
    match: (text, i) => {
      const m = exec(RE.hourRangeStart, text, i);
      if (!m?.groups || text[i - 1] === '第') return null;
      const hh = num(m.groups.h);
      if (hh === undefined || hh > 24) return null;
      return { start: i, end: i + m[0].length, lo: 5, hi: 5, hh, mi: 0, rangeStart: true };
    },
  },
  {
    name: 'clock',
    starts: DIGITS,
    match: (text, i) => {
      const m = exec(RE.clock, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const a: Atom = { start: i, end: i + m[0].length, lo: 5, hi: 5, hh: +g.hh, mi: +g.mi, clock: true };
      if (a.hh === 24 && a.mi !== 0) return null;
      if (g.ss !== undefined) a.ss = +g.ss;
      return a;
    },
  },
  {
    name: 'yearLine',
    starts: DIGITS,
    match: (text, i) => {
      if (i > 0 && text[i - 1] !== '\n') return null;
      const m = exec(RE.yearLine, text, i);
      if (!m?.groups) return null;
      // A number alone on a line is a year only when a month/day line follows (`2019` / `09/07` / `19:02`).
      NEXT_LINE_MD.lastIndex = i + m[0].length;
      if (!NEXT_LINE_MD.test(text)) return null;
      return { start: i, end: i + 4, lo: 1, hi: 1, y: +m.groups.y };
    },
  },
  {
    name: 'cn',
    starts: DIGITS + CN_DIGITS + '民公西',
    match: (text, i, opts) => {
      const m = exec(RE.cn, text, i);
      if (!m?.groups || m[0].length === 0) return null;
      const g = m.groups;
      if (g.y === undefined && g.m === undefined && g.d === undefined) return null;
      const a: Atom = { start: i, end: i + m[0].length, lo: 1, hi: 1 };
      if (g.y !== undefined) {
        let y = num(g.y);
        if (y === undefined) return null;
        const cnPositional = /[十百]/.test(g.y);
        if (g.era === '民國' || g.era === '民国') {
          // 民國 counts ROC years (1–149); `大韩民国2019年` is Korea, then a Gregorian year read from its digits.
          if (y < 1 || y > 149 || text[i - 1] === '韩') return null;
          y += 1911;
          if (text.startsWith('中华', i - 2)) a.start = i - 2; // 中華民國108年
        } else if (cnPositional) return null;
        else if (g.y.length === 2) {
          // `10年` is a duration, `15年3月` a date; `于98年，` a year by its preposition.
          if (g.m === undefined) {
            const after = text.slice(i + m[0].length, i + m[0].length + 1);
            if (!isDigit(g.y[0]) || !SHORT_YEAR_BEFORE.test(text.slice(Math.max(0, i - 1), i)) || !SHORT_YEAR_AFTER.test(after))
              return null;
          }
          // In an article that counts ROC years, `98年3月` is ROC 98 (2009); elsewhere 1998.
          if (opts.roc && isDigit(g.y[0]) && y >= 40) y += 1911;
          else a.yShort = true;
        } else if (g.y.length === 3) {
          if (!isDigit(g.y[0]) || g.m === undefined || y < 100 || y > 149) return null;
          y += 1911; // Taiwanese (ROC) years written without 民國: 114年7月4日 (ROC 100–149 = 2011–2060)
        } else if (y < 1000 || y > 2199) return null;
        // `1000年前`, `1500年後`: years ago, not the year 1000 (only for year-only mentions, checked below).
        if (g.m === undefined && y < 1900 && /[前后後]/.test(text[i + m[0].length] ?? '')) return null;
        a.y = y;
      } else if (g.era) return null;
      if (g.m !== undefined) {
        a.m = num(g.m);
        if (!a.m || a.m > 12) return null;
      }
      if (g.d !== undefined) {
        a.d = num(g.d);
        if (!a.d || a.d > 31) return null;
        if (a.m === undefined) {
          if (a.y !== undefined) return null;
          if (BAD_BEFORE_BARE_DAY.has(text[i - 1])) return null;
          const next = text[a.end];
          if (next && /[内內以来來之后後元圓円]/.test(next)) return null; // 3日内, 5日元 (yen)
          if (next === '前' && !/[后後]/.test(text[a.end + 1] ?? '')) return null;
          // `三日` is far more often three days than the 3rd, `5号` a number: keep them after a month only.
          if (g.ds !== '日' || !isDigit(g.d[0])) a.needsContext = true;
        }
      }
      a.lo = a.y !== undefined ? 1 : a.m !== undefined ? 2 : 3;
      a.hi = a.d !== undefined ? 3 : a.m !== undefined ? 2 : 1;
      if (a.m !== undefined && a.d === undefined && a.y === undefined && !isDigit(g.m![0])) {
        // A lone `一月`..`九月` is often a count of months (`一月有余`); keep it only before punctuation or 份/底-less text.
        const next = text[a.end];
        if (next === '有' || next === '多' || next === '之' || next === '内' || next === '內') return null;
      }
      if (a.m !== undefined && a.d === undefined && a.y === undefined && MONTH_NAME_AFTER.test(text.slice(a.end, a.end + 2))) return null;
      return a;
    },
  },
  {
    name: 'mdBare',
    starts: DIGITS + CN_DIGITS,
    match: (text, i) => {
      const m = exec(RE.mdBare, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const a: Atom = { start: i, end: i + m[0].length, lo: g.y ? 1 : 2, hi: 3, m: num(g.m), d: +g.d };
      if (g.y) a.y = +g.y;
      return a;
    },
  },
  {
    name: 'hour',
    starts: DIGITS + CN_DIGITS + '近约約',
    match: (text, i) => {
      const m = exec(RE.hour, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const end = i + m[0].length;
      const hh = num(g.h);
      if (hh === undefined || hh > 24) return null;
      const next = text[end];
      if (next !== undefined && (isDigit(next) || CN_NUM.has(next))) return null; // decimals: 24点5, 二十点六
      const cnHour = !isDigit(g.h[0]);
      const a: Atom = { start: i, end, lo: 5, hi: 5, hh, mi: 0 };
      const minutes = g.mi ?? g.mi2;
      if (minutes !== undefined) {
        a.mi = num(minutes);
        if (a.mi === undefined || a.mi > 59) return null;
        if (g.mi2 !== undefined && g.u !== '点' && g.u !== '點' && !isDigit(g.mi2[0])) return null;
      } else if (g.half) a.mi = 30;
      else if (g.q) a.mi = g.q === '一' ? 15 : 45;
      if (g.ss !== undefined) {
        a.ss = num(g.ss);
        if (a.ss === undefined || a.ss > 59) return null;
      }
      const bare = minutes === undefined && !g.half && !g.q && g.ss === undefined;
      if (bare && !g.suf && !g.zh && next && /[间間候期代段辰刻尚装裝髦势勢]/.test(next)) return null;
      if (cnHour && bare && !g.suf && !g.zh) a.needsContext = true;
      if ((g.u === '点' || g.u === '點') && cnHour && bare && !g.zh) a.needsContext = true;
      // `提出3点要求`: a bare `N点` before a noun counts points, not hours.
      if ((g.u === '点' || g.u === '點') && bare && !g.zh && !g.suf && next && HAN.test(next) && !POINT_OK_AFTER.has(next))
        a.needsContext = true;
      if (g.h === '一' && bare) a.needsContext = true;
      return a;
    },
  },
  {
    name: 'weekday',
    starts: '上下本这這今周週星禮礼',
    match: (text, i) => {
      const m = exec(RE.weekday, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      if (g.w === '周' || g.w === '週') {
        if (g.d === '天') return null;
      }
      if (g.rel === undefined && (BAD_BEFORE_CN.has(text[i - 1]) || text[i - 1] === '每')) return null;
      const rel = (r: string) => (r[0] === '上' ? -r.length : r[0] === '下' ? r.length : 0);
      const wd = '日一二三四五六'.indexOf(g.d === '天' ? '日' : g.d);
      // wkRel stays undefined without 上/下/本: the week is then the reference's (or the date's next to it).
      return { start: i, end: i + m[0].length, lo: 3, hi: 3, wd, wkRel: g.rel ? rel(g.rel) : undefined };
    },
  },
  {
    name: 'offset',
    starts: DIGITS + CN_DIGITS + '半',
    match: (text, i) => {
      const m = exec(RE.offset, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const n = offsetCount(g);
      if (n === undefined) return null;
      if (/[近过過最未余多第每]/.test(text[i - 1] ?? '')) return null;
      const end = i + m[0].length;
      if (g.dir === '前' && /[后後]/.test(text[end] ?? '')) return null;
      if (!Number.isInteger(n)) {
        // `半年後`, `一年半前` in months; `半個月後` in days. A half day or week is too vague to date.
        if (g.u === '年' && !g.ge) return { start: i, end, lo: 3, hi: 3, offset: { n: (/前/.test(g.dir) ? -1 : 1) * n * 12, unit: 'm' } };
        if (g.u === '月' && g.ge)
          return { start: i, end, lo: 3, hi: 3, offset: { n: (/前/.test(g.dir) ? -1 : 1) * Math.round(n * 30), unit: 'd' } };
        return null;
      }
      let unit: 'd' | 'w' | 'm' | 'y';
      if (g.u === '天') unit = 'd';
      else if (g.u === '日') {
        if (isDigit(g.n[0])) return null; // `3日前` is the 3rd
        unit = 'd';
      } else if (g.u === '月') {
        if (!g.ge) return null; // `3月后` is after March
        unit = 'm';
      } else if (g.u === '年') {
        if (g.ge) return null;
        unit = 'y';
      } else unit = 'w';
      const sign = /前/.test(g.dir) ? -1 : 1;
      return { start: i, end, lo: 3, hi: 3, offset: { n: sign * n, unit } };
    },
  },
  {
    name: 'monthPart',
    starts: YPFX_START + '上下这這当當',
    match: (text, i) => {
      const m = exec(RE.monthPart, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const a: Atom = { start: i, end: i + m[0].length, lo: 2, hi: 2 };
      if (g.rm !== undefined) {
        const k = KW.get(g.rm);
        if (!k) return null;
        Object.assign(a, k.a);
      } else {
        if (!yearFrom(g, a)) return null;
        a.m = num(g.m);
        if (!a.m || a.m > 12) return null;
      }
      const p = g.p;
      a.period = {
        p: 'monthPart',
        part: p === '中旬' || p.startsWith('中') ? 'MID' : p === '上旬' || p.startsWith('初') ? 'EARLY' : 'LATE',
      };
      return a;
    },
  },
  {
    name: 'yearPart',
    starts: YPFX_START,
    match: (text, i) => {
      const m = exec(RE.yearPart, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const a: Atom = { start: i, end: i + m[0].length, lo: 1, hi: 1 };
      if (!yearFrom(g, a)) return null;
      if (a.y !== undefined && !a.yShort && (a.y < 1000 || a.y > 2199)) return null;
      const p = g.p;
      if (g.s !== undefined) {
        // `2024年冬至`, `今年春分`: a solar term, not a season.
        if (g.p.length === 1 && /[至分]/.test(text[a.end] ?? '')) return null;
        if (!seasonFollowerOk(text, a.end)) return null;
        a.period = { p: 'season', s: seasonOf(g.s) };
      } else if (g.qn !== undefined) a.period = { p: 'quarters', to: num(g.qn)! };
      else if (g.q !== undefined || g.q2 !== undefined || g.q3 !== undefined) a.period = quarterSpec(num(g.q ?? g.q2 ?? g.q3)!, g.qp);
      else if (p === '首月') {
        // `2005年首月`: its first month.
        a.m = 1;
        a.hi = 2;
        if (g.qp !== undefined) a.end -= g.qp.length;
        return a;
      } else if (p.startsWith('首')) a.period = quarterSpec(1, g.qp);
      else if (p.includes('上半')) a.period = { p: 'half', h: 1 };
      else if (p.includes('下半')) a.period = { p: 'half', h: 2 };
      else if (/^年?初|伊始|之初/.test(p)) a.period = { p: 'yearPart', part: 'EARLY' };
      else if (/^年?中/.test(p)) a.period = { p: 'yearPart', part: 'MIDYEAR' };
      else a.period = { p: 'yearPart', part: 'LATE' };
      if (g.s === undefined && g.q === undefined && g.q2 === undefined && g.q3 === undefined && !p.startsWith('首') && g.qp !== undefined)
        a.end -= g.qp.length;
      return a;
    },
  },
  {
    name: 'yearPartBare',
    starts: '年岁歲上下新',
    match: (text, i) => {
      const m = exec(RE.yearPartBare, text, i);
      if (!m?.groups) return null;
      const p = m.groups.p;
      // The year the text speaks of (`1998年，…年底` = 1998; with no year named, the anchor's).
      const a: Atom = { start: i, end: i + m[0].length, lo: 1, hi: 1, anaY: 0 };
      // `创下半年以来新低`: 下 belongs to the verb.
      if (p === '下半年' && /[创創刷留打定写寫落放拿取比立签簽接]/.test(text[i - 1] ?? '')) return null;
      if (p.includes('上半')) a.period = { p: 'half', h: 1 };
      else if (p.includes('下半')) a.period = { p: 'half', h: 2 };
      else if (p === '年初' || p.startsWith('新年')) a.period = { p: 'yearPart', part: 'EARLY' };
      else if (p.startsWith('年中')) a.period = { p: 'yearPart', part: 'MIDYEAR' };
      else a.period = { p: 'yearPart', part: 'LATE' };
      return a;
    },
  },
  {
    name: 'quarterBare',
    starts: '前第一二三四1234Q首本上下这這',
    match: (text, i) => {
      const m = exec(RE.quarterBare, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const a: Atom = { start: i, end: i + m[0].length, lo: 1, hi: 1, relY: 0 };
      if (g.rq !== undefined) {
        const n = g.rq.startsWith('上上') || g.rq.startsWith('下下') ? 2 : 1;
        a.period = { p: 'relQuarter', rel: g.rq.startsWith('上') ? -n : g.rq.startsWith('下') ? n : 0 };
        delete a.relY;
      } else if (g.qn !== undefined) a.period = { p: 'quarters', to: num(g.qn)! };
      else a.period = quarterSpec(g.q || g.q3 || g.q4 ? num(g.q ?? g.q3 ?? g.q4)! : 1, g.qp);
      if (g.qp !== undefined && g.rq !== undefined)
        a.period = { p: 'relQuarter', rel: (a.period as { rel: number }).rel, edge: g.qp === '初' ? 'first' : 'last' };
      return a;
    },
  },
  {
    name: 'season',
    starts: '今去明春夏秋冬',
    match: (text, i) => {
      const m = exec(RE.season, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const end = i + m[0].length;
      if (!seasonFollowerOk(text, end)) return null;
      const a: Atom = { start: i, end, lo: 1, hi: 1, relY: 0, period: { p: 'season', s: seasonOf(g.s1 ?? g.s2) } };
      if (g.rs) a.relY = g.rs === '去' ? -1 : g.rs === '明' ? 1 : 0;
      return a;
    },
  },
  {
    name: 'century',
    starts: DIGITS + CN_DIGITS + '本上下',
    match: (text, i) => {
      const m = exec(RE.century, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const spec: PeriodSpec = { p: 'century', part: g.cp };
      if (g.cr !== undefined) spec.rel = g.cr === '本' ? 0 : g.cr === '下' ? 1 : -1;
      else {
        spec.c = num(g.cn);
        if (!spec.c || spec.c > 30) return null;
      }
      if (g.dec !== undefined) spec.decade = num(g.dec);
      return { start: i, end: i + m[0].length, lo: 1, hi: 1, period: spec };
    },
  },
  {
    name: 'decade',
    starts: DIGITS + CN_DIGITS,
    match: (text, i) => {
      const m = exec(RE.decade, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const spec: PeriodSpec = { p: 'century', part: g.cp };
      if (g.dec4 !== undefined) {
        spec.c = Math.floor(+g.dec4 / 100) + 1;
        spec.decade = +g.dec4 % 100;
      } else {
        spec.decade = num(g.dec);
        spec.rel = 0; // century chosen against the reference year
      }
      return { start: i, end: i + m[0].length, lo: 1, hi: 1, period: spec };
    },
  },
  {
    name: 'monthRange',
    starts: DIGITS + CN_DIGITS,
    match: (text, i) => {
      const m = exec(RE.monthRange, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const m1 = num(g.m1);
      const m2 = num(g.m2);
      if (!m1 || !m2 || m1 > 12 || m2 > 12 || m1 >= m2) return null;
      const a: Atom = { start: i, end: i + m[0].length, lo: g.y ? 1 : 2, hi: 2, period: { p: 'monthRange', m1, m2 } };
      if (g.y) a.y = +g.y;
      return a;
    },
  },
  {
    name: 'parenDay',
    starts: '今昨前明',
    match: (text, i) => {
      const m = exec(RE.parenDay, text, i);
      if (!m?.groups) return null;
      const rel: Record<string, number> = { 今: 0, 昨: -1, 前: -2, 明: 1 };
      return { start: i, end: i + m[0].length, lo: 3, hi: 3, d: +m.groups.d, relD: rel[m.groups.w] };
    },
  },
  {
    name: 'mdWeekday',
    starts: DIGITS,
    match: (text, i) => {
      const m = exec(RE.mdWeekday, text, i);
      if (!m?.groups) return null;
      return { start: i, end: i + m[0].length, lo: 2, hi: 3, m: +m.groups.m, d: +m.groups.d };
    },
  },
  {
    name: 'dayRange',
    starts: DIGITS + CN_DIGITS,
    match: (text, i) => {
      const m = exec(RE.dayRange, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const d1 = num(g.d1);
      const d2 = num(g.d2);
      if (!d1 || !d2 || d1 >= d2 || d2 > 31) return null;
      // `3至5日` needs Arabic digits and no count before it (`连续3至5日`).
      if (g.m === undefined && (!isDigit(g.d1[0]) || BAD_BEFORE_BARE_DAY.has(text[i - 1]))) return null;
      const a: Atom = { start: i, end: i + m[0].length, lo: g.y ? 1 : g.m ? 2 : 3, hi: 3, m: num(g.m), period: { p: 'dayRange', d1, d2 } };
      if (g.y) a.y = +g.y;
      return a;
    },
  },
  {
    name: 'eventDate',
    starts: DIGITS,
    match: (text, i) => {
      const m = exec(RE.eventDate, text, i);
      if (!m?.groups) return null;
      return { start: i, end: i + m[0].length, lo: 2, hi: 3, m: +m.groups.m, d: +m.groups.d, eventLabel: true };
    },
  },
  {
    name: 'yearRange',
    starts: DIGITS,
    match: (text, i) => {
      const m = exec(RE.yearRange, text, i);
      if (!m?.groups) return null;
      const y1 = +m.groups.y1;
      const y2 = +m.groups.y2;
      if (y2 <= y1 || y2 - y1 > 50) return null;
      return { start: i, end: i + m[0].length, lo: 1, hi: 1, period: { p: 'yearRange', y1, y2 } };
    },
  },
  {
    name: 'dottedMonths',
    starts: DIGITS,
    match: (text, i) => {
      if (text[i + 4] !== '.') return null;
      const m = exec(RE.dottedMonths, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const span = { p: 'monthSpan' as const, y1: +g.y1, m1: +g.m1, y2: +g.y2, m2: g.m2 !== undefined ? +g.m2 : 12 };
      if (span.y2 * 12 + span.m2 <= span.y1 * 12 + span.m1 || span.y2 - span.y1 > 50) return null;
      return { start: i, end: i + m[0].length, lo: 1, hi: 2, period: span };
    },
  },
  {
    name: 'mdSlashHao',
    starts: DIGITS,
    match: (text, i) => {
      if (text[i + 1] !== '/' && text[i + 2] !== '/') return null;
      const m = exec(RE.mdSlashHao, text, i);
      if (!m?.groups || isDigit(text[i - 1] ?? '') || text[i - 1] === '/') return null;
      return { start: i, end: i + m[0].length, lo: 2, hi: 3, m: +m.groups.m, d: +m.groups.d };
    },
  },
  {
    name: 'listedYear',
    starts: DIGITS,
    match: (text, i) => {
      const m = exec(RE.listedYear, text, i);
      if (!m?.groups) return null;
      return { start: i, end: i + 4, lo: 1, hi: 1, y: +m.groups.y };
    },
  },
  {
    name: 'countDay',
    starts: '第',
    match: (text, i) => {
      const m = exec(RE.countDay, text, i);
      if (!m?.groups) return null;
      const n = num(m.groups.n);
      // 连续第三天: a streak, not a day of a story.
      if (!n || n > 366 || /[续續连連]/.test(text[i - 1] ?? '')) return null;
      return { start: i, end: i + m[0].length, lo: 3, hi: 3, count: n };
    },
  },
  {
    name: 'nextDays',
    starts: '随接',
    match: (text, i) => {
      const m = exec(RE.nextDays, text, i);
      if (!m?.groups) return null;
      const n = num(m.groups.n);
      if (!n || n > 10) return null;
      return { start: i, end: i + m[0].length, lo: 3, hi: 3, period: { p: 'nextDays', n } };
    },
  },
  {
    name: 'vagueOffset',
    starts: DIGITS + '一二两三四五六七八九十几数多',
    match: (text, i) => {
      // `最近几天` is the vague period's; a count right before (`第十几天`, `12多`) makes this something else.
      if (/[0-9第最近]/.test(text[i - 1] ?? '') || CN_NUM.has(text[i - 1])) return null;
      // Cheap test first (this starts at every numeral): 前 or 后 within the longest match's reach.
      let k = i + 2;
      while (k < i + 10 && k < text.length && text[k] !== '前' && text[k] !== '后') k++;
      if (text[k] !== '前' && text[k] !== '后') return null;
      const m = exec(RE.vagueOffset, text, i);
      if (!m) return null;
      return { start: i, end: i + m[0].length, lo: 3, hi: 3, period: { p: 'vague' } };
    },
  },
  {
    name: 'vaguePeriod',
    starts: '最近',
    match: (text, i) => {
      const m = exec(RE.vaguePeriod, text, i);
      if (!m?.groups) return null;
      return { start: i, end: i + m[0].length, lo: 3, hi: 3, period: { p: 'vague' } };
    },
  },
  {
    name: 'schoolBreak',
    starts: YPFX_START + '暑寒春',
    match: (text, i) => {
      const m = exec(RE.schoolBreak, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const a: Atom = { start: i, end: i + m[0].length, lo: 1, hi: 1 };
      if (!yearFrom(g, a)) return null;
      // 一个暑假 is some summer; 暑假作业, 暑假班 are things.
      if (text[i - 1] === '个' || /^(?:作业|工|班|旅行团)/.test(text.slice(a.end, a.end + 3))) return null;
      a.period = { p: 'break', b: g.b === '暑假' ? 'summer' : g.b === '寒假' ? 'winter' : 'chunyun' };
      return a;
    },
  },
  {
    name: 'minuteOffset',
    starts: DIGITS + CN_DIGITS + '半',
    match: (text, i) => {
      const m = exec(RE.minuteOffset, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const n = offsetCount(g);
      if (n === undefined) return null;
      // 近3小時前, 過去30分鐘, 最後5分鐘, 每半小時: spans and habits, not a moment.
      if (/[近过過最未余多第每再]/.test(text[i - 1] ?? '')) return null;
      const end = i + m[0].length;
      if (g.dir === '前' && /[后後]/.test(text[end] ?? '')) return null;
      const perUnit = /^[分]/.test(g.u) ? 1 : /^刻/.test(g.u) ? 15 : 60;
      const minutes = Math.round(n * perUnit);
      // lo 3: nothing joins before it (`3日3小時後` is not one expression).
      return { start: i, end, lo: 3, hi: 5, minuteOffset: /前/.test(g.dir) ? -minutes : minutes };
    },
  },
  {
    name: 'lunar',
    starts: YPFX_START + '农農阴陰夏闰閏正腊臘冬',
    match: (text, i) => {
      const m = exec(RE.lunar, text, i);
      if (!m?.groups) return null;
      const g = m.groups;
      const marked =
        g.pre !== undefined || g.pre2 !== undefined || g.leap !== undefined || /^[正腊臘冬]$/.test(g.m) || /^[初廿]/.test(g.d ?? '');
      const cnDay = g.d !== undefined && !isDigit(g.d[0]) && g.ds === undefined;
      // Unmarked, a Chinese-numeral day without 日 (`八月十五`, `8月十五`) is lunar, as people write it (and JioNLP reads it).
      // A one-character day (`九月九商城`) is too often part of a name.
      if (!marked && !(cnDay && g.d!.length >= 2)) return null;
      // `真正月`, `公正月`: 正 ends another word.
      if (
        g.m === '正' &&
        /[真公纯純修端改矫矯反校更指立订訂方严嚴平]/.test(text[i - 1] ?? '') &&
        g.pre === undefined &&
        g.y === undefined &&
        g.ry === undefined
      )
        return null;
      const a: Atom = { start: i, end: i + m[0].length, lo: 2, hi: 3 };
      if (!yearFrom(g, a)) return null;
      if (a.y !== undefined || a.relY !== undefined || a.anaY !== undefined) a.lo = 1;
      const mo = g.m === '正' ? 1 : g.m === '冬' ? 11 : g.m === '腊' || g.m === '臘' ? 12 : num(g.m);
      if (!mo || mo > 12) return null;
      const leap = g.leap !== undefined;
      if (g.d === undefined) {
        // A month alone needs 農曆/閏 or 正月/腊月 (冬月 alone is as often a name or a poem's word).
        if (!marked || (g.m === '冬' && g.pre === undefined && g.pre2 === undefined && g.leap === undefined)) return null;
        a.hi = 2;
        a.period = { p: 'lunarMonth', m: mo, leap };
        return a;
      }
      const d = num(g.d.replace('初', ''));
      if (!d || d > 30) return null;
      a.lunar = { m: mo, d, leap };
      return a;
    },
  },
  {
    name: 'festival',
    starts: '农農阴陰' + [...FESTIVALS.keys()].map((w) => w[0]).join(''),
    match: (text, i) => {
      const pre = LUNAR_PREFIXES.find((p) => text.startsWith(p, i));
      const nameStart = i + (pre?.length ?? 0);
      const name = FEST_BY_FIRST.get(text[nameStart])?.find((w) => text.startsWith(w, nameStart));
      if (!name) return null;
      const f = FESTIVALS.get(name)!;
      let end = nameStart + name.length;
      let jie: string | undefined =
        text.startsWith('佳节', end) || text.startsWith('佳節', end)
          ? text.slice(end, end + 2)
          : /[节節]/.test(text[end] ?? '')
            ? text[end]
            : undefined;
      const after = text[end + (jie?.length ?? 0)] ?? '';
      // `大雪節氣`: the term's 節氣, not a festival's 節.
      if (jie && !f.hasJie && !NOT_JIE_AFTER.test(after) && !(f.spec.k === 'term' && /[气氣]/.test(after))) end += jie.length;
      else jie = undefined;
      const g = { pre };
      const prev = text[nameStart - 1];
      const next = text[end];
      if (f.hasJie && NOT_JIE_AFTER.test(next ?? '')) return null;
      // 高中秋季: 秋 starts 秋季. 大寒潮: 寒 starts 寒潮.
      if (!jie && /[季天潮流]/.test(next ?? '')) return null;
      // 美國國慶, 朝鲜国庆: another country's national day (a country name is any Han word before it).
      if (
        f.spec.k === 'greg' &&
        f.spec.m === 10 &&
        f.spec.d === 1 &&
        !f.needsContext &&
        prev !== undefined &&
        HAN.test(prev) &&
        !TERM_OK_BEFORE.has(prev) &&
        prev !== '一' &&
        !/中[国國]$/.test(text.slice(nameStart - 2, nameStart))
      )
        return null;
      // 人民大学重阳金融研究院: a bare name between two other words is part of a name.
      if (
        !jie &&
        !f.hasJie &&
        g.pre === undefined &&
        prev !== undefined &&
        HAN.test(prev) &&
        !TERM_OK_BEFORE.has(prev) &&
        next !== undefined &&
        HAN.test(next) &&
        !FESTIVAL_OK_AFTER.has(next)
      ) {
        FESTIVAL_CONTEXT.lastIndex = end;
        if (!FESTIVAL_CONTEXT.test(text)) return null;
      }
      const loose = f.needsContext || f.spec.k === 'term';
      if (loose && g.pre === undefined && prev !== undefined && HAN.test(prev) && !TERM_OK_BEFORE.has(prev)) return null;
      if (f.needsContext && !jie && g.pre === undefined) {
        FESTIVAL_CONTEXT.lastIndex = end;
        const digitYear = /[0-9〇零一二三四五六七八九]{2,4}年$/.test(text.slice(Math.max(0, i - 5), i));
        if (!FESTIVAL_CONTEXT.test(text) && !digitYear) return null;
      }
      // 農曆 before a Gregorian festival or a term is not ours to explain.
      if (g.pre !== undefined && f.spec.k !== 'lunar' && f.spec.k !== 'eve') return null;
      return { start: i, end, lo: 2, hi: 3, fest: f.spec, holiday: f.holiday };
    },
  },
  {
    name: 'keywords',
    starts: '',
    match: (text, i) => {
      const word = KW_BY_FIRST.get(text[i])?.find((w) => text.startsWith(w, i));
      if (!word) return null;
      const m = [word];
      const k = KW.get(word)!;
      const end = i + word.length;
      const a: Atom = { start: i, end, lo: k.lo, hi: k.hi, ...structuredCloneShallow(k.a) };
      if (
        m[0] === '日前' &&
        (BAD_BEFORE_BARE_DAY.has(text[i - 1]) ||
          isDigit(text[i - 1]) ||
          CN_NUM.has(text[i - 1]) ||
          /[生节節假期周週末]/.test(text[i - 1] ?? ''))
      )
        return null;
      if (
        (m[0] === '今日' || m[0] === '明日') &&
        /^(?:头条|頭條|美国|美國|俄罗斯|俄羅斯|中国|中國|之星|黄花|黃花|说法|說法)/.test(text.slice(end, end + 3))
      )
        return null;
      if (m[0] === '昨日' && /^(?:黄花|黃花)/.test(text.slice(end, end + 2))) return null;
      // `當天晚些時候`, `3日晚会`, `早餐`: the character starts another word.
      if (word.length === 1 && /[些餐饭飯会會报報辈輩年期点點霞安宴场場班市婚恋戀稻熟]/.test(text[end] ?? '')) return null;
      // `这一年龄段`, `同年级`: the year word is the start of another noun.
      if (k.lo === 1 && k.hi === 1 && /[龄齡级級代纪紀度]/.test(text[end] ?? '')) return null;
      // `时至今日`: "to this day", not a date.
      if (m[0] === '今日' && /[时時]至$/.test(text.slice(Math.max(0, i - 2), i))) return null;
      // 今天 meaning "nowadays": 今天的中国, 直到今天, 今天看来 (seen from today).
      if (
        (m[0] === '今天' || m[0] === '今日') &&
        (NOWADAYS_AFTER.test(text.slice(end, end + 5)) || NOWADAYS_BEFORE.test(text.slice(Math.max(0, i - 3), i)))
      )
        return null;
      if (m[0] === '前年' && BAD_BEFORE_CN.has(text[i - 1])) return null;
      if ((m[0] === '这天' || m[0] === '那天') && text[end] === '气') return null;
      // 当年 is a year only where it stands as one (`当年，…`, `当年10月`); `当年的那封信` is "back then".
      if (
        m[0] === '当年' &&
        (!/[，,0-9一二三四五六七八九十春夏秋冬年]/.test(text[end] ?? '') || /[减似如想忆胜比]/.test(text[i - 1] ?? ''))
      )
        return null;
      // 最近的医院, 离…最近: the nearest, not recently.
      if (m[0] === '最近' && (/[的一几两这那是0-9]/.test(text[end] ?? '') || /[离距]/.test(text.slice(Math.max(0, i - 8), i)))) return null;
      // 最近阅读, 最近访问: a page's menu, not a time.
      if (m[0] === '最近' && /^(?:阅读|访问|更改|更新|发表|文章|浏览|使用|播放|联系|登录|打开)/.test(text.slice(end, end + 2))) return null;
      // 这些年少的孩子: 年 starts another word.
      if (k.a.period?.p === 'vague' && word.endsWith('年') && /[少轻纪龄级代度]/.test(text[end] ?? '')) return null;
      // 那天下后世: 天下 is a word (那天下午 is not).
      if ((m[0] === '那天' || m[0] === '这天') && text[end] === '下' && text[end + 1] !== '午') return null;
      if ((m[0] === '第二天' || m[0] === '前一天' || m[0] === '前一日') && CN_NUM.has(text[i - 1])) return null;
      return a;
    },
  },
];

function structuredCloneShallow<T extends object>(o: T): T {
  const r = { ...o };
  for (const k of Object.keys(r) as (keyof T)[]) {
    const v = r[k];
    if (v && typeof v === 'object') r[k] = { ...(v as object) } as T[keyof T];
  }
  return r;
}

const byName = (name: string) => MATCHERS.find((m) => m.name === name)!;
byName('keywords').starts = [...KW_BY_FIRST.keys()].join('');
const KEYWORD_MATCHER = byName('keywords').match;
/** Festival names hold no unit character (元旦, 除夕): tried wherever one can start. */
const FESTIVAL_MATCHER = byName('festival').match;
/** Matchers that can start at a character; a character absent here starts no atom. */
const BY_FIRST = new Map<string, Matcher[]>();
for (const { starts, match } of MATCHERS) {
  for (const ch of starts) {
    const list = BY_FIRST.get(ch) ?? [];
    if (!list.includes(match)) list.push(match);
    BY_FIRST.set(ch, list);
  }
}

const UNIT_CHARS = new Set([...'年月日号號时時点點分:/-.季世代周週星期礼禮拜天旬初底末春夏秋冬钟鐘假运']);
const UNIT_WINDOW = 16;
// Lookup tables by UTF-16 code unit: the scan touches every character of 1 MB files.
const UNIT_TABLE = new Uint8Array(65536);
for (const c of UNIT_CHARS) UNIT_TABLE[c.charCodeAt(0)] = 1;
const START_TABLE = new Uint8Array(65536);
for (const c of BY_FIRST.keys()) START_TABLE[c.charCodeAt(0)] = 1;

/**
 * For each position, where the next unit character is (n + UNIT_WINDOW + 1 past the last). A function of its own:
 * in scanAtoms, V8 compiled this loop (on-stack replacement) on the first long text, before the scan after it had
 * run, and that code deoptimised at the scan's first comparison in every later call (--trace-deopt: the same code
 * 22 times in three fresh processes of scripts/perf/runs.ts).
 */
export function nextUnits(text: string): Int32Array {
  const n = text.length;
  const nextUnit = new Int32Array(n + 1);
  nextUnit[n] = n + UNIT_WINDOW + 1;
  for (let k = n - 1; k >= 0; k--) nextUnit[k] = UNIT_TABLE[text.charCodeAt(k)] ? k : nextUnit[k + 1];
  return nextUnit;
}

/** Atoms of `text` (already width-normalised), left to right, non-overlapping, longest match first. */
export function scanAtoms(text: string, opts: ScanOptions = {}): Atom[] {
  const out: Atom[] = [];
  let i = 0;
  const n = text.length;
  // Every pattern atom holds a unit character (年, 月, 日, 時, 季, 周, ':' ...) within a few characters of its
  // start; positions with none nearby try only the keyword table. One backward pass finds the next unit.
  const nextUnit = nextUnits(text);
  while (i < n) {
    if (!START_TABLE[text.charCodeAt(i)]) {
      i++;
      continue;
    }
    const ch = text[i];
    const candidates = BY_FIRST.get(ch)!;
    const prev = text[i - 1];
    const digitLed = isDigit(ch);
    // `0800-788995`, `v2.3`, `12:30` continue a number; a label colon (`時間：2016/05/21`) does not.
    // `9-11时`: the end of a clock range whose bare first hour was just read.
    const rangeEnd = prev === '-' && out.length > 0 && out[out.length - 1].rangeStart === true && out[out.length - 1].end === i - 1;
    if (
      digitLed &&
      prev !== undefined &&
      !rangeEnd &&
      (/[0-9A-Za-z_]/.test(prev) || (/[.:/-]/.test(prev) && /[0-9A-Za-z]/.test(text[i - 2] ?? '')))
    ) {
      i++;
      continue;
    }
    const cnLed = CN_NUM.has(ch);
    let best: Atom | null = null;
    // Unit-less atoms: `20240307`, a year alone on its line.
    const unitNear = nextUnit[i] - i <= UNIT_WINDOW || (digitLed && isDigit(text[i + 3]));
    for (const mt of candidates) {
      if (mt !== KEYWORD_MATCHER && mt !== FESTIVAL_MATCHER && !unitNear) continue;
      if (mt !== KEYWORD_MATCHER && cnLed && BAD_BEFORE_CN.has(prev)) continue;
      const a = mt(text, i, opts);
      if (a && a.end > a.start && (!best || a.end > best.end)) best = a;
    }
    if (best) {
      out.push(best);
      i = best.end;
    } else i++;
  }
  return out;
}

/** The text right after `end` names a holiday (`7月4日美國獨立日`): the date is a label, not the story's day. */
export function holidayFollows(text: string, end: number): boolean {
  HOLIDAY_AFTER.lastIndex = end;
  return HOLIDAY_AFTER.test(text);
}
