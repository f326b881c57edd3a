/**
 * Issue 11, eighth round: an outlet named as a story's source (source-slots.ts, family `sourceSlots`), on sentences
 * written for this test, in both scripts with the shipped model.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import type { EntityMention } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');

describe('an outlet named as the source (sourceSlots)', function () {
  this.timeout(60000);
  const { tagger, both } = shippedRecognizer();
  const without = createEntityRecognizer({ tagger, disable: ['sourceSlots'] });

  for (const [sentence, name] of [
    ['据锌财经报道，这家公司将裁员。', '锌财经'],
    ['据蓝鲸财经消息，股价当天大跌。', '蓝鲸财经'],
  ] as const)
    it(`marks ${name} as MEDIA`, () => {
      both(sentence, (ms, t) => {
        const surface = t.slice(1, 1 + name.length);
        const media = (xs: EntityMention[]) => xs.some((m) => m.text === surface && m.type === 'MEDIA');
        assert.ok(media(ms), `${t}: ${show(ms)}`);
        assert.ok(!media(without.recognize(t)), 'the family is what finds it');
      });
    });

  it('takes no kind of source (警方, 当地媒体, 外媒), no person, and no place before a known outlet', () => {
    for (const sentence of ['据警方报道，此事属实。', '据当地媒体报道，油价上涨。', '据外媒报道，油价上涨。', '据张小明报道，他已离职。'])
      both(sentence, (ms, t) => assert.ok(!ms.some((m) => m.type === 'MEDIA'), `${t}: ${show(ms)}`));
    both('据俄罗斯塔斯社报道，会谈顺利。', (ms, t) =>
      assert.ok(
        ms.some((m) => m.type === 'MEDIA' && m.text.length === 3),
        `${t}: ${show(ms)}`,
      ),
    );
  });
});
