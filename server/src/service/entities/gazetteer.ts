/**
 * The gazetteer: known names matched leftmost-longest on script-normalised text, plus the few context rules
 * a bare list cannot express (白宫 acting as the administration, one-character country abbreviations).
 */
import type { EntityType } from '../types';
import { gazetteerEntries, PLACE_ABBREVIATIONS } from './gazetteer-data';
import { Trie } from './trie';

export interface Span {
  start: number;
  end: number;
  type: EntityType;
  /** A gazetteer name that is also a common word (联想, 奔驰, 求是): kept only where the tagger also sees a name. */
  weak?: boolean;
}

/** Names that are also everyday words or idiom parts (联想到, 纵情奔驰, 点点滴滴, 实事求是, 大众化). */
const COMMON_WORD_NAMES = new Set(['联想', '奔驰', '滴滴', '求是', '大众', '大理', '小米', '阿里', '宝马', '本田']);

let shared: Trie<EntityType> | undefined;

/** The built-in gazetteer as a trie over Simplified text (built once, on first use). */
export function gazetteerTrie(): Trie<EntityType> {
  if (!shared) {
    shared = new Trie<EntityType>();
    for (const e of gazetteerEntries()) shared.set(e.text, e.type);
  }
  return shared;
}

const HAN = /\p{Script=Han}/u;
const isHan = (ch: string | undefined) => ch !== undefined && HAN.test(ch);

/** Verbs after 白宫 that make it the administration acting (ORG) rather than the building (LOC). */
const WHITE_HOUSE_ACTS =
  /^[^，。；！？,;!?\n]{0,12}?(宣布|表示|称|說|说|透露|证实|否认|回应|发表|发布|声明|宣称|指出|强调|批评|警告|要求|拒绝|确认|官员|发言人|新闻秘书|幕僚)/u;
const WHITE_HOUSE_PLACE = /(重返|入主|进入|回到|前往|抵达|离开|走出|住进|在)$/u;

/** Leftmost-longest gazetteer hits in normalised text. */
export function gazetteerSpans(norm: string, trie = gazetteerTrie()): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < norm.length;) {
    const m = trie.longestAt(norm, i);
    if (!m) {
      i++;
      continue;
    }
    let type = m.value;
    const surface = norm.slice(i, m.end);
    if (surface === '白宫') {
      const before = norm.slice(Math.max(0, i - 2), i);
      if (!WHITE_HOUSE_PLACE.test(before) && WHITE_HOUSE_ACTS.test(norm.slice(m.end, m.end + 20))) type = 'ORG';
    }
    // 中东部, 东北风, 西南侧: a compass region name followed by 部/风/侧 is a direction, not a place.
    if (COMPASS_REGION.test(surface) && DIRECTION_TAIL.has(norm[m.end])) {
      i = m.end;
      continue;
    }
    // 中华民族, 中华文化: the people or culture, not a place.
    if (surface === '中华' && /^(?:民族|文化|文明|儿女)/u.test(norm.slice(m.end, m.end + 2))) {
      i = m.end;
      continue;
    }
    // 民主党派: the parties collectively, not a party.
    if (surface === '民主党' && norm[m.end] === '派') {
      i = m.end;
      continue;
    }
    out.push(COMMON_WORD_NAMES.has(surface) ? { start: i, end: m.end, type, weak: true } : { start: i, end: m.end, type });
    i = m.end;
  }
  return out;
}

const COMPASS_REGION = /^[东南西北中华]{2}$/u;
const DIRECTION_TAIL = new Set([...'部风侧面向']);

