import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../server/src/service/dates';

const found = (text: string) => recognizeDates(text, { reference: '2019-10-08T10:00' }).map((m) => [m.text, m.value]);

// A two-digit year depends on the article, not the expression: a Taiwanese text (Traditional, with a ROC year,
// 臺 or Taiwan's institutions) counts from 1912, a Simplified or Hong Kong text from 1900.
describe('recognizeDates: two-digit years in a text that counts ROC years', () => {
  const cases: [string, string, [string, string][]][] = [
    [
      'Taiwanese, stated ROC year',
      '民國108年，他當選立委。98年3月，他首次參選。',
      [
        ['民國108年', '2019'],
        ['98年3月', '2009-03'],
      ],
    ],
    [
      'Simplified, the same words',
      '民国108年，他当选立委。98年3月，他首次参选。',
      [
        ['民国108年', '2019'],
        ['98年3月', '1998-03'],
      ],
    ],
    ['Taiwanese, 臺 only', '臺北市政府98年3月公布新制。', [['98年3月', '2009-03']]],
    ['Taiwanese, institutions only', '行政院98年度預算遭立法院刪減。', [['98年度', '2009']]],
    ['Traditional without Taiwanese evidence (Hong Kong)', '98年3月，他來到香港。', [['98年3月', '1998-03']]],
    ['Simplified fiscal year, two digits', '98年度预算公布。', []],
    ['Taiwanese, a quantity', '臺北這家店已有98年的歷史。', []],
  ];
  for (const [name, text, expect] of cases) it(`${name}: ${text}`, () => assert.deepEqual(found(text), expect));
});
