/**
 * Article-level evidence (issue 11, article-level.ts): each category pinned on sentences written for this test
 * (none from the gold pages), with the shipped model, in Simplified and in Traditional script.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { sourceListSpans } from '../../server/src/service/entities/article-level';
import { loadNerModel } from '../../server/src/node/model';
import { toTraditional } from '../../server/src/service/convert';
import type { EntityMention } from '../../server/src/service/types';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');

describe('article-level evidence (pattern level)', () => {
  it('gives every item of a list after a source cue as an outlet, only when one of them is outlet-like', () => {
    const norm = '（资料来源：江城日报、滨海网、青州发布等）\n来源：网络\n来源：张三、李四';
    const found = sourceListSpans(norm, () => false).map((s) => norm.slice(s.start, s.end));
    assert.deepEqual(found, ['江城日报', '滨海网', '青州发布']);
  });
});

describe('article-level evidence with the shipped model, in both scripts', function () {
  this.timeout(60000);
  const model = loadNerModel();
  const recognizer = createEntityRecognizer({ model });
  const both = (simplified: string, check: (ms: EntityMention[], text: string) => void) => {
    for (const text of [simplified, toTraditional(simplified)]) check(recognizer.recognize(text), text);
  };
  const at = (ms: EntityMention[], text: string, surface: string, from = 0) =>
    ms.find((m) => m.start === text.indexOf(surface, from) && m.end === text.indexOf(surface, from) + surface.length);

  before(function () {
    if (!model) assert.fail('models/ner.bin is missing');
  });

  it('splits a place off a hospital or company that the article also names alone', () => {
    both('患者被送往青州澄湖医院救治。澄湖医院的医生说，情况稳定。', (ms, t) => {
      const place = at(ms, t, t.slice(5, 7));
      const hospital = at(ms, t, t.slice(7, 11));
      assert.ok(place && place.type === 'LOC', show(ms));
      assert.ok(hospital && hospital.type === 'ORG', show(ms));
    });
  });

  it('keeps a government body whole with its place, and a facility with no name of its own', () => {
    both('青州市公安局通报了案情。公安局表示正在调查。', (ms, t) => {
      assert.ok(!ms.some((m) => m.text === t.slice(0, 3) && m.end === 3), `the body lost its place: ${show(ms)}`);
    });
  });

  it('reads an outlet list after a source cue', () => {
    both('（资料来源：江城日报、滨海网、青州发布等）', (ms, t) => {
      const conv = t.includes('资料') ? (n: string) => n : toTraditional;
      for (const name of ['江城日报', '滨海网', '青州发布'].map(conv))
        assert.ok(
          ms.some((m) => m.text === name && m.type === 'MEDIA'),
          `${name}: ${show(ms)}`,
        );
    });
  });

  it('reads the outlet after 据 with its date, and splits a country off it', () => {
    both('据澄海社5月3日消息，会议召开。', (ms, t) => {
      assert.ok(
        ms.some((m) => m.text === t.slice(1, 4) && m.type === 'MEDIA'),
        show(ms),
      );
      assert.ok(!ms.some((m) => m.text.startsWith('据') || m.text.startsWith('據')), show(ms));
    });
  });

  it('takes the names in the slot of a finance brief where companies stand as companies', () => {
    both('快讯，澄星科技：拟收购一家工厂。鲸鱼征信：中标项目。澄湾：获得增持。', (ms, t) => {
      const slot = ms.find((m) => m.start === t.lastIndexOf('。', t.length - 2) + 1);
      assert.ok(slot && slot.type === 'ORG' && slot.end - slot.start === 2 && slot.source === 'article', show(ms));
    });
    // Two slots only, or labels that name no one (公告：, 记者：), give no such evidence.
    both('公告：拟收购一家工厂。记者：中标项目。澄湾：获得增持。', (ms) => {
      assert.ok(!ms.some((m) => m.type === 'ORG'), show(ms));
    });
  });

  it('finds no generic noun the article also uses unmarked', () => {
    both('医护人员住在酒店里。但是酒店不提供餐食。', (ms) => {
      assert.ok(!ms.some((m) => m.text === '酒店'), show(ms));
    });
  });

  it('takes a capital that speaks for its government as an organisation, and as a place elsewhere', () => {
    both('华盛顿宣布制裁，莫斯科警告将会回应。他在莫斯科住了三年。', (ms, t) => {
      assert.equal(at(ms, t, t.slice(0, 3))?.type, 'ORG', show(ms));
      assert.equal(at(ms, t, t.slice(8, 11))?.type, 'ORG', show(ms));
      assert.equal(at(ms, t, t.slice(8, 11), 12)?.type, 'LOC', show(ms));
    });
  });

  it('gives a company the 公司 the article writes after it, and a stock short name with 股份', () => {
    both('澄湖股份中标项目。', (ms, t) => {
      assert.ok(
        ms.some((m) => m.text === t.slice(0, 4) && m.type === 'ORG'),
        show(ms),
      );
    });
  });

  it('takes a building that a name list gives as a person for a building, and a venue with its place as a place', () => {
    both('游客登上黄鹤楼远眺。', (ms) => {
      assert.ok(
        ms.some((m) => m.type === 'LOC' && m.text.endsWith(m.text.includes('樓') ? '樓' : '楼')),
        show(ms),
      );
      assert.ok(!ms.some((m) => m.type === 'PER'), show(ms));
    });
    both('重新开放的武汉体育中心迎来市民。', (ms, t) => {
      const venue = ms.find((m) => m.start === t.indexOf('武') && m.end === t.indexOf('迎'));
      assert.equal(venue?.type, 'LOC', show(ms));
    });
  });

  it('says on hover that a split or listed name was read off the article', () => {
    const ms = recognizer.recognize('患者被送往青州澄湖医院救治。澄湖医院的医生说，情况稳定。');
    assert.equal(ms.find((m) => m.start === 7)?.source, 'article', show(ms));
  });
});
