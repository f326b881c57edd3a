/**
 * Feature extraction for the character tagger, shared by training and decoding so the two can never drift:
 * character unigrams and bigrams in a ±2 window, character classes, transliteration/surname/suffix flags,
 * gazetteer and training-name positions, word boundaries from a word lexicon induced from the training text, and
 * the identity of the induced words just before and after each character, each hashed straight from code units
 * (no strings are built per character).
 */
import type { EntityType } from '../types';
import { TRANSLIT } from './patterns';
import type { Trie } from './trie';
import { wordMarks, type WordMarks, type WordSet } from './words';
import type { NameLexicon } from './lexicon';

export const FEATURES_PER_CHAR = 30;
/** Slots of the word-context features (the induced word ending just before a position, and starting just after it). */
export const WORD_BEFORE_SLOT = 25;
export const WORD_AFTER_SLOT = 26;
/** Bumped whenever templates change, and stored in the model, so an old model is refused, not misread. */
export const FEATURE_VERSION = 10;

const BOS = 1;
const EOS = 2;

export const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);
const TRANSLIT_SET = new Set([...TRANSLIT]);
const NUMERAL = new Set([...'〇零一二三四五六七八九十百千万亿两']);
/** Characters that end organisation names, and characters that end place names (flags over the window). */
const ORG_SUFFIX = new Set([...'部局院社报台会司团队行厂校所馆委厅处署军党组办站']);
const LOC_SUFFIX = new Set([...'省市县区州镇乡村路街山河江湖岛洋海港湾洲国道屯庄峡']);

/** Folded code used by n-gram features: digits collapse to '0', Latin letters to lower case. */
export function foldCode(c: number): number {
  if (c >= 0x30 && c <= 0x39) return 0x30;
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  return c;
}

function charClass(c: number): number {
  if (c === BOS) return 7;
  if (c === EOS) return 8;
  if (c >= 0x30 && c <= 0x39) return 1;
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 2;
  if (c === 0x20 || c === 0x09) return 4;
  const ch = String.fromCharCode(c);
  if (NUMERAL.has(ch)) return 5;
  if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xf900 && c <= 0xfaff)) return 0;
  if (c === 0xb7) return 6;
  return 3;
}

const TYPE_CODE: Record<EntityType, number> = { PER: 1, ORG: 2, LOC: 3, MEDIA: 2 };

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Precomputed per-code-unit attributes (surname / transliteration flags, class) to keep the hot loop lean. */
let attrCache: Uint8Array | undefined;
function attrs(): Uint8Array {
  if (!attrCache) {
    attrCache = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      attrCache[c] =
        charClass(c) |
        (SURNAMES.has(ch) ? 16 : 0) |
        (TRANSLIT_SET.has(ch) ? 32 : 0) |
        (ORG_SUFFIX.has(ch) ? 64 : 0) |
        (LOC_SUFFIX.has(ch) ? 128 : 0);
    }
    attrCache[BOS] = 7;
    attrCache[EOS] = 8;
  }
  return attrCache;
}

/**
 * Dictionary positions: for each code unit, the type (1..3) and position (1 B, 2 I, 3 E, 4 S) within the longest
 * gazetteer entry covering it, packed as type*8+pos (0 = none); and the length (capped at 7) of the longest entry
 * starting there.
 */
export function dictionaryMarks(
  norm: string,
  gaz: Trie<EntityType> | undefined,
  scratch?: { cover: Uint8Array; coverLen: Uint8Array; startLen: Uint8Array },
): { cover: Uint8Array; startLen: Uint8Array } {
  const n = norm.length;
  // With `scratch` (the decoder's reused arrays, at least n long), only the first n entries are meaningful.
  const cover = scratch ? scratch.cover.fill(0, 0, n) : new Uint8Array(n);
  const coverLen = scratch ? scratch.coverLen.fill(0, 0, n) : new Uint8Array(n);
  const startLen = scratch ? scratch.startLen.fill(0, 0, n) : new Uint8Array(n);
  if (!gaz) return { cover, startLen };
  for (let i = 0; i < n; i++) {
    const end = gaz.longestEnd(norm, i);
    if (end < 0) continue;
    const len = end - i;
    startLen[i] = Math.min(len, 7);
    const t = TYPE_CODE[gaz.lastValue as EntityType];
    for (let k = i; k < end; k++) {
      if (coverLen[k] >= len) continue;
      coverLen[k] = Math.min(len, 255);
      const pos = len === 1 ? 4 : k === i ? 1 : k === end - 1 ? 3 : 2;
      cover[k] = t * 8 + pos;
    }
  }
  return { cover, startLen };
}

