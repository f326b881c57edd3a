import * as assert from 'node:assert/strict';
import { findPublication, recognizeDates } from '../../server/src/service/dates';

// The analyser runs on every keystroke and on 1 MB files: no input shape may make the scan superlinear.
// Budgets are loose (a shared, loaded machine: 1 MB took 5 s with seven builds beside it) but far below what
// catastrophic backtracking or a quadratic scan would take (a quadratic look-back once took 561 s here).
describe('dates: time stays linear on large and hostile inputs', () => {
  const para =
    '當地時間7月3日,美國總統特朗普與俄羅斯總統普京通電話,討論了俄烏衝突。法新社3日援引消息稱,預計特朗普還將在周五與澤連斯基通話,通話持續近一個小時。\n';
  const inputs: [string, string][] = [
    ['a 1 MB article', para.repeat(Math.ceil(1_000_000 / para.length))],
    ['digits', '1'.repeat(500_000)],
    ['Chinese numerals', '一二三四五六七八九十'.repeat(50_000)],
    ['years without months', '2019年'.repeat(50_000)],
    ['digits and separators', '2019-09-'.repeat(60_000)],
    ['colons', '12:'.repeat(150_000)],
    ['festival and lunar words', '中秋大年初十一五一正月廿腊月农历閏'.repeat(25_000)],
    ['hour offsets', '3小时前半'.repeat(80_000)],
  ];
  for (const [name, text] of inputs) {
    it(`${name} (${text.length} chars) in under 20 s`, () => {
      const t = Date.now();
      const ms = recognizeDates(text, { reference: '2025-07-04T09:50' });
      findPublication(text);
      const elapsed = Date.now() - t;
      assert.ok(elapsed < 20_000, `${elapsed} ms`);
      if (name === 'a 1 MB article') assert.ok(ms.length > 10_000);
    });
  }
});
