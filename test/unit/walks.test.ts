/**
 * The tagger's lexicon walks against references written from their definitions, on random lexicons and texts over
 * a small alphabet (so that entries share prefixes, extend one another and overlap often): the walks skip probes
 * they can prove would miss, and must find exactly what probing everything finds.
 */
import { strict as assert } from 'node:assert';
import { LEX_CLASSES, LEX_WORD, MAX_LEXICON_WORD, NameLexicon } from '../../server/src/service/entities/lexicon';
import { MAX_WORD, wordMarks, WordSet } from '../../server/src/service/entities/words';
import { Trie } from '../../server/src/service/entities/trie';

const ALPHABET = '中国人民银行日报';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomString(rnd: () => number, min: number, max: number): string {
  const n = min + Math.floor(rnd() * (max - min + 1));
  let out = '';
  for (let i = 0; i < n; i++) out += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
  return out;
}

/** For each position and class: the position in the longest entry of that class covering it (the first such at a tie). */
function referenceMarks(entries: Map<string, number>, text: string): { marks: number[]; len: number[] } {
  const n = text.length;
  const marks = new Array<number>(n).fill(0);
  const len = new Array<number>(n).fill(0);
  LEX_CLASSES.forEach((bit, k) => {
    for (let p = 0; p < n; p++) {
      let best: [number, number] | undefined;
      for (let s = Math.max(0, p - MAX_LEXICON_WORD + 1); s <= p; s++) {
        for (let L = Math.max(2, p - s + 1); L <= MAX_LEXICON_WORD && s + L <= n; L++) {
          if (!((entries.get(text.slice(s, s + L)) ?? 0) & bit)) continue;
          if (!best || L > best[1]) best = [s, L];
        }
      }
      if (!best) continue;
      const [s, L] = best;
      marks[p] |= (p === s ? 1 : p === s + L - 1 ? 3 : 2) << (2 * k);
    }
  });
  for (let s = 0; s < n; s++) {
    for (let L = 2; L <= MAX_LEXICON_WORD && s + L <= n; L++) {
      if (!((entries.get(text.slice(s, s + L)) ?? 0) & ~LEX_WORD)) continue;
      for (let p = s; p < s + L; p++) len[p] = Math.max(len[p], Math.min(L, 7));
    }
  }
  return { marks, len };
}

/** wordMarks as it was written position by position (lengthsAt at each). */
function referenceWordMarks(norm: string, words: WordSet) {
  const n = norm.length;
  const [startLen, endLen, midLen, fmm] = [0, 0, 0, 0].map(() => new Uint8Array(n));
  for (let i = 0; i < n; i++) {
    const lens = words.lengthsAt(norm, i);
    for (let len = 2; len <= MAX_WORD; len++) {
      if (!(lens & (1 << len))) continue;
      startLen[i] = len;
      const e = i + len - 1;
      if (endLen[e] < len) endLen[e] = len;
      for (let k = i + 1; k < e; k++) if (midLen[k] < len) midLen[k] = len;
    }
  }
  for (let i = 0; i < n;) {
    const len = startLen[i];
    if (len < 2) {
      fmm[i++] = 4 * 8 + 1;
      continue;
    }
    for (let k = 0; k < len; k++) fmm[i + k] = (k === 0 ? 1 : k === len - 1 ? 3 : 2) * 8 + len;
    i += len;
  }
  return { startLen, endLen, midLen, fmm };
}

