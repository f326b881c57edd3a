import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../server/src/service/dates';
import type { DateMention } from '../../server/src/service/types';

/** Reference: Friday 4 July 2025, 09:50 (as in dates.test.ts). */
const REF = '2025-07-04T09:50';

function spans(text: string, reference = REF): [string, string][] {
  return recognizeDates(text, { reference, holidays: true }).map((m: DateMention) => [m.text, m.value]);
}

describe('recognizeDates: festivals, lunar dates and solar terms', () => {
  // [sentence, marked span, value]; a festival without a year is this year's unless the neighbouring one is much nearer.
  const table: [string, string, string][] = [
    ['今年中秋節全家團聚', '今年中秋節', '2025-10-06'],
    ['中秋节前后', '中秋节', '2025-10-06'],
    ['中秋佳節將至', '中秋佳節', '2025-10-06'],
    ['春節期間', '春節', '2025-01-29'],
    ['去年春节回家', '去年春节', '2024-02-10'],
    ['2024年除夕', '2024年除夕', '2024-02-09'],
    ['那是2001年的除夕夜', '2001年的除夕夜', '2001-01-23TNI'],
    ['除夕夜他在值班', '除夕夜', '2025-01-28TNI'],
    ['除夕晚上6点半', '除夕晚上6点半', '2025-01-28T18:30'],
    ['元宵節', '元宵節', '2025-02-12'],
    ['端午节假期', '端午节', '2025-05-31'],
    ['七夕', '七夕', '2025-08-29'],
    ['重陽節登高', '重陽節', '2025-10-29'],
    ['臘八', '臘八', '2025-01-07'],
    ['大年初一', '大年初一', '2025-01-29'],
    ['大年三十', '大年三十', '2025-01-28'],
    ['農曆八月十五', '農曆八月十五', '2025-10-06'],
    ['农历八月十五', '农历八月十五', '2025-10-06'],
    ['八月十五', '八月十五', '2025-10-06'],
    ['正月初一', '正月初一', '2025-01-29'],
    ['正月十五', '正月十五', '2025-02-12'],
    ['腊月二十三', '腊月二十三', '2025-01-22'],
    ['臘月廿三', '臘月廿三', '2025-01-22'],
    ['去年十一月廿九', '去年十一月廿九', '2024-12-29'],
    ['1991年农历8月23号', '1991年农历8月23号', '1991-09-30'],
    ['二零一二年农历正月十五', '二零一二年农历正月十五', '2012-02-06'],
    ['2020年农历闰四月', '2020年农历闰四月', '2020-05-23/2020-06-20'],
    ['農曆閏六月', '農曆閏六月', '2025-07-25/2025-08-22'],
    ['明年腊月', '明年腊月', '2027-01-08/2027-02-05'],
    ['元旦', '元旦', '2025-01-01'],
    ['情人節', '情人節', '2025-02-14'],
    ['三八妇女节', '三八妇女节', '2025-03-08'],
    ['婦女節', '婦女節', '2025-03-08'],
    ['五一假期', '五一', '2025-05-01'],
    ['勞動節', '勞動節', '2025-05-01'],
    ['六一儿童节', '六一儿童节', '2025-06-01'],
    ['建黨節', '建黨節', '2025-07-01'],
    ['建军节', '建军节', '2025-08-01'],
    ['教師節', '教師節', '2025-09-10'],
    ['国庆节期间', '国庆节', '2025-10-01'],
    ['國慶連假', '國慶', '2025-10-01'],
    ['喜迎国庆', '国庆', '2025-10-01'],
    ['中国国庆', '国庆', '2025-10-01'],
    ['農曆冬月', '農曆冬月', '2025-12-20/2026-01-18'],
    ['十一黄金周', '十一', '2025-10-01'],
    ['雙十節', '雙十節', '2025-10-10'],
    ['平安夜', '平安夜', '2025-12-24'],
    ['聖誕節', '聖誕節', '2025-12-25'],
    ['圣诞节', '圣诞节', '2025-12-25'],
    ['母親節', '母親節', '2025-05-11'],
    ['明年母亲节', '明年母亲节', '2026-05-10'],
    ['父亲节', '父亲节', '2025-06-15'],
    ['感恩節', '感恩節', '2025-11-27'],
    ['2019年感恩节', '2019年感恩节', '2019-11-28'],
    ['清明節掃墓', '清明節', '2025-04-04'],
    ['清明假期', '清明', '2025-04-04'],
    ['今天冬至', '今天', '2025-07-04'],
    ['冬至', '冬至', '2025-12-21'],
    ['立春', '立春', '2025-02-03'],
    ['驚蟄', '驚蟄', '2025-03-05'],
    ['惊蛰', '惊蛰', '2025-03-05'],
    ['2024年冬至', '2024年冬至', '2024-12-21'],
    ['今年春分', '今年春分', '2025-03-20'],
    ['大雪节气', '大雪', '2025-12-07'],
  ];
  for (const [text, span, value] of table) {
    it(`${text}: ${span} = ${value}`, () => {
      const ms = spans(text);
      assert.ok(
        ms.some(([t, v]) => t === span && v === value),
        JSON.stringify(ms),
      );
    });
  }

  it('takes the next occurrence when it is much nearer the reference (春節 in December)', () => {
    assert.deepEqual(spans('春节', '2025-12-20'), [['春节', '2026-02-17']]);
    assert.deepEqual(spans('元旦', '2025-12-20'), [['元旦', '2026-01-01']]);
    assert.deepEqual(spans('國慶', '2025-12-20'), [['國慶', '2025-10-01']]);
  });

  it('reads 今天冬至 as two expressions', () => {
    assert.deepEqual(spans('今天冬至'), [
      ['今天', '2025-07-04'],
      ['冬至', '2025-12-21'],
    ]);
  });

  // Words that hold a festival's characters but name none, and 今天 meaning "nowadays".
  const negatives = [
    '节目',
    '電視節目',
    '节约用水',
    '季节变化',
    '政治清明',
    '吏治清明',
    '十一个人',
    '五一',
    '十一',
    '元宵很好吃',
    '圣诞老人',
    '下大雪了',
    '雨水很多',
    '青春分享',
    '美國國慶',
    '法国国庆日',
    '朝鲜国庆71周年',
    '冬月枫',
    '高中秋游活动',
    '人民大学重阳金融研究院',
    '真正月薪',
    '今天的中国',
    '今天的中國',
    '直到今天',
    '今天看来',
    '我們今天讀來',
    '比分6·3',
  ];
  for (const text of negatives) {
    it(`marks nothing in ${text}`, () => assert.deepEqual(spans(text), []));
  }
  it('reads a one-character day after a month as no lunar date (九月九商城)', () => {
    assert.deepEqual(spans('九月九商城'), [['九月', '2025-09']]);
  });
  it('reads 高中秋季 as the autumn season, not 中秋', () => {
    assert.deepEqual(spans('高中秋季'), [['秋季', '2025-FA']]);
  });
  it('still marks 今天 as a day when it is one', () => {
    assert.deepEqual(spans('今天的会议'), [['今天', '2025-07-04']]);
  });
});

