/**
 * Names an article introduces itself, read off the words around them rather than off a list: a surname with an
 * honorific (周先生 → 周), a pseudonym (小雨（化名）), an outlet named as a source (据长江网报道, 来源：海外网,
 * 央视新闻 from 央视), a Latin outlet (BBC News, The Washington Post), and a facility built on a place
 * (南沙国际邮轮母港, 地铁四号线, T3航站楼). Each is one closed pattern of the guidelines' categories, not a list of
 * the names themselves. All work on the normalised (Simplified, half-width) text.
 */
import type { Span } from './gazetteer';
import { splitsIntoWords, type WordSet } from './words';
import { eachMatch, SPACE_UNIT, unitPredicate, unitTable } from './scan';

/** Honorifics and titles after a bare surname (GOLD-NOTES: 毛主席, 潘老, 曲局长 give the surname as a person). */
const HONORIFIC =
  '先生|女士|小姐|太太|夫人|老师|教授|医生|大夫|律师|师傅|阿姨|大爷|大妈|大姐|大哥|老板|经理|总经理|董事长|局长|处长|科长|部长|厅长|市长|县长|镇长|村长|书记|主任|院长|校长|所长|主席|警官|记者|同学|老';
const HONORIFIC_RE = new RegExp(`^(?:${HONORIFIC})`, 'u');
/** First characters of the honorifics: a surname followed by anything else is rejected on one array read. */
const HONORIFIC_FIRST = unitTable(
  HONORIFIC.split('|')
    .map((h) => h[0])
    .join(''),
);
const HAN_RE = /\p{Script=Han}/u;
/** The surname sets passed in, as code-unit tables (one per set, made on first use). */
const surnameTables = new WeakMap<ReadonlySet<string>, Uint8Array>();
function surnameTable(surnames: ReadonlySet<string>): Uint8Array {
  let table = surnameTables.get(surnames);
  if (!table) {
    table = unitTable([...surnames].filter((s) => s.length === 1).join(''));
    surnameTables.set(surnames, table);
  }
  return table;
}
/** What may not stand before a surname used alone: a character that makes it part of a longer name (张周, 小周, 老周). */
const NOT_SURNAME_LEFT = /[小老阿]/u;
/**
 * Surnames that are also conjunctions or prepositions: after a Han character they join two nouns or govern the title
 * (负责人[向]记者表示). In MSRA train 向 and 于 stand 34 and 7 times between a Han character and a title, never as a person.
 */
const NOT_SURNAME_CONJUNCTION = /[和与及向于]/u;
const NUMERAL = /[一二三四五六七八九十百两几]/u;

/**
 * 周先生, 林女士, 曲局长: the surname is a person. Only a listed surname, not after another surname or a familiar
 * prefix; a full name (张小明先生) is the tagger's, which ranks above this rule.
 */
export function honorificSurnameSpans(
  norm: string,
  surnames: ReadonlySet<string>,
  isWord?: (start: number, length: number) => boolean,
): Span[] {
  const out: Span[] = [];
  const surname = surnameTable(surnames);
  for (let i = 0; i + 1 < norm.length; i++) {
    if (!surname[norm.charCodeAt(i)] || !HONORIFIC_FIRST[norm.charCodeAt(i + 1)]) continue;
    if (i > 0 && (surname[norm.charCodeAt(i - 1)] || NOT_SURNAME_LEFT.test(norm[i - 1]))) continue;
    // 当[时]医生, 公[司]董事长: the second character of a dictionary word is no surname; nor is a conjunction
    // between two nouns (机构[和]律师) or the measure after a numeral (第十[任]校长).
    if (i > 0 && isWord?.(i - 1, 2)) continue;
    if (i > 0 && (NOT_SURNAME_CONJUNCTION.test(norm[i]) || NUMERAL.test(norm[i - 1])) && HAN_RE.test(norm[i - 1])) continue;
    const rest = norm.slice(i + 1, i + 5);
    const m = HONORIFIC_RE.exec(rest);
    if (!m) continue;
    // 老 alone (潘老) only before punctuation or a verb of saying, never as the start of a word (王老师 is matched above).
    if (m[0] === '老' && /^[\p{Script=Han}]/u.test(norm[i + 2] ?? '') && !/^[说表称指认]/u.test(norm[i + 2])) continue;
    out.push({ start: i, end: i + 1, type: 'PER' });
  }
  return out;
}

