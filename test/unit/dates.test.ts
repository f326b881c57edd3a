import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../server/src/service/dates';
import type { DateMention } from '../../server/src/service/types';

/** Reference: Friday 4 July 2025, 09:50 (the seed article's publication time). */
const REF = '2025-07-04T09:50';

function only(text: string, reference = REF): DateMention {
  const ms = recognizeDates(text, { reference });
  assert.equal(ms.length, 1, `one mention in ${text}: ${JSON.stringify(ms.map((m) => m.text))}`);
  return ms[0];
}

describe('recognizeDates: expressions and their values', () => {
  // [text as written, marked span, value, kind]
  const table: [string, string, string, DateMention['kind']][] = [
    ['2025年07月04日09:50:21 國際 8308', '2025年07月04日09:50:21', '2025-07-04T09:50:21', 'absolute'],
    ['2020年09月11日 18:05', '2020年09月11日 18:05', '2020-09-11T18:05', 'absolute'],
    ['2019-09-07 09:25:33 来源：观察者网', '2019-09-07 09:25:33', '2019-09-07T09:25:33', 'absolute'],
    ['發布於2025-07-04', '2025-07-04', '2025-07-04', 'absolute'],
    ['2025/7/4', '2025/7/4', '2025-07-04', 'absolute'],
    ['建立時間：2016/05/21 11:44', '2016/05/21 11:44', '2016-05-21T11:44', 'absolute'],
    ['15:312018/09/16', '15:312018/09/16', '2018-09-16T15:31', 'absolute'],
    ['他7月3日抵達', '7月3日', '2025-07-03', 'absolute'],
    ['他7月3日抵达', '7月3日', '2025-07-03', 'absolute'],
    ['七月三日', '七月三日', '2025-07-03', 'absolute'],
    ['二〇二五年七月三日', '二〇二五年七月三日', '2025-07-03', 'absolute'],
    ['２０２５年７月４日', '２０２５年７月４日', '2025-07-04', 'absolute'],
    ['民國114年7月4日', '民國114年7月4日', '2025-07-04', 'absolute'],
    ['114年7月4日起施行', '114年7月4日', '2025-07-04', 'absolute'],
    ['1991年调任', '1991年', '1991', 'absolute'],
    ['九月', '九月', '2025-09', 'absolute'],
    ['法新社3日援引', '3日', '2025-07-03', 'anaphoric'],
    ['外交部長3日表示', '3日', '2025-07-03', 'anaphoric'],
    ['市长3日说', '3日', '2025-07-03', 'anaphoric'],
    ['上午10時', '上午10時', '2025-07-04T10:00', 'time'],
    ['上午10时', '上午10时', '2025-07-04T10:00', 'time'],
    ['16日下午1時48分驚傳', '16日下午1時48分', '2025-07-16T13:48', 'anaphoric'],
    ['今晨3時許', '今晨3時許', '2025-07-04T03:00', 'relative'],
    ['今晨3时许', '今晨3时许', '2025-07-04T03:00', 'relative'],
    ['台中市凌晨發生', '凌晨', '2025-07-04TMO', 'time'],
    ['晚間', '晚間', '2025-07-04TEV', 'time'],
    ['晚间', '晚间', '2025-07-04TEV', 'time'],
    ['中午', '中午', '2025-07-04T12:00', 'time'],
    ['昨晚獨自', '昨晚', '2025-07-03TNI', 'relative'],
    ['今早未到', '今早', '2025-07-04TMO', 'relative'],
    ['周五', '周五', '2025-07-04', 'weekday'],
    ['週五', '週五', '2025-07-04', 'weekday'],
    ['星期五', '星期五', '2025-07-04', 'weekday'],
    ['禮拜五', '禮拜五', '2025-07-04', 'weekday'],
    ['礼拜五', '礼拜五', '2025-07-04', 'weekday'],
    ['上週五', '上週五', '2025-06-27', 'weekday'],
    ['下周一', '下周一', '2025-07-07', 'weekday'],
    ['下下周一', '下下周一', '2025-07-14', 'weekday'],
    ['营收较上年同期增长', '上年', '2024', 'relative'],
    ['上年末', '上年末', '2024-12-LATE', 'period'],
    ['上个季度', '上个季度', '2025-Q2', 'period'],
    ['昨天', '昨天', '2025-07-03', 'relative'],
    ['前天', '前天', '2025-07-02', 'relative'],
    ['明日', '明日', '2025-07-05', 'relative'],
    ['今年', '今年', '2025', 'relative'],
    ['去年', '去年', '2024', 'relative'],
    ['上個月', '上個月', '2025-06', 'relative'],
    ['上个月', '上个月', '2025-06', 'relative'],
    ['本週', '本週', '2025-06-30/2025-07-06', 'period'],
    ['本周', '本周', '2025-06-30/2025-07-06', 'period'],
    ['近日', '近日', 'UNKNOWN', 'relative'],
    ['6月初', '6月初', '2025-06-EARLY', 'period'],
    ['6月中旬', '6月中旬', '2025-06-MID', 'period'],
    ['6月底', '6月底', '2025-06-LATE', 'period'],
    ['年初', '年初', '2025-01-EARLY', 'period'],
    ['年底', '年底', '2025-12-LATE', 'period'],
    ['新年伊始', '新年伊始', '2025-01-EARLY', 'period'],
    ['第三季度', '第三季度', '2025-Q3', 'period'],
    ['今年夏季', '今年夏季', '2025-SU', 'period'],
    ['夏季來臨', '夏季', '2025-SU', 'period'],
    ['上半年', '上半年', '2025-01-01/2025-06-30', 'period'],
    ['今年下半年', '今年下半年', '2025-07-01/2025-12-31', 'period'],
    ['2019年1-7月', '2019年1-7月', '2019-01-01/2019-07-31', 'range'],
    ['2019年4月12-19日', '2019年4月12-19日', '2019-04-12/2019-04-19', 'range'],
    ['本世纪', '本世纪', '2001-01-01/2100-12-31', 'period'],
    ['上世紀80年代', '上世紀80年代', '1980-01-01/1989-12-31', 'period'],
    ['7月9日至10日', '7月9日至10日', '2025-07-09/2025-07-10', 'range'],
    ['7月9日到12日', '7月9日到12日', '2025-07-09/2025-07-12', 'range'],
    ['會議3至5日舉行', '3至5日', '2025-07-03/2025-07-05', 'range'],
    ['上週末', '上週末', '2025-06-28/2025-06-29', 'period'],
    ['上午9時至11時', '上午9時至11時', '2025-07-04T09:00/2025-07-04T11:00', 'range'],
    ['25日08时至26日08时', '25日08时至26日08时', '2025-06-25T08:00/2025-06-26T08:00', 'range'],
    ['一年前', '一年前', '2024', 'relative'],
    ['晚上7点开会', '晚上7点', '2025-07-04T19:00', 'time'],
    ['10点到', '10点', '2025-07-04T10:00', 'time'],
    ['台北地檢署昨(3)日表示', '昨(3)日', '2025-07-03', 'relative'],
    ['總統府今（4）日宣布', '今（4）日', '2025-07-04', 'relative'],
    ['7/11(五)開幕', '7/11', '2025-07-11', 'absolute'],
  ];
  for (const [text, span, value, kind] of table) {
    it(`${text} -> ${span} = ${value}`, () => {
      const m = only(text);
      assert.equal(m.text, span);
      assert.equal(m.value, value);
      assert.equal(m.kind, kind);
      assert.equal(text.slice(m.start, m.end), span);
    });
  }
});

