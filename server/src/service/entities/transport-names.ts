/**
 * Transport names (GUIDELINES: roads are LOC, and the longest proper name is marked): a proper stem followed by a
 * head of the closed class of transport heads (路, 大道, 高速, 大桥, 枢纽, 互通, 收费站 …), and road numbers
 * (G312, S229, X305). The stem is read off the text, not off a list of roads:
 *   - a place or person of the lexicons, the gazetteer or the tagger ending at the head (江阴 + 大桥, 徐霞客 + 大道,
 *     无锡 + 东 + 收费站), whose left edge the lexicon gives (至[江阴]大桥);
 *   - two or three characters that each stand for a place (京沪, 沪宁, 京港澳: place-abbreviations-data.ts, derived
 *     from the administrative divisions and MSRA train) before a highway's or a line's head;
 *   - a stem between a clear left edge (line start, punctuation, a preposition of route) and the head that is no
 *     everyday word (锡澄高速, 峭岐枢纽, 澄张线), or, for street heads, any word (世纪大道).
 * A transport name outranks the pieces the tagger and the lists tore it into (京 + 沪, 徐霞客/PER, 港大/ORG), so it
 * replaces them. Works on the normalised (Simplified, half-width) text.
 */
import { readEnumerations, type Enumerations } from './enumerations';
import type { Span } from './gazetteer';
import { packedMap } from './mention';
import { OverlapIndex } from './overlaps';
import { PLACE_ABBREVIATION_CHARS, SINGLE_PLACE_CHARS } from './place-abbreviations-data';
import { unitTable } from './scan';

/** What the recogniser knows at a position: the lexicons' classes and its everyday words. */
export interface TransportContext {
  /** Places and persons the gazetteer or the tagger found (their right edge may be a stem's). */
  names: readonly Span[];
  /** Organisations the tagger found: a transport name inside a longer one (京沪高速公路管理处) is part of it. */
  organisations?: readonly Span[];
  /** Is norm[a, a + len) a place (or, with `person`, a person) of the name lexicons? */
  lexiconName?: (a: number, len: number, person: boolean) => boolean;
  /** Is norm[a, a + len) an everyday word of the dictionaries (世纪, 发展, 康庄大道)? */
  isWord?: (a: number, len: number) => boolean;
  /** The enumerations of `norm` (enumerations.ts), when the caller has read them already. */
  lists?: Enumerations;
}

type HeadKind = 'street' | 'highway' | 'line' | 'node' | 'bridge';
/** The closed class of heads, longest first, each with what kind of stem it takes. */
const HEADS: readonly [string, HeadKind][] = [
  ['高速公路', 'highway'],
  ['高速铁路', 'highway'],
  ['快速路', 'street'],
  ['收费站', 'node'],
  ['服务区', 'node'],
  ['立交桥', 'node'],
  ['高速', 'highway'],
  ['公路', 'highway'],
  ['铁路', 'highway'],
  ['高铁', 'highway'],
  ['大道', 'street'],
  ['大街', 'street'],
  ['大桥', 'bridge'],
  ['隧道', 'node'],
  ['枢纽', 'node'],
  ['互通', 'node'],
  ['立交', 'node'],
  ['环线', 'line'],
  ['路', 'street'],
  ['街', 'street'],
  ['线', 'line'],
];
const HEAD_RE = new RegExp(HEADS.map(([h]) => h).join('|'), 'gu');
const HEAD_KIND = new Map(HEADS);
/** The last characters of the heads (and of 匝道桥, 引桥): a name ending in one is a transport name with its parts. */
const TRANSPORT_END = /[路街道桥线速纽通站区交]$/u;
const ENDS_IN_HEAD = new RegExp(`(?:${HEADS.map(([h]) => h).join('|')}|道|速)$`, 'u');
const HEAD_FIRST = unitTable(HEADS.map(([h]) => h[0]).join(''));
const NUMBER_LETTER = unitTable('GSXY');
const ABBREVIATION = unitTable(PLACE_ABBREVIATION_CHARS);
const SINGLE_PLACE = unitTable(SINGLE_PLACE_CHARS);
const COMPASS = unitTable('东西南北中');
/** Characters no stem holds: function words, verbs of motion, measure words, numerals, demonstratives. */
const STOP = unitTable(
  '的了在和与及是为将把被让从到于也都就已曾会要并而但或等由给以使向对说称这那其该每各个些条座段号一二三四五六七八九十百千两几多全新老小主支干沿走经往至通过上下进出入转接上跨过',
);
/** A clear left edge: what a route or a list puts before a name. */
const ROUTE_BEFORE = unitTable('至到往经从由沿在走上下进入转接及和与、往');
const HAN = /\p{Script=Han}/u;
/** 高速 before a verb of change is the adverb "at high speed" (中国高速发展), not a highway. */
const ADVERB_AFTER =
  /^(?:发展|增长|运转|运行|前进|成长|扩张|推进|上涨|下跌|流动|旋转|移动|变化|攀升|扩大|提升|上升|下降|膨胀|迭代|普及|崛起|列车|动车|摄像|运算|旋|转|飞|奔|跑|增|涨|发)/u;
