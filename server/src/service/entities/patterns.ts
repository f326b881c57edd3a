/**
 * Pattern rules over normalised (Simplified, half-width) text: transliterated names with a middle dot,
 * a title followed by a transliterated name, and organisation names built on a known place
 * (乌克兰外交部, 台南市永康分局, 美国驻乌克兰大使馆), and place names extended by 地区/流域.
 */
import type { Span } from './gazetteer';
import { eachMatch } from './scan';

/** Characters that transliterations of foreign names are written with (a generous but closed set). */
export const TRANSLIT =
  '川侯阿埃艾爱安昂奥澳巴拔芭白班邦保鲍贝倍本比彼毕宾波伯博布查达戴丹道德迪狄蒂丁东杜多敦厄恩尔法范菲费芬丰弗伏福夫盖甘冈高戈哥格根古瓜哈海汉豪赫黑亨洪胡华霍基吉加贾杰捷金卡凯坎康考柯科克肯库夸奎昆拉腊莱赖兰朗劳勒雷蕾里理利莉丽连林琳隆卢鲁陆路伦罗洛马玛迈麦曼梅门蒙米密明缪莫默姆穆纳娜奈南内尼涅宁纽努诺欧帕潘庞佩彭皮珀普齐奇恰乔切琴丘萨塞赛桑瑟森沙山尚舍圣什施史斯松苏索塔泰坦汤唐特提托图瓦万旺威韦维温沃乌伍西希锡夏谢辛休雅亚扬耶伊因英尤于约泽扎詹珍朱卓兹佐琼肖科舒霍茨';
const T = `[${TRANSLIT}]`;

/** 唐纳德·特朗普, 穆罕默德·本·萨勒曼: dotted names are almost always persons. */
const DOTTED = new RegExp(`${T}{1,6}(?:·${T}{1,7})+`, 'gu');

export const TITLES =
  '总统|副总统|总理|副总理|首相|主席|发言人|新闻秘书|助理|国务卿|外长|外交部长|防长|国防部长|部长|大使|总书记|议长|国王|女王|王储|王子|亲王|总司令|司令|秘书长|特使|顾问|幕僚长|参议员|众议员|议员|州长|市长|教宗|教皇|总裁|首席执行官|主帅|教练|球星|前锋|后卫|将军|上将|中将|少将';
/** Title + transliterated name: 总统普京, 发言人佩斯科夫, 助理乌沙科夫. The name stops at the first non-transliteration character. */
const TITLE_NAME = new RegExp(`(?:${TITLES})(${T}{2,6})`, 'gu');
const TITLE_END = new RegExp(`(?:${TITLES}|经理|助理|总理)$`, 'u');

/** Words that end an organisation name after a place: the body itself, or a generic suffix after a short middle. */
const ORG_BODIES =
  '外交部|国防部|财政部|商务部|司法部|内政部|教育部|卫生部|国土安全部|能源部|农业部|交通部|劳工部|外务省|防卫省|人民政府|议会|国会|参议院|众议院|大使馆|总领事馆|领事馆|警察局|警局|警察厅|法院|检察院|地检署|检察署|气象台|气象局|中央银行|央行|统计局|海关|海警|海军|陆军|空军|军方|队';
const ORG_SUFFIXES =
  '证券交易所|交易所|文联|作协|委员会|研究院|研究所|研究中心|大学|学院|中学|小学|学校|医院|分局|派出所|公安局|警察局|银行|公司|集团|协会|学会|联合会|博物院|法院|检察院|政府|大使馆|领事馆|办公室|中心|基金会|俱乐部|人大常委会|常委会|人大|[局厅署院](?![会员])|委(?![会员])';
const MEDIA_SUFFIXES = '电视台|广播电台|电台|日报|晚报|早报|时报|周刊|通讯社|新闻社|新闻网|卫视';
/** Characters that never occur inside an organisation name's middle part (function words, verbs of saying). */
const STOP = '的了在和与及是为将把被让从到于也都就已曾会要并而但或等由给以使向对说称表示访问同时称认一两几多家个些该这那其各每';
const MIDDLE = `[^${STOP}\\P{Script=Han}]`;
const ORG_AFTER_PLACE = new RegExp(
  `^(?:(?:${ORG_BODIES})|(?:${MIDDLE}{0,8}?(?:${MEDIA_SUFFIXES}))|(?:${MIDDLE}{1,8}?(?:${ORG_SUFFIXES})))`,
  'u',
);
/** A second organisation unit may follow the first: 永康分局盐行派出所, 中国人民大学重阳金融研究院. */
const ORG_CONTINUES = new RegExp(`^${MIDDLE}{1,6}?(?:研究院|研究所|研究中心|学院|分局|派出所|医院|分行|支行|办公室|委员会)`, 'u');
const COMPASS_ONLY = /^[东南西北中部上下]+$/u;
/** Verbs of founding, meeting and signing that sit between a place and an organisation, never inside a name. */
const ACTION_VERB = /(?:设立|成立|设置|建立|签署|签订|举行|召开|访问|会见|会晤|出席|参加|前往|抵达|来到|进入|创办|开设|视察|考察)/u;
const REGION_TAIL = /^(?:[上中下]游|中下游|中上游)?(?:地区|流域)/u;
/** Only compass regions and river basins take 地区 into the name (东北地区, 长江中下游地区); 亚太地区 is 亚太. */
const REGION_HEAD = /^(?:[东南西北华][东南西北中部]?|长江|黄河|珠江|淮河|江淮|江汉|黄淮)$/u;