/** Prefixes of familiar names and pseudonyms: 小雨, 阿强, 老周. */
const FAMILIAR = /^[小阿老]/u;
const PSEUDONYM = /[（(]\s*(?:化名|假名|匿名|网名|昵称)\s*[）)]/gu;

/**
 * 小雨（化名）, 李某(化名): the name before a pseudonym note is a person. Two characters, or three when the
 * three begin with a surname or a familiar prefix (小/阿/老) and the character before them is not Han.
 */
export function pseudonymSpans(norm: string, surnames: ReadonlySet<string>): Span[] {
  const out: Span[] = [];
  eachMatch(PSEUDONYM, norm, (m) => {
    const end = m.index;
    const han = (k: number) => k >= 0 && HAN_RE.test(norm[k]);
    if (!han(end - 1) || !han(end - 2)) return;
    let start = end - 2;
    const three = end - 3;
    if (
      han(three) &&
      (surnames.has(norm[three]) || FAMILIAR.test(norm[three])) &&
      !surnames.has(norm[end - 2]) &&
      !FAMILIAR.test(norm[end - 2])
    )
      start = three;
    out.push({ start, end, type: 'PER' });
  });
  return out;
}

/** Endings of an outlet's name. */
const OUTLET_END = '网|網|报|日报|晚报|早报|时报|周刊|新闻|电视台|广播电台|电台|卫视|客户端|频道|新闻频道|社';
/** Where a source is named: 据X报道, 来源：X, 转载自X, X讯, X消息. */
const OUTLET_BEFORE = /(?:据|来源[:：]?\s*|稿源[:：]?\s*|转载自|转自|来自|本文来源[:：]?\s*|综合)$/u;
/** What OUTLET_BEFORE's match can end with: any other character before a position rules a source out there. */
const OUTLET_CUE_LAST = unitTable('据自合源:：');
const OUTLET_AFTER = /^(?:报道|报导|消息|讯|记者|援引|发布|称|披露|获悉|独家|[0-9]{1,2}月|[,，。]|$|\s|\n)/u;
const OUTLET_NAME = new RegExp(`^([\\p{Script=Han}A-Za-z]{1,8}?(?:${OUTLET_END}))`, 'u');
/** The longest outlet name (2–10 characters and an ending), for a shortest one that does not end well. */
const OUTLET_NAME_LONGER = new RegExp(`^([\\p{Script=Han}A-Za-z]{2,10}(?:${OUTLET_END}))`, 'u');
/** Names that end like an outlet but are everyday words (上报, 电报, 情报, 画报 …). */
const NOT_OUTLET =
  /^(?:上|下|电|情|简|举|申|汇|预|警|喜|捷|通|海|画|周|年|月|日|快|小|大|新|旧|该|此|本)(?:报)$|^(?:上网|联网|互联网|电网|局域网|官网|外网|内网|入网|渔网|球网|天网|新闻)$/u;

/**
 * Outlets named as the source of a report: 据长江网报道, 来源：海外网, 证券时报网讯. The name is the shortest run
 * of Han (or Latin) characters that ends in an outlet's ending between the source cue and what follows a source.
 */
