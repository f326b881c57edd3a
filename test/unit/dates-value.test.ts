import * as assert from 'node:assert/strict';
import { type DateValue, describeDate, formatDateValue, parseDateValue, recognizeDates } from '../../server/src/service/dates';
import { toTraditional } from '../../server/src/service/convert';

/** Each kind of typed value and the one schema string it is written as (GUIDELINES.md). */
const TABLE: [DateValue, string][] = [
  [{ k: 'unknown' }, 'UNKNOWN'],
  [{ k: 'year', y: 2015 }, '2015'],
  [{ k: 'year', y: 987 }, '0987'],
  [{ k: 'month', y: 2025, m: 7 }, '2025-07'],
  [{ k: 'monthPart', y: 2025, m: 6, part: 'EARLY' }, '2025-06-EARLY'],
  [{ k: 'monthPart', y: 2019, m: 12, part: 'LATE' }, '2019-12-LATE'],
  [{ k: 'quarter', y: 2025, q: 3 }, '2025-Q3'],
  [{ k: 'season', y: 2025, s: 'SU' }, '2025-SU'],
  [{ k: 'day', y: 2025, m: 7, d: 3 }, '2025-07-03'],
  [{ k: 'partOfDay', y: 2025, m: 7, d: 3, pod: 'EV' }, '2025-07-03TEV'],
  [{ k: 'time', y: 2025, m: 7, d: 4, hh: 9, mi: 50 }, '2025-07-04T09:50'],
  [{ k: 'time', y: 2025, m: 7, d: 4, hh: 9, mi: 50, ss: 21 }, '2025-07-04T09:50:21'],
  [{ k: 'range', from: { k: 'day', y: 2015, m: 1, d: 1 }, to: { k: 'day', y: 2017, m: 12, d: 31 } }, '2015-01-01/2017-12-31'],
  [
    { k: 'range', from: { k: 'time', y: 2019, m: 11, d: 25, hh: 8, mi: 0 }, to: { k: 'time', y: 2019, m: 11, d: 26, hh: 8, mi: 0 } },
    '2019-11-25T08:00/2019-11-26T08:00',
  ],
];

describe('typed date values: one format, read back', () => {
  for (const [value, text] of TABLE) {
    it(`${value.k} → ${text} → ${value.k}`, () => {
      assert.equal(formatDateValue(value), text);
      assert.deepEqual(parseDateValue(text), value);
    });
  }
  it('reads malformed or impossible strings as unknown (a typo in a corrected value)', () => {
    for (const s of [
      '',
      '2025-13',
      '2025-02-30',
      '2025-07-03T25:00',
      '2025-Q5',
      '2025-07-03/',
      '2025/2026/2027',
      'tomorrow',
      '2025-07-03TXX',
    ])
      assert.deepEqual(parseDateValue(s), { k: 'unknown' }, s);
  });
  it('describes a typed value and its string alike', () => {
    for (const [value, text] of TABLE) assert.deepEqual(describeDate(value, '2025-07-04'), describeDate(text, '2025-07-04'), text);
    assert.deepEqual(describeDate({ k: 'season', y: 2025, s: 'WI' }), { start: '2025-12-01', end: '2026-02-28', granularity: 'season' });
  });
  it('carries on every mention the typed value its string is written from, in both scripts', () => {
    const text =
      '2019年10月8日，据报道，10月1日晚上8时，李某在家中失踪。失踪第3天，家人报警。今年暑假、2015-2017年、上半年、第三季度、6月初、' +
      '近些年、昨晚、春运期间、前晚十一时廿分、25日08时至26日08时、本周、今年夏季都有提及。';
    for (const t of [text, toTraditional(text)]) {
      const mentions = recognizeDates(t, { reference: '2019-10-08T10:00' });
      assert.ok(mentions.length >= 14, String(mentions.length));
      const kinds = new Set(mentions.map((m) => m.date.k));
      for (const k of ['day', 'time', 'partOfDay', 'range', 'year', 'quarter', 'monthPart', 'season', 'unknown'])
        assert.ok(kinds.has(k as DateValue['k']), k);
      for (const m of mentions) {
        assert.equal(m.value, formatDateValue(m.date), m.text);
        assert.deepEqual(parseDateValue(m.value), m.date, m.text);
      }
    }
  });
});