/** Country/territory abbreviations that pair up: 中美, 美俄, 俄乌, 港澳, 欧美; and cities and provinces: 京沪, 深穗莞, 京津冀, 粤港澳. */
const PAIRING = new Set([...'中美俄韩朝英德印欧乌台港澳伊京津冀沪深穗莞粤渝']);
const CITY_RE = /[京津冀沪深穗莞粤渝]/u;
const CITY_RUN_RE = /^[京津冀沪深穗莞粤渝港澳台]+$/u;
/** Single abbreviations after a travel/stationing verb: 访华, 赴台, 驻美, 来港. */
const AFTER_VERB = new Set([...'华美俄日韩朝英法德台港澳京沪']);
const TRAVEL_VERB = new Set([...'访赴抵驻来离返']);
/** A following character that turns the pair into another word (中英文, 美元). */
const PAIR_BLOCKERS = new Set([...'文语字元']);
/** Pairs that are ordinary words (美德 virtue). */
const PAIR_WORDS = new Set(['美德']);
const MEDIA_SUFFIX_ABBR = new Set([...'美俄日韩港台英法德印伊以澳欧乌朝']);

/** Each code unit's roles below, as bits of one table: the scan reads one array entry per position, not a set of strings. */
const PAIRS = 1;
const AFTER = 2;
const MEDIA = 4;
const TRAVEL = 8;
const BLOCKS = 16;
const ABBR = new Uint8Array(0x10000);
const mark = (chars: Iterable<string>, bit: number) => {
  for (const c of chars) ABBR[c.charCodeAt(0)] |= bit;
};
mark(PAIRING, PAIRS);
mark(AFTER_VERB, AFTER);
mark(MEDIA_SUFFIX_ABBR, MEDIA);
mark(TRAVEL_VERB, TRAVEL);
mark(PAIR_BLOCKERS, BLOCKS);
const MEDIA_UNIT = '媒'.charCodeAt(0);
const COME_UNIT = '来'.charCodeAt(0);
/** The roles of the code unit at `i` (0 past either end). */
const roles = (norm: string, i: number) => (i >= 0 && i < norm.length ? ABBR[norm.charCodeAt(i)] : 0);

/**
 * One-character place abbreviations in context, avoiding positions already covered by `taken`.
 * Kept conservative: a wrong single character is worse than a missed one.
 */
export function abbreviationSpans(norm: string, taken: Uint8Array): Span[] {
  const out: Span[] = [];
  const n = norm.length;
  for (let i = 0; i < n; i++) {
    const c = norm.charCodeAt(i);
    const f = ABBR[c];
    if (taken[i] || !(f & (PAIRS | AFTER | MEDIA))) continue;
    if (f & PAIRS) {
      let j = i;
      while (j < n && j - i < 4 && !taken[j] && roles(norm, j) & PAIRS) j++;
      if (j - i >= 2) {
        // 深深, 津津有味: a character doubled is a word, not two places. City abbreviations pair only among
        // themselves and with 港澳台 (京沪, 深港): 其中沪指, 奈津美 and 朝美穗香 are no pairs of places.
        const run = norm.slice(i, j);
        const doubled = norm.charCodeAt(i + 1) === c || (CITY_RE.test(run) && !CITY_RUN_RE.test(run));
        if (!doubled && !(roles(norm, j) & BLOCKS) && !PAIR_WORDS.has(run) && !(j < n && taken[j] === 0 && roles(norm, j) & PAIRS)) {
          for (let k = i; k < j; k++) out.push({ start: k, end: k + 1, type: 'LOC' });
          i = j - 1;
          continue;
        }
      }
    }
    if (f & AFTER && i > 0 && roles(norm, i - 1) & TRAVEL && !taken[i - 1] && !(roles(norm, i + 1) & BLOCKS)) {
      // 来华 yes, 原来/后来/以来 + 华 no: 来 counts only after a non-Han character or 前/专/再.
      if (norm.charCodeAt(i - 1) === COME_UNIT && isHan(norm[i - 2]) && !'前专再首'.includes(norm[i - 2])) continue;
      out.push({ start: i, end: i + 1, type: 'LOC' });
      continue;
    }
    if (f & MEDIA && norm.charCodeAt(i + 1) === MEDIA_UNIT) {
      out.push({ start: i, end: i + 1, type: 'LOC' });
    }
  }
  return out;
}

export { isHan, PLACE_ABBREVIATIONS };