export function outletSpans(norm: string, known: readonly Span[]): Span[] {
  const out: Span[] = [];
  // By start; made only when the line has one (most lines hold no known outlet: no Map, no look-up per character).
  let knownMedia: Map<number, Span> | undefined;
  let knownPlace: Map<number, Span> | undefined;
  for (const s of known)
    if (s.type === 'MEDIA') (knownMedia ??= new Map()).set(s.start, s);
    else if (s.type === 'LOC') (knownPlace ??= new Map()).set(s.start, s);
  // The known outlets' starts in order, read with a pointer (no look-up at every character of a line with one).
  const mediaStarts = knownMedia ? [...knownMedia.keys()].sort((a, b) => a - b) : [];
  let nextMedia = 0;
  for (let i = 0; i < norm.length; i++) {
    while (nextMedia < mediaStarts.length && mediaStarts[nextMedia] < i) nextMedia++;
    const media = nextMedia < mediaStarts.length && mediaStarts[nextMedia] === i ? knownMedia!.get(i) : undefined;
    if (media) {
      // 央视 + 新闻, 证券时报 + 网, 新华社 + 客户端: a known outlet's channel or site is the outlet.
      const more = /^(?:新闻频道|新闻客户端|客户端|新闻|网|频道)/u.exec(norm.slice(media.end, media.end + 5));
      if (more && !/^新闻(?:发布|发言|办|中心|联播)/u.test(norm.slice(media.end, media.end + 5)))
        out.push({ start: i, end: media.end + more[0].length, type: 'MEDIA' });
      continue;
    }
    const c = norm.charCodeAt(i);
    if (!(c >= 0x3400 && c <= 0x9fff)) continue;
    const before = norm.charCodeAt(i - 1);
    if (i === 0 || !(OUTLET_CUE_LAST[before] || SPACE_UNIT[before])) continue;
    if (!OUTLET_BEFORE.test(norm.slice(Math.max(0, i - 7), i))) continue;
    const m = OUTLET_NAME.exec(norm.slice(i, i + 12));
    if (!m) continue;
    // The shortest name that ends well: 长江网 in 长江网讯, not 长江网讯记者 … .
    let name = m[1];
    let ok = OUTLET_AFTER.test(norm.slice(i + name.length, i + name.length + 2));
    if (!ok) {
      const longer = OUTLET_NAME_LONGER.exec(norm.slice(i, i + 14));
      if (longer && OUTLET_AFTER.test(norm.slice(i + longer[1].length, i + longer[1].length + 2))) {
        name = longer[1];
        ok = true;
      }
    }
    // 来自香港的报道之十一本报: a run with a function word in it is a phrase, not an outlet's name.
    if (!ok || name.length < 3 || NOT_OUTLET.test(name) || /[的之了]/u.test(name)) continue;
    // 据俄罗斯塔斯社: a known place before the outlet's own name is split off (俄罗斯 + 塔斯社).
    const place = knownPlace?.get(i);
    if (place && i + name.length - place.end >= 2) {
      out.push({ start: place.end, end: i + name.length, type: 'MEDIA' });
      i += name.length - 1;
      continue;
    }
    out.push({ start: i, end: i + name.length, type: 'MEDIA' });
    i += name.length - 1;
  }
  return out;
}

/** Newspapers by their compound ending (证券时报, 长江日报, 楚天都市报, 证券时报网), at a clear left edge. */
const PAPER = /^[\p{Script=Han}]{2,6}?(?:时报|日报|晚报|早报|商报|都市报|青年报|周报|周刊)(?:网|客户端)?/u;
/** A dateline: the outlet, an optional date, and 讯 (长江网10月4日讯, 证券时报e公司讯). */
const DATELINE = /^([\p{Script=Han}A-Za-z]{2,10}?)(?:[0-9]{1,2}月[0-9]{1,2}日)?讯/u;
const CLEAR_LEFT = /[^\p{Script=Han}A-Za-z0-9]|[据自从在由和与、]/u;
const clearLeft = unitPredicate((ch) => CLEAR_LEFT.test(ch));
/** Determiners: 本报 (this paper), 该报, 此刊, 我台. */
const SELF_REFERENCE = unitTable('本该此我其');
/** What stands before a dateline's first character: white space (a line break) or an opening bracket. */
const LINE_OPENER = unitTable('（(【');
for (let c = 0; c < 0x10000; c++) if (SPACE_UNIT[c]) LINE_OPENER[c] = 1;
const XUN = '讯'.charCodeAt(0);
const DATELINE_OUTLET = new RegExp(`(?:${OUTLET_END}|社)$`, 'u');
/** PAPER's endings all end in one of these, three to nine characters on. */
const PAPER_LAST = unitTable('报刊');