let codeScratch = new Uint16Array(0);
const dictArrays = (m: number) => ({ cover: new Uint8Array(m), coverLen: new Uint8Array(m), startLen: new Uint8Array(m) });
let dictScratch = [dictArrays(0), dictArrays(0)];
let nameScratch = { marks: new Uint8Array(0), len: new Uint8Array(0), cover: new Uint8Array(0) };
let wordScratch: WordMarks = { startLen: new Uint8Array(0), endLen: new Uint8Array(0), midLen: new Uint8Array(0), fmm: new Uint8Array(0) };

/**
 * A WebAssembly work area (simd.ts `EmissionKernel`): its ids, a buffer for a line's folded code units, and the
 * hashing of the character slots (0-9) from there into its ids, to the ids `characterIds` makes.
 */
export interface HashArea {
  readonly ids: Uint32Array;
  readonly codes: Uint16Array;
  characterIds(n: number, shift: number): void;
  /** Byte arrays a line long, in the order of AREA_LINES, that the walks write and `contextIds` reads. */
  readonly lines: readonly Uint8Array[];
  /** The other slots `contextIds` makes, from `lines`, into its ids. */
  contextIds(n: number, small: number): void;
  /** The slots `wordContextIds` makes, from `codes` and `lines`, into its ids. */
  wordContextIds(n: number, shift: number): void;
}

/** The arrays of a work area's `lines`, in order (emissions.wat `contextIds` reads them so). */
export const AREA_LINES = [
  'attributes',
  'cover',
  'startLen',
  'lexCover',
  'lexStartLen',
  'wordStart',
  'wordEnd',
  'wordMid',
  'fmm',
  'names',
  'nameLen',
] as const;

interface AreaScratch {
  /** The attributes of `codes` (two BOS, the line, two EOS). */
  av: Uint8Array;
  dict: { cover: Uint8Array; coverLen: Uint8Array; startLen: Uint8Array }[];
  words: WordMarks;
  nm: Uint8Array;
  nl: Uint8Array;
  nameCover: Uint8Array;
}
/** Each work area's arrays as the walks take them (the cover lengths only the walks read, so they stay here). */
const areaScratch = new WeakMap<HashArea, AreaScratch>();
function scratchIn(area: HashArea): AreaScratch {
  let s = areaScratch.get(area);
  if (!s) {
    const [av, cover, startLen, lexCover, lexStartLen, sl, el, mid, fmm, nm, nl] = area.lines;
    const m = av.length;
    s = {
      av,
      dict: [
        { cover, coverLen: new Uint8Array(m), startLen },
        { cover: lexCover, coverLen: new Uint8Array(m), startLen: lexStartLen },
      ],
      words: { startLen: sl, endLen: el, midLen: mid, fmm },
      nm,
      nl,
      nameCover: new Uint8Array(m * 8),
    };
    areaScratch.set(area, s);
  }
  return s;
}

/**
 * Writes FEATURES_PER_CHAR hashed feature ids (in [0, 2^bits)) for every code unit of `norm` into `out`
 * (length n * FEATURES_PER_CHAR), position-major. With `area`, when `out` is its ids and the line fits, the
 * character slots are hashed there (the ids past the line's may be overwritten).
 */
export function extractFeatures(
  norm: string,
  gaz: Trie<EntityType> | undefined,
  bits: number,
  out?: Uint32Array,
  lexicon?: Trie<EntityType>,
  words?: WordSet,
  names?: NameLexicon,
  area?: HashArea,
): Uint32Array {
  const n = norm.length;
  const F = FEATURES_PER_CHAR;
  const ids = out ?? new Uint32Array(n * F);
  const a = attrs();
  const inArea =
    area !== undefined && ids === area.ids && F === 30 && n + 8 <= area.codes.length && area.lines.length === AREA_LINES.length;
  const at = inArea ? scratchIn(area) : undefined;
  if (!inArea && codeScratch.length < n + 4) codeScratch = new Uint16Array((n + 4) * 2);
  const codes = inArea ? area.codes : codeScratch;
  codes[0] = BOS;
  codes[1] = BOS;
  if (at) {
    // The attributes beside the codes, for the hashing in the work area (JavaScript reads `a` where it needs them).
    const av = at.av;
    av[0] = av[1] = a[BOS];
    for (let i = 0; i < n; i++) {
      const c = foldCode(norm.charCodeAt(i));
      codes[i + 2] = c;
      av[i + 2] = a[c];
    }
    av[n + 2] = av[n + 3] = a[EOS];
  } else for (let i = 0; i < n; i++) codes[i + 2] = foldCode(norm.charCodeAt(i));
  codes[n + 2] = EOS;
  codes[n + 3] = EOS;
  if (!at && dictScratch[0].cover.length < n) dictScratch = [dictArrays(n * 2), dictArrays(n * 2)];
  const dict = at ? at.dict : dictScratch;
  const { cover, startLen } = dictionaryMarks(norm, gaz, dict[0]);
  const lex = dictionaryMarks(norm, lexicon, dict[1]);
  if (!at && wordScratch.fmm.length < n) {
    const m = n * 2;
    wordScratch = { startLen: new Uint8Array(m), endLen: new Uint8Array(m), midLen: new Uint8Array(m), fmm: new Uint8Array(m) };
  }
  const wm = wordMarks(norm, words, at ? at.words : wordScratch);
  if (!at && nameScratch.marks.length < n)
    nameScratch = { marks: new Uint8Array(n * 2), len: new Uint8Array(n * 2), cover: new Uint8Array(n * 8) };
  const nm = at ? at.nm : nameScratch.marks;
  const nl = at ? at.nl : nameScratch.len;
  if (names) names.marks(norm, nm, nl, at ? at.nameCover : nameScratch.cover);
  else {
    nm.fill(0, 0, n);
    nl.fill(0, 0, n);
  }
  const shift = 32 - bits;
  // Templates with few distinct values (classes, dictionary and word positions) hash into the first 2^15
  // buckets, so their weights stay in the CPU cache; decoding is bound by memory reads, not arithmetic.
  const small = 32 - Math.min(bits - 2, 15);
  // Three loops of about fifteen hashes each rather than one of forty-five: V8 inlines `mix` only up to a budget of code
  // per function, and a call per hash made this the slower half of tagging (same ids either way).
  if (inArea) area.characterIds(n, shift);
  else characterIds(ids, n, codes, shift);
  if (at) {
    area!.wordContextIds(n, shift);
    area!.contextIds(n, small);
  } else {
    wordContextIds(ids, n, codes, a, cover, wm, nm, shift);
    contextIds(ids, n, codes, a, { cover, startLen }, lex, wm, nm, nl, small);
  }
  return ids;
}

