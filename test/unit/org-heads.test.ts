/**
 * Issue 11, seventh round: organisation names cut short (org-heads.ts), on sentences written for this test, in both
 * scripts with the shipped model, and the guards on their own with a small dictionary.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { growOrganisationHeads } from '../../server/src/service/entities/org-heads';
import { normalizeForMatching } from '../../server/src/service/normalize';
import type { EntityMention } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';
import { mentionsAt } from './mentions';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');
const orgs = (ms: readonly EntityMention[]) => ms.filter((m) => m.type === 'ORG').map((m) => m.text);

describe('organisations grown to the unit head after them (orgHeads)', function () {
  this.timeout(60000);
  const { tagger, both } = shippedRecognizer();
  const without = createEntityRecognizer({ tagger, disable: ['orgHeads'] });

  const cases: [string, string, number][] = [
    ['研究员来自腾讯玄武安全实验室，他说漏洞已修复。', '腾讯玄武安全实验室', 5],
    ['昨天，国务院联防联控机制印发了新的指南。', '国务院联防联控机制', 3],
    ['她兼任中国科协女科技工作者专门委员会委员。', '中国科协女科技工作者专门委员会', 3],
    ['会议由重庆工商大学旅游与国土资源学院承办。', '重庆工商大学旅游与国土资源学院', 3],
    ['亚马逊中国方面回复记者表示，活动将持续一周。', '亚马逊中国', 0],
    ['记者从沙坪坝区公安分局了解到，案件已告破。', '沙坪坝区公安分局', 3],
  ];
  for (const [sentence, name, at] of cases)
    it(`marks the longest name: ${name}`, () => {
      both(sentence, (ms, t) => {
        const full = t.slice(at, at + name.length);
        assert.ok(orgs(ms).includes(full), `${t}: ${show(ms)}`);
        assert.ok(!orgs(without.recognize(t)).includes(full), `the family is what grows ${full}`);
      });
    });

  it('leaves two universities joined by 与 apart', () => {
    both('北京大学与清华大学研究院合作。', (ms, t) => assert.ok(!orgs(ms).includes(t.slice(0, 11)), `${t}: ${show(ms)}`));
  });

  it('takes no country after a government body (联合国中国代表)', () => {
    both('联合国中国代表发言。', (ms, t) => assert.ok(!orgs(ms).includes(t.slice(0, 5)), `${t}: ${show(ms)}`));
  });

  describe('guards, with a small dictionary', () => {
    const dictionary = new Set(['安全', '机器', '智能', '今年', '新建', '发布', '专门']);
    const run = (text: string, spans: [number, number, EntityMention['type']][]) => {
      const norm = normalizeForMatching(text);
      const ms = mentionsAt(text, spans);
      return growOrganisationHeads(ms, text, norm, (a, len) => dictionary.has(norm.slice(a, a + len)));
    };
    it('grows over a modifier of dictionary words', () => {
      assert.deepEqual(show(run('澜芯机器智能实验室成立', [[0, 2, 'ORG']])), '澜芯机器智能实验室/ORG');
    });
    it('does not grow over a modifier the dictionary cannot read', () => {
      assert.deepEqual(show(run('澜芯沃坦斯德实验室成立', [[0, 2, 'ORG']])), '澜芯/ORG');
    });
    it('does not grow over a clause (今年新建)', () => {
      assert.deepEqual(show(run('澜芯今年新建实验室', [[0, 2, 'ORG']])), '澜芯/ORG');
    });
    it('does not grow over a function word (的)', () => {
      assert.deepEqual(show(run('澜芯的安全实验室', [[0, 2, 'ORG']])), '澜芯/ORG');
    });
    it('keeps the name as it was when a mention runs past the head', () => {
      assert.deepEqual(
        show(
          run('澜芯安全实验室主任', [
            [0, 2, 'ORG'],
            [4, 9, 'PER'],
          ]),
        ),
        '澜芯/ORG 实验室主任/PER',
      );
    });
    it('joins a company and the country of its branch, not a body and a country', () => {
      assert.deepEqual(
        show(
          run('澜芯中国表示', [
            [0, 2, 'ORG'],
            [2, 4, 'LOC'],
          ]),
        ),
        '澜芯中国/ORG',
      );
      assert.deepEqual(
        show(
          run('联合国中国代表', [
            [0, 3, 'ORG'],
            [3, 5, 'LOC'],
          ]),
        ),
        '联合国/ORG 中国/LOC',
      );
    });
  });
});

describe('companies torn into a person (tornCompanies)', function () {
  this.timeout(60000);
  const { tagger, both } = shippedRecognizer();
  const without = createEntityRecognizer({ tagger, disable: ['tornCompanies'] });
  const sentence = '由北京知道创宇联合知乎网主办的论坛。知道创宇发布了新版软件。';

  it('marks a company whose name starts with an everyday word at every mention', () => {
    both(sentence, (ms, t) => {
      const name = t.slice(3, 7);
      assert.deepEqual(orgs(ms).filter((x) => x === name).length, 2, `${t}: ${show(ms)}`);
      assert.ok(!ms.some((m) => m.type === 'PER'), `no person is left of it: ${show(ms)}`);
      assert.ok(!orgs(without.recognize(t)).includes(name), 'the family is what finds it');
    });
  });

  it('leaves a person after a title, with a surname or transliterated', () => {
    both('记者王明发布消息。记者王明表示同意。', (ms, t) => assert.deepEqual(orgs(ms), [], `${t}: ${show(ms)}`));
    both('总统普京发布命令。总统普京表示同意。', (ms, t) => assert.deepEqual(orgs(ms), [], `${t}: ${show(ms)}`));
  });

  it('leaves the string where no sentence puts it where organisations stand', () => {
    both('由北京知道创宇的朋友介绍。知道创宇的人很好。', (ms, t) => assert.ok(!orgs(ms).includes(t.slice(3, 7)), `${t}: ${show(ms)}`));
  });
});

describe('organisations joined with a place or a venue, split (orgSplits)', function () {
  this.timeout(60000);
  const { tagger, both } = shippedRecognizer();
  const without = createEntityRecognizer({ tagger, disable: ['orgSplits'] });
  const cases: [string, string[]][] = [
    ['年会在成都·西华大学隆重举行。', ['成都/LOC', '西华大学/ORG']],
    ['开幕式在西华大学明德报告厅举行。', ['西华大学/ORG', '明德报告厅/LOC']],
    ['晚宴在西华大学锦江宾馆银杏厅举行。', ['西华大学/ORG', '锦江宾馆/LOC', '银杏厅/LOC']],
    ['他曾就读于美国加州伯克利大学。', ['美国/LOC', '加州伯克利大学/ORG']],
  ];
  for (const [sentence, parts] of cases)
    it(`splits ${parts.join(' + ')}`, () => {
      both(sentence, (ms, t) => {
        const got = ms.map((m) => `${m.text}/${m.type}`);
        const names = parts.map((p) => {
          const [name, type] = p.split('/');
          const at = sentence.indexOf(name);
          return `${t.slice(at, at + name.length)}/${type}`;
        });
        for (const n of names) assert.ok(got.includes(n), `${n} in ${show(ms)}`);
        const joined = without.recognize(t).map((m) => `${m.text}/${m.type}`);
        assert.ok(!names.every((n) => joined.includes(n)), `the family is what splits them: ${joined.join(' ')}`);
      });
    });

  it("keeps a province's body (浙江省公安厅) and a country's own organisation (中国人民大学) whole", () => {
    both('他来到浙江省公安厅和中国人民大学。', (ms, t) => {
      assert.ok(orgs(ms).includes(t.slice(3, 9)), `${t}: ${show(ms)}`);
      assert.ok(orgs(ms).includes(t.slice(10, 16)), `${t}: ${show(ms)}`);
    });
  });
});

describe('the other items of a list of organisations (listMates)', function () {
  this.timeout(60000);
  const { tagger, both } = shippedRecognizer();
  const without = createEntityRecognizer({ tagger, disable: ['listMates'] });

  it('marks an unlisted company among listed ones, and the last item before 等', () => {
    both('行业里只剩下了华为、三星、联发科和澜芯微电。', (ms, t) => {
      assert.ok(orgs(ms).includes(t.slice(17, 21)), `${t}: ${show(ms)}`);
      assert.ok(!orgs(without.recognize(t)).includes(t.slice(17, 21)), 'the family is what finds it');
    });
    both('华为、三星、Zentrix等多家厂商都已退出。', (ms, t) => assert.ok(orgs(ms).includes('Zentrix'), `${t}: ${show(ms)}`));
  });

  it('leaves common nouns in a list with organisations (政治、经济、议会)', () => {
    both('两国在政治、经济、议会、司法等领域合作。', (ms, t) => {
      for (const w of [t.slice(3, 5), t.slice(6, 8)]) assert.ok(!orgs(ms).includes(w), `${w}: ${show(ms)}`);
    });
  });

  it('reads 以及 as one closer: no item keeps its 以 (三星以)', () => {
    both('行业里只剩下了华为、三星以及澜芯微电。', (ms, t) => {
      assert.ok(orgs(ms).includes(t.slice(14, 18)), `${t}: ${show(ms)}`);
      assert.ok(!ms.some((m) => m.text.endsWith('以')), `${t}: ${show(ms)}`);
    });
  });

  it('leaves a list with a place in it', () => {
    both('华为、三星、北京和澜芯微电都来了。', (ms, t) => assert.ok(!orgs(ms).includes(t.slice(9, 13)), `${t}: ${show(ms)}`));
  });
});