/** How far a second organisation unit continues an organisation ending at `end` (0 if none). */
export function orgContinuation(norm: string, end: number): number {
  let e = end;
  for (let guard = 0; guard < 3; guard++) {
    const more = ORG_CONTINUES.exec(norm.slice(e, e + 16));
    if (!more) break;
    e += more[0].length;
  }
  return e - end;
}

/** DOTTED tried at one position only. */
const DOTTED_AT = new RegExp(DOTTED.source, 'uy');

export function dottedNameSpans(norm: string): Span[] {
  const out: Span[] = [];
  // Most lines have no name dot, and every dotted name has one: its first dot is the first after its start, one to six
  // characters on. So the matches `DOTTED` finds from left to right are found by trying, for each dot, the starts
  // between the dot before it (or the last match's end) and the dot, left to right (a sticky regex at each): the
  // global regex tried every position of the line, and a line with one dot is mostly transliteration characters.
  let from = 0;
  for (let dot = norm.indexOf('\u00b7'); dot >= 0; dot = norm.indexOf('\u00b7', dot + 1)) {
    if (dot < from) continue;
    for (let s = Math.max(from, dot - 6); s < dot; s++) {
      DOTTED_AT.lastIndex = s;
      const m = DOTTED_AT.exec(norm);
      if (!m) continue;
      const end = s + m[0].length;
      // 总理本雅明·内塔尼亚胡: 理 is a transliteration character too, but here it ends the title before the name.
      out.push({ start: TITLE_END.test(norm.slice(Math.max(0, s - 4), s + 1)) ? s + 1 : s, end, type: 'PER' });
      from = end;
      break;
    }
    // No match starts before this dot that has not been tried.
    from = Math.max(from, dot + 1);
  }
  return out;
}

export function titleNameSpans(norm: string): Span[] {
  const out: Span[] = [];
  eachMatch(TITLE_NAME, norm, (m) => {
    const name = m[1];
    const start = m.index + m[0].length - name.length;
    out.push({ start, end: start + name.length, type: 'PER' });
  });
  return out;
}

/** A byline: 记者/作者 + a Chinese name + the slash, space, bracket or 报道/摄 that closes it (记者林悦／台南报导, 作者 王文】). */
const BYLINE = /(?:记者|编辑|通讯员|撰稿|摄影|作者)[ \u3000:]?([\p{Script=Han}]{2,3}?)(?=[／/|｜ \u3000】）)]|报导|报道|摄|$)/gmu;

/** Names in bylines, where the surname starts the name (`SURNAMES` is passed in to avoid an import cycle). */
export function bylineNameSpans(norm: string, surnames: ReadonlySet<string>): Span[] {
  const out: Span[] = [];
  eachMatch(BYLINE, norm, (m) => {
    const name = m[1];
    if (!surnames.has(name[0])) return;
    const start = m.index + m[0].length - name.length;
    out.push({ start, end: start + name.length, type: 'PER' });
  });
  return out;
}

/**
 * Grows place spans into the organisation or region names they begin: returns the grown spans only.
 * `places` must be sorted and non-overlapping.
 */
