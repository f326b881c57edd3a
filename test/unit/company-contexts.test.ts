/**
 * Issue 11, fifth round: unlisted companies (company-contexts.ts), on sentences written for this test, in both
 * scripts with the shipped model, and each guard on its own with a small dictionary.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { markContextCompanies, rememberedPerPosition } from '../../server/src/service/entities/company-contexts';
import { COMPANY_LEFT, COMPANY_RIGHT } from '../../server/src/service/entities/company-contexts-data';
import { normalizeForMatching } from '../../server/src/service/normalize';
import type { EntityMention } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');
const orgs = (ms: readonly EntityMention[]) => ms.filter((m) => m.type === 'ORG').map((m) => m.text);

describe('unlisted companies read off organisation contexts (contextCompanies)', function () {
  this.timeout(60000);
  const { tagger, both } = shippedRecognizer();
  const without = createEntityRecognizer({ tagger, disable: ['contextCompanies'] });

  it('marks a name nobody listed at every mention when two sentences put it where organisations stand', () => {
    const s = '去年，澜芯成立了研究院。澜芯董事会随后宣布扩产。澜芯的订单增长很快。';
    both(s, (ms, t) => {
      const found = ms.filter((m) => m.text === t.slice(3, 5));
      assert.equal(found.length, 3, `${t}: ${show(ms)}`);
      for (const m of found) assert.deepEqual([m.type, m.source], ['ORG', 'article']);
      assert.ok(!without.recognize(t).some((m) => m.text === t.slice(3, 5)), 'the family is what finds it');
    });
  });

  it('leaves a name with company context in one sentence only', () => {
    both('去年，澜芯成立了研究院。澜芯的订单增长很快。', (ms, t) => assert.ok(!orgs(ms).includes(t.slice(3, 5)), `${t}: ${show(ms)}`));
  });

  it('leaves a common noun whose few company contexts are lost among its many mentions (播客)', () => {
    both('播客提供节目。播客推出新栏目。播客很好。播客很多。播客不少。播客真多。播客又来。播客再来。播客还有。', (ms, t) =>
      assert.deepEqual(orgs(ms), [], `${t}: ${show(ms)}`),
    );
  });

  it('learned its contexts from the training data: titles and company verbs, no business word', () => {
    for (const g of ['董事', '总裁', '成立', '推出']) assert.ok((COMPANY_RIGHT.get(g) ?? 0) >= 2, g);
    for (const g of ['收购', '加入']) assert.ok((COMPANY_LEFT.get(g) ?? 0) >= 2, g);
    for (const g of ['公司', '集团', '银行']) assert.ok(!COMPANY_RIGHT.has(g), g);
  });

  describe('guards, with a small dictionary', () => {
    const dictionary = new Set(['运动', '团队', '部分', '项目', '众创', '成立', '先后', '引进', '企业', '推出', '新品', '专班', '三年']);
    const run = (text: string) => {
      const norm = normalizeForMatching(text);
      const isWord = (a: number, len: number) => a >= 0 && dictionary.has(norm.slice(a, a + len));
      return markContextCompanies([], text, norm, isWord);
    };

    it('marks a name that is no word, with two contexts in two sentences', () => {
      assert.deepEqual(orgs(run('澜芯成立三年。澜芯推出新品。')), ['澜芯', '澜芯']);
    });

    it('leaves a phrase of dictionary words (部分+项目) and a dictionary word (团队)', () => {
      assert.deepEqual(orgs(run('部分项目成立专班。部分项目推出新品。')), []);
      assert.deepEqual(orgs(run('团队成立三年。团队推出新品。')), []);
      assert.deepEqual(orgs(run('团伙成立三年。团伙推出新品。')), ['团伙', '团伙'], 'the same sentences with a word not in the dictionary');
    });

    it('leaves a string that ends in a word of its own (澜|运动)', () => {
      assert.deepEqual(orgs(run('澜运动成立三年。澜运动推出新品。')), []);
    });

    it('leaves a name with two contexts in one sentence only', () => {
      assert.deepEqual(orgs(run('澜芯成立后，澜芯推出新品。')), []);
    });

    it('leaves a piece that always follows the same character (众|创金融街) or crosses a word (众创)', () => {
      assert.deepEqual(orgs(run('这里是众创金融街成立三年。众创金融街先后引进企业。')), []);
      dictionary.delete('众创');
      try {
        assert.deepEqual(orgs(run('这里是众创金融街成立三年。众创金融街先后引进企业。')), []);
      } finally {
        dictionary.add('众创');
      }
    });

    it('leaves a name with a single context, however often (one context twice is no evidence of two kinds)', () => {
      assert.deepEqual(orgs(run('澜芯成立三年。澜芯成立了。据悉，澜芯很好。')), []);
    });

    it('reads every kind of context the scan skips to: one and two characters, left and right, at each threshold', () => {
      const at = (text: string, strong?: number) => orgs(markContextCompanies([], text, text, () => false, strong));
      // One-character contexts: 兼 before (3.12), 副 after (3.95); 任 before is 2.1.
      assert.deepEqual(at('他兼澜芯顾问。澜芯副手来了。', 3), ['澜芯', '澜芯']);
      assert.deepEqual(at('他任澜芯顾问。澜芯副手来了。', 3), [], '任 is below 3');
      assert.deepEqual(at('他任澜芯顾问。澜芯副手来了。'), ['澜芯', '澜芯'], 'and above the default 2');
      // Below the default: 原 before (1.5), 举 after (1.55).
      assert.deepEqual(at('他原澜芯顾问。澜芯举办会议。'), []);
      assert.deepEqual(at('他原澜芯顾问。澜芯举办会议。', 1.5), ['澜芯', '澜芯']);
      // Two-character contexts only: 收购 and 加入 before, 成立 and 推出 after.
      assert.deepEqual(at('他们收购澜芯。我们加入澜芯。'), ['澜芯', '澜芯']);
      assert.deepEqual(at('澜芯成立三年。澜芯推出新品。', 3), [], '成立 and 推出 score below 3');
    });

    it('keeps an organisation the recogniser already found, and re-reads a weak place of the same name', () => {
      const text = '澜芯成立三年。澜芯推出新品。';
      const place: EntityMention = { start: 0, end: 2, text: '澜芯', type: 'LOC', confidence: 0.3, source: 'model' };
      const out = markContextCompanies([place], text, text, (a, len) => dictionary.has(text.slice(a, a + len)));
      assert.deepEqual(
        out.map((m) => `${m.start}${m.type}`),
        ['0ORG', '7ORG'],
      );
      const sure = { ...place, confidence: 0.9 };
      assert.ok(markContextCompanies([sure], text, text, () => false).every((m) => m.start !== 7));
    });
  });
});

describe('rememberedPerPosition (company-contexts.ts: the word-across-an-edge test, kept per edge)', () => {
  it('answers as the test at every position, asked in any order and again, and asks the test once per position', () => {
    const answers = [true, false, false, true, true, false, true, false];
    const asked: number[] = [];
    const remembered = rememberedPerPosition(answers.length, (i) => (asked.push(i), answers[i]));
    for (const i of [3, 4, 2, 3, 0, 7, 1, 6, 5, 4, 2, 1, 0, 7, 6, 5]) assert.equal(remembered(i), answers[i], `position ${i}`);
    assert.deepEqual(asked, [3, 4, 2, 0, 7, 1, 6, 5]);
  });

  it('keeps its answers in the zeroed array it is lent (markContextCompanies lends one from the marks pool)', () => {
    const answers = [true, false, true];
    const known = new Uint8Array(4);
    const asked: number[] = [];
    const remembered = rememberedPerPosition(answers.length, (i) => (asked.push(i), answers[i]), known);
    for (const i of [2, 1, 2, 1]) assert.equal(remembered(i), answers[i]);
    assert.deepEqual(asked, [2, 1]);
    assert.deepEqual([...known], [0, 1, 2, 0]);
  });
});
