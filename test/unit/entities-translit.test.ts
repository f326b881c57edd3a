/**
 * Issue 11, fifth round (docs/entities.md, "Fifth round: transliterations"): the character model of transliterated
 * names and the two families that read it, on sentences written for this test, in Simplified and in Traditional.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { loadNerModel } from '../../server/src/node/model';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { OFF_BY_DEFAULT } from '../../server/src/service/entities/recognizer';
import {
  TRANSLIT_MIN_SCORE,
  growTransliterations,
  translitNames,
  translitScore,
  translitStep,
} from '../../server/src/service/entities/translit';
import { TRANSLIT_BIGRAMS, TRANSLIT_CHARS } from '../../server/src/service/entities/translit-table';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { toTraditional } from '../../server/src/service/convert';
import type { EntityMention } from '../../server/src/service/types';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');
const scripts = (s: string) => [s, toTraditional(s)];
const noWords = { isWord: () => false };

describe('transliterated names (translit)', function () {
  this.timeout(60000);

  describe('the character model', () => {
    it('scores transliterations above the threshold and ordinary words and native names below it', () => {
      for (const name of ['泽连斯基', '维尔纽斯', '哈马斯', '达沃斯', '拜登'])
        assert.ok(translitScore(name) >= TRANSLIT_MIN_SCORE, `${name} ${translitScore(name)}`);
      for (const word of ['经济', '发展', '表示', '总统', '张华荣', '王小红', '北京', '新闻'])
        assert.ok(translitScore(word) < 0, `${word} ${translitScore(word)}`);
    });

    it('reads Traditional text once normalised (the table is Simplified)', () => {
      assert.equal(translitScore(normalizeForMatching('澤連斯基')), translitScore('泽连斯基'));
    });
  });

  describe('a transliterated name the tagger cut short grows back (translit, on)', () => {
    const model = loadNerModel();
    const tagger = model ? loadTagger(model) : undefined;
    const on = createEntityRecognizer({ tagger });
    const off = createEntityRecognizer({ tagger, disable: ['translit'] });
    before(function () {
      if (!model) assert.fail('models/ner.bin is missing');
    });

    it('gives 珍妮 back to 杰克逊, in both scripts, and only with the family on', () => {
      for (const t of scripts('歌手珍妮杰克逊发布新专辑。')) {
        const people = on.recognize(t).filter((m) => m.type === 'PER');
        assert.deepEqual(
          people.map((m) => m.text),
          [t.slice(2, 7)],
          `${t}: ${show(people)}`,
        );
        assert.equal(people[0].source, 'article');
        assert.deepEqual(
          off
            .recognize(t)
            .filter((m) => m.type === 'PER')
            .map((m) => m.text),
          [t.slice(4, 7)],
        );
      }
    });

    it('does not take a character that makes a word with the next one (夫妇, 夫人)', () => {
      for (const t of [...scripts('记者采访了史密斯夫妇。'), ...scripts('他读过罗兰夫人的传记。')]) {
        const people = on.recognize(t).filter((m) => m.type === 'PER');
        assert.equal(people.length, 1, `${t}: ${show(people)}`);
        assert.ok(!/夫/u.test(people[0].text), `${t}: ${show(people)}`);
      }
    });

    it('takes back up to three characters before or two after, the best-reading extent (迪丽 + 热巴, 瓦伦 + 西亚)', () => {
      const grown = (text: string, start: number, end: number) =>
        growTransliterations(
          [{ start, end, text: text.slice(start, end), type: 'PER', confidence: 0.9, source: 'model' }],
          text,
          normalizeForMatching(text),
          noWords,
        ).map((m) => [m.start, m.end, m.text]);
      assert.deepEqual(grown('演员迪丽热巴出席活动。', 2, 4), [[2, 6, '迪丽热巴']]);
      assert.deepEqual(grown('球队来到瓦伦西亚比赛。', 6, 8), [[4, 8, '瓦伦西亚']]);
      assert.deepEqual(grown('歌手珍妮杰克逊发布。', 4, 7), [[2, 7, '珍妮杰克逊']]);
    });

    it('leaves a name that does not read as a transliteration', () => {
      const text = '记者王小明报道。';
      const ms: EntityMention[] = [{ start: 2, end: 4, text: '王小', type: 'PER', confidence: 0.9, source: 'model' }];
      assert.equal(growTransliterations(ms, text, normalizeForMatching(text), noWords), ms);
    });
  });

  describe('a transliteration in a place or person context (translitContext, off by default)', () => {
    it('is off in the product', () => {
      assert.ok(OFF_BY_DEFAULT.includes('translitContext'));
    });

    it('marks a place after a travel verb and a person after a title or before a verb of saying', () => {
      for (const t of scripts('代表团飞往莫洛卡维。')) {
        const ms = translitNames([], t, normalizeForMatching(t), noWords);
        assert.deepEqual(
          ms.map((m) => [m.text, m.type]),
          [[t.slice(5, 9), 'LOC']],
          `${t}: ${show(ms)}`,
        );
      }
      for (const t of scripts('总理卡萨诺维奇表示欢迎。')) {
        const ms = translitNames([], t, normalizeForMatching(t), noWords);
        assert.deepEqual(
          ms.map((m) => [m.text, m.type]),
          [[t.slice(2, 7), 'PER']],
          `${t}: ${show(ms)}`,
        );
      }
    });

    it('marks nothing in ordinary text after the same cues', () => {
      for (const t of scripts('他们飞往北京参加会议，总统表示欢迎。'))
        assert.deepEqual(translitNames([], t, normalizeForMatching(t), noWords), []);
    });

    it('leaves text another mention holds', () => {
      const t = '代表团飞往莫洛卡维。';
      const held: EntityMention[] = [{ start: 5, end: 9, text: '莫洛卡维', type: 'PER', confidence: 0.9, source: 'model' }];
      assert.equal(translitNames(held, t, normalizeForMatching(t), noWords), held);
    });
  });
});

describe('the transliteration table in typed arrays', () => {
  const uni = new Map(TRANSLIT_CHARS.split(';').map((r) => [r[0], Number(r.slice(1))] as const));

  it('gives every bigram of the table its ratio, as the table writes it', () => {
    const rows = TRANSLIT_BIGRAMS.split(';');
    assert.ok(rows.length > 10000);
    for (const r of rows) assert.equal(translitStep(r[0], r[1]), Number(r.slice(2)), r);
  });

  it('falls back to the unigram ratio of the second character, and -2 for a character the table lacks', () => {
    const bigrams = new Set(TRANSLIT_BIGRAMS.split(';').map((r) => r.slice(0, 2)));
    let checked = 0;
    for (const a of ['^', '斯', '的', '连', '鿿'])
      for (const [b, ratio] of uni) if (!bigrams.has(a + b) && checked++ < 20000) assert.equal(translitStep(a, b), ratio, a + b);
    assert.equal(translitStep('斯', '\uffff'), -2);
    assert.equal(translitStep('斯', '𠀀'), -2);
    assert.equal(translitStep('𠀀', '连'), uni.get('连'));
  });
});
