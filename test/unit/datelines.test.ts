/**
 * Issue 11, seventh round: the outlet of a dateline (datelines.ts), source lists after 综合整理自 (sourceLists) and
 * account names over a publication time (accountSlots), on sentences written for this test, in both scripts with the
 * shipped model.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import type { EntityMention } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');
const media = (ms: readonly EntityMention[]) => ms.filter((m) => m.type === 'MEDIA').map((m) => m.text);

describe('outlets of datelines, source lists and account cards', function () {
  this.timeout(60000);
  const { tagger, both } = shippedRecognizer();
  const off = (family: 'datelines' | 'sourceLists' | 'accountSlots') => createEntityRecognizer({ tagger, disable: [family] });

  it('marks the outlet before 讯 without the 讯', () => {
    both('蓝鲸科技讯（记者 周明）昨日，市区新开一座公园。', (ms, t) => {
      assert.ok(media(ms).includes(t.slice(0, 4)), `${t}: ${show(ms)}`);
      assert.ok(!ms.some((m) => m.text.endsWith(t[4]) && m.start === 0), `no name keeps the 讯: ${show(ms)}`);
      assert.ok(!media(off('datelines').recognize(t)).includes(t.slice(0, 4)), 'the family is what finds it');
    });
  });

  it('marks an outlet before a date and 消息, and both outlets of a hyphenated pair without 客户端', () => {
    both('蓝鲸之家3月2日消息 据报道，新品下月上市。', (ms, t) => assert.ok(media(ms).includes(t.slice(0, 4)), `${t}: ${show(ms)}`));
    both('蓝鲸之家北京3月2日消息 据报道，新品下月上市。', (ms, t) => {
      assert.ok(media(ms).includes(t.slice(0, 4)), `${t}: ${show(ms)}`);
      assert.ok(
        ms.some((m) => m.text === t.slice(4, 6) && m.type === 'LOC'),
        `the place it was filed from stays a place: ${show(ms)}`,
      );
    });
    both('澄江网-澄江通客户端讯 今日，澄江网-澄江通客户端记者获悉，', (ms, t) => {
      const found = media(ms);
      assert.equal(found.filter((x) => x === t.slice(0, 3)).length, 2, `${t}: ${show(ms)}`);
      assert.equal(found.filter((x) => x === t.slice(4, 7)).length, 2, `${t}: ${show(ms)}`);
    });
  });

  it('leaves a word that ends in 讯 (通讯), 本报讯 and a menu item alone on its line', () => {
    both('首页\n蓝鲸车讯\n正文', (ms, t) => assert.deepEqual(media(ms), [], `${t}: ${show(ms)}`));
    both('澄星通讯 35.18 +5.05%', (ms, t) => assert.deepEqual(media(ms), [], `${t}: ${show(ms)}`));
    both('本报讯 昨日，市区新开一座公园。', (ms, t) => assert.deepEqual(media(ms), [], `${t}: ${show(ms)}`));
  });

  it('reads the list after 综合整理自 as outlets', () => {
    both('（综合整理自澄江晚报、蓝鲸之家、雷锋网等）', (ms, t) => {
      for (const name of [t.slice(6, 10), t.slice(11, 15), t.slice(16, 19)]) assert.ok(media(ms).includes(name), `${name}: ${show(ms)}`);
      assert.ok(!media(off('sourceLists').recognize(t)).includes(t.slice(11, 15)), 'the family is what finds it');
    });
  });

  it('reads a name line over a publication time as the publishing account', () => {
    both('标题一行\n蓝鲸必读\n发布时间：10-08 12:00\n正文从这里开始。', (ms, t) => {
      assert.ok(media(ms).includes(t.slice(5, 9)), `${t}: ${show(ms)}`);
      assert.ok(!media(off('accountSlots').recognize(t)).includes(t.slice(5, 9)), 'the family is what finds it');
    });
  });

  it('reads the account after a publication time when the line marks it as its compilation, not an author', () => {
    both('标题一行\n2019-09-05 11:10 蓝鲸星空[整理]\n正文从这里开始。', (ms, t) => {
      assert.ok(media(ms).includes(t.slice(22, 26)), `${t}: ${show(ms)}`);
      assert.ok(!media(off('accountSlots').recognize(t)).includes(t.slice(22, 26)), 'the family is what finds it');
    });
    both('标题一行\n2019-09-05 11:10 张小明\n正文从这里开始。', (ms, t) => assert.deepEqual(media(ms), [], `${t}: ${show(ms)}`));
  });
});
