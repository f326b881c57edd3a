import { strict as assert } from 'node:assert';
import { induceWords, wordMarks, WordSet } from '../../server/src/service/entities/words';

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
