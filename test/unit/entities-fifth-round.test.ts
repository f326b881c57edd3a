/**
 * Issue 11, fifth round (docs/entities.md, "Fifth round: unseen pages"): each category pinned on sentences written
 * for this test (none from the gold pages), with the shipped model, in Simplified and in Traditional.
 */
import { strict as assert } from 'node:assert';
import { givenNameCharacters } from '../../server/src/service/entities/cut-names';
import { dropTornLatin } from '../../server/src/service/entities/torn-latin';
import { normalizeForMatching } from '../../server/src/service/normalize';
import type { EntityMention } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');
const people = (ms: readonly EntityMention[]) => ms.filter((m) => m.type === 'PER').map((m) => m.text);

describe('entities on unseen pages (fifth round), with the shipped model, in both scripts', function () {
  this.timeout(60000);
  const { tagger, both } = shippedRecognizer();

  describe('three-character names the tagger cut to two (cutNames)', () => {
    it('gives the name its third character back before a function word', () => {
      both('创始人刘军琛对笔者坦言，工厂还会扩建。', (ms, t) => {
        const m = ms.find((x) => x.type === 'PER');
        assert.equal(m?.text, t.slice(3, 6), `${t}: ${show(ms)}`);
        assert.equal(m?.source, 'article');
      });
    });

    it('gives it back on a menu line of names', () => {
      both('演员林峰殷/旅游/美食', (ms, t) => assert.deepEqual(people(ms), [t.slice(2, 5)], `${t}: ${show(ms)}`));
    });

    it('leaves the two characters where the article also writes them with another character after (刘军则 … 刘军怎么)', () => {
      both('记者问刘军怎么看。刘军则回答称，一切顺利。', (ms, t) =>
        assert.deepEqual(people(ms), [t.slice(3, 5), t.slice(3, 5)], `${t}: ${show(ms)}`),
      );
    });

    it('leaves them where the next character makes a word with the one after it (明天)', () => {
      both('队长刘军明天下午出发。', (ms, t) => assert.deepEqual(people(ms), [t.slice(2, 4)], `${t}: ${show(ms)}`));
    });

    it('leaves them where what follows the next character is no clean break (点赞了)', () => {
      both('队长刘军点赞了这条视频。', (ms, t) => assert.deepEqual(people(ms), [t.slice(2, 4)], `${t}: ${show(ms)}`));
    });

    it('learns given-name characters from the training names, not from a list', () => {
      const given = givenNameCharacters(tagger!.trainingNames!);
      assert.ok(given.size > 500, `only ${given.size} characters`);
      for (const c of '军华明伟') assert.ok(given.has(c.charCodeAt(0)), c);
      for (const c of '网奖了') assert.ok(!given.has(c.charCodeAt(0)), c);
    });
  });

  describe('generic place words (genericPlaces)', () => {
    const built = '据了解，在航站楼内部施工完成后，机场将试运行。';
    it('drops a common word read as a place when the article leaves it unmarked in another sentence', () => {
      both(`${built}新建的面积约3万平方米的航站楼，可满足旅客需求。`, (ms, t) =>
        assert.ok(!ms.some((m) => m.type === 'LOC'), `${t}: ${show(ms)}`),
      );
    });
    it('keeps it when the article gives no such evidence (one sentence, as in MSRA)', () => {
      both(built, (ms, t) => assert.deepEqual(show(ms), `${t.slice(5, 8)}/LOC`, t));
    });
  });

  describe("a company's short name that a lexicon lists as a place (companyStems)", () => {
    it('reads the short name as the company the article named in full (华侨城集团 … 华侨城, 新城控股 … 新城)', () => {
      for (const [s, stem] of [
        ['华侨城集团发布半年报。业主称，华侨城一直没有回应。', '华侨城'],
        ['新城控股发布公告。分析师认为，新城今年的销售会放缓。', '新城'],
      ] as const)
        both(s, (ms, t) => {
          const at = s.lastIndexOf(stem);
          const m = ms.find((x) => x.start === at && x.end === at + stem.length);
          assert.equal(m?.type, 'ORG', `${t}: ${show(ms)}`);
          assert.equal(m?.source, 'consistency');
        });
    });
    it('leaves the place of a hospital named after its town (新城医院 … 新城)', () => {
      const s = '新城医院扩建完工。新城今年新增两所学校。';
      both(s, (ms, t) =>
        assert.ok(
          ms.some((m) => m.start === 9 && m.end === 11 && m.type === 'LOC'),
          `${t}: ${show(ms)}`,
        ),
      );
    });
  });

  describe('publications named in 《》 (titledMedia)', () => {
    it('marks a title MEDIA when a publication noun comes before it (期刊《细胞》)', () => {
      both('国际学术期刊《细胞》近日刊发了该团队的论文。', (ms, t) => assert.equal(show(ms), `${t.slice(7, 9)}/MEDIA`, t));
    });
    it('marks it MEDIA, replacing what was read inside, when only a publication could act after it (《东湖文摘》记者)', () => {
      both('一位工程师向《东湖文摘》记者表示，工期会推迟。', (ms, t) => assert.equal(show(ms), `${t.slice(7, 11)}/MEDIA`, t));
    });
    it('leaves the title of a work alone, and the name inside it (电影《雷锋》剧组)', () => {
      both('电影《雷锋》剧组昨天开机。', (ms, t) => assert.equal(show(ms), `${t.slice(3, 5)}/PER`, t));
    });
  });

  describe('no torn Latin words (tornLatin)', () => {
    it('drops a name in Latin letters cut out of a longer word (AP in APP)', () => {
      both('下载新华社APP，阅读更多新闻。', (ms, t) => assert.equal(show(ms), `${t.slice(2, 5)}/MEDIA`, t));
    });
    it("gives back a model number's first letter (华硕a55 → 华硕)", () => {
      both('他买了一台华硕a55笔记本。', (ms, t) => assert.equal(show(ms), `${t.slice(5, 7)}/ORG`, t));
    });
    it('grows a name that begins inside a Latin word to the word, and drops one made of the torn part only', () => {
      const text = '他是RobertMoses公园协会的成员，也听过JAYJUN的歌。';
      const norm = normalizeForMatching(text);
      const at = (s: string) => text.indexOf(s);
      const mention = (s: string, type: EntityMention['type']): EntityMention => ({
        start: at(s),
        end: at(s) + s.length,
        text: s,
        type,
        confidence: 0.5,
        source: 'model',
      });
      const out = dropTornLatin([mention('Moses公园协会', 'ORG'), mention('UN', 'ORG')], text, norm);
      assert.deepEqual(show(out), 'RobertMoses公园协会/ORG');
    });
  });

  describe('parts of a foreign name used alone (dottedParts)', () => {
    const text = '28岁的茉莉·西尔斯患有纤维肌痛。茉莉不得不辞职。她还种了茉莉花。';
    it('marks a part of a dotted name the article uses alone, but not inside a longer word (茉莉花)', () => {
      both(text, (ms, t) => {
        const alone = t.indexOf(t.slice(4, 6), 12);
        assert.deepEqual(
          ms.map((m) => [m.start, m.type]),
          [
            [4, 'PER'],
            [alone, 'PER'],
          ],
          `${t}: ${show(ms)}`,
        );
      });
    });
  });

  it('reads a byline after a colon (作者：李在东, 责任编辑：王为民)', () => {
    both('2024-03-02 10:15 来源：本地晚报 作者：李在东', (ms, t) => assert.deepEqual(people(ms), [t.slice(-3)], `${t}: ${show(ms)}`));
    both('责任编辑：王为民', (ms, t) => assert.deepEqual(people(ms), [t.slice(-3)], `${t}: ${show(ms)}`));
  });
});
