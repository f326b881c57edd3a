import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../server/src/service/dates';
import { converter } from '../../server/src/service/convert';
import { DATE_CATEGORIES } from '../fixtures/dates-categories';

const toTraditional = converter('cn', 'tw');
const found = (text: string, reference: string) => recognizeDates(text, { reference }).map((m) => [m.text, m.value]);

// Each category of issue 12 as a table, run as written (Simplified) and converted to Traditional: the
// recogniser reads one normalised text, so both scripts must give the same spans and values.
for (const [category, cases] of Object.entries(DATE_CATEGORIES)) {
  describe(`recognizeDates: ${category}`, () => {
    for (const c of cases) {
      it(`Simplified: ${c.text}`, () => {
        assert.deepEqual(found(c.text, c.ref), c.expect);
      });
      const trad = toTraditional(c.text);
      it(`Traditional: ${trad}`, () => {
        assert.deepEqual(
          found(trad, c.ref),
          c.expect.map(([span, value]) => [toTraditional(span), value]),
        );
      });
    }
  });
}

describe('recognizeDates: the event a day is counted from', () => {
  it('names the event, its day and the distance on the mention', () => {
    const m = recognizeDates('9月28日，李某在家中失踪。失踪第3天，家人报警。', { reference: '2019-10-08T10:00' });
    assert.deepEqual(m[1].anchor, { event: '失踪', day: { k: 'day', y: 2019, m: 9, d: 28 }, days: 2 });
  });
  it('writes the event as the text does (Traditional)', () => {
    const m = recognizeDates('9月28日晚，一輛貨車發生車禍。車禍後第三天，司機仍在醫院。', { reference: '2019-10-08T10:00' });
    assert.deepEqual(m[1].anchor, { event: '車禍', day: { k: 'day', y: 2019, m: 9, d: 28 }, days: 2 });
  });
  it('gives no anchor, and no guessed day, when the text dates neither the event nor any day', () => {
    const m = recognizeDates('案发当天，嫌疑人已离开。', { reference: '2019-10-08T10:00' });
    assert.deepEqual([m[0].text, m[0].value, m[0].anchor], ['案发当天', 'UNKNOWN', undefined]);
  });
});
