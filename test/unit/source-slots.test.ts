/**
 * Issue 11, eighth round: an outlet named as a story's source (source-slots.ts, family `sourceSlots`), on sentences
 * written for this test, in both scripts with the shipped model.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { sourceSlotSpans } from '../../server/src/service/entities/source-slots';
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

describe('sourceSlotSpans', () => {
  const noWords = () => false;
  it('reads every slot of a line, and asks for the names only on a line with one', () => {
    let asked = 0;
    const names = (spans: { start: number; end: number; type: 'LOC' }[]) => () => (asked++, spans);
    const line = '据锌财经报道，据蓝鲸财经消息，据称如此。';
    const got = (ns: Parameters<typeof sourceSlotSpans>[2]) => sourceSlotSpans(line, noWords, ns).map((s) => line.slice(s.start, s.end));
    assert.deepEqual(got(names([])), ['锌财经', '蓝鲸财经']);
    assert.equal(asked, 1, 'made once for the line');
    // A name inside the slot (the list's or the tagger's) takes it, as an array or made by the function.
    const inside = [{ start: 8, end: 10, type: 'LOC' as const }];
    assert.deepEqual(got(inside), ['锌财经']);
    assert.deepEqual(got(names(inside)), ['锌财经']);
    asked = 0;
    assert.deepEqual(sourceSlotSpans('今天据说下雨，明天晴。', noWords, names([])), []);
    assert.deepEqual(sourceSlotSpans('今天下雨，明天晴。', noWords, names([])), []);
    assert.equal(asked, 0, 'no slot, no names made');
  });
});
