/**
 * Coordinated names share their kind (person-lists.ts): items of an enumeration of persons that the tagger missed,
 * typed otherwise or tore become persons; enumerations of other kinds are left alone.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { personListMates } from '../../server/src/service/entities/person-lists';
import { loadNerModel } from '../../server/src/node/model';
import type { EntityMention } from '../../server/src/service/types';

const person = (text: string, s: string, type: EntityMention['type'] = 'PER'): EntityMention => {
  const start = text.indexOf(s);
  return { start, end: start + s.length, text: s, type, confidence: 0.9, source: 'model' };
};
const SURNAMES = new Set([...'王李张刘陈杨黄赵吴周马江丁宋']);
const noWord = () => false;
const surname = (c: string) => SURNAMES.has(c);
const show = (ms: EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');

describe('person enumerations (personLists)', () => {
  it('types an item of a person enumeration that the tagger read as a place, and completes a torn one', () => {
    const text = '评审人为陈立国、江南春、马大为、王小强、李红。';
    const mentions = [
      person(text, '陈立国'),
      person(text, '江南春', 'LOC'),
      person(text, '马'),
      person(text, '王小强'),
      person(text, '李红'),
    ];
    assert.equal(show(personListMates(mentions, text, text, surname, noWord)), '陈立国/PER 江南春/PER 马大为/PER 王小强/PER 李红/PER');
  });

  it('adds a missed item, reading an item up to its bracketed note', () => {
    const text = '获奖者：李明远(2016年)、赵一公(2017年)、周其正(2018年)。';
    const mentions = [person(text, '李明远'), person(text, '周其正')];
    assert.equal(show(personListMates(mentions, text, text, surname, noWord)), '李明远/PER 赵一公/PER 周其正/PER');
  });

  it('reads the last item after 和/及/与 and before 等, as the shared reader does', () => {
    const closer = '评审人为陈立国、王小强和马大为。';
    const torn = [person(closer, '陈立国'), person(closer, '王小强'), person(closer, '马')];
    assert.equal(show(personListMates(torn, closer, closer, surname, noWord)), '陈立国/PER 王小强/PER 马大为/PER');
    const tail = '评审人为陈立国、王小强、赵一公等人。';
    const two = [person(tail, '陈立国'), person(tail, '王小强')];
    assert.equal(show(personListMates(two, tail, tail, surname, noWord)), '陈立国/PER 王小强/PER 赵一公/PER');
    // An item after the closer that is no name ends the list: 赵一公 still has two votes of three.
    const rest = '顾问陈立国、赵一公、王小强以及其他领导人。';
    const ms = [person(rest, '陈立国'), person(rest, '王小强')];
    assert.equal(show(personListMates(ms, rest, rest, surname, noWord)), '陈立国/PER 赵一公/PER 王小强/PER');
  });

  it('needs most items to be persons, a surname first and no everyday word', () => {
    const places = '途经北京、上海、杭州、宋庄。';
    const ms = [person(places, '北京', 'LOC'), person(places, '上海', 'LOC'), person(places, '杭州', 'LOC')];
    assert.equal(show(personListMates(ms, places, places, surname, noWord)), '北京/LOC 上海/LOC 杭州/LOC');
    const oneVote = '嘉宾有陈立国、宋庄、马路。';
    assert.equal(show(personListMates([person(oneVote, '陈立国')], oneVote, oneVote, surname, noWord)), '陈立国/PER');
    const word = '名单：陈立国、王小强、黄金。';
    const isWord = (a: number, len: number) => word.slice(a, a + len) === '黄金';
    const listed = [person(word, '陈立国'), person(word, '王小强')];
    assert.equal(show(personListMates(listed, word, word, surname, isWord)), '陈立国/PER 王小强/PER');
  });

  it('runs in the recogniser, and switching the family off leaves the item as the tagger read it', () => {
    const model = loadNerModel();
    const text = '物质科学奖：薛其坤(2016年)、潘建伟(2017年)、马大为、周其林、冯小明(2018年)。';
    const on = createEntityRecognizer({ model }).recognize(text);
    assert.ok(
      on.some((m) => m.text === '马大为' && m.type === 'PER'),
      show(on),
    );
    const off = createEntityRecognizer({ model, disable: ['personLists'] }).recognize(text);
    assert.ok(!off.some((m) => m.text === '马大为'), show(off));
  });
});
