/**
 * Three-character names the tagger cut to two (issue 11): 张华 + 荣 in 张华荣对笔者说, 贾明 + 怡 in 贾明怡增持, 謝明 + 俊
 * alone on a byline line. The tagger ends a name early when its first two characters are a name it knows (张华 is one
 * in MSRA train) or the third is rare. The name gets its third character back when all of these hold:
 * - it is a model reading of a surname and one character (a listed name, 马云, is left as the list has it);
 * - the character after it is a given-name character: it stands after the surname in names seen in training
 *   (learned from the model's lexicon of training names, not listed), and is no function word (的, 对, 在);
 * - that character belongs to no word of the dictionaries with either neighbour (明怡, 怡增 are no words; 落马 in
 *   张琦落马 is one), and what follows it is a clean break: punctuation, the line's end, a function word or a word;
 * - the article never writes the two characters followed by anything else (景甜点赞 beside 景甜 ×8 stays 景甜).
 */
import type { EntityMention } from '../types';
import type { Trie } from './trie';
import type { EntityType } from '../types';
import { moved, packedMap } from './mention';

/** Is `norm.slice(a, a + len)` a word of the dictionaries (jieba's common words or the induced lexicon)? */
export type IsWord = (a: number, len: number) => boolean;

const HAN = /^\p{Script=Han}$/u;

const givenCache = new WeakMap<Trie<EntityType>, Set<number>>();

/**
 * The characters that stand after the surname in the names of people seen in training (2 and 3 characters long),
 * read once per lexicon from the trie's own arrays.
 */
export function givenNameCharacters(names: Trie<EntityType>): Set<number> {
  const cached = givenCache.get(names);
  if (cached) return cached;
  const book: EntityType[] = [];
  const [meta, root, parent, code, child, codes] = names.toSections((v) => {
    let i = book.indexOf(v);
    if (i < 0) i = book.push(v) - 1;
    return i + 1;
  });
  const nodes = meta[0];
  const up = new Int32Array(nodes).fill(-1);
  const unit = new Uint16Array(nodes);
  for (let c = 0; c < root.length; c++)
    if (root[c]) {
      up[root[c]] = 0;
      unit[root[c]] = c;
    }
  for (let i = 0; i < parent.length; i++)
    if (parent[i] !== -1) {
      up[child[i]] = parent[i];
      unit[child[i]] = code[i];
    }
  const out = new Set<number>();
  const path: number[] = [];
  for (let node = 1; node < nodes; node++) {
    if (!codes[node] || book[codes[node] - 1] !== 'PER') continue;
    path.length = 0;
    for (let k = node; k > 0 && path.length <= 3; k = up[k]) path.push(unit[k]);
    // path is the name backwards: the surname is last.
    if (path.length < 2 || path.length > 3) continue;
    for (let i = 0; i < path.length - 1; i++) out.add(path[i]);
  }
  givenCache.set(names, out);
  return out;
}

/**
 * Gives a two-character name the tagger cut short its third character back (see the module comment). `surnames`:
 * the surname table; `notGiven`: function words that end a name's right context; `given`: given-name characters
 * (called only when a name gets this far).
 */
export function completeCutNames(
  mentions: EntityMention[],
  text: string,
  norm: string,
  isWord: IsWord,
  surnames: ReadonlySet<string>,
  notGiven: ReadonlySet<string>,
  given: () => ReadonlySet<number>,
): EntityMention[] {
  let out: EntityMention[] | undefined;
  // The mentions that pass the tests below, then whether each one's name always goes on with the same character:
  // read off the article in one pass for all of them (a search of the article per name cost more than the rest).
  const pending: number[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.type !== 'PER' || m.end - m.start !== 2 || m.source === 'user' || m.source === 'gazetteer') continue;
    const x = m.end;
    const c = norm[x];
    if (!c || !surnames.has(norm[m.start]) || !HAN.test(c) || notGiven.has(c)) continue;
    const next = mentions[k + 1];
    if (next && next.start <= x) continue;
    // The character is part of no word with either neighbour (落马, 点赞), and the name is no word itself (金马奖).
    if (isWord(x - 1, 2) || isWord(x, 2) || isWord(x, 3) || isWord(x, 4) || isWord(x - 2, 3) || isWord(x - 1, 3)) continue;
    // A clean break after it: not Han (punctuation, the line's end), a function word, or a word.
    const after = norm[x + 1];
    if (after && HAN.test(after) && !notGiven.has(after) && !isWord(x + 1, 2) && !isWord(x + 1, 3) && !isWord(x + 1, 4)) continue;
    pending.push(k);
  }
  if (!pending.length) return mentions;
  const follower = followers(
    norm,
    packedMap(pending, (k) => mentions[k].start),
  );
  for (const k of pending) {
    const m = mentions[k];
    const x = m.end;
    // Every occurrence of the name goes on with the character this one does.
    if (follower.get(pairKey(norm, m.start)) !== norm.charCodeAt(x)) continue;
    // Last, as the first call reads the training names (tens of milliseconds, once per model).
    if (!given().has(norm.charCodeAt(x))) continue;
    out ??= mentions.slice();
    out[k] = moved(m, text, m.start, x + 1, m.type, 'article');
  }
  return out ?? mentions;
}

const pairKey = (norm: string, a: number) => norm.charCodeAt(a) * 0x10000 + norm.charCodeAt(a + 1);

/**
 * For the two-character names at `starts`, keyed by their code units: the code unit after every occurrence of the
 * name in `norm` (occurrences may overlap), or -1 when they differ, or -2 when one ends the text.
 */
function followers(norm: string, starts: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  const first = new Uint8Array(0x10000);
  for (const a of starts) first[norm.charCodeAt(a)] = 1;
  const wanted = new Set(starts.map((a) => pairKey(norm, a)));
  for (let i = 0; i + 1 < norm.length; i++) {
    if (!first[norm.charCodeAt(i)]) continue;
    const key = pairKey(norm, i);
    if (!wanted.has(key)) continue;
    const next = i + 2 < norm.length ? norm.charCodeAt(i + 2) : -2;
    const seen = out.get(key);
    if (seen === undefined) out.set(key, next);
    else if (seen !== next) out.set(key, -1);
  }
  return out;
}