/** 路 and 街 opening a longer word (路线, 路段, 路况, 街头, 街道) are no road's head. */
const ROAD_WORD_AFTER = /^[线程径费况霸人面标灯段边旁基网由途口]/u;
const STREET_WORD_AFTER = /^[头道坊区巷边角面市]/u;
/** What makes the name part of an organisation's (京沪高速公路管理处, 江阴大桥管理处). */
const ORG_AFTER = /^(?:管理|公司|集团|股份|有限|指挥部|建设指挥|派出所|交警|大队|支队|中队|工程处|项目部|局|处|办)/u;

function isHan(norm: string, i: number): boolean {
  return i >= 0 && i < norm.length && HAN.test(norm[i]);
}

const ROUTE_WORD_BEFORE =
  /(?:^|[^\p{Script=Han}])\p{Script=Han}{1,6}(?:路|街|大道|大街|高速|公路|线|大桥|枢纽|互通|收费站)[-—–~～、,，/]$/u;
const ROUTE_WORD_AFTER =
  /^[-—–~～、,，/]\p{Script=Han}{1,6}?(?:路|街|大道|大街|高速|公路|线|大桥|枢纽|互通|收费站)(?:$|[也都等和与及的]|[^\p{Script=Han}])/u;
function routeNeighbour(norm: string, s: Span): boolean {
  return ROUTE_WORD_BEFORE.test(norm.slice(Math.max(0, s.start - 10), s.start)) || ROUTE_WORD_AFTER.test(norm.slice(s.end, s.end + 10));
}

/** A transport name or a road number, and whether it stands as a road on its own or only in a route beside another. */
type RouteSpan = Span & { sure: boolean };

/** Road numbers: a national, provincial, county or village road's letter and number (G312, S229, X305, G2). */
const ROAD_NUMBER = /(?<![A-Za-z0-9])([GSXY])([0-9]{1,4})(?![A-Za-z0-9])/gu;
/** What makes a road number a road where it has no road beside it. */
const NUMBER_HEAD_AFTER =
  /^(?:国道|省道|县道|乡道|高速|公路|线|沿线|段|路段|方向|出口|入口|收费站|互通|枢纽|服务区|[东西南北]向|绕行|通行|行驶|封闭|施工)/u;
const NUMBER_BEFORE = /(?:国道|省道|县道|乡道|驶入|驶离|进入|途经|经由|沿着|转入|绕行|[走经沿])$/u;
/** What may stand between two names of one route (无锡-G312-S229, S260、X305, 惠山大道（S260）). */
const ROUTE_SEPARATOR = /^[-—–~～、,，/（）()和及与至到转接]$/u;