describe('recognizeDates: spans follow the gold guidelines', () => {
  it('marks 當地時間 with its date, whole, and flags local time', () => {
    const m = only('當地時間7月2日晚間,澤連斯基表示');
    assert.equal(m.text, '當地時間7月2日晚間');
    assert.equal(m.value, '2025-07-02TEV');
    assert.equal(m.localTime, true);
  });
  it('flags 当地时间 in Simplified too, but not 北京时间', () => {
    assert.equal(only('当地时间4日').localTime, true);
    assert.equal(only('北京时间4日').localTime, undefined);
  });
  it('leaves 起 out of 8月1日起', () => {
    assert.equal(only('8月1日起實施').text, '8月1日');
  });
  it('marks 星期五(7月4日) as two expressions', () => {
    const ms = recognizeDates('星期五(7月4日)', { reference: REF });
    assert.deepEqual(
      ms.map((m) => [m.text, m.value]),
      [
        ['星期五', '2025-07-04'],
        ['7月4日', '2025-07-04'],
      ],
    );
  });
  it('marks 今日（23日）近9时 as three expressions', () => {
    const ms = recognizeDates('陈同佳今日（23日）近9时在西贡', { reference: '2019-10-23T09:05' });
    assert.deepEqual(
      ms.map((m) => [m.text, m.value]),
      [
        ['今日', '2019-10-23'],
        ['23日', '2019-10-23'],
        ['近9时', '2019-10-23T09:00'],
      ],
    );
  });
  it('keeps 25日 of 25日前后 and 9月9日当天 whole', () => {
    assert.equal(only('等地25日前后都有可能').text, '25日');
    assert.equal(only('在9月9日当天完成').text, '9月9日当天');
    assert.equal(only('在9月9日当天完成').value, '2025-09-09');
  });
  it('gives 25日白天至夜间 the plain day', () => {
    assert.equal(only('预计25日白天至夜间', '2019-11-25T10:37').value, '2019-11-25');
  });
  it('returns mentions sorted and non-overlapping', () => {
    const ms = recognizeDates('2025年07月04日09:50:21 國際\n當地時間7月3日,周五,昨天,6月底,7月9日至10日', { reference: REF });
    for (let i = 1; i < ms.length; i++) assert.ok(ms[i].start >= ms[i - 1].end);
    assert.equal(ms.length, 6);
  });
});

