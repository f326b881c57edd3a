import * as assert from 'node:assert/strict';
import { describeDate } from '../../server/src/service/dates';
import { addDays, dayNumber, fromDayNumber, weekday } from '../../server/src/service/dates/calendar';
import { normalizeWidth, parseNumeral } from '../../server/src/service/dates/numerals';

describe('describeDate: the period of a value', () => {
  const table: [string, string, string, string][] = [
    ['2025-07-03', '2025-07-03', '2025-07-03', 'day'],
    ['2025-07-03T09:50', '2025-07-03T09:50:00', '2025-07-03T09:50:59', 'time'],
    ['2025-07-03T09:50:21', '2025-07-03T09:50:21', '2025-07-03T09:50:21', 'time'],
    ['2025-07-03TAF', '2025-07-03T12:00:00', '2025-07-03T17:59:59', 'part-of-day'],
    ['2025-07-03TNI', '2025-07-03T20:00:00', '2025-07-04T05:59:59', 'part-of-day'],
    ['2025-07', '2025-07-01', '2025-07-31', 'month'],
    ['2024-02', '2024-02-01', '2024-02-29', 'month'],
    ['2025-06-EARLY', '2025-06-01', '2025-06-10', 'month-part'],
    ['2025-06-LATE', '2025-06-21', '2025-06-30', 'month-part'],
    ['2025-Q3', '2025-07-01', '2025-09-30', 'quarter'],
    ['2025-WI', '2025-12-01', '2026-02-28', 'season'],
    ['2025', '2025-01-01', '2025-12-31', 'year'],
    ['2025-07-09/2025-07-10', '2025-07-09', '2025-07-10', 'range'],
    ['2019-11-25T08:00/2019-11-26T08:00', '2019-11-25T08:00:00', '2019-11-26T08:00:59', 'range'],
  ];
  for (const [value, start, end, granularity] of table) {
    it(`${value}: ${start} .. ${end} (${granularity})`, () => {
      const d = describeDate(value);
      assert.equal(d.start, start);
      assert.equal(d.end, end);
      assert.equal(d.granularity, granularity);
    });
  }
  it('gives the weekday (0 = Sunday) and the signed distance to the reference for a single day', () => {
    assert.deepEqual(describeDate('2025-07-03', '2025-07-04T09:50'), {
      start: '2025-07-03',
      end: '2025-07-03',
      granularity: 'day',
      weekday: 4,
      daysFromReference: -1,
      lunar: { y: 2025, m: 6, d: 9, leap: false },
    });
    assert.equal(describeDate('2025-07-06TMO', '2025-07-04').daysFromReference, 2);
    assert.equal(describeDate('2025-07-06').weekday, 0);
  });
  it('gives no weekday for periods', () => {
    assert.equal(describeDate('2025-07', '2025-07-04').weekday, undefined);
  });
  it('says unknown for UNKNOWN and for anything it cannot read', () => {
    assert.equal(describeDate('UNKNOWN').granularity, 'unknown');
    assert.equal(describeDate('soon').granularity, 'unknown');
  });
});

describe('dates: numerals and calendar helpers', () => {
  it('reads Chinese numerals in every shape dates use', () => {
    const table: [string, number][] = [
      ['三', 3],
      ['十', 10],
      ['十二', 12],
      ['二十', 20],
      ['二十五', 25],
      ['三十一', 31],
      ['廿五', 25],
      ['二〇二五', 2025],
      ['一九八九', 1989],
      ['一百一十四', 114],
      ['07', 7],
    ];
    for (const [s, n] of table) assert.equal(parseNumeral(s), n, s);
    assert.equal(parseNumeral('三个'), undefined);
  });
  it('maps full-width digits and punctuation one code unit for one', () => {
    const s = '２０２５年７月４日，１０：３０';
    const n = normalizeWidth(s);
    assert.equal(n, '2025年7月4日,10:30');
    assert.equal(n.length, s.length);
  });
  it('counts days and weekdays across month, year and leap-day boundaries', () => {
    assert.deepEqual(addDays({ y: 2024, m: 2, d: 28 }, 1), { y: 2024, m: 2, d: 29 });
    assert.deepEqual(addDays({ y: 2025, m: 12, d: 31 }, 1), { y: 2026, m: 1, d: 1 });
    assert.equal(weekday({ y: 2025, m: 7, d: 4 }), 5);
    assert.equal(dayNumber(1970, 1, 1), 0);
    assert.deepEqual(fromDayNumber(dayNumber(1900, 3, 1)), { y: 1900, m: 3, d: 1 });
  });
});
