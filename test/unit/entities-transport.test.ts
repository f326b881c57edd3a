/**
 * Transport names (transport-names.ts): a proper stem and a head of the closed class of transport heads, and road
 * numbers. Sentences written for this test, none from a corpus page.
 */
import { strict as assert } from 'node:assert';
import { RULE_FAMILIES } from '../../server/src/service/entities/recognizer';
import { transportSpans, type TransportContext } from '../../server/src/service/entities/transport-names';
import { PLACE_ABBREVIATION_CHARS } from '../../server/src/service/entities/place-abbreviations-data';
import { createEntityRecognizer } from '../../server/src/service/entities';
import type { Span } from '../../server/src/service/entities/gazetteer';
import type { EntityMention } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';

const PLACES = new Set(['江阴', '广陵', '无锡', '中国', '河北', '波尔多', '滨江']);
const PEOPLE = new Set(['徐霞客']);
const WORDS = new Set(['世纪', '套路', '人生', '相关', '路段', '经济', '发展', '高速', '乡村', '康庄大道', '康庄', '街头']);

/** A context whose lexicons are the small sets above. */
function context(norm: string, names: Span[] = []): TransportContext {
  return {
    names,
    lexiconName: (a, len, person) => PLACES.has(norm.slice(a, a + len)) || (person && PEOPLE.has(norm.slice(a, a + len))),
    isWord: (a, len) => WORDS.has(norm.slice(a, a + len)),
  };
}
const found = (norm: string, names: Span[] = []) => transportSpans(norm, context(norm, names)).map((s) => norm.slice(s.start, s.end));

describe('transport names (stem + transport head)', () => {
  it('derives the place abbreviations from the divisions and MSRA, without numerals', () => {
    for (const ch of '京沪宁苏锡川藏粤') assert.ok(PLACE_ABBREVIATION_CHARS.includes(ch), ch);
    for (const ch of '一三的了路') assert.ok(!PLACE_ABBREVIATION_CHARS.includes(ch), ch);
  });

  it('reads two place abbreviations before a highway or a line as one road', () => {
    assert.deepEqual(found('京沪高速无锡段封闭'), ['京沪高速']);
    assert.deepEqual(found('车辆改走沪宁线。'), ['沪宁线']);
    assert.deepEqual(found('川藏公路全线通车'), ['川藏公路']);
  });

  it('takes the stem from the lexicon, so the name does not swallow the word before it', () => {
    assert.deepEqual(found('从无锡至江阴大桥至广陵枢纽段'), ['江阴大桥', '广陵枢纽']);
    assert.deepEqual(found('请从无锡东收费站驶离'), ['无锡东收费站']);
    assert.deepEqual(found('经滨江东路前往'), ['滨江东路']);
  });

  it('takes no stem that begins inside a word (中[华东]路), even without the dictionaries', () => {
    const norm = '机车行经中华东路时摔倒';
    assert.deepEqual(
      transportSpans(norm, { names: [{ start: 5, end: 7, type: 'LOC' }] }).map((s) => norm.slice(s.start, s.end)),
      [],
    );
  });

  it('takes the nearest place the lists found before a junction, never a person there, whatever the order of the names', () => {
    const norm = '车辆经过张明隧道时减速';
    const read = (names: Span[]) => transportSpans(norm, { names }).map((s) => norm.slice(s.start, s.end));
    const person: Span = { start: 4, end: 6, type: 'PER' };
    const place: Span = { start: 3, end: 6, type: 'LOC' };
    assert.deepEqual(read([person]), []);
    assert.deepEqual(read([{ ...person, type: 'LOC' }]), ['张明隧道']);
    assert.deepEqual(read([person, place]), ['过张明隧道']);
    assert.deepEqual(read([place, person]), ['过张明隧道']);
  });

  it('names a street after a person, but no highway after one place (MSRA: 河北 + 高速公路)', () => {
    assert.deepEqual(found('沿徐霞客大道行驶'), ['徐霞客大道']);
    assert.deepEqual(found('中国铁路和河北高速公路都在扩建'), []);
  });

  it('takes a coined stem at a clear left edge (锡澄, 峭岐) and any word before a street head (世纪大道)', () => {
    assert.deepEqual(found('锡澄高速往江阴方向封闭'), ['锡澄高速']);
    assert.deepEqual(found('无锡枢纽、峭岐枢纽转北'), ['无锡枢纽', '峭岐枢纽']);
    assert.deepEqual(found('长山大道-澄张线-世纪大道'), ['长山大道', '澄张线', '世纪大道']);
  });

  it('leaves generic phrases alone', () => {
    for (const norm of [
      '他每天走路上班，这条路很长。',
      '高速公路上车很多，乡村公路也修好了。',
      '经济高速发展。',
      '“无套路、无定金”的做法',
      '人生路上，相关路段封闭。',
      '走上康庄大道',
      '在线、上线、专线、一线、路线、沿线、热线',
      '她在波尔多街头演奏',
    ])
      assert.deepEqual(found(norm), [], norm);
  });

  it('reads road numbers along a route, and not product models', () => {
    assert.deepEqual(found('无锡-G312-S229-锡澄路-汽渡'), ['G312', 'S229', '锡澄路']);
    assert.deepEqual(found('S260、X305等都可分流'), []);
    // 东外环路 is the roads family's; a number beside it is a road all the same.
    assert.deepEqual(found('经G312国道，S260、X305、东外环路也可分流'), ['G312', 'S260', 'X305']);
    assert.deepEqual(found('三星S10系列和G5手机'), []);
  });

  it('names each item of a list that shares one facility head, bare', () => {
    assert.deepEqual(found('璜塘、江阴、无锡北3个收费站封闭'), ['璜塘', '江阴', '无锡北']);
    assert.deepEqual(found('今年新建、改建3个收费站'), []);
    assert.deepEqual(found('人生、相关两个收费站'), []);
  });

  it('gives way to an organisation that contains the road', () => {
    const norm = '京沪高速公路管理处表示';
    assert.deepEqual(found(norm), []);
    const ctx = { ...context(norm), organisations: [{ start: 0, end: 7, type: 'ORG' as const }] };
    assert.deepEqual(transportSpans('京沪高速公路总公司', ctx), []);
  });

  // The names come unsorted (the gazetteer's, then the tagger's) and are looked up by position: other names before,
  // after and between must change nothing.
  const span = (norm: string, s: string, type: Span['type']): Span => ({ start: norm.indexOf(s), end: norm.indexOf(s) + s.length, type });
  const others = (norm: string): Span[] => [span(norm, '无锡', 'LOC'), span(norm, '王明', 'PER'), span(norm, '车', 'LOC')];

  it('gives way to a longer name around its head, unless that name ends in a head itself (江阴大桥东匝道桥)', () => {
    const school = '车过滨江大道中学，无锡王明说。';
    assert.deepEqual(found(school, others(school)), ['滨江大道']);
    assert.deepEqual(found(school, [...others(school), span(school, '滨江大道中学', 'LOC')]), []);
    assert.deepEqual(found(school, [span(school, '滨江大道中学', 'ORG'), ...others(school)]), []);
    const ramp = '车在江阴大桥东匝道桥上，无锡王明说。';
    assert.deepEqual(found(ramp, [...others(ramp), span(ramp, '江阴大桥东匝道桥', 'LOC')]), ['江阴大桥']);
  });

  it('gives way to a person read around the whole road, or a name that begins further left', () => {
    const norm = '车辆驶上滨江大道，无锡王明说。';
    assert.deepEqual(found(norm, others(norm)), ['滨江大道']);
    assert.deepEqual(found(norm, [...others(norm), span(norm, '滨江大道', 'PER')]), []);
    assert.deepEqual(found(norm, [span(norm, '辆驶上滨江大道', 'LOC'), ...others(norm)]), []);
    assert.deepEqual(
      found(norm, [...others(norm), span(norm, '滨江大道', 'LOC')]),
      ['滨江大道'],
      'a place of just the road is no fuller reading',
    );
  });
});

