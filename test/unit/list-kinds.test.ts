/**
 * A list lends its kind to places and outlets (list-kinds.ts, family `listKinds`, measured and off by default):
 * sentences written for this test, the pure pass on hand-made mentions and the recogniser with the family enabled.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { readEnumerations } from '../../server/src/service/entities/enumerations';
import { lendListKinds, type ListKindTests } from '../../server/src/service/entities/list-kinds';
import { toTraditional } from '../../server/src/service/convert';
import { normalizeForMatching } from '../../server/src/service/normalize';
import type { EntityMention, EntityType } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';

const at = (text: string, s: string, type: EntityType, source: EntityMention['source'] = 'model'): EntityMention => {
  const start = text.indexOf(s);
  return { start, end: start + s.length, text: s, type, confidence: 0.9, source };
};
const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');

/** Places of a made-up lexicon; no everyday words but 发展. */
function tests(norm: string, places: string[]): ListKindTests {
  return {
    place: (a, len) => places.includes(norm.slice(a, a + len)),
    isWord: (a, len) => norm.slice(a, a + len) === '发展',
  };
}
const lend = (text: string, ms: EntityMention[], places: string[] = []) =>
  show(lendListKinds(ms, text, text, readEnumerations(text), tests(text, places)));

describe('a list lends its kind to places and outlets (listKinds)', function () {
  this.timeout(60000);

  it('marks an unmarked item the lexicon lists as a place in a list of places, the last one before 等 too', () => {
    const t = '考察团去了桐乡、海宁、象山、平湖等地。';
    const ms = [at(t, '桐乡', 'LOC'), at(t, '海宁', 'LOC')];
    assert.equal(lend(t, ms, ['象山', '平湖']), '桐乡/LOC 海宁/LOC 象山/LOC 平湖/LOC');
    // The item test decides: an item the lexicon does not list, or an everyday word, stays as it was.
    assert.equal(lend(t, ms, ['平湖']), '桐乡/LOC 海宁/LOC 平湖/LOC');
    const w = '考察团去了桐乡、海宁、发展等地。';
    assert.equal(lend(w, [at(w, '桐乡', 'LOC'), at(w, '海宁', 'LOC')], ['发展']), '桐乡/LOC 海宁/LOC');
  });

  it('reads the last outlet up to its head, replacing the place read before it', () => {
    const t = '据路透社、彭博社、金融时报和华尔街日报报道，';
    const ms = [at(t, '路透社', 'MEDIA'), at(t, '彭博社', 'MEDIA'), at(t, '金融时报', 'MEDIA'), at(t, '华尔街', 'LOC')];
    assert.equal(lend(t, ms), '路透社/MEDIA 彭博社/MEDIA 金融时报/MEDIA 华尔街日报/MEDIA');
  });

  it('leaves a mixed list, a list with one vote, and persons and organisations to their own families', () => {
    const mixed = '嘉宾来自桐乡、华为、象山。';
    assert.equal(lend(mixed, [at(mixed, '桐乡', 'LOC'), at(mixed, '华为', 'ORG')], ['象山']), '桐乡/LOC 华为/ORG');
    const one = '嘉宾来自桐乡、宁波大学、象山。';
    assert.equal(lend(one, [at(one, '桐乡', 'LOC')], ['象山']), '桐乡/LOC');
    const orgs = '华为、三星、紫光展锐都来了。';
    assert.equal(lend(orgs, [at(orgs, '华为', 'ORG'), at(orgs, '三星', 'ORG')]), '华为/ORG 三星/ORG');
  });

  it('runs in the recogniser when enabled, in both scripts, and not as shipped', () => {
    const { tagger } = shippedRecognizer();
    const on = createEntityRecognizer({ tagger, enable: ['listKinds'] });
    const shipped = createEntityRecognizer({ tagger });
    for (const text of ['据路透社、彭博社、金融时报和华尔街日报报道，', toTraditional('据路透社、彭博社、金融时报和华尔街日报报道，')]) {
      const name = text.slice(text.indexOf('和') + 1, text.indexOf('和') + 6);
      assert.ok(
        on.recognize(text, normalizeForMatching(text)).some((m) => m.text === name && m.type === 'MEDIA'),
        show(on.recognize(text)),
      );
      assert.ok(!shipped.recognize(text).some((m) => m.text === name), show(shipped.recognize(text)));
    }
  });
});
