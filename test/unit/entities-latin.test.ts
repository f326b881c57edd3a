/**
 * Issue 11, seventh round (docs/entities.md, "Seventh round: Latin-script names and terms"): the article decides
 * whether a Latin word is a name. Sentences written for this test; the pure pass on hand-made tagger mentions, and
 * the whole recogniser with the shipped model in both scripts.
 */
import { strict as assert } from 'node:assert';
import { latinNames } from '../../server/src/service/entities/latin-names';
import { dropProductNames } from '../../server/src/service/entities/product-names';
import { normalizeForMatching } from '../../server/src/service/normalize';
import type { EntityMention, EntityType } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}/${m.source}`).join(' ');

/** A mention of `name` (its `nth` occurrence) in `text`. */
function at(text: string, name: string, type: EntityType, source: EntityMention['source'] = 'model', nth = 0): EntityMention {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf(name, start + 1);
  assert.ok(start >= 0, `${name} not in ${text}`);
  return { start, end: start + name.length, text: name, type, confidence: 0.8, source };
}

function run(text: string, mentions: EntityMention[], off: string[] = [], listed?: Record<string, EntityType>): EntityMention[] {
  const norm = normalizeForMatching(text);
  const sorted = mentions.slice().sort((a, b) => a.start - b.start);
  return latinNames(sorted, text, norm, {
    off: new Set(off),
    listedType: (a, b) => listed?.[norm.slice(a, b)],
  });
}

const texts = (ms: readonly EntityMention[], type?: EntityType) => ms.filter((m) => !type || m.type === type).map((m) => m.text);

describe('Latin-script names and terms (latin-names.ts)', () => {
  describe('definitions in parentheses (latinTerms)', () => {
    it('drops every mention of an acronym the article expands into a term, so nothing spreads it', () => {
      const t = '研究员演示了XSS（Cross Site Scripting）漏洞。这些XSS漏洞影响很大，XSS仍然常见。';
      const ms = [at(t, 'XSS', 'ORG', 'model', 1), at(t, 'XSS', 'ORG', 'consistency', 2)];
      assert.deepEqual(texts(run(t, ms)), []);
      // Both kept when the family is off: the decision is what dropped them.
      assert.deepEqual(texts(run(t, ms, ['latinTerms'])), ['XSS', 'XSS']);
    });

    it('drops a listed acronym the article glosses as a technique in Chinese (NSA(非独立组网))', () => {
      const t = '新芯片支持NSA（非独立组网）和SA两种模式。';
      assert.deepEqual(texts(run(t, [at(t, 'NSA', 'ORG', 'gazetteer')])), []);
    });

    it('marks an acronym whose English expansion names a body as an organisation at every mention', () => {
      const t = '该标准由IEEE（Institute of Electrical and Electronics Engineers）制定。IEEE随后发布了新版。';
      const ms = run(t, []);
      assert.deepEqual(texts(ms, 'ORG'), ['IEEE', 'IEEE'], show(ms));
      assert.ok(ms.every((m) => m.source === 'article'));
    });

    it('gives the acronym after a Chinese name the name’s type, and its expansion too, on the line where it starts', () => {
      const t = '国际标准学会(International Standards\nSociety，简称ISS)公布了名单。ISS会士共十人。';
      const ms = run(t, [at(t, '国际标准学会', 'ORG')]);
      assert.deepEqual(texts(ms, 'ORG'), ['国际标准学会', 'International Standards', 'ISS', 'ISS'], show(ms));
    });

    it('reads no person’s name in Latin words that follow two people (their group)', () => {
      const t = '嘉宾有利特（Super Junior）、银赫（Super Junior）。';
      const ms = run(t, [at(t, '利特', 'PER'), at(t, '银赫', 'PER')]);
      assert.deepEqual(texts(ms), ['利特', '银赫'], show(ms));
    });

    it('gives a person’s Latin name in parentheses the person’s type, but leaves a place’s Latin name alone', () => {
      const t = '28岁的安娜·史密斯（Anna Smith）住在伦宁根市(Lenningen)。';
      const ms = run(t, [at(t, '安娜·史密斯', 'PER', 'pattern'), at(t, '伦宁根市', 'LOC')]);
      assert.deepEqual(texts(ms), ['安娜·史密斯', 'Anna Smith', '伦宁根市'], show(ms));
    });

    it('treats the words listed beside a term as terms (DEP、ASLR)', () => {
      const t = '系统加入了安全特性（如DEP、ASLR等），DEP（Data Execution Prevention）出现之后攻击变难。';
      const ms = [at(t, 'ASLR', 'PER')];
      assert.deepEqual(texts(run(t, ms)), []);
    });

    it('keeps no person in the Chinese gloss of a product term (ZoomEye(钟馗之眼)), but a place stays', () => {
      const t = '公司发布了ZoomEye（钟馗之眼），又在IFA（柏林消费电子展）上展示。';
      const ms = run(t, [at(t, '钟馗', 'PER'), at(t, '柏林', 'LOC', 'gazetteer')]);
      assert.deepEqual(texts(ms), ['柏林'], show(ms));
    });
  });

  describe("the tagger's Latin (latinTerms)", () => {
    it('drops a tagger person that is an acronym, a piece of an English phrase, a word with a version number or before a product noun', () => {
      const t = '他研究Applied Cryptography Research，破解了SHA-1，用过RSS，还改造了GNU Radio项目。';
      const ms = [at(t, 'Research', 'PER'), at(t, 'SHA', 'ORG'), at(t, 'RSS', 'PER'), at(t, 'GNU Radio', 'MEDIA', 'pattern')];
      assert.deepEqual(texts(run(t, ms)), []);
      assert.deepEqual(texts(run(t, ms, ['latinTerms'])).length, 4);
    });

    it('keeps a tagger mention of a Latin word standing alone, and reads no gloss in a photo position (Haha（右）)', () => {
      const t = '金锺国与Haha共同主持节目。金锺国（左）和Haha（右）';
      const ms = [at(t, 'Haha', 'PER'), at(t, 'Haha', 'PER', 'model', 1)];
      assert.deepEqual(texts(run(t, ms)), ['Haha', 'Haha']);
    });

    it('gives back a Latin word the tagger glued to a listed place, with the list’s type', () => {
      const t = '她帮助提高英国Sea Shepard的知名度。';
      const ms = run(t, [at(t, '英国Sea', 'ORG')], [], { 英国: 'LOC' });
      assert.deepEqual(
        ms.map((m) => `${m.text}/${m.type}`),
        ['英国/LOC'],
      );
    });
  });

  describe('handles in speaker slots (latinHandles)', () => {
    it('marks a Latin word after 来自X的 as a person, at each of its mentions whatever the first letter’s case', () => {
      const t = 'redrain：黑产揭秘\n来自星河安全实验室的redrain介绍了黑产链条。Redrain在爆料中透露了收益。';
      const ms = run(t, []);
      assert.deepEqual(texts(ms, 'PER'), ['redrain', 'redrain', 'Redrain'], show(ms));
      assert.deepEqual(texts(run(t, [], ['latinHandles'])), []);
    });

    it('marks a Latin word glossed by a nickname, and the nickname, as a person', () => {
      const t = '去年，Superhei（黑哥）分享了议题，tombkeeper（TK教主）随后演讲。';
      assert.deepEqual(texts(run(t, []), 'PER'), ['Superhei', '黑哥', 'tombkeeper', 'TK']);
    });
  });

  describe('list mates and heads (latinMates)', () => {
    it('marks a Latin word listed with organisations as one', () => {
      const t = '博通、英伟达、德州仪器、Marvell等厂商退出了市场。';
      const ms = [at(t, '博通', 'ORG'), at(t, '英伟达', 'ORG'), at(t, '德州仪器', 'ORG')];
      assert.deepEqual(texts(run(t, ms), 'ORG'), ['博通', '英伟达', '德州仪器', 'Marvell']);
      assert.deepEqual(texts(run(t, ms, ['latinMates']), 'ORG'), ['博通', '英伟达', '德州仪器']);
    });

    it('marks a Latin word alone in a source slot as the outlet, not a placeholder', () => {
      const t = '发表于2014-08-24|\n来源CSDN|\n来源：XXX\n';
      assert.deepEqual(texts(run(t, []), 'MEDIA'), ['CSDN']);
      assert.deepEqual(texts(run(t, [], ['latinMates'])), []);
    });

    it('leaves a Latin word listed with words that are no names', () => {
      const t = '微信、短信、Twitter等客户端都有漏洞。';
      assert.deepEqual(texts(run(t, [])), []);
    });

    it('marks a Latin word before a company’s or an outlet’s ending with it', () => {
      const t = '据Wind资讯数据，IT之家报道了此事。';
      const ms = run(t, []);
      assert.deepEqual(
        ms.map((m) => `${m.text}/${m.type}`),
        ['Wind资讯/ORG', 'IT之家/MEDIA'],
      );
    });
  });

  describe('products and vehicles (productNames)', () => {
    const drop = (t: string, ms: EntityMention[]) => texts(dropProductNames(ms, normalizeForMatching(t)));

    it('drops a spacecraft or ship named with a serial designation, and its name part', () => {
      const t = '天宫二号与神舟十一号对接，天宫二号运行良好。';
      assert.deepEqual(drop(t, [at(t, '天宫', 'LOC'), at(t, '神舟十一号', 'ORG'), at(t, '天宫二号', 'LOC', 'consistency', 1)]), []);
    });

    it('keeps a street before a house number and a place before a metro line', () => {
      const t = '他住在长安路一号，常坐北京一号线。';
      assert.deepEqual(drop(t, [at(t, '长安路', 'LOC'), at(t, '北京', 'LOC')]), ['长安路', '北京']);
    });

    it('drops a brand before a model number, not a body before a year or a count', () => {
      const t = '华为巴龙5000上市；华为2019年营收增长，腾讯300万用户。';
      assert.deepEqual(drop(t, [at(t, '华为巴龙', 'ORG'), at(t, '华为', 'ORG', 'gazetteer', 1), at(t, '腾讯', 'ORG', 'gazetteer')]), [
        '华为',
        '腾讯',
      ]);
    });
  });

  describe('with the shipped model, in both scripts', function () {
    this.timeout(60000);
    const { both } = shippedRecognizer();

    it('finds a handle from its speaker slot and spreads it, and leaves a defined term unmarked', () => {
      both('来自红队安全组织的Zer0cool首先分享了客户端的XSS（Cross Site Scripting）漏洞。Zer0cool指出，XSS漏洞很常见。', (ms, t) => {
        assert.deepEqual(
          ms.filter((m) => /[A-Za-z]/.test(m.text)).map((m) => `${m.text}/${m.type}`),
          ['Zer0cool/PER', 'Zer0cool/PER'],
          `${t}: ${show(ms)}`,
        );
      });
    });

    it('marks no spacecraft, and no part of one, even where the name recurs', () => {
      both('天宫一号目标飞行器与神舟九号飞船成功对接，随后天宫一号与神舟九号组合体分离。', (ms, t) => {
        assert.deepEqual(
          ms.filter((m) => /天宫|神舟/u.test(m.text)).map((m) => m.text),
          [],
          `${t}: ${show(ms)}`,
        );
      });
    });

    it('marks the acronym of a body named before it (美国能源部(DOE))', () => {
      both('美国能源部(DOE)周一发布报告。DOE表示，电价将上涨。', (ms, t) => {
        assert.deepEqual(
          ms.filter((m) => /[A-Za-z]/.test(m.text)).map((m) => `${m.text}/${m.type}`),
          ['DOE/ORG', 'DOE/ORG'],
          `${t}: ${show(ms)}`,
        );
      });
    });
  });
});
