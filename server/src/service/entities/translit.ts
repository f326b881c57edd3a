/**
 * Transliterated foreign names nobody lists (issue 11, fifth round): 岘港, 马里乌波尔, 泽连斯基. A character bigram
 * model learned from lexicons (translit-table.ts, built by scripts/build-translit.ts) scores how much a run of
 * characters looks like a transliteration rather than ordinary Chinese; a run that scores high is a name only where
 * its context says which kind: a place after 在/到/飞往/抵达/位于 … or before 市/港/州/省, a person before
 * 表示/说/称 … or after a title (总统, 总理, 外长 …). Only text no other family marked is read.
 */
import type { EntityMention, EntityType } from '../types';
import { translitTable } from './translit-data';
import { concatByStart } from './overlaps';
import { anyMarked, articleMarks } from './marks';
import { moved, packedMap } from './mention';

/**
 * The table as typed arrays (0.5 MB; Maps of the same 27,000 strings held 2.2 MB of heap and 5 MB of RSS in the
 * server): ratios are stored in tenths (the table has one decimal, so `n / 10` is the same number `Number` parses),
 * unigrams indexed by UTF-16 code unit, bigrams in an open-addressing hash on the two code units. The table holds BMP
 * characters only; a character outside it reads as unknown, as it did in the Maps.
 */
interface Model {
  uni: Int16Array;
  keys: Int32Array;
  vals: Int16Array;
  mask: number;
}
const MISSING = -32768;
const tenths = (s: string) => Math.round(Number(s) * 10);
const slot = (key: number, mask: number) => (Math.imul(key, 0x9e3779b1) >>> 7) & mask;
let model: Model | undefined;
function load(): Model {
  if (model) return model;
  const { chars, bigrams } = translitTable();
  const uni = new Int16Array(65536).fill(MISSING);
  for (const row of chars.split(';')) uni[row.charCodeAt(0)] = tenths(row.slice(1));
  const rows = bigrams.split(';');
  let size = 1;
  while (size < rows.length * 2) size *= 2;
  const mask = size - 1;
  const keys = new Int32Array(size).fill(-1);
  const vals = new Int16Array(size);
  for (const row of rows) {
    const key = (row.charCodeAt(0) << 16) | row.charCodeAt(1);
    let i = slot(key, mask);
    while (keys[i] !== -1 && keys[i] !== key) i = (i + 1) & mask;
    keys[i] = key;
    vals[i] = tenths(row.slice(2));
  }
  return (model = { uni, keys, vals, mask });
}

/** Log ratio, transliteration against ordinary Chinese, of `b` following `a` (`^` before a word's start). */
export function translitStep(a: string, b: string): number {
  return step(load(), a, b);
}

function step(m: Model, a: string, b: string): number {
  if (a.length === 1 && b.length === 1) {
    const key = (a.charCodeAt(0) << 16) | b.charCodeAt(0);
    for (let i = slot(key, m.mask); m.keys[i] !== -1; i = (i + 1) & m.mask) if (m.keys[i] === key) return m.vals[i] / 10;
  }
  const u = b.length === 1 ? m.uni[b.charCodeAt(0)] : MISSING;
  return u === MISSING ? -2 : u / 10;
}

/** Mean log ratio per character of `s` read as a whole word (with its start and end). */
export function translitScore(s: string): number {
  return scoreRun(s).score;
}

/** The mean ratio of `s` as a whole word, and the least ratio any of its characters gives (the end not counted). */
function scoreRun(s: string): { score: number; low: number } {
  const m = load();
  let sum = 0;
  let low = Infinity;
  let prev = '^';
  for (const c of s) {
    const r = step(m, prev, c);
    sum += r;
    low = Math.min(low, r);
    prev = c;
  }
  sum += step(m, prev, '$');
  return { score: sum / (s.length + 1), low };
}

/** The mean ratio a run must reach (nats per character), and the least any one character may give. */
export const TRANSLIT_MIN_SCORE = 1.0;
const MIN_STEP = -0.5;