/** Transport names in `norm` (all LOC), sorted by start; they may overlap other families' names, never each other. */
export function transportSpans(norm: string, ctx: TransportContext): Span[] {
  const out: RouteSpan[] = [];
  // Most lines hold no head and no road number: they cost one scan of their code units.
  let any = false;
  for (let i = 0; i < norm.length && !any; i++) any = HEAD_FIRST[norm.charCodeAt(i)] === 1 || NUMBER_LETTER[norm.charCodeAt(i)] === 1;
  if (!any) return out;
  // The places' and persons' starts by end, and the persons by extent: made when the first head that passes the
  // tests of its context asks for a stem (most heads' first characters, 大, 公, 高, stand in no head).
  let nameEnd: Map<number, number[]> | undefined;
  let personAt: Set<string> | undefined;
  const names = () => {
    if (nameEnd) return;
    nameEnd = new Map();
    for (const s of ctx.names) {
      if (s.type !== 'LOC' && s.type !== 'PER') continue;
      const list = nameEnd.get(s.end);
      if (list) list.push(s.start);
      else nameEnd.set(s.end, [s.start]);
    }
    personAt = new Set();
    for (const s of ctx.names) if (s.type === 'PER') personAt.add(`${s.start}:${s.end}`);
  };
  const isWord = (a: number, len: number) => a >= 0 && a + len <= norm.length && !!ctx.isWord?.(a, len);
  // The names around a head or a road, by position (each head asked every name, dozens on a long line); both tests
  // below ask only for names that overlap [a, b), so the index gives the answers of a test of every name.
  let index: OverlapIndex<Span> | undefined;
  const someName = (a: number, b: number, test: (n: Span) => boolean) => (index ??= new OverlapIndex(ctx.names)).some(a, b, test);
  let from = 0;
  HEAD_RE.lastIndex = 0;
  for (let m = HEAD_RE.exec(norm); m; m = HEAD_RE.exec(norm)) {
    const h = m.index;
    if (!HEAD_FIRST[norm.charCodeAt(h)] || h < from) continue;
    const head = m[0];
    const kind = HEAD_KIND.get(head)!;
    let end = h + head.length;
    // 无锡互通收费站: a toll station of a junction is one name.
    if ((head === '互通' || head === '枢纽') && norm.startsWith('收费站', end)) end += 3;
    const after = norm.slice(end, end + 4);
    if (head.startsWith('高速') && head.length === 2 && ADVERB_AFTER.test(after)) continue;
    if ((head === '路' && ROAD_WORD_AFTER.test(after)) || (head === '街' && STREET_WORD_AFTER.test(after))) continue;
    if (ORG_AFTER.test(after)) continue;
    // 无锡东收费站, 滨江东路: a compass character between the stem and the head is part of the name.
    const core = (kind === 'street' || kind === 'node') && h > 0 && COMPASS[norm.charCodeAt(h - 1)] ? h - 1 : h;
    // 耶路撒冷: a head inside a longer known name is no head.
    // (One that ends in a head itself, 江阴大桥东匝道桥, is a road with its parts: the road is the name.)
    if (someName(h, end, (n) => n.start <= h && n.end > end && !TRANSPORT_END.test(norm.slice(n.start, n.end)))) continue;
    names();
    const stem =
      stemStart(norm, core, kind, nameEnd!, personAt!, ctx, isWord) ??
      (core !== h ? stemStart(norm, h, kind, nameEnd!, personAt!, ctx, isWord) : undefined);
    if (!stem) continue;
    const start = stem.start;
    // 余晓路 (a person), 明石海峡大桥, 北四环东路: a name the tagger or a list read around the whole road, a person or a
    // place that begins further left at a plausible edge (not 至 in 至江阴大桥), is the fuller reading.
    if (
      someName(
        start,
        end,
        (n) =>
          n.start <= start &&
          n.end >= end &&
          (n.type === 'PER' || (n.start < start && !ROUTE_BEFORE[norm.charCodeAt(n.start)] && !STOP[norm.charCodeAt(n.start)])),
      )
    )
      continue;
    // 约翰内斯堡大街上: the streets of a city, not a street; 小康路上: the road to an everyday goal, not a road.
    if ((head === '大街' || (head === '路' && isWord(start, h - start))) && after[0] === '上') continue;
    // 唐宁街10号, 黄埔大道159号: the number of a building on the street is part of its address (MSRA).
    const house = kind === 'street' ? /^[0-9]{1,4}号/u.exec(after) : null;
    if (house) end += house[0].length;
    // 高速路, 公路桥: a stem that ends in a head of its own is a generic compound.
    if (ENDS_IN_HEAD.test(norm.slice(start, core))) continue;
    // 康庄大道, 阳关大道: a whole that is an everyday word is no name.
    if (isWord(start, end - start) && !ctx.lexiconName?.(start, end - start, false)) continue;
    if (ctx.organisations?.some((o) => o.start <= start && o.end >= end && o.end - o.start > end - start)) continue;
    out.push({ start, end, type: 'LOC', sure: !stem.weak });
    from = end;
  }
  const shared = sharedHeadItems(norm, out, ctx, isWord);
  return addRoadNumbers(norm, shared.length ? out.concat(shared) : out);
}

