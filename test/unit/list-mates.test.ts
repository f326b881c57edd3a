/**
 * listMates on hand-made mentions (list-mates.ts): what a list of organisations leaves alone. Sentences written for
 * this test; the recogniser-level tests are in org-heads.test.ts.
 */
import { strict as assert } from 'node:assert';
import { markListMates } from '../../server/src/service/entities/list-mates';
import { readEnumerations } from '../../server/src/service/entities/enumerations';
import type { EntityMention, EntityType } from '../../server/src/service/types';

const at = (text: string, s: string, type: EntityType): EntityMention => {
  const start = text.indexOf(s);
  return { start, end: start + s.length, text: s, type, confidence: 0.8, source: 'model' };
};
const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');
const surname = (c: string) => '陈王张'.includes(c);
const run = (text: string, ms: EntityMention[]) => show(markListMates(ms, text, text, () => false, readEnumerations(text), surname));

describe('lists of organisations (listMates) on hand-made mentions', () => {
  it('leaves a list headed by a person with a Chinese name’s shape: a mixed list stays alone', () => {
    const t = '出席的有副主席陈立国、国防部、外交部代表。';
    assert.equal(run(t, [at(t, '陈立国', 'PER'), at(t, '国防部', 'ORG'), at(t, '外交部', 'ORG')]), '陈立国/PER 国防部/ORG 外交部/ORG');
    // Without the surname test the person was taken for an organisation of the list.
    const before = show(markListMates([at(t, '陈立国', 'PER'), at(t, '国防部', 'ORG'), at(t, '外交部', 'ORG')], t, t, () => false));
    assert.equal(before, '陈立国/ORG 国防部/ORG 外交部/ORG');
  });

  it('still retypes a transliterated company the tagger read as a person', () => {
    const t = '博通、英伟达、飞思卡尔、德州仪器等厂商';
    const ms = [at(t, '博通', 'ORG'), at(t, '英伟达', 'ORG'), at(t, '飞思卡尔', 'PER'), at(t, '德州仪器', 'ORG')];
    assert.equal(run(t, ms), '博通/ORG 英伟达/ORG 飞思卡尔/ORG 德州仪器/ORG');
  });

  it('marks no item that opens with a count (3家日报)', () => {
    const t = '旗下：3家日报、广告公司、体育公司。';
    assert.equal(run(t, [at(t, '广告公司', 'ORG'), at(t, '体育公司', 'ORG')]), '广告公司/ORG 体育公司/ORG');
  });
});