describe('transport names in the recogniser (shipped model)', () => {
  const { tagger, both } = shippedRecognizer();
  const has = (ms: readonly EntityMention[], text: string, name: string) =>
    assert.ok(
      ms.some((m) => m.text === name && m.type === 'LOC'),
      `${name} in ${text}: ${ms.map((m) => `${m.text}/${m.type}`).join(' ')}`,
    );

  it('is a rule family that the ablation can switch off', () => {
    assert.ok(RULE_FAMILIES.includes('transport'));
  });

  it('replaces the torn pieces with the whole road, in both scripts', () => {
    both('5月1日起，沪宁高速无锡至苏州段将封闭施工，车辆可经锡澄高速绕行。', (ms, t) => {
      has(ms, t, t.slice(6, 10));
      has(ms, t, t.slice(26, 30));
      assert.ok(!ms.some((m) => m.end - m.start === 1 && m.type === 'LOC'), 'no single-character place left inside 沪宁高速');
    });
    both('车辆请从滨江东路转入徐霞客大道，经江阴大桥过江。', (ms, t) => {
      has(ms, t, t.slice(4, 8));
      has(ms, t, t.slice(10, 15));
      has(ms, t, t.slice(17, 21));
      assert.ok(!ms.some((m) => m.type === 'PER'), 'no person inside 徐霞客大道');
    });
  });

  it('reads road numbers and toll stations', () => {
    both('货车可走G312、S229绕行至无锡东收费站。', (ms, t) => {
      has(ms, t, 'G312');
      has(ms, t, 'S229');
      has(ms, t, t.slice(16, 22));
    });
  });

  it('marks no generic road phrase', () => {
    both('他每天走路上班，高速公路上车很多，经济高速发展，这条路线很热门。', (ms) => assert.deepEqual(ms, []));
    both('请给救护车让路，开通专线和热线，一线员工在线上线下沿线服务。', (ms) => assert.deepEqual(ms, []));
  });

  it('reads a pair of city abbreviations before a line as one road with the model, and not without it', () => {
    // The abbreviation tables are partly counted from MSRA train (research-use): the model-free mode does not read them.
    assert.ok(
      !createEntityRecognizer({})
        .recognize('京沪高铁')
        .some((m) => m.text === '京沪高铁'),
    );
    both('京沪高铁今天加开列车。', (ms, t) => has(ms, t, t.slice(0, 4)));
  });

  it('is gone when the family is switched off', () => {
    const on = createEntityRecognizer({ tagger });
    const off = createEntityRecognizer({ tagger, disable: ['transport'] });
    assert.ok(on.recognize('沪宁高速封闭。').some((m) => m.text === '沪宁高速'));
    assert.ok(!off.recognize('沪宁高速封闭。').some((m) => m.text === '沪宁高速'));
  });
});