/** Newspapers named by a compound ending, and the outlet of a dateline at the start of a line. */
export function paperSpans(norm: string): Span[] {
  const out: Span[] = [];
  const n = norm.length;
  // The first 讯 at or after i, and the first 报 or 刊 at or after i + 3 (n for none): both only move forward.
  let xun = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const c = norm.charCodeAt(i);
    if (!(c >= 0x3400 && c <= 0x9fff)) continue;
    if (i > 0 && !clearLeft(norm.charCodeAt(i - 1))) continue;
    // 本报讯, 本刊, 该报: an outlet named by a determiner is the publisher speaking of itself, not a name.
    if (SELF_REFERENCE[c]) continue;
    const line = i === 0 || LINE_OPENER[norm.charCodeAt(i - 1)] === 1;
    // A dateline holds 讯 within its 20 characters: most line starts are rejected without a string and the regex.
    if (line && xun < i) for (xun = i; xun < n && norm.charCodeAt(xun) !== XUN;) xun++;
    const d = line && xun < Math.min(n, i + 20) ? DATELINE.exec(norm.slice(i, i + 20)) : null;
    if (d && (/[A-Za-z]/.test(d[1]) || DATELINE_OUTLET.test(d[1]))) {
      out.push({ start: i, end: i + d[1].length, type: 'MEDIA' });
      i += d[1].length - 1;
      continue;
    }
    if (last < i + 3) for (last = i + 3; last < n && PAPER_LAST[norm.charCodeAt(last)] !== 1;) last++;
    if (last >= Math.min(n, i + 10)) continue;
    const m = PAPER.exec(norm.slice(i, i + 10));
    if (m) {
      out.push({ start: i, end: i + m[0].length, type: 'MEDIA' });
      i += m[0].length - 1;
    }
  }
  return out;
}

/** BBC News, The Washington Post, Reuters: Latin words capitalised, ending in a word only outlets end in. */
const LATIN_OUTLET =
  /\b(?:The\s+)?(?:[A-Z][A-Za-z&.]*\s+){0,3}(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Daily|Press|Telegraph|Guardian|Radio|Television|TV|Network|Weekly|Magazine|Observer|Review)\b(?:\s+(?:Online|Network|Channel))?/gu;

/** Every LATIN_OUTLET match holds one of its endings: text without any has none. */
const LATIN_OUTLET_WORD =
  /News|Times|Post|Journal|Herald|Tribune|Gazette|Daily|Press|Telegraph|Guardian|Radio|Television|TV|Network|Weekly|Magazine|Observer|Review/u;

export function latinOutletSpans(text: string): Span[] {
  const out: Span[] = [];
  if (!LATIN_OUTLET_WORD.test(text)) return out;
  eachMatch(LATIN_OUTLET, text, (m) => {
    // One capitalised word alone before the ending ("Fake News") is a phrase, unless it is all capitals (BBC News).
    const words = m[0].trim().split(/\s+/);
    if (words.length < 2) return;
    if (words.length === 2 && !/^[A-Z]{2,}$/.test(words[0]) && words[0] !== 'The') return;
    out.push({ start: m.index, end: m.index + m[0].trimEnd().length, type: 'MEDIA' });
  });
  return out;
}

/** Facilities named after their place: stations, terminals, ports, parks, scenic spots, camps, venues, bridges. */
const FACILITY_END =
  '邮轮母港|国际邮轮母港|母港|客运港站|港站|客运站|汽车站|火车站|高铁站|地铁站|航站楼|机场|码头|港口|景区|风景区|风景名胜区|露营地|营地|公园|森林公园|湿地公园|广场|体育中心|体育馆|体育场|会展中心|展览馆|大桥|隧道|古镇|古城|步行街|度假区|园区|新区|自贸区|开发区|高新区|保税区|区块|殡仪馆|监狱|看守所|医院|附医';
const FACILITY = new RegExp(`^([\\p{Script=Han}A-Z0-9]{0,6}?)(?:${FACILITY_END})`, 'u');
/** Endings of areas, whose name is the place's own (南沙湾区块, 滨江新区): never split from the place. */
const AREA_END = /(?:区块|新区|自贸区|开发区|高新区|保税区|园区|度假区)$/u;
/** Administrative and natural areas named after a place the tagger found (阿勒泰地区, 武湖街道, 八重山诸岛). */
const AREA = /^(?:地区|街道|高原|盆地|诸岛|群岛)/u;