/** Where the proper stem before a head at `h` begins, or undefined when there is none. */
function stemStart(
  norm: string,
  h: number,
  kind: HeadKind,
  nameEnd: Map<number, number[]>,
  personAt: Set<string>,
  ctx: TransportContext,
  isWord: (a: number, len: number) => boolean,
): { start: number; weak?: boolean } | undefined {
  const people = kind === 'street' || kind === 'bridge';
  // A highway or a line after one place is that place's network, not a name (MSRA: 河北 + 高速公路, 中国 + 铁路):
  // their names join two places (京沪, 川藏) or are coined (锡澄高速, 澄张线).
  const named = kind !== 'highway' && kind !== 'line';
  // A place (or, for a street or bridge, a person) of the lexicons: the longest one ending at the head.
  if (named && ctx.lexiconName)
    for (let len = Math.min(6, h); len >= 2; len--)
      if (ctx.lexiconName(h - len, len, people) && clearBefore(norm, h - len, isWord)) return { start: h - len };
  // A place or person the gazetteer or the tagger found, the nearest one (至江阴 → 江阴 came from the lexicon above).
  const starts = named ? nameEnd.get(h) : undefined;
  if (starts) {
    const best = Math.max(...starts.filter((s) => people || !personAt.has(`${s}:${h}`)));
    // 中[华东]路: a name that begins inside a word (without the dictionaries: right after a Han character that is no
    // function word or preposition of route and ends no other name) is a segmentation accident, not the stem.
    const left =
      !isHan(norm, best - 1) ||
      ROUTE_BEFORE[norm.charCodeAt(best - 1)] === 1 ||
      STOP[norm.charCodeAt(best - 1)] === 1 ||
      nameEnd.has(best) ||
      (!!ctx.isWord && !isWord(best - 1, 2));
    if (Number.isFinite(best) && h - best >= 2 && h - best <= 6 && left) return { start: best };
  }
  // Two or three place abbreviations (京沪, 沪宁, 京港澳) before a highway's, a line's or a bridge's head. Only with the
  // model's dictionaries (ctx.isWord): the abbreviation tables are counted partly from MSRA train, research-use data
  // that the model-free mode must not read (README, "The entity model and its terms").
  if (ctx.isWord && (kind === 'highway' || kind === 'line' || kind === 'bridge')) {
    let a = h;
    while (a > 0 && h - a < 3 && ABBREVIATION[norm.charCodeAt(a - 1)] && !STOP[norm.charCodeAt(a - 1)] && norm[a - 1] !== norm[a]) a--;
    // 中国 + 铁路, 河北 + 高速公路: abbreviations that spell one place are that place, not two.
    let onePlace = false;
    for (let k = a; k <= h - 2 && !onePlace; k++) onePlace = !!ctx.lexiconName?.(k, h - k, false);
    // 桥梁, 合肥, 临界: an everyday word is a pair of places only when each character stands for a place on its own
    // in MSRA (京沪, 沪宁), not merely where a name begins or ends.
    let singles = true;
    for (let k = a; k < h && singles; k++) singles = SINGLE_PLACE[norm.charCodeAt(k)] === 1;
    if (
      h - a >= 2 &&
      !onePlace &&
      (singles || !isWord(a, h - a)) &&
      !isWord(h - 1, 2) &&
      (!isHan(norm, a - 1) || !ABBREVIATION[norm.charCodeAt(a - 1)]) &&
      clearBefore(norm, a, isWord)
    )
      return { start: a };
  }
  // A stem of two characters between punctuation (a route, a list, a heading) and the head: any word before a
  // boulevard's head (世纪大道, not 石板路 or 没有路, which are kinds of road), or a coined stem that is no everyday word
  // (锡澄, 峭岐, 澄张), never a doubled character (弯弯街).
  // Without the dictionaries (no model loaded) nothing tells a coined stem from a word: only names make stems then.
  const a = h - 2;
  if (!ctx.isWord || a < 0 || !HAN.test(norm[a]) || !HAN.test(norm[a + 1]) || norm[a] === norm[a + 1]) return undefined;
  // 经锡澄高速: before a highway's, a junction's or a line's head a preposition of route is an edge too.
  const routeEdge = kind !== 'street' && kind !== 'bridge' && ROUTE_BEFORE[norm.charCodeAt(a - 1)] === 1 && !isWord(a - 1, 2);
  if (isHan(norm, a - 1) && !routeEdge) return undefined;
  if (STOP[norm.charCodeAt(a)] || STOP[norm.charCodeAt(a + 1)]) return undefined;
  // 无套路: a stem whose last character makes a word with the head (套路, 马路, 山路) is that word.
  if (isWord(h - 1, 2)) return undefined;
  // 山高路险, 猪儿满街跑: a street's or a bridge's name ends where the name does, in a list or a route.
  if ((kind === 'street' || kind === 'bridge') && !nameEnds(norm, h)) return undefined;
  if (/^(?:大道|大街)/u.test(norm.slice(h, h + 2))) return { start: a };
  // 临界线, 澄张线: a coined line is a line only in a route beside another road (addRoadNumbers).
  if (!isWord(a, 2) && (named || !ctx.lexiconName?.(a, 2, false))) return { start: a, weak: kind === 'line' };
  return undefined;
}

