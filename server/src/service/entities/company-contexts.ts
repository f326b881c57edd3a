/**
 * Companies and organisations nobody listed and with no business word (issue 11, fifth round: unlisted companies).
 * A string of two to four Han characters that the recogniser left unmarked (or marked as a place with low
 * confidence) is an organisation when the article puts it, in at least two sentences and with at least two
 * different contexts, where organisations stand: just before or after a context learned from MSRA train
 * (company-contexts-data.ts: 董事, 总裁, 成立, 推出 after; 收购, 加入 before), and those sentences are at least a
 * quarter of its mentions. It is then an organisation at every mention (one reading per name in an article).
 *
 * The candidate's edges are the article's word boundaries: punctuation, a function character, or a dictionary
 * word ending or starting there with no dictionary word across the edge; the candidate itself is no dictionary
 * common word and does not split wholly into such words (部分项目, 监察机关: phrases, not names).
 */
import type { EntityMention } from '../types';
import { COMPANY_LEFT, COMPANY_RIGHT } from './company-contexts-data';
import { isHanUnit, unitTable } from './scan';
import { splitsIntoWords } from './words';
import { anyMarked, articleMarks } from './marks';

/** Lowest learned score of a context that counts as evidence; fewest sentences with such evidence. */
export const STRONG_CONTEXT = 2.0;
export const MIN_SENTENCES = 2;
/** Least share of a name's mentions that stand in such contexts: a common noun (播客) meets a few of them by chance among many mentions. */
export const MIN_SHARE = 0.25;
/** A model's place below this confidence may be re-read as the organisation. */
const WEAK = 0.5;
/** Characters that are words of their own: a name does not start or end with them, and they make a clean edge. */
// Code-unit tables (one array read per position of the article; a one-character string per test cost more).
const FUNCTION = unitTable('你我他她它的了在和与及是为将把被让从到于也都就已曾会要并而但或等由给以使向对说称这那其该每各所个年月日');
const SENTENCE_END = unitTable('。！？；\n!?;');
// The code units a right context of at least `strong` may start with, and those a left one may end with (the
// characters next to the candidate): the scan reads `score` only where one of them stands.
function strongUnits(contexts: ReadonlyMap<string, number>, side: 'right' | 'left', strong: number): Uint8Array {
  // Only contexts of one or two characters are scored (`score`).
  const near = [...contexts].filter(([g, w]) => w >= strong && g.length <= 2).map(([g]) => (side === 'right' ? g[0] : g[g.length - 1]));
  return unitTable(near.join(''));
}
const STRONG_RIGHT = strongUnits(COMPANY_RIGHT, 'right', STRONG_CONTEXT);
const STRONG_LEFT = strongUnits(COMPANY_LEFT, 'left', STRONG_CONTEXT);

interface Evidence {
  sentences: Set<number>;
  contexts: Set<string>;
  score: number;
}

/**
 * `isWord(a, len)`: norm[a, a + len) is a dictionary or induced word. Returns the mentions with the unlisted
 * organisations added (source `article`, confidence 0.6), sorted by position.
 */
