import * as assert from 'node:assert/strict';
import { describeDate, findPublication, recognizeDates } from '../../server/src/service/dates';

// Random strings made of the characters dates are built from: every mention must be a true slice of the
// text, in order, non-overlapping, and every resolved value must be one describeDate can read.
describe('dates: random date-like strings', () => {
  const chars = [
    ...'0123456789年月日号時时点分秒:/-.至到~今昨明前后後上下本周週星期天一二三四五六七八九十〇零两半个個季度春夏秋冬初底末旬當天同次晚早夜凌晨午世纪代（）() \n許近約每常民國',
  ];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  it('keeps spans and values well-formed on 3000 strings', () => {
    for (let k = 0; k < 3000; k++) {
      let s = '';
      const len = 1 + Math.floor(rnd() * 30);
      for (let i = 0; i < len; i++) s += chars[Math.floor(rnd() * chars.length)];
      for (const reference of [undefined, '2025-07-04T09:50']) {
        let last = -1;
        for (const m of recognizeDates(s, { reference })) {
          assert.ok(m.start >= last && m.end > m.start, JSON.stringify([s, m]));
          assert.equal(s.slice(m.start, m.end), m.text);
          if (m.value !== 'UNKNOWN') assert.notEqual(describeDate(m.value, reference).granularity, 'unknown', JSON.stringify([s, m]));
          last = m.end;
        }
      }
      findPublication(s);
    }
  });
});