/** Character n-grams (slots 0-9). */
function characterIds(ids: Uint32Array, n: number, codes: Uint16Array, shift: number): void {
  const F = FEATURES_PER_CHAR;
  for (let i = 0; i < n; i++) {
    const m2 = codes[i];
    const m1 = codes[i + 1];
    const c0 = codes[i + 2];
    const p1 = codes[i + 3];
    const p2 = codes[i + 4];
    const base = i * F;
    ids[base] = mix(0x1001, m2) >>> shift;
    ids[base + 1] = mix(0x2002, m1) >>> shift;
    ids[base + 2] = mix(0x3003, c0) >>> shift;
    ids[base + 3] = mix(0x4004, p1) >>> shift;
    ids[base + 4] = mix(0x5005, p2) >>> shift;
    ids[base + 5] = mix(mix(0x6006, m2), m1) >>> shift;
    ids[base + 6] = mix(mix(0x7007, m1), c0) >>> shift;
    ids[base + 7] = mix(mix(0x8008, c0), p1) >>> shift;
    ids[base + 8] = mix(mix(0x9009, p1), p2) >>> shift;
    ids[base + 9] = mix(mix(0xa00a, m1), p1) >>> shift;
  }
}

/** The induced words just before and after each character (slots 25, 26), and the marks combined with the character (17, 24, 29). */
function wordContextIds(
  ids: Uint32Array,
  n: number,
  codes: Uint16Array,
  a: Uint8Array,
  cover: Uint8Array,
  wm: WordMarks,
  nm: Uint8Array,
  shift: number,
): void {
  const F = FEATURES_PER_CHAR;
  const sl = wm.startLen,
    el = wm.endLen,
    fm = wm.fmm;
  for (let i = 0; i < n; i++) {
    const m1 = codes[i + 1];
    const c0 = codes[i + 2];
    const p1 = codes[i + 3];
    const base = i * F;
    ids[base + 17] = mix(mix(0x12012, cover[i]), c0) >>> shift;
    ids[base + 24] = mix(mix(0x19019, fm[i]), c0) >>> shift;
    ids[base + 29] = mix(mix(0x21021, nm[i]), c0) >>> shift;
    // Word context: the longest induced word ending just before i (记者, 总统 before a name), with c0's
    // surname/transliteration flags, and the one starting just after i (表示, 政府 after one), with c0's
    // organisation/place-suffix flags; each hashed whole, the neighbouring character where there is no word.
    // Held-out 0.8295 without, 0.8313 with the words alone, 0.8339 with the flags.
    const a0 = a[c0];
    const lb = i > 0 ? el[i - 1] : 0;
    let hb = 0x1d01d + lb;
    if (lb) for (let k = i - lb; k < i; k++) hb = mix(hb, codes[k + 2]);
    else hb = mix(hb, m1);
    ids[base + WORD_BEFORE_SLOT] = mix(hb, 0x1d01d + ((a0 >> 4) & 3)) >>> shift;
    const la = i + 1 < n ? sl[i + 1] : 0;
    let ha = 0x1e01e + la;
    if (la) for (let k = i + 1; k <= i + la; k++) ha = mix(ha, codes[k + 2]);
    else ha = mix(ha, p1);
    ids[base + WORD_AFTER_SLOT] = mix(ha, 0x1e01e + (a0 >> 6)) >>> shift;
  }
}

