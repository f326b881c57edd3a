import { strict as assert } from 'node:assert';
import { extractFeatures, FEATURES_PER_CHAR, WORD_AFTER_SLOT, WORD_BEFORE_SLOT } from '../../server/src/service/entities/features';
import { wordMarks, WordSet } from '../../server/src/service/entities/words';
import { induceWords } from '../../scripts/training/induceWords';

describe('entity tagger: induced word lexicon', () => {
  it('holds exactly the words of 2..4 code units it was given', () => {
    const set = new WordSet(['北京', '人民日报', '记者', '太长的一个词语', '京']);
    assert.equal(set.size, 3);
    assert.ok(set.has('北京人民日报记者', 0, 2));
    assert.ok(set.has('北京人民日报记者', 2, 4));
    assert.ok(set.has('北京人民日报记者', 6, 2));
    assert.ok(!set.has('北京人民日报记者', 1, 2), '京人 is no word');
    assert.ok(!set.has('北京人民日报记者', 2, 2), '人民 was not given');
    assert.ok(!set.has('北', 0, 2), 'reads past the end');
  });

  it('lists the lengths of all words starting at a position as a bit mask, agreeing with has()', () => {
    const set = new WordSet(['中国', '中国人', '中国人民', '人民', '银行']);
    const text = '中国人民银行中';
    assert.equal(set.lengthsAt(text, 0), (1 << 2) | (1 << 3) | (1 << 4));
    assert.equal(set.lengthsAt(text, 2), 1 << 2);
    assert.equal(set.lengthsAt(text, 1), 0);
    assert.equal(set.lengthsAt(text, 6), 0, 'reads past the end');
    for (let i = 0; i < text.length; i++) {
      for (let len = 2; len <= 4; len++) assert.equal(!!(set.lengthsAt(text, i) & (1 << len)), set.has(text, i, len), `${i}+${len}`);
    }
  });

  it('marks longest words starting, ending and covering each position, and forward maximum matching', () => {
    const set = new WordSet(['中国', '中国人', '人民', '银行']);
    const m = wordMarks('中国人民银行', set);
    assert.deepEqual([...m.startLen], [3, 0, 2, 0, 2, 0]);
    assert.deepEqual([...m.endLen], [0, 2, 3, 2, 0, 2]);
    assert.equal(m.midLen[1], 3);
    // FMM: 中国人 | 民 | 银行 — position code * 8 + word length.
    assert.deepEqual([...m.fmm], [1 * 8 + 3, 2 * 8 + 3, 3 * 8 + 3, 4 * 8 + 1, 1 * 8 + 2, 3 * 8 + 2]);
  });

  it('induces frequent n-grams with varied neighbours as words, not fragments that always sit inside a longer word', () => {
    const texts: string[] = [];
    const left = '我你他她它们谁某这那';
    const right = '说看走来去做想听写读';
    for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) texts.push(`${left[i]}经济${right[j]}。还有葡萄酒`);
    const words = induceWords(texts, { minCount: 5, minEntropy: 1 });
    assert.ok(words.includes('经济'), words.join(' '));
    // 葡萄 is always followed by 酒: its right neighbours never vary, so it is no word on its own.
    assert.ok(!words.includes('葡萄'));
    assert.deepEqual(words, [...words].sort(), 'sorted, so training is deterministic');
  });
});

describe('entity tagger: word-context features', () => {
  const F = FEATURES_PER_CHAR;
  const at = (text: string, words: string[], i: number, slot: number) =>
    extractFeatures(text, undefined, 20, undefined, undefined, new WordSet(words))[i * F + slot];

  it('keys the slot before a name on the whole induced word that ends there, not on its last characters', () => {
    // 王 (offset 4) follows 新闻记者 or 随军记者: the same two characters before it, different words.
    const a = at('新闻记者王明说', ['新闻记者'], 4, WORD_BEFORE_SLOT);
    const b = at('随军记者王明说', ['随军记者'], 4, WORD_BEFORE_SLOT);
    const c = at('大新闻记者王明说', ['新闻记者'], 5, WORD_BEFORE_SLOT);
    assert.notEqual(a, b);
    assert.equal(a, c);
    // The character-window slots alone cannot tell 新闻记者王 from 随军记者王.
    const fa = extractFeatures('新闻记者王明说', undefined, 20);
    const fb = extractFeatures('随军记者王明说', undefined, 20);
    assert.deepEqual([...fa.subarray(4 * F, 4 * F + 10)], [...fb.subarray(4 * F, 4 * F + 10)]);
  });

  it('keys the slot after a name on the whole induced word that starts next', () => {
    // 明 (offset 1) before 表示 or 表演: same next character, different words.
    assert.notEqual(at('王明表示同意', ['表示'], 1, WORD_AFTER_SLOT), at('王明表演节目', ['表演'], 1, WORD_AFTER_SLOT));
    assert.equal(at('王明表示同意', ['表示'], 1, WORD_AFTER_SLOT), at('李明表示反对', ['表示'], 1, WORD_AFTER_SLOT));
  });

  it('falls back to the neighbouring character where no induced word ends or starts', () => {
    assert.notEqual(at('在王明说', [], 1, WORD_BEFORE_SLOT), at('和王明说', [], 1, WORD_BEFORE_SLOT));
    assert.notEqual(at('在王明说', ['王明'], 3, WORD_BEFORE_SLOT), at('在王明说', [], 3, WORD_BEFORE_SLOT), '王明 ends before 说');
  });
});