export function growFromPlaces(norm: string, places: Span[]): Span[] {
  const out: Span[] = [];
  for (const p of places) {
    if (p.type === 'ORG') {
      let end = p.end;
      for (let guard = 0; guard < 3; guard++) {
        const more = ORG_CONTINUES.exec(norm.slice(end, end + 16));
        if (!more) break;
        end += more[0].length;
      }
      if (end > p.end) out.push({ start: p.start, end, type: 'ORG' });
      continue;
    }
    if (p.type !== 'LOC') continue;
    const rest = norm.slice(p.end, p.end + 24);
    const region = REGION_TAIL.exec(rest);
    if (region && (REGION_HEAD.test(norm.slice(p.start, p.end)) || region[0].length > 2)) {
      out.push({ start: p.start, end: p.end + region[0].length, type: 'LOC' });
      continue;
    }
    const m = ORG_AFTER_PLACE.exec(rest);
    if (!m) continue;
    const body = m[0];
    const middle = body.replace(/(?:电视台|广播电台|电台|日报|晚报|早报|时报|周刊|通讯社|新闻社|新闻网|卫视)$/u, '');
    const isMedia = middle !== body;
    // 大局, 格局, 布局, 签署, 部署: words that end in an organisation suffix without being one.
    if (/(?:大局|格局|结局|布局|开局|骗局|时局|政局|全局|出局|当局|签署|部署)$/u.test(body)) continue;
    // 在香港设立终审法院, 在巴黎正式签署: a verb between the place and the suffix ends the name at the place.
    if (ACTION_VERB.test(body)) continue;
    // 英国 + 金融时报: a media outlet that is a name of its own keeps the place apart.
    if (isMedia && places.some((q) => q.start === p.end && q.type === 'MEDIA')) continue;
    if (!isMedia && body.length <= 2 && COMPASS_ONLY.test(body)) continue;
    if (!isMedia && COMPASS_ONLY.test(body.slice(0, -1))) continue;
    let end = p.end + body.length;
    // 北京市 + 海淀区人民法院, 山西省 + 稷山县委: when the name holds a lower administrative unit, the outer
    // place stays a place of its own and the organisation starts at that unit. (台南市永康分局 has none.)
    const inner = /(?<=\p{Script=Han})[省市县区乡镇州](?=\p{Script=Han})/u.exec(body.slice(0, -1));
    const orgStart = inner && !isMedia ? p.end : p.start;
    for (let guard = 0; guard < 3; guard++) {
      const more = ORG_CONTINUES.exec(norm.slice(end, end + 16));
      if (!more) break;
      end += more[0].length;
    }
    out.push({ start: orgStart, end, type: isMedia ? 'MEDIA' : 'ORG' });
  }
  return out;
}

/** Endings that only company names have (科技, 食品, 航空 are also plain nouns: 发展高科技). */
const COMPANY = new RegExp(
  `(${MIDDLE}{2,4}?)(?:集团|通讯|客运|股份|控股|实业|置业|药业|制药|鞋业)(?!\\p{Script=Han}{0,1}(?:公司|集团|有限))`,
  'uy',
);
const COMPANY_FIRST = new Uint8Array(0x10000);
for (const c of '集通客股控实置药制鞋') COMPANY_FIRST[c.charCodeAt(0)] = 1;
/** Where a company name may begin: after punctuation or a function word, or right after a known place. */
const COMPANY_LEFT = new Set([...' \t，。、；：！？“”「」《》（）()的在是和与及而为由据向对从到被把让']);

/**
 * Company names ending in a business word, starting at a clear left boundary. Low rank: they only fill gaps
 * the tagger left, since the left edge is a guess.
 */
export function companySpans(norm: string, places: Span[]): Span[] {
  // Made only for a line with a known name (most have none).
  const placeEnds = places.length ? new Set<number>() : undefined;
  const placeAt = places.length ? new Map<number, Span>() : undefined;
  for (const p of places) {
    if (p.type === 'LOC') placeEnds!.add(p.end);
    placeAt!.set(p.start, p);
  }
  const out: Span[] = [];
  const n = norm.length;
  // Cheap filter first: an ending must begin two to four characters on. `first` is the first position at or after
  // start + 2 where one can (n for none): it only moves forward, and starts with none within reach are skipped.
  let first = -1;
  for (let start = 0; start < n - 3; start++) {
    if (first < start + 2) for (first = start + 2; first < n && !COMPANY_FIRST[norm.charCodeAt(first)];) first++;
    if (first >= n) break;
    if (first > start + 4) {
      start = first - 5;
      continue;
    }
    if (start > 0 && !COMPANY_LEFT.has(norm[start - 1]) && norm[start - 1] !== '\n' && !placeEnds?.has(start)) continue;
    COMPANY.lastIndex = start;
    const m = COMPANY.exec(norm);
    if (!m) continue;
    // 中国科技, 美国汽车: a place followed by an industry is not a company.
    const known = placeAt?.get(start);
    if (known && known.end === start + m[1].length) continue;
    out.push({ start, end: start + m[0].length, type: 'ORG' });
    start += m[0].length - 1;
  }
  return out;
}

/** Surnames rarer than the tagger's list that still begin names in official lists (薄一波, 耿飚, 厉有为). */
export const RARE_SURNAMES = '薄耿厉邢姬尉乔滕隗谯郜冀弓禹栗蔺訾阚暴郗酆扈闻';