/**
 * 阿勒泰地区, 武湖街道: a place the tagger found, followed by an area word, is one place with it (GOLD-NOTES:
 * 阿勒泰地區 is one LOC). Only places no list knows: after a known country or region (亚太地区, 台湾地区) MSRA and
 * most usage mark the place alone.
 */
export function areaSpans(
  norm: string,
  modelPlaces: readonly Span[],
  known: readonly Span[],
  isListedPlace: (a: number, b: number) => boolean = () => true,
): Span[] {
  const listed = new Set(known.map((k) => `${k.start}:${k.end}`));
  const out: Span[] = [];
  for (const p of modelPlaces) {
    if (p.type !== 'LOC' || p.end - p.start < 2 || listed.has(`${p.start}:${p.end}`)) continue;
    const m = AREA.exec(norm.slice(p.end, p.end + 2));
    // 地区 only where the whole is a listed area (阿勒泰地区 is a prefecture; 南斯拉夫地区 is a region of speech).
    if (!m || (m[0] === '地区' && !isListedPlace(p.start, p.end + 2))) continue;
    // 新疆 + 阿勒泰地区: a known place the tagger glued in front stays a place of its own.
    const head = known.find((k) => k.type === 'LOC' && k.start === p.start && k.end < p.end);
    out.push({ start: head ? head.end : p.start, end: p.end + m[0].length, type: 'LOC' });
  }
  return out;
}
/** What cannot stand inside a facility's name: function words, verbs, numbers of things. */
const FACILITY_STOP = /[的了在和与及是为将把被让从到于也都就已曾会要并而但或等由给以使向对说称这那其该每各个些月日年前后里内外上下中部]/u;
const METRO_LINE = /(?:地铁|轻轨)?[0-9一二三四五六七八九十]{1,3}号线/gu;
const TERMINAL = /\bT[0-9]航站楼/gu;
/** Hospitals are organisations (GUIDELINES: 新光醫院, 中國附醫); the other facilities are places. */
const HOSPITAL = /(?:医院|附医)$/u;

/**
 * 南沙国际邮轮母港, 白云机场, 西湖景区, T3航站楼, 地铁四号线: a facility named from a known place (or a terminal's
 * code), or a metro line by its number, is a place (LOC).
 */
export function facilitySpans(norm: string, places: readonly Span[], isWord?: (a: number, len: number) => boolean): Span[] {
  // 国际, 体育: a middle made wholly of dictionary words describes the facility; anything else is its own name.
  const description = (a: number, b: number): boolean => splitsIntoWords(a, b, isWord!);
  const byEnd = new Map<number, Span>();
  for (const p of places) {
    if (p.type !== 'LOC' || p.end - p.start < 2) continue;
    const m = FACILITY.exec(norm.slice(p.end, p.end + 12));
    if (!m || FACILITY_STOP.test(m[0].slice(0, -2))) continue;
    const end = p.end + m[0].length;
    // 西贡 + 壁屋监狱, 武汉 + 金银潭医院 (GOLD-NOTES): a facility with a name of its own between the place and the
    // ending stands alone, and the place before it is a modifier; 武汉体育中心 and 台南市殡仪馆 stay whole.
    const own =
      !!isWord && m[1].length >= 2 && /^\p{Script=Han}+$/u.test(m[1]) && !AREA_END.test(m[0]) && !description(p.end, p.end + m[1].length);
    const start = own ? p.end : p.start;
    // 广州 + 南沙邮轮母港: the place nearest the facility names it; an outer place stays a place of its own.
    const other = byEnd.get(end);
    if (!other || other.start < p.start) byEnd.set(end, { start, end, type: HOSPITAL.test(m[0]) ? 'ORG' : 'LOC' });
  }
  const out = [...byEnd.values()];
  if (norm.includes('号线'))
    eachMatch(METRO_LINE, norm, (m) => {
      if (m[0].startsWith('地铁') || m[0].startsWith('轻轨')) out.push({ start: m.index, end: m.index + m[0].length, type: 'LOC' });
    });
  if (norm.includes('航站楼')) eachMatch(TERMINAL, norm, (m) => out.push({ start: m.index, end: m.index + m[0].length, type: 'LOC' }));
  return out;
}