/** What may follow a street's name whose stem is any word: the end of a name in a route, a list or a phrase. */
const STREET_NAME_AFTER = unitTable('的和与及至到往以等段');
const STREET_HEAD_END = new RegExp(`^(?:${HEADS.map(([h]) => h).join('|')})`, 'u');
function nameEnds(norm: string, h: number): boolean {
  const e = h + (STREET_HEAD_END.exec(norm.slice(h, h + 3))?.[0].length ?? 1);
  return !isHan(norm, e) || STREET_NAME_AFTER[norm.charCodeAt(e)] === 1;
}

/** A node's head after a list of names, with an optional count: 璜塘、江阴南、江阴4个收费站. */
const SHARED_HEAD = /^(?:[0-9一二三四五六七八九十两]{1,2}[个座处])?(?:收费站|枢纽|互通|服务区|大桥|隧道|出口|入口)/u;
const LIST_ITEM = /\p{Script=Han}{2,4}$/u;
const NODE_END = /(?:收费站|枢纽|互通|服务区|大桥|隧道)$/u;
const SHARED_HEAD_WORD = /收费站|枢纽|互通|服务区|大桥|隧道|出口|入口/u;

/**
 * 璜塘、江阴南、江阴北4个收费站, 无锡互通、无锡北、无锡东收费站: names listed before one head they share (or before
 * a last item that carries it) are each the facility's name, bare. An item is a place of the lexicons, such a place
 * with a compass character (江阴南), or a coined stem that is no everyday word; at least one is a place, so a list of
 * verbs or nouns (新建、改建3个收费站) is none.
 */
function sharedHeadItems(
  norm: string,
  found: readonly RouteSpan[],
  ctx: TransportContext,
  isWord: (a: number, len: number) => boolean,
): RouteSpan[] {
  if (!norm.includes('、') || !SHARED_HEAD_WORD.test(norm)) return [];
  const out: RouteSpan[] = [];
  const nodeAt = new Map(found.filter((f) => NODE_END.test(norm.slice(f.start, f.end))).map((f) => [f.start, f]));
  const place = (a: number, b: number) => !!ctx.lexiconName?.(a, b - a, false);
  for (const e of (ctx.lists ?? readEnumerations(norm)).lists) {
    // A list read up to its shared head ends where it did: the next one starts at a later separator.
    let done = -1;
    e.commas.forEach((i, c) => {
      if (i <= done) return;
      // The first item: the longest run of two to four characters before the separator that holds no function word.
      const first = LIST_ITEM.exec(norm.slice(Math.max(0, i - 4), i));
      if (!first) return;
      let a0 = i - first[0].length;
      for (let x = a0; x < i - 2; x++) if (STOP[norm.charCodeAt(x)]) a0 = x + 1;
      const items: [number, number][] = [[a0, i]];
      // Each later part: a facility found there closes the list; else its two to four characters before the next
      // separator, a count or the head; the head (or a count and the head) after one closes it.
      let k = i + 1;
      let closed = false;
      for (let j = c + 1; j < e.parts.length && items.length < 8; j++) {
        k = e.parts[j].start;
        if (nodeAt.has(k)) {
          closed = true;
          break;
        }
        const m = /^\p{Script=Han}{2,4}?(?=、|[0-9一二三四五六七八九十两]{1,2}[个座处]|收费站|枢纽|互通|服务区|大桥|隧道)/u.exec(
          norm.slice(k, k + 8),
        );
        if (!m) break;
        items.push([k, k + m[0].length]);
        k += m[0].length;
        if (SHARED_HEAD.test(norm.slice(k, k + 6))) {
          closed = true;
          break;
        }
        if (norm[k] !== '、') break;
      }
      if (!closed) return;
      const kinds = packedMap(items, ([a, b]) => {
        if (place(a, b)) return 'place';
        if (b - a >= 3 && COMPASS[norm.charCodeAt(b - 1)] && place(a, b - 1)) return 'place';
        if (nodeAt.has(a)) return 'node';
        let stop = false;
        for (let x = a; x < b && !stop; x++) stop = STOP[norm.charCodeAt(x)] === 1;
        return !stop && ctx.isWord && !isWord(a, b - a) && !isWord(a, 2) ? 'coined' : 'word';
      });
      if (kinds.includes('word') || !kinds.includes('place')) return;
      for (const [a, b] of items) out.push({ start: a, end: b, type: 'LOC', sure: true });
      done = k;
    });
  }
  return out;
}

