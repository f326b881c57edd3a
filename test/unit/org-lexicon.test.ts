/**
 * Issue 11, eighth round: companies and outlets from CC-CEDICT (org-lexicon.ts, family `orgLexicon`), on sentences
 * written for this test, in both scripts with the shipped model.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { orgLexiconSpans, portalDeskSpans } from '../../server/src/service/entities/org-lexicon';
import type { EntityMention } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');
const has = (ms: readonly EntityMention[], text: string, type: EntityMention['type']) => ms.some((m) => m.text === text && m.type === type);

describe('companies and outlets from CC-CEDICT (orgLexicon)', function () {
  this.timeout(60000);
  const { tagger, both } = shippedRecognizer();
  const without = createEntityRecognizer({ tagger, disable: ['orgLexicon'] });

  const cases: [string, string, number, EntityMention['type']][] = [
    ['据悉，哔哩哔哩第三季度营收同比增长三成。', '哔哩哔哩', 3, 'ORG'],
    ['用户在知乎发帖讨论这款新车。', '知乎', 3, 'ORG'],
    ['瑞幸咖啡周二公布了新一季的门店数量。', '瑞幸咖啡', 0, 'ORG'],
    ['这家讽刺杂志查理周刊再次刊登漫画。', '查理周刊', 6, 'MEDIA'],
  ];
  for (const [sentence, name, at, type] of cases)
    it(`marks ${name} as ${type}`, () => {
      both(sentence, (ms, t) => {
        const surface = t.slice(at, at + name.length);
        assert.ok(has(ms, surface, type), `${t}: ${show(ms)}`);
        assert.ok(!has(without.recognize(t), surface, type), `the family is what finds ${surface}: ${show(without.recognize(t))}`);
      });
    });

  it('takes a company name that is also an everyday word only where the tagger sees a name (最美的 is no 美的)', () => {
    both('这是今年最美的风景。', (ms, t) => assert.ok(!ms.some((m) => m.type === 'ORG'), `${t}: ${show(ms)}`));
  });

  it('does not tear a word at the name edge (新浪 in 新浪漫)', () => {
    both('游客登上新浪漫号邮轮出海。', (ms, t) =>
      assert.ok(!ms.some((m) => m.text.startsWith('新浪') && m.type === 'ORG'), `${t}: ${show(ms)}`),
    );
  });

  it('keeps a lexicon name that is also a word where the tagger reads exactly that name (海尔, 党中央), among many names', () => {
    for (const [sentence, name] of [
      ['王明、李华在北京和上海会见了张伟与刘强，海尔发布了新款冰箱。', '海尔'],
      ['王明和李华在北京会见了张伟，党中央高度重视，上海和广州的代表也到了。', '党中央'],
    ])
      both(sentence, (ms, t) => {
        const at = sentence.indexOf(name);
        const m = ms.find((x) => x.start === at && x.end === at + name.length);
        assert.deepEqual([m?.type, m?.source], ['ORG', 'gazetteer'], `${t}: ${show(ms)}`);
      });
  });

  it('yields to a longer name the tagger found around it (泰晤士 in 泰晤士河)', () => {
    both('泰晤士河边的游客很多。', (ms, t) => assert.ok(!ms.some((m) => m.type === 'MEDIA'), `${t}: ${show(ms)}`));
  });

  it('takes no name that lies inside a longer word (箭牌 in 挡箭牌)', () => {
    both('他总拿这件事当挡箭牌，不肯表态。', (ms, t) => assert.ok(!ms.some((m) => m.type === 'ORG'), `${t}: ${show(ms)}`));
  });

  // Sentences of MSRA train where this guard alone keeps the name out (each of the two alone, checked by switching it off).
  it('takes no name that is also a word of the training text (山水 in 山水相映)', () => {
    both('山水相映，沙山好似倒长在水中。', (ms, t) => assert.ok(!ms.some((m) => m.type === 'ORG'), `${t}: ${show(ms)}`));
  });

  it('takes no name whose edge character makes a word with its neighbour (上汽 in 扶上汽车)', () => {
    both('一些不知姓名的人也主动过来帮忙，迅速将冯强扶上汽车。', (ms, t) =>
      assert.ok(!ms.some((m) => m.type === 'ORG'), `${t}: ${show(ms)}`),
    );
  });

  it('marks the lexicon’s common-word entries weak and grows a company over its website', () => {
    const spans = orgLexiconSpans('苹果和知乎网', () => false);
    assert.deepEqual(
      spans.map((s) => [s.start, s.end, s.type, !!s.weak]),
      [
        [0, 2, 'ORG', true],
        [3, 6, 'ORG', false],
      ],
    );
    assert.deepEqual(
      orgLexiconSpans('知乎网友', (a, len) => len === 2 && a === 2).map((s) => [s.start, s.end]),
      [[0, 2]],
      '网 that begins a word (网友) stays outside',
    );
  });

  describe('a web portal’s desk is an outlet (portalDesks)', () => {
    const withoutDesks = createEntityRecognizer({ tagger, disable: ['portalDesks'] });
    for (const [sentence, at, name] of [
      ['据新浪科技报道，这家公司将裁员。', 1, '新浪科技'],
      ['网易财经记者获悉，股价当天大跌。', 0, '网易财经'],
    ] as const)
      it(`marks ${name} as MEDIA`, () => {
        both(sentence, (ms, t) => {
          const surface = t.slice(at, at + name.length);
          assert.ok(has(ms, surface, 'MEDIA'), `${t}: ${show(ms)}`);
          assert.ok(!has(withoutDesks.recognize(t), surface, 'MEDIA'), 'the family is what finds it');
        });
      });
    it('takes no park, building or company (百度科技园, 腾讯科技有限公司)', () => {
      assert.deepEqual(portalDeskSpans('百度科技园和腾讯科技有限公司'), []);
      assert.deepEqual(
        portalDeskSpans('百度体育').map((s) => [s.start, s.end, s.type]),
        [[0, 4, 'MEDIA']],
      );
    });
  });
});