/** Endings of company and brand names that are also plain nouns (高科技, 个人征信), so they need a coined stem. */
export const BRAND_END =
  '科技|征信|智能|网络|物流|电子|传媒|生物|能源|证券|保险|地产|电器|医药|药业|汽车|单车|邮轮|航空|金融|资本|新材|光电|软件|数据|影业|文化|教育|股份|控股';
const BRAND = new RegExp(`^(\\p{Script=Han}{2,3}?)(?:${BRAND_END})`, 'u');
/** Function words a coined stem does not open with. */
const STEM_FUNCTION = /[的在是和与及而为由据向对从到被把让跟同不其仅但就也都还又将已]/u;
/** Where a company name may begin. */
const BRAND_LEFT = /[^\p{Script=Han}0-9A-Za-z.%]|[的在是和与及而为由据向对从到被把让跟同、]/u;
const brandLeft = unitPredicate((ch) => BRAND_LEFT.test(ch));
/** First characters of the endings, which begin two or three characters after a brand's start. */
const BRAND_END_FIRST = unitTable(
  BRAND_END.split('|')
    .map((e) => e[0])
    .join(''),
);

/**
 * 澄星科技, 当升科技, 摩拜单车: a two-character coined stem (no word of the lexicon induced from news text, nor
 * half of one with its neighbours) before a business ending, at a clear left edge. 发展高科技 and 个人征信 stay
 * unmarked because 高科 … and 个人 are words.
 */
export function brandSpans(norm: string, words: WordSet, dictionaryWord?: (start: number, length: number) => boolean): Span[] {
  const has = (a: number, len: number) => words.has(norm, a, len);
  // The dictionary (jieba's common words) for the context only: a brand stem may well be a dictionary word (鲸鱼征信).
  const around = (a: number, len: number) => has(a, len) || !!dictionaryWord?.(a, len);
  const out: Span[] = [];
  for (let i = 0; i + 3 < norm.length; i++) {
    if (!BRAND_END_FIRST[norm.charCodeAt(i + 2)] && !BRAND_END_FIRST[norm.charCodeAt(i + 3)]) continue;
    if (i > 0 && !brandLeft(norm.charCodeAt(i - 1))) continue;
    const m = BRAND.exec(norm.slice(i, i + 6));
    if (!m) continue;
    // 被她教育, 不把汽车, 仅就金融: a stem that opens with a function word is a phrase, not a coined name.
    if (STEM_FUNCTION.test(norm[i])) continue;
    if (has(i, 2) || has(i + 1, 2) || has(i, 3) || has(i, 4)) continue;
    // A three-character stem (歌诗达邮轮) only where no pair inside it is a word either.
    if (m[1].length === 3 && (has(i + 2, 2) || has(i + 1, 3))) continue;
    if (i > 0 && around(i - 1, 2)) continue;
    // 保险[金], 保险[柜]: an ending that begins a longer dictionary word is that word, not the end of a name.
    const endAt = i + m[1].length;
    const endLen = m[0].length - m[1].length;
    if (around(endAt, endLen + 1) || around(endAt, endLen + 2)) continue;
    out.push({ start: i, end: i + m[0].length, type: 'ORG' });
  }
  return out;
}

const STEM_OF = new RegExp(`^(\\p{Script=Han}{2,3}?)(?:${BRAND_END}|集团|股份|控股|实业|公司|有限公司|银行|药业|置业|通讯|医院)$`, 'u');

/** 澄星 from 澄星科技: the coined stem of a company name, which the rest of the article may use alone. */
export function companyStem(name: string): string | undefined {
  return STEM_OF.exec(name)?.[1];
}

/** The regexes and tables of paperSpans, for the test that holds it equal to its former scan. */
export const PAPER_SCAN_PARTS = { PAPER, DATELINE, DATELINE_OUTLET, PAPER_LAST, SELF_REFERENCE, LINE_OPENER, clearLeft, XUN } as const;