describe('recognizeDates: what is not a date', () => {
  const none = [
    '通話持續近一個小時',
    '專線（24小時）',
    '無業賴姓女子﹝33歲﹞',
    '當時正在進行',
    '澤連斯基此前表示',
    '目前人民币持续贬值',
    '現在才生效',
    '俄軍正加強對烏克蘭的夏季攻勢',
    '一周一次',
    '每周五开会',
    '吞服10顆安眠藥',
    '自殺防治諮詢安心專線：0800-788995',
    '為期一個月',
    '历时4年',
    '已连续8日净流入',
    '调高24点5度',
    '有1/3投资者',
    '黎明主演的电影',
    '一时难以判断',
    '兌換500日元',
    '他提出3点要求',
    '符合这一年龄段男女身高',
    '时至今日面具的魅力依旧',
    '年代约为400至1000年前',
  ];
  for (const text of none) {
    it(`marks nothing in ${text}`, () => {
      assert.deepEqual(
        recognizeDates(text, { reference: REF }).map((m) => m.text),
        [],
      );
    });
  }
});

describe('recognizeDates: season words inside compound nouns', () => {
  it('marks 11月底 but not 冬季 in 冬季前线', () => {
    assert.deepEqual(
      recognizeDates('11月底冬季前线将推进到江南', { reference: '2019-11-25' }).map((m) => m.text),
      ['11月底'],
    );
  });
});

describe('recognizeDates: without a reference', () => {
  it('resolves full dates and leaves relative ones UNKNOWN', () => {
    const ms = recognizeDates('2025年7月3日,昨天,周五,3日');
    assert.deepEqual(
      ms.map((m) => m.value),
      ['2025-07-03', 'UNKNOWN', 'UNKNOWN', '2025-07-03'],
    );
  });
});