describe('recognizeDates: which mentions are named by the traditional calendar', () => {
  // The hover adds the lunar date to these, and only to these.
  const table: [string, string, boolean][] = [
    ['今年中秋節全家團聚', '今年中秋節', true],
    ['農曆八月十五', '農曆八月十五', true],
    ['冬至吃湯圓', '冬至', true],
    ['9月17日開學', '9月17日', false],
    ['昨天下午', '昨天下午', false],
  ];
  for (const [text, span, named] of table) {
    it(`${span}: ${named ? 'named' : 'not named'} by the traditional calendar`, () => {
      const m = recognizeDates(text, { reference: '2025-09-01', holidays: true }).find((x) => x.text === span);
      assert.ok(m, JSON.stringify(recognizeDates(text, { reference: '2025-09-01', holidays: true })));
      assert.equal(m.calendarNamed === true, named);
    });
  }
});

describe('recognizeDates: hour and minute offsets, half years, other shapes', () => {
  const table: [string, string, string][] = [
    ['3小时前', '3小时前', '2025-07-04T06:50'],
    ['3小時前', '3小時前', '2025-07-04T06:50'],
    ['半小時後', '半小時後', '2025-07-04T10:20'],
    ['半个小时后', '半个小时后', '2025-07-04T10:20'],
    ['6个小时前', '6个小时前', '2025-07-04T03:50'],
    ['一个半小时后', '一个半小时后', '2025-07-04T11:20'],
    ['30分鐘前', '30分鐘前', '2025-07-04T09:20'],
    ['一刻钟后', '一刻钟后', '2025-07-04T10:05'],
    ['两个钟头后', '两个钟头后', '2025-07-04T11:50'],
    ['10小时前', '10小时前', '2025-07-03T23:50'],
    ['半年后', '半年后', '2026-01'],
    ['半年後', '半年後', '2026-01'],
    ['一年半后', '一年半后', '2027-01'],
    ['半个月后', '半个月后', '2025-07-19'],
    ['3年后', '3年后', '2028'],
    ['两个月后', '两个月后', '2025-09'],
    ['2022 11 23', '2022 11 23', '2022-11-23'],
    ['2021年7·20特大暴雨', '2021年7·20', '2021-07-20'],
    ['“6·30”事件', '6·30', 'UNKNOWN'],
  ];
  for (const [text, span, value] of table) {
    it(`${text}: ${span} = ${value}`, () => {
      const ms = spans(text);
      assert.ok(
        ms.some(([t, v]) => t === span && v === value),
        JSON.stringify(ms),
      );
    });
  }
  it('counts hours from the clock time the text is at', () => {
    assert.deepEqual(spans('7月3日上午10时发生爆炸，3小时后火被扑灭'), [
      ['7月3日上午10时', '2025-07-03T10:00'],
      ['3小时后', '2025-07-03T13:00'],
    ]);
  });
  it('leaves an hour offset UNKNOWN when the text is on another day with no clock time, or there is no time at all', () => {
    assert.deepEqual(spans('7月1日，3小时后'), [
      ['7月1日', '2025-07-01'],
      ['3小时后', 'UNKNOWN'],
    ]);
    assert.deepEqual(spans('3小时前', '2025-07-04'), [['3小时前', 'UNKNOWN']]);
  });
  it('does not date spans and habits of hours', () => {
    for (const text of ['过去5分钟', '近3小时前', '每半小时', '两小时前后', '2022 1 5']) assert.deepEqual(spans(text), [], text);
  });
});