/** The stem's first character does not end a word with the character before it (发[展大]道 is no 展大道). */
function clearBefore(norm: string, a: number, isWord: (a: number, len: number) => boolean): boolean {
  return a === 0 || !isHan(norm, a - 1) || !isWord(a - 1, 2) || ROUTE_BEFORE[norm.charCodeAt(a - 1)] === 1;
}

/**
 * G312, S229, X305: a road number is a road where a road's head follows it (G2京沪高速 … G312国道), a route word
 * precedes it, or it stands in one route with another road (无锡-G312-S229-北惠路, S260、X305、东外环路).
 */
function addRoadNumbers(norm: string, roads: RouteSpan[]): Span[] {
  const numbers: RouteSpan[] = [];
  ROAD_NUMBER.lastIndex = 0;
  for (let m = /[GSXY][0-9]/u.test(norm) ? ROAD_NUMBER.exec(norm) : null; m; m = ROAD_NUMBER.exec(norm)) {
    const [whole, letter, digits] = m;
    // County and village roads have three digits; provincial ones one to three; national ones one to four.
    if ((letter === 'X' || letter === 'Y') && digits.length !== 3) continue;
    if (letter === 'S' && digits.length > 3) continue;
    const start = m.index;
    const end = start + whole.length;
    const sure = NUMBER_HEAD_AFTER.test(norm.slice(end, end + 3)) || NUMBER_BEFORE.test(norm.slice(Math.max(0, start - 4), start));
    numbers.push({ start, end, type: 'LOC', sure });
  }
  // S260、X305、东外环路: a number beside a word that ends in a transport head (found by another family) is a road.
  for (const n of numbers) if (!n.sure) n.sure = routeNeighbour(norm, n);
  // Grow the sure set along routes: a number or a coined line next to a sure road, through one separator, is a road too.
  const all = [...roads, ...numbers].sort((a, b) => a.start - b.start);
  // G2京沪高速: a number right before a road's name is that road's number.
  const linked = (x: Span, y: Span) => y.start === x.end || (y.start - x.end === 1 && ROUTE_SEPARATOR.test(norm[x.end]));
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < all.length; i++) {
      if (all[i].sure) continue;
      if (
        (i > 0 && all[i - 1].sure && linked(all[i - 1], all[i])) ||
        (i + 1 < all.length && all[i + 1].sure && linked(all[i], all[i + 1]))
      ) {
        all[i].sure = true;
        changed = true;
      }
    }
  }
  // 惠山大道（S260）: a number in brackets right after a road names the same road.
  for (const n of numbers)
    if (!n.sure && /^[）)]/u.test(norm.slice(n.end, n.end + 1)))
      n.sure = /(?:路|街|大道|大街|高速|公路|线|大桥)[（(]$/u.test(norm.slice(Math.max(0, n.start - 3), n.start));
  return packedMap(
    all.filter((s) => s.sure),
    ({ start, end, type }) => ({ start, end, type }),
  );
}
