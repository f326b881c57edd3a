/**
 * Issue 11, seventh round (docs/entities.md, "Seventh round: silver pages", generic): the guidelines' non-names that
 * the MSRA-trained tagger marks, each pinned on sentences written for this test, in Simplified and in Traditional,
 * and each shown to come back when its family is switched off (so the test fails if the mechanism goes).
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { honorificSurnameSpans } from '../../server/src/service/entities/context-names';
import { SURNAMES } from '../../server/src/service/entities/features';
import { RARE_NAMES } from '../../server/src/service/entities/rare-names-data';
import { toTraditional } from '../../server/src/service/convert';
import type { EntityMention } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');

describe('entities the guidelines say are no names (seventh round: generic), with the shipped model, in both scripts', function () {
  this.timeout(60000);
  const { tagger, both, family } = shippedRecognizer();
  const has = (ms: readonly EntityMention[], type: string) => ms.some((m) => m.type === type);

  it('marks no anonymised person (王某, 王某某, 刘某) (anonymised)', () => {
    for (const s of ['记者了解到，市民王某当天下午报警，随后王某某也赶到现场。', '据警方通报，犯罪嫌疑人刘某已被刑事拘留。'])
      family(
        'anonymised',
        s,
        (ms, t) => assert.ok(!has(ms, 'PER'), `${t}: ${show(ms)}`),
        (ms, t) => assert.ok(has(ms, 'PER'), `without the family the tagger marks the surname (MSRA's convention): ${t}`),
      );
  });

  it('marks no anonymised person before a pseudonym note either (李某（化名）): X某 is the anonymised form (anonymised)', () => {
    family(
      'anonymised',
      '受害人李某（化名）说，她当天下午报了警。',
      (ms, t) => assert.ok(!has(ms, 'PER'), `${t}: ${show(ms)}`),
      (ms, t) => assert.ok(has(ms, 'PER'), `without the family the pseudonym pattern marks it: ${t}`),
    );
  });

  it('marks no person inside a term named after them (诺贝尔奖, 冯·诺依曼架构) (eponyms)', () => {
    for (const s of ['他因这一发现获得诺贝尔奖，成为首位获奖的本校校友。', '这台电脑仍然采用冯·诺依曼架构。'])
      family(
        'eponyms',
        s,
        (ms, t) => assert.ok(!has(ms, 'PER'), `${t}: ${show(ms)}`),
        (ms, t) => assert.ok(has(ms, 'PER'), `without the family the name is marked: ${t}`),
      );
  });

  it('marks no 中华 or 华 used for the people or the culture, and keeps 华 as the country (访华) (chineseCulture)', () => {
    family(
      'chineseCulture',
      '海外华人积极弘扬中华文化，传承中华民族的传统。',
      (ms, t) => assert.deepEqual(show(ms), '', t),
      (ms, t) => assert.equal(ms.filter((m) => m.type === 'LOC').length, 3, `${t}: ${show(ms)}`),
    );
    both('今年春天，法国总理访华期间签署了多项协议。', (ms, t) => assert.equal(show(ms), `${t.slice(5, 7)}/LOC ${t[10]}/LOC`, t));
  });

  it('marks no generic noun that MSRA train labels only now and then (实验室) (rareNames)', () => {
    family(
      'rareNames',
      '在实验室环境下，新电池的续航只有原来的一半。',
      (ms, t) => assert.ok(!has(ms, 'ORG'), `${t}: ${show(ms)}`),
      (ms, t) => assert.ok(has(ms, 'ORG'), `without the family the noun is an organisation: ${t}`),
    );
  });

  it('learns the generic nouns from MSRA train: 实验室 and 委员会 are in, 人大 and 议会 (mostly marked) are not', () => {
    for (const w of ['实验室', '委员会', '专门委员会', '公司']) assert.ok(RARE_NAMES.has(w), w);
    for (const w of ['人大', '议会', '政协', '新华社']) assert.ok(!RARE_NAMES.has(w), w);
  });

  it('marks no organisation the article writes after a determiner, nor its other occurrences (一家寻呼机公司) (determinedNouns)', () => {
    family(
      'determinedNouns',
      '国内最后一家寻呼机公司昨天宣布停业，寻呼机公司的员工将另谋出路。',
      (ms, t) => assert.ok(!has(ms, 'ORG'), `${t}: ${show(ms)}`),
      (ms, t) => assert.equal(ms.filter((m) => m.type === 'ORG').length, 2, `without the family both are organisations: ${t}`),
    );
    // A listed company keeps its name (苹果公司 is in the gazetteer).
    both('美国苹果公司发布新款手机，这家苹果公司的股价上涨。', (ms, t) =>
      assert.ok(
        ms.some((m) => m.text === t.slice(2, 6)),
        `${t}: ${show(ms)}`,
      ),
    );
  });

  it('marks no central bank of no one country (各国央行), and keeps one of a named country (中国央行)', () => {
    both('美联储加息后，各国央行纷纷跟进。', (ms, t) => assert.equal(show(ms), `${t.slice(0, 3)}/ORG`, t));
    both('中国央行今天宣布降准。', (ms, t) =>
      assert.ok(
        ms.some((m) => m.type === 'ORG' && m.text === t.slice(2, 4)),
        `${t}: ${show(ms)}`,
      ),
    );
  });

  it('copies a person the tagger read once only where the string looks like a name (personCopies)', () => {
    const persons = (ms: readonly EntityMention[]) => ms.filter((m) => m.type === 'PER').length;
    // 创宇 of a company name of our own, taken once for a person: not spread over the article.
    family(
      'personCopies',
      '杭州云见创宇联合多家公司主办论坛。云见创宇发布新版产品，云见创宇推出了新服务。',
      (ms, t) => assert.ok(persons(ms) <= 1, `${t}: ${show(ms)}`),
      (ms, t) => assert.equal(persons(ms), 3, `without the family the reading is copied: ${t}: ${show(ms)}`),
      // tornCompanies (orgmedia) makes 云见创宇 one company before 联合/发布; off too, so the copy is seen.
      ['tornCompanies'],
    );
    // A single Latin word is not copied either; a name with a surname still is.
    family(
      'personCopies',
      '网友Haha在帖子里说，Haha已经买到了票。',
      (ms, t) => assert.ok(persons(ms) <= 1, `${t}: ${show(ms)}`),
      (ms, t) => assert.equal(persons(ms), 2, t),
    );
  });

  it('copies no organisation that is an everyday word plus a generic head (利益集团) (genericCopies)', () => {
    const orgs = (ms: readonly EntityMention[]) => ms.filter((m) => m.type === 'ORG').length;
    family(
      'genericCopies',
      '他说利益集团阻挠改革。利益集团的影响很大，利益集团无处不在。',
      (ms, t) => assert.ok(orgs(ms) <= 1, `${t}: ${show(ms)}`),
      (ms, t) => assert.equal(orgs(ms), 3, `without the family the reading is copied: ${t}: ${show(ms)}`),
    );
  });

  it('leaves the ordinal of a term out of an organisation only when asked (第九届) (ordinals, off as shipped)', () => {
    const sentence = '本法由第九届全国人民代表大会常务委员会第五次会议通过。';
    const on = createEntityRecognizer({ tagger, enable: ['ordinals'] });
    for (const t of [sentence, toTraditional(sentence)]) assert.equal(show(on.recognize(t)), `${t.slice(6, 19)}/ORG`, t);
    both(sentence, (ms, t) => assert.equal(show(ms), `${t.slice(3, 19)}/ORG`, t));
  });

  it('reads 向 and 于 between a word and a title as prepositions, not surnames (负责人向记者表示)', () => {
    assert.deepEqual(honorificSurnameSpans('公司负责人向记者表示，项目已经完工。', SURNAMES), []);
    assert.deepEqual(honorificSurnameSpans('此事见于校长的讲话。', SURNAMES), []);
    // A surname that is no preposition still is one there, and 向 at the start of a sentence still is a surname.
    assert.equal(honorificSurnameSpans('公司负责人陈经理表示，项目已经完工。', SURNAMES).length, 1);
    assert.equal(honorificSurnameSpans('向先生表示，项目已经完工。', SURNAMES).length, 1);
  });
});