export function markContextCompanies(
  mentions: EntityMention[],
  text: string,
  norm: string,
  isWord: (a: number, len: number) => boolean,
  strong = STRONG_CONTEXT,
  minSentences = MIN_SENTENCES,
  trace?: (name: string, sentences: number, contexts: string[]) => void,
): EntityMention[] {
  const n = norm.length;
  const covered = articleMarks.take(n + 1);
  const known = articleMarks.take(n + 1);
  try {
    for (const m of mentions) if (!weak(m)) covered.fill(1, m.start, m.end);
    const han = (i: number) => i >= 0 && i < n && isHanUnit(norm.charCodeAt(i));
    // A dictionary word of two to four characters runs across the edge (优胜|劣汰, 遗臭|万年).
    // Each edge is asked about up to seven times (as a context's edge and as a candidate's): its answer is kept.
    const crossedAt = rememberedPerPosition(n + 1, (edge) => crossesWord(edge, isWord), known);
    const crossed = (edge: number): boolean => edge > 0 && edge < n && crossedAt(edge);
    const cleanLeft = (a: number) => !han(a - 1) || covered[a - 1] === 1 || FUNCTION[norm.charCodeAt(a - 1)] === 1 || !crossed(a);
    const cleanRight = (b: number) => !han(b) || covered[b] === 1 || FUNCTION[norm.charCodeAt(b)] === 1 || !crossed(b);
    const fits = (a: number, b: number): boolean => {
      for (let i = a; i < b; i++) if (!han(i) || covered[i]) return false;
      if (FUNCTION[norm.charCodeAt(a)] === 1 || FUNCTION[norm.charCodeAt(b - 1)] === 1 || commonWords(a, b)) return false;
      // Ending in a word of its own (化|运动, 通霄|镇长, 拆民|政府) is a phrase ending, not a name's.
      for (let len = 2; len < b - a; len++) if (isWord(b - len, len)) return false;
      return true;
    };
    // The candidate is one dictionary word, or splits wholly into them (部分+项目, 监察+机关): a phrase, not a name.
    const commonWords = (a: number, b: number): boolean => splitsIntoWords(a, b, isWord, b - a);

    const evidence = new Map<string, Evidence>();
    // `id`: the sentence a..b stands in.
    const note = (a: number, b: number, w: number, context: string, id: number) => {
      const name = norm.slice(a, b);
      let e = evidence.get(name);
      if (!e) evidence.set(name, (e = { sentences: new Set(), contexts: new Set(), score: 0 }));
      e.contexts.add(context);
      if (!e.sentences.has(id)) {
        e.sentences.add(id);
        e.score += w;
      }
    };
    const rightFirst = strong === STRONG_CONTEXT ? STRONG_RIGHT : strongUnits(COMPANY_RIGHT, 'right', strong);
    const leftLast = strong === STRONG_CONTEXT ? STRONG_LEFT : strongUnits(COMPANY_LEFT, 'left', strong);
    // The sentence number of p (the sentence ends before it) is counted as the scan goes, not kept per position.
    for (let p = 1, sentenceOfP = n ? SENTENCE_END[norm.charCodeAt(0)] : 0; p < n; sentenceOfP += SENTENCE_END[norm.charCodeAt(p)], p++) {
      // Most positions start no strong right context and end no strong left one (whose scores would both be below
      // `strong`): two table reads before anything else.
      if (!rightFirst[norm.charCodeAt(p)] && !leftLast[norm.charCodeAt(p - 1)]) continue;
      if (!han(p - 1) || !han(p)) continue;
      const right = score(RIGHT, norm, p, p);
      const left = score(LEFT, norm, p - 2, p - 1);
      if ((right < strong && left < strong) || crossed(p)) continue;
      const rightContext = context(RIGHT, norm, p, p);
      const leftContext = context(LEFT, norm, p - 2, p - 1);
      for (let k = 2; k <= 4; k++) {
        if (right >= strong && p - k >= 0 && cleanLeft(p - k) && fits(p - k, p))
          note(p - k, p, right, '+' + rightContext, sentenceBefore(norm, p - k, p, sentenceOfP));
        if (left >= strong && p + k <= n && cleanRight(p + k) && fits(p, p + k)) note(p, p + k, left, leftContext + '+', sentenceOfP);
      }
    }

    if (trace) for (const [name, e] of evidence) trace(name, e.sentences.size, [...e.contexts]);
    // The best-supported names first; a name inside or around one already taken is the same name cut differently.
    const accepted = [...evidence]
      .filter(([name, e]) => e.sentences.size >= minSentences && e.contexts.size >= 2 && !torn(norm, name, e.sentences.size / MIN_SHARE))
      .sort((a, b) => b[1].score - a[1].score || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
    const chosen: string[] = [];
    for (const [name] of accepted) if (!chosen.some((c) => c.includes(name) || name.includes(c))) chosen.push(name);
    if (!chosen.length) return mentions;

    const out = mentions.filter((m) => !weak(m) || !chosen.includes(norm.slice(m.start, m.end)));
    const taken = articleMarks.take(n + 1);
    try {
      for (const m of out) taken.fill(1, m.start, m.end);
      for (const name of chosen) {
        for (let a = norm.indexOf(name); a >= 0; a = norm.indexOf(name, a + 1)) {
          const b = a + name.length;
          if (anyMarked(taken, a, b) || crossed(a) || crossed(b)) continue;
          taken.fill(1, a, b);
          out.push({ start: a, end: b, text: text.slice(a, b), type: 'ORG', confidence: 0.6, source: 'article' });
        }
      }
      return out.sort((x, y) => x.start - y.start);
    } finally {
      articleMarks.give(taken);
    }
  } finally {
    articleMarks.give(known);
    articleMarks.give(covered);
  }
}

/**
 * `test(i)` for i in [0, size), each answer computed once and kept (in a byte per position: 0 not asked, 1 no, 2 yes),
 * in `known` when given (`size` zeros, lent by the caller for as long as it asks).
 */
export function rememberedPerPosition(
  size: number,
  test: (i: number) => boolean,
  known: Uint8Array = new Uint8Array(size),
): (i: number) => boolean {
  return (i) => {
    let v = known[i];
    if (!v) known[i] = v = test(i) ? 2 : 1;
    return v === 2;
  };
}

/** A dictionary word of two to four characters runs across the edge (优胜|劣汰, 遗臭|万年). */
function crossesWord(edge: number, isWord: (a: number, len: number) => boolean): boolean {
  for (let a = edge - 1; a >= edge - 3 && a >= 0; a--) for (let len = edge - a + 1; len <= 4; len++) if (isWord(a, len)) return true;
  return false;
}

/** The sentence number of a, from p's (`sentenceOfP`, a <= p): p's less the sentence ends in between. */
function sentenceBefore(norm: string, a: number, p: number, sentenceOfP: number): number {
  let s = sentenceOfP;
  for (let i = a; i < p; i++) s -= SENTENCE_END[norm.charCodeAt(i)];
  return s;
}

/**
 * A context table read without making strings for the positions it cannot answer: the scores of its
 * one-character contexts by code unit, and the first code units of its two-character ones.
 */
interface ContextTable {
  all: ReadonlyMap<string, number>;
  /** The score of each one-character context by its code unit (0: none). */
  one: Float64Array;
  twoFirst: Uint8Array;
  /** The scores of the two-code-unit contexts, by their first code unit, then their second. */
  two: ReadonlyMap<number, ReadonlyMap<number, number>>;
}
function contextTable(all: ReadonlyMap<string, number>): ContextTable {
  const one = new Float64Array(0x10000);
  const twoFirst = new Uint8Array(0x10000);
  const two = new Map<number, Map<number, number>>();
  for (const [g, w] of all) {
    if (g.length === 1) one[g.charCodeAt(0)] = w;
    else if (g.length === 2) {
      twoFirst[g.charCodeAt(0)] = 1;
      let second = two.get(g.charCodeAt(0));
      if (!second) two.set(g.charCodeAt(0), (second = new Map()));
      second.set(g.charCodeAt(1), w);
    }
  }
  return { all, one, twoFirst, two };
}
const RIGHT = contextTable(COMPANY_RIGHT);
const LEFT = contextTable(COMPANY_LEFT);

/**
 * The larger score of the two-character context norm.slice(a, a + 2) (shorter at the text's end; none before its
 * start) and of the one-character context norm[one] (its character next to the candidate), as a Map lookup of
 * each would give it, but by code units: no string is made (a table read, and two number-keyed look-ups where a
 * two-character context starts with norm[a]).
 */
function score(t: ContextTable, norm: string, a: number, one: number): number {
  const oneScore = t.one[norm.charCodeAt(one)] ?? 0;
  let twoScore = 0;
  if (a + 2 > norm.length) twoScore = oneScore;
  else if (a >= 0 && t.twoFirst[norm.charCodeAt(a)]) twoScore = t.two.get(norm.charCodeAt(a))!.get(norm.charCodeAt(a + 1)) ?? 0;
  return Math.max(twoScore, oneScore);
}

/** The context `score` took its score from: the two-character one where it scores at least as high. */
function context(t: ContextTable, norm: string, a: number, one: number): string {
  const two = a >= 0 ? norm.slice(a, a + 2) : '';
  return (t.all.get(two) ?? 0) >= (t.all.get(norm[one]) ?? 0) ? two : norm[one];
}

/**
 * Every mention of the name follows the same Han character, or every one precedes the same: part of a longer name
 * (众|创金融街); or the name has more than `most` mentions, too many for the evidence.
 */
function torn(norm: string, name: string, most: number): boolean {
  const before = new Set<string>();
  const after = new Set<string>();
  let count = 0;
  for (let a = norm.indexOf(name); a >= 0; a = norm.indexOf(name, a + 1)) {
    count++;
    before.add(isHanUnit(norm.charCodeAt(a - 1)) ? norm[a - 1] : '');
    after.add(isHanUnit(norm.charCodeAt(a + name.length)) ? norm[a + name.length] : '');
  }
  const same = (s: Set<string>) => s.size === 1 && !s.has('');
  return count > most || (count >= 2 && (same(before) || same(after)));
}

function weak(m: EntityMention): boolean {
  return m.source === 'model' && m.type === 'LOC' && m.confidence < WEAK;
}