/** Two-character surnames: a run that starts with one is a single name, not a list. */
const COMPOUND_SURNAME = /^(?:欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木|西门|南宫|独孤|轩辕|万俟)/u;

/**
 * 杨尚昆万里宋平薄一波: official lists often run names together with no separator, and the tagger reads the run
 * as one person. A run of five or more Han characters that splits into two- and three-character pieces, each
 * starting with a surname, is split into those names (more three-character pieces win: they are the commoner
 * shape). Returns the piece boundaries as offsets into `run`, or undefined when the run is one name.
 */
export function splitNameRun(run: string, surnames: ReadonlySet<string>): [number, number][] | undefined {
  const n = run.length;
  if (n < 5 || n > 24 || !/^\p{Script=Han}+$/u.test(run) || COMPOUND_SURNAME.test(run)) return undefined;
  // best[i]: the best split of run[i..] as [number of pieces, number of three-character pieces], or null.
  const best: ([number, number] | null)[] = new Array(n + 1).fill(null);
  const step = new Array<number>(n + 1).fill(0);
  best[n] = [0, 0];
  for (let i = n - 2; i >= 0; i--) {
    if (!surnames.has(run[i])) continue;
    for (const len of [3, 2]) {
      const rest = best[i + len];
      if (i + len > n || !rest) continue;
      const cand: [number, number] = [rest[0] + 1, rest[1] + (len === 3 ? 1 : 0)];
      const cur = best[i];
      if (!cur || cand[1] > cur[1]) {
        best[i] = cand;
        step[i] = len;
      }
    }
  }
  if (!best[0]) return undefined;
  const out: [number, number][] = [];
  for (let i = 0; i < n; i += step[i]) out.push([i, i + step[i]]);
  return out;
}

/** Where a road name can begin: after a place, or after a word that introduces a location. */
const ROAD_LEFT =
  /(?:[区市县镇乡村]|行经|经过|位于|途经|沿着|辖区|住在|住家|位在|前往|来到|转入|驶入|开往|在|于|沿|至|到|往|近|与|和|及|、|，)$/u;
/** A road name: two or three name characters, an optional compass part, the road word, an optional section. */
const ROAD =
  /[^之的了在和与及是为将把被让从到于也都就已曾会要并而但或等由给以使向对说称这那其各每条一二三四五六七八九十\P{Script=Han}]{2,3}?[东西南北中]?(?:路(?![线程径费况霸])|街(?![道头坊])|大道)(?:[一二三四五六七八九十]段)?/uy;
const ROAD_WORD = /[路街道]/gu;
/** Words that end in 路/街 without naming a road. */
const NOT_ROAD =
  /(?:道路|公路|铁路|马路|网路|思路|出路|走路|上路|线路|电路|套路|老路|退路|门路|来路|去路|后路|前路|小路|大路|山路|水路|陆路|航路|正路|活路|死路|弯路|近路|远路|半路|迷路|让路|开路|带路|领路|引路|问路|顺路|同路|末路|心路|坡路|丝路|大街|小街|老街|上街|逛街|街道|商业街|步行街)$/u;

/**
 * Road names (崇明路, 中华东路, 松仁路一段) after a place (台南市东区 + 崇明路) or after a word that introduces a
 * location (行经, 位于, 在, 与): the tagger, trained on 1990s mainland news, rarely knows a street, and news of
 * accidents and events names them all the time.
 */
export function roadSpans(norm: string, places: Span[]): Span[] {
  // Made only for a line with a known place (most have none).
  let starts: Set<number> | undefined;
  for (const p of places) if (p.type === 'LOC') (starts ??= new Set()).add(p.end);
  const out: Span[] = [];
  // Most text has no road word: only positions a few characters before 路, 街 or 道 are tried.
  let next = -1;
  for (let i = 1; i < norm.length - 2; i++) {
    if (next < i) {
      ROAD_WORD.lastIndex = i;
      next = ROAD_WORD.exec(norm)?.index ?? Infinity;
    }
    if (next - i > 6) {
      if (next === Infinity) break;
      i = next - 7;
      continue;
    }
    if (!starts?.has(i) && !ROAD_LEFT.test(norm.slice(Math.max(0, i - 2), i))) continue;
    ROAD.lastIndex = i;
    const m = ROAD.exec(norm);
    if (!m || NOT_ROAD.test(m[0])) continue;
    out.push({ start: i, end: i + m[0].length, type: 'LOC' });
    i += m[0].length - 1;
  }
  return out;
}

/** The regexes and tables of the scans above, for the tests that hold each scan equal to a plain loop over them. */
export const PATTERN_SCAN_PARTS = { DOTTED, TITLE_END, COMPANY, COMPANY_FIRST, COMPANY_LEFT } as const;
