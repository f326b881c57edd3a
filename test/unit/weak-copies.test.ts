/**
 * Issue 11, eighth round: one sense per article for listed companies that are also words (weak-copies.ts, family
 * `weakCopies`), on sentences written for this test, with the shipped model and with a small dictionary.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { copyWeakNames } from '../../server/src/service/entities/weak-copies';
import { normalizeForMatching } from '../../server/src/service/normalize';
import type { EntityMention } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';
import { mentionsAt } from './mentions';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}/${m.source}`).join(' ');

describe('listed companies that are also words, once confirmed (weakCopies)', function () {
  this.timeout(60000);
  const { tagger } = shippedRecognizer();
  const without = createEntityRecognizer({ tagger, disable: ['weakCopies'] });
  const recognizer = createEntityRecognizer({ tagger });

  it('marks the stem of a listed company at its later bare mentions (苹果公司 … 苹果)', () => {
    const t = '英特尔把相关专利转给了苹果公司。业内预计今年不会看到苹果新款手机。';
    const at = t.lastIndexOf('苹果');
    const hit = (ms: EntityMention[]) => ms.some((m) => m.start === at && m.end === at + 2 && m.type === 'ORG');
    assert.ok(hit(recognizer.recognize(t)), show(recognizer.recognize(t)));
    assert.ok(!hit(without.recognize(t)), `the family is what finds it: ${show(without.recognize(t))}`);
  });

  describe('guards, with a small dictionary', () => {
    const dictionary = new Set(['苹果', '世界', '大小', '米粒', '小米']);
    const run = (text: string, spans: [number, number, EntityMention['type']][], listed: string[] = [], throws = false) => {
      const norm = normalizeForMatching(text);
      const ms = mentionsAt(text, spans, 'gazetteer', 1);
      const isWord = (a: number, len: number) => {
        if (throws && a > 0) throw new Error('thrown');
        return dictionary.has(norm.slice(a, a + len));
      };
      return copyWeakNames(ms, text, norm, isWord, (w) => listed.includes(w))
        .filter((m) => m.source === 'consistency')
        .map((m) => `${m.text}@${m.start}`);
    };
    it('forgets the names of the article before (its trie is emptied and reused, trie.ts TriePool)', () => {
      assert.deepEqual(run('小米发布新机。小米70%资源投入5G。', [[0, 2, 'ORG']]), ['小米@7']);
      assert.deepEqual(run('苹果发布新机。小米70%资源，苹果投入5G。', [[0, 2, 'ORG']]), ['苹果@15']);
      assert.throws(() => run('小米发布新机。大小米粒。', [[0, 2, 'ORG']], [], true), /thrown/);
      assert.deepEqual(run('苹果发布新机。小米70%资源，苹果投入5G。', [[0, 2, 'ORG']]), ['苹果@15'], 'after a throw');
    });
    it('copies a confirmed word-like name where no word runs across its edges', () => {
      assert.deepEqual(run('小米发布新机。小米70%资源投入5G。', [[0, 2, 'ORG']]), ['小米@7']);
      assert.deepEqual(run('小米发布新机。大小米粒不同。', [[0, 2, 'ORG']]), []);
    });
    it('copies the stem of a company the tagger found when the article uses it alone again and again (龙湖 of 龙湖集团)', () => {
      const run2 = (text: string) => {
        const norm = normalizeForMatching(text);
        const ms: EntityMention[] = [{ start: 0, end: 4, type: 'ORG', text: text.slice(0, 4), source: 'model', confidence: 0.9 }];
        return copyWeakNames(
          ms,
          text,
          norm,
          () => false,
          (w) => w === '北京',
        ).filter((m) => m.source === 'consistency').length;
      };
      assert.equal(run2('澄湖集团上市。澄湖亏损，澄湖裁员，澄湖换帅。'), 3);
      assert.equal(run2('澄湖集团上市。澄湖亏损，澄湖裁员。'), 0, 'two bare uses are not enough');
      assert.equal(run2('北京集团上市。北京亏损，北京裁员，北京换帅。'), 0, 'a listed place stays a place');
    });
    it('reads each stem against the lists by its own text (two companies in one article, one stem listed)', () => {
      const text = '北京集团上市。澄湖集团上市。北京亏损，澄湖亏损，北京裁员，澄湖裁员，北京换帅，澄湖换帅。';
      const norm = normalizeForMatching(text);
      const ms: EntityMention[] = [0, 7].map((start) => ({
        start,
        end: start + 4,
        type: 'ORG',
        text: text.slice(start, start + 4),
        source: 'model',
        confidence: 0.9,
      }));
      const copies = copyWeakNames(
        ms,
        text,
        norm,
        () => false,
        (w) => w === '北京',
      )
        .filter((m) => m.source === 'consistency')
        .map((m) => m.text);
      assert.deepEqual(copies, ['澄湖', '澄湖', '澄湖']);
    });
    it('copies with the type of the name copied, and not over another mention', () => {
      const text = '小米发布新机。大众报道此事。小米70%资源，大众汽车上市，大众称。';
      const norm = normalizeForMatching(text);
      const isWord = (a: number, len: number) => ['小米', '大众'].includes(norm.slice(a, a + len));
      // 小米 a company, 大众 an outlet (both words of the dictionary); a mention that starts inside 大众 (众汽车, as a
      // tagger may tear it) keeps that occurrence from a copy.
      const torn = text.indexOf('众汽车');
      const ms = [
        ...mentionsAt(
          text,
          [
            [0, 2, 'ORG'],
            [7, 9, 'MEDIA'],
          ],
          'gazetteer',
          1,
        ),
        ...mentionsAt(text, [[torn, torn + 3, 'ORG']]),
      ];
      const copies = copyWeakNames(ms, text, norm, isWord, () => false).filter((m) => m.source === 'consistency');
      assert.deepEqual(
        copies.map((m) => `${m.text}/${m.type}@${m.start}`),
        [`小米/ORG@${text.indexOf('小米', 2)}`, `大众/MEDIA@${text.lastIndexOf('大众')}`],
      );
    });
    it('copies a company’s stem only when it is no word or is listed itself', () => {
      assert.deepEqual(run('世界银行发布报告。世界经济放缓。', [[0, 4, 'ORG']]), []);
      assert.deepEqual(run('苹果公司发布新机。苹果股价上涨。', [[0, 4, 'ORG']], ['苹果']), ['苹果@9']);
    });
  });
});