const PLACE_BEFORE = /(?:在|到|飞往|飞抵|抵达|位于|前往|来自|访问|途经|返回|离开|出访|驶往|转往)$/u;
const PLACE_SUFFIX = /^[市港州省湾岛]/u;
const PERSON_AFTER = /^(?:表示|说|称|指出|认为|强调|透露|告诉|回应|坦言|宣布|声称)/u;
const TITLE_BEFORE =
  /(?:总统|总理|首相|外长|部长|主席|国务卿|发言人|大使|议员|教练|主帅|球星|国王|女王|王子|市长|州长|总裁|首席执行官|董事长|创始人|将军|教授|博士|记者)$/u;
/** Characters a name never takes at its edge here: function words and the cues themselves. */
/** A Han character, a run of them, and one of two or more (regular expressions made once, not at each use). */
const HAN_CHAR = /\p{Script=Han}/u;
const HAN_RUN = /^\p{Script=Han}+$/u;
const HAN_RUN_2 = /^\p{Script=Han}{2,}$/u;
const EDGE_STOP = /[的了在和与及是为将把被让从到于也都就已曾会要并而但或等由给以使向对说称表这那其该每各所年月日时分个位名]/u;

export interface TranslitContext {
  /** Is `norm.slice(a, a + len)` a word of the dictionaries (not a name)? */
  isWord: (a: number, len: number) => boolean;
}

/** Does a dictionary word run across either edge of [a, b) (锅里问 of 问题)? */
function crossesWord(a: number, b: number, n: number, ctx: TranslitContext): boolean {
  for (let l = 2; l <= 4; l++)
    for (let s = Math.max(0, a - l + 1); s < a; s++) if (s + l > a && s + l <= n && ctx.isWord(s, l)) return true;
  for (let l = 2; l <= 4; l++) for (let s = b - l + 1; s < b; s++) if (s > a && s + l > b && s + l <= n && ctx.isWord(s, l)) return true;
  return false;
}

/** The longest run (2–6 characters) with one fixed edge; `dir` +1 grows rightwards from `at`, −1 leftwards to `at`. */
function bestRun(norm: string, at: number, dir: 1 | -1, covered: Uint8Array, ctx: TranslitContext): [number, number] | undefined {
  let best: [number, number, number] | undefined;
  for (let len = 2; len <= 6; len++) {
    const [a, b] = dir === 1 ? [at, at + len] : [at - len, at];
    if (a < 0 || b > norm.length) break;
    const s = norm.slice(a, b);
    if (!HAN_RUN.test(s) || anyMarked(covered, a, b)) break;
    const edge = dir === 1 ? s[len - 1] : s[0];
    if (EDGE_STOP.test(edge)) break;
    if (ctx.isWord(a, len) || crossesWord(a, b, norm.length, ctx)) continue;
    const { score, low } = scoreRun(s);
    // The longest run that still reads as a transliteration: the best-scoring one is often a piece (卡萨 of 卡萨诺维奇).
    if (low >= MIN_STEP && score >= TRANSLIT_MIN_SCORE) best = [a, b, score];
  }
  return best && [best[0], best[1]];
}