describe('the tagger’s lexicon walks', () => {
  it('name lexicon: marks and get() find every entry a probe of every length would, prefixes of longer entries included, built from entries or from a model’s tables', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      const entries = new Map<string, number>();
      for (let k = 0; k < 30; k++) {
        const w = randomString(rnd, 2, MAX_LEXICON_WORD);
        // Chains of entries that extend one another (中国, 中国人民), and entries that are only someone's prefix.
        entries.set(w, (entries.get(w) ?? 0) | (1 << Math.floor(rnd() * 4)));
        if (rnd() < 0.5) entries.set(w + randomString(rnd, 1, 3), 1 << Math.floor(rnd() * 4));
      }
      const kept = [...entries].filter(([w]) => w.length <= MAX_LEXICON_WORD);
      const built = new NameLexicon(kept);
      const text = randomString(rnd, 20, 60);
      const want = referenceMarks(new Map(kept), text);
      for (const lex of [built, new NameLexicon(built.toSections())]) {
        const marks = new Uint8Array(text.length);
        const len = new Uint8Array(text.length);
        lex.marks(text, marks, len, new Uint8Array(text.length * 4));
        assert.deepEqual([...marks], want.marks, `seed ${seed}: marks of ${text}`);
        assert.deepEqual([...len], want.len, `seed ${seed}: lengths of ${text}`);
        for (let i = 0; i < text.length; i++) {
          for (let L = 1; L <= MAX_LEXICON_WORD + 1; L++) {
            const bits = L >= 2 && i + L <= text.length ? (entries.get(text.slice(i, i + L)) ?? 0) : 0;
            assert.equal(lex.get(text, i, L), L <= MAX_LEXICON_WORD ? bits : 0, `seed ${seed}: get ${text} at ${i}+${L}`);
          }
        }
      }
    }
  });

  it('name lexicon: marks a line with more entries than the walk’s first buffers hold', () => {
    const entries = new Map<string, number>([
      ['中国', 2],
      ['国人', 1],
      ['中国人', 4],
    ]);
    const lex = new NameLexicon([...entries]);
    const text = '中国人民'.repeat(700);
    const marks = new Uint8Array(text.length);
    const len = new Uint8Array(text.length);
    lex.marks(text, marks, len, new Uint8Array(text.length * 4));
    const want = referenceMarks(entries, text);
    assert.deepEqual([...marks], want.marks);
    assert.deepEqual([...len], want.len);
  });

  it('name lexicon: an entry that is also the prefix of a longer one lets the walk go on to the longer one', () => {
    const lex = new NameLexicon([
      ['中国', LEX_WORD],
      ['中国人民银行', 2],
    ]);
    const text = '在中国人民银行';
    const marks = new Uint8Array(text.length);
    const len = new Uint8Array(text.length);
    lex.marks(text, marks, len, new Uint8Array(text.length * 4));
    assert.deepEqual([...len], [0, 6, 6, 6, 6, 6, 6]);
  });

  it('word set: the lengths at every position and has() agree with a plain set, built from words or from a model’s tables', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      const words = new Set<string>();
      for (let k = 0; k < 25; k++) words.add(randomString(rnd, 2, MAX_WORD));
      const built = new WordSet([...words]);
      for (const set of [built, new WordSet(built.toSections())]) {
        const text = randomString(rnd, 20, 60);
        for (let i = 0; i < text.length; i++) {
          let want = 0;
          for (let L = 2; L <= MAX_WORD; L++) if (i + L <= text.length && words.has(text.slice(i, i + L))) want |= 1 << L;
          assert.equal(set.lengthsAt(text, i), want, `seed ${seed}: ${text} at ${i}`);
          for (let L = 2; L <= MAX_WORD; L++) assert.equal(set.has(text, i, L), !!(want & (1 << L)), `seed ${seed}: ${text} at ${i}+${L}`);
        }
        assert.deepEqual(wordMarks(text, set), referenceWordMarks(text, set), `seed ${seed}: word marks of ${text}`);
      }
    }
  });

  it('word set: finds a word of four whose first three characters are no word', () => {
    const set = new WordSet(['人民日报']);
    assert.equal(set.lengthsAt('人民日报', 0), 1 << 4);
    assert.ok(set.has('人民日报', 0, 4));
    assert.ok(!set.has('人民日报', 0, 3));
    assert.deepEqual([...wordMarks('在人民日报', set).startLen], [0, 4, 0, 0, 0]);
  });

  it('trie: the longest key and every key at each position are those a walk probing every edge finds, built by set() or from a model’s tables', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      const keys = new Map<string, number>();
      for (let k = 0; k < 25; k++) {
        // Keys of one character too: they match where no longer key goes on.
        const w = randomString(rnd, 1, 6);
        keys.set(w, k + 1);
        if (rnd() < 0.5) keys.set(w + randomString(rnd, 1, 3), 100 + k);
      }
      const built = new Trie<number>();
      for (const [w, v] of keys) built.set(w, v);
      const values = [...new Set(keys.values())];
      const fromTables = new Trie<number>(
        built.toSections((v) => values.indexOf(v) + 1),
        values,
      );
      const text = randomString(rnd, 20, 60);
      for (const trie of [built, fromTables]) {
        for (let i = 0; i < text.length; i++) {
          let end = -1;
          for (let j = i + 1; j <= text.length; j++) if (keys.has(text.slice(i, j))) end = j;
          assert.equal(trie.longestEnd(text, i), end, `seed ${seed}: ${text} at ${i}`);
          if (end >= 0) assert.equal(trie.lastValue, keys.get(text.slice(i, end)), `seed ${seed}: value at ${i}`);
          const all: { end: number; value: number }[] = [];
          for (let j = i + 1; j <= text.length; j++)
            if (keys.has(text.slice(i, j))) all.push({ end: j, value: keys.get(text.slice(i, j))! });
          assert.deepEqual(trie.allAt(text, i), all, `seed ${seed}: every key at ${i}`);
        }
      }
    }
  });
});