/** Classes, flags, dictionary, word and lexicon positions, and those combined with the character (the other slots). */
function contextIds(
  ids: Uint32Array,
  n: number,
  codes: Uint16Array,
  a: Uint8Array,
  dict: { cover: Uint8Array; startLen: Uint8Array },
  lex: { cover: Uint8Array; startLen: Uint8Array },
  wm: WordMarks,
  nm: Uint8Array,
  nl: Uint8Array,
  small: number,
): void {
  const F = FEATURES_PER_CHAR;
  const { cover, startLen } = dict;
  const sl = wm.startLen,
    el = wm.endLen,
    fm = wm.fmm;
  for (let i = 0; i < n; i++) {
    const m2 = codes[i];
    const m1 = codes[i + 1];
    const c0 = codes[i + 2];
    const p1 = codes[i + 3];
    const p2 = codes[i + 4];
    const base = i * F;
    // Character trigrams used to sit here: on the held-out slice they added nothing (0.8105 without, 0.8087
    // with) and cost three cache misses per character, so these slots hold cheap combinations: classes with the
    // word position, surname/suffix flags at a word boundary, and the word position with both dictionaries
    // (held-out 0.8153).
    ids[base + 10] = mix(0x1c01c, (a[m1] & 15) | ((a[c0] & 15) << 4) | (fm[i] << 8)) >>> small;
    ids[base + 11] = mix(0x1a01a, (a[c0] >> 4) | ((a[m1] >> 4) << 4) | ((i > 0 ? el[i - 1] : 15) << 8) | (sl[i] << 12)) >>> small;
    ids[base + 12] = mix(0x1b01b, fm[i] | (lex.cover[i] << 8) | (cover[i] << 16)) >>> small;
    const am1 = a[m1];
    const a0 = a[c0];
    const ap1 = a[p1];
    ids[base + 13] = mix(0xe00e, (am1 & 15) | ((a0 & 15) << 4) | ((ap1 & 15) << 8)) >>> small;
    ids[base + 14] = mix(0xf00f, (am1 >> 4) | ((a0 >> 4) << 4) | ((ap1 >> 4) << 8) | ((a[m2] >> 4) << 12) | ((a[p2] >> 4) << 16)) >>> small;
    const dm1 = i > 0 ? cover[i - 1] : 255;
    const dp1 = i + 1 < n ? cover[i + 1] : 255;
    ids[base + 15] = mix(0x10010, cover[i] | (startLen[i] << 8)) >>> small;
    ids[base + 16] = mix(0x11011, dm1 | (cover[i] << 8) | (dp1 << 16)) >>> small;
    // The lexicon of names seen in training (jackknifed while training, so its hits are as unreliable as at run time).
    const lm1 = i > 0 ? lex.cover[i - 1] : 255;
    const lp1 = i + 1 < n ? lex.cover[i + 1] : 255;
    ids[base + 18] = mix(0x13013, lex.cover[i] | (lex.startLen[i] << 8)) >>> small;
    ids[base + 19] = mix(0x14014, lm1 | (lex.cover[i] << 8) | (lp1 << 16)) >>> small;
    ids[base + 20] = mix(0x15015, lex.cover[i] | (cover[i] << 8)) >>> small;
    // Word boundaries from the induced word lexicon: the longest words starting, ending and covering here,
    // the boundaries on either side, and forward maximum matching.
    ids[base + 21] = mix(0x16016, sl[i] | (el[i] << 4) | (wm.midLen[i] << 8)) >>> small;
    ids[base + 22] = mix(0x17017, (i > 0 ? el[i - 1] : 15) | (sl[i] << 4) | (el[i] << 8) | ((i + 1 < n ? sl[i + 1] : 15) << 12)) >>> small;
    ids[base + 23] = mix(0x18018, (i > 0 ? fm[i - 1] : 255) | (fm[i] << 8) | ((i + 1 < n ? fm[i + 1] : 255) << 16)) >>> small;
    // External name lexicons (jieba nr/ns/nt, administrative divisions, countries: lexicon.ts): the character's
    // position in the longest entry of each class, with the covering length; the same over a ±1 window; and
    // with the character itself, so a lexicon hit on a common character can be learned apart.
    const nmi = nm[i];
    ids[base + 27] = mix(0x1f01f, nmi | (nl[i] << 8) | (fm[i] << 11)) >>> small;
    ids[base + 28] = mix(0x20020, (i > 0 ? nm[i - 1] : 255) | (nmi << 8) | ((i + 1 < n ? nm[i + 1] : 255) << 16)) >>> small;
  }
}
