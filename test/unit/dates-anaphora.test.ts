import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../server/src/service/dates';

const values = (text: string, reference: string) => recognizeDates(text, { reference }).map((m) => [m.text, m.value]);

describe('recognizeDates: anaphora (the day the text last spoke of)', () => {
  it('resolves 當天 to the date the story is on, not a holiday named in between', () => {
    const text =
      '當地時間7月3日,美國總統特朗普與俄羅斯總統普京通電話。普京並提前對7月4日美國獨立日表示祝賀。\n當天晚些時候,特朗普在美國安德魯斯空軍基地接受了媒體採訪。';
    assert.deepEqual(values(text, '2025-07-04T09:50'), [
      ['當地時間7月3日', '2025-07-03'],
      ['7月4日', '2025-07-04'],
      ['當天晚些時候', '2025-07-03'],
    ]);
  });
  it('resolves 當日 with a clock time to the day of 7日凌晨', () => {
    assert.deepEqual(values('44歲陳姓客運司機，7日凌晨以狗鍊上吊，仍於當日清晨5時34分許宣布不治', '2017-12-09T00:26'), [
      ['7日凌晨', '2017-12-07TMO'],
      ['當日清晨5時34分許', '2017-12-07T05:34'],
    ]);
  });
  it('counts 一周後 from the date before it', () => {
    assert.deepEqual(values('8月24日中午駕駛高鐵專車，李男送醫搶救仍於一周後傷重不治。', '2017-12-09T00:26'), [
      ['8月24日中午', '2017-08-24T12:00'],
      ['一周後', '2017-08-31'],
    ]);
  });
  it('resolves 次日 and 同日 against the last date, 昨天 against the publication', () => {
    assert.deepEqual(values('6月30日發生地震，次日餘震不斷，昨天官方公布數字。', '2025-07-04'), [
      ['6月30日', '2025-06-30'],
      ['次日', '2025-07-01'],
      ['昨天', '2025-07-03'],
    ]);
  });
  it('puts a bare day in the month the text is in', () => {
    assert.deepEqual(values('6月10日開幕，12日閉幕', '2025-07-04'), [
      ['6月10日', '2025-06-10'],
      ['12日', '2025-06-12'],
    ]);
  });
  it('takes a bare day from the previous month only when that is within ten days before', () => {
    assert.deepEqual(values('28日宣布', '2025-07-04'), [['28日', '2025-06-28']]);
    assert.deepEqual(values('20日舉行', '2025-07-04'), [['20日', '2025-07-20']]);
  });
  it('puts early morning after a night on the next day (昨晚…凌晨)', () => {
    assert.deepEqual(values('賴女昨晚獨自在租屋處飲酒，其男友凌晨返家', '2016-05-21T11:44'), [
      ['昨晚', '2016-05-20TNI'],
      ['凌晨', '2016-05-21TMO'],
    ]);
  });
  it('joins a clock time to the day before it (今晨…07时)', () => {
    assert.deepEqual(values('24日，午后14时气温仅4℃。今晨气温继续下降，07时最低气温跌至零下5.2℃', '2019-11-25T10:37'), [
      ['24日', '2019-11-24'],
      ['午后14时', '2019-11-24T14:00'],
      ['今晨', '2019-11-25TMO'],
      ['07时', '2019-11-25T07:00'],
    ]);
  });
  it('reads a year line, a month/day line and a time line together', () => {
    assert.deepEqual(values('2019\n09/07\n19:02', '2019-09-07T19:02'), [
      ['2019', '2019'],
      ['09/07', '2019-09-07'],
      ['19:02', '2019-09-07T19:02'],
    ]);
  });
  it('leaves recurring dates (常年11月19日) UNKNOWN but marked', () => {
    assert.deepEqual(values('合肥(常年11月19日)', '2019-11-25'), [['11月19日', 'UNKNOWN']]);
  });
});

describe('recognizeDates: the weekday rule', () => {
  // A bare weekday is the day of that name in the Monday..Sunday week of the publication date.
  it('gives the publication day itself for its own weekday (gold: 周五 on Friday 2025-07-04)', () => {
    assert.deepEqual(values('還計劃周五與澤連斯基通話', '2025-07-04T09:50'), [['周五', '2025-07-04']]);
  });
  it('gives earlier days of the same week for earlier weekdays, not next week', () => {
    assert.deepEqual(values('周一', '2025-07-04'), [['周一', '2025-06-30']]);
    assert.deepEqual(values('星期日', '2025-07-04'), [['星期日', '2025-07-06']]);
  });
  it('counts the week from Monday', () => {
    assert.deepEqual(values('周五', '2019-11-25'), [['周五', '2019-11-29']]);
    assert.deepEqual(values('周日', '2019-11-25'), [['周日', '2019-12-01']]);
  });
  it('moves a week with 上/下', () => {
    assert.deepEqual(values('上周三', '2025-07-04'), [['上周三', '2025-06-25']]);
    assert.deepEqual(values('下週日', '2025-07-04'), [['下週日', '2025-07-13']]);
  });
  it('takes the week of a date written next to it', () => {
    assert.deepEqual(values('星期五(7月11日)', '2025-07-04'), [
      ['星期五', '2025-07-11'],
      ['7月11日', '2025-07-11'],
    ]);
  });
  it('does not let a weekday move the anchor of 當天', () => {
    assert.deepEqual(values('3日，雙方會談，計劃周五再談。當天下午', '2025-07-04'), [
      ['3日', '2025-07-03'],
      ['周五', '2025-07-04'],
      ['當天下午', '2025-07-03TAF'],
    ]);
  });
});
