import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../server/src/service/dates';
import { toTraditional } from '../../server/src/service/convert';

/** Numeric and relative shapes added for the JioNLP in-scope cases (written here with other numbers), both scripts. */
const TABLE: [string, [string, string][]][] = [
  ['他2010.09-2014.06在北京读书。', [['2010.09-2014.06', '2010-09-01/2014-06-30']]],
  ['2003.05-2006任该厂厂长。', [['2003.05-2006', '2003-05-01/2006-12-31']]],
  ['2012年首月，出口回升。', [['2012年首月', '2012-01']]],
  ['12/5号晚上有雨。', [['12/5号晚上', '2024-12-05TEV']]],
  [
    '大大后天开学，大大前天放假。',
    [
      ['大大后天', '2024-10-12'],
      ['大大前天', '2024-10-04'],
    ],
  ],
  // Not dates: a decimal, a dotted month with no range, two buildings, a fraction.
  ['指数报2019.08点。', []],
  ['2019.08发布的版本。', []],
  ['住在1/3号楼。', []],
  ['占1/3。', []],
];

describe('recognizeDates: dotted month ranges, 首月, M/D号, 大大后天', () => {
  for (const [text, expect] of TABLE) {
    for (const t of [text, toTraditional(text)]) {
      it(t, () => {
        const got = recognizeDates(t, { reference: '2024-10-08T10:00' }).map((m) => [m.text, m.value]);
        assert.deepEqual(
          got,
          expect.map(([s, v]) => [t === text ? s : toTraditional(s), v]),
        );
      });
    }
  }
});