export function translitNames(mentions: EntityMention[], text: string, norm: string, ctx: TranslitContext): EntityMention[] {
  const covered = articleMarks.take(norm.length);
  try {
    for (const m of mentions) covered.fill(1, m.start, m.end);
    const added: EntityMention[] = [];
    const add = (run: [number, number] | undefined, type: EntityType, end = run?.[1]) => {
      if (!run || end === undefined) return;
      const [a] = run;
      if (anyMarked(covered, a, end)) return;
      covered.fill(1, a, end);
      added.push({ start: a, end, text: text.slice(a, end), type, confidence: 0.6, source: 'pattern' });
    };
    for (let i = 0; i < norm.length; i++) {
      if (covered[i] || !HAN_CHAR.test(norm[i])) continue;
      const before = norm.slice(Math.max(0, i - 6), i);
      // Rightwards from a place verb or a title: 抵达岘港, 总统泽连斯基.
      if (PLACE_BEFORE.test(before)) {
        const run = bestRun(norm, i, 1, covered, ctx);
        if (run) add(run, 'LOC', PLACE_SUFFIX.test(norm[run[1]] ?? '') ? run[1] + 1 : run[1]);
      } else if (TITLE_BEFORE.test(before)) add(bestRun(norm, i, 1, covered, ctx), 'PER');
      // Leftwards from a place ending or a verb of saying: 岘港市, 泽连斯基表示.
      const after = norm.slice(i, i + 3);
      if (i >= 2 && PLACE_SUFFIX.test(after) && !covered[i - 1]) {
        const run = bestRun(norm, i, -1, covered, ctx);
        if (run && !ctx.isWord(run[0], i + 1 - run[0])) add(run, 'LOC', i + 1);
      } else if (i >= 2 && PERSON_AFTER.test(after) && !covered[i - 1]) add(bestRun(norm, i, -1, covered, ctx), 'PER');
    }
    if (!added.length) return mentions;
    return concatByStart(mentions, added);
  } finally {
    articleMarks.give(covered);
  }
}

/** How much a longer reading must gain over the mention's own score (nats per character) to replace it. */
export const TRANSLIT_GROWTH_GAIN = 0.3;
/** The least score a person or place mention needs before it is read as a transliteration that may be cut. */
const GROWTH_BASE = 0.8;

/**
 * A transliterated name the tagger cut short (迪丽 + 热巴, 西亚 of 瓦伦西亚, 劳伦斯 of 詹妮弗劳伦斯) takes back the
 * characters beside it (up to three before, two after) when the longer run reads clearly more like a
 * transliteration than the mention did, no other mention holds them, they are no function word, and no dictionary
 * word runs across the new edge (史密斯 + 夫妇, 罗兰 + 夫人, 公路 + 罗曼).
 */
export function growTransliterations(mentions: EntityMention[], text: string, norm: string, ctx: TranslitContext): EntityMention[] {
  const covered = articleMarks.take(norm.length);
  try {
    for (const m of mentions) covered.fill(1, m.start, m.end);
    let changed = false;
    // A name recurs: each distinct surface is scored once (-Infinity: not a run of Han characters).
    const baseOf = new Map<string, number>();
    const out = packedMap(mentions, (m) => {
      if ((m.type !== 'PER' && m.type !== 'LOC') || m.source === 'user') return m;
      const s = norm.slice(m.start, m.end);
      let base = baseOf.get(s);
      if (base === undefined) baseOf.set(s, (base = HAN_RUN_2.test(s) ? translitScore(s) : -Infinity));
      if (base < GROWTH_BASE) return m;
      // The five longer readings in turn: one to three characters taken before, then one or two after (no array of
      // them, no pair per reading: this runs for every person and place of the article).
      let a = -1;
      let b = -1;
      let bestScore = -Infinity;
      for (let k = 0; k < 5; k++) {
        const x = k < 3 ? m.start - (k + 1) : m.start;
        const y = k < 3 ? m.end : m.end + (k - 2);
        if (x < 0 || y > norm.length) continue;
        const from = x < m.start ? x : m.end;
        const to = x < m.start ? m.start : y;
        const added = norm.slice(from, to);
        if (!HAN_RUN.test(added) || EDGE_STOP.test(added) || anyMarked(covered, from, to)) continue;
        if (crossesWord(x, y, norm.length, ctx) || ctx.isWord(x, y - x)) continue;
        const score = translitScore(norm.slice(x, y));
        if (score >= Math.max(TRANSLIT_MIN_SCORE, base + TRANSLIT_GROWTH_GAIN) && (a < 0 || score > bestScore)) {
          a = x;
          b = y;
          bestScore = score;
        }
      }
      if (a < 0) return m;
      covered.fill(1, a, b);
      changed = true;
      return moved(m, text, a, b, m.type, 'article');
    });
    return changed ? out : mentions;
  } finally {
    articleMarks.give(covered);
  }
}
