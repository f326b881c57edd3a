import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findPublication } from '../../server/src/service/dates';
import { firstLines } from '../../server/src/service/dates/publication';

const ARTICLES = path.join(__dirname, '..', 'fixtures', 'articles');
const DATES = path.join(__dirname, '..', 'fixtures', 'dates');

describe('findPublication: the article’s own dateline', () => {
  const cases: [string, string, string][] = [
    [
      'seed dateline with category and views',
      '特朗普與普京通電話\n\n2025年07月04日09:50:21 國際 8308\n\n當地時間7月3日,…',
      '2025-07-04T09:50',
    ],
    ['ISO date with seconds and a source', '标题\n2019-09-07 09:25:33 来源：观察者网\n正文', '2019-09-07T09:25'],
    ['time run into the date (chinatimes)', '標題\n中時\n15:312018/09/16\n正文', '2018-09-16T15:31'],
    ['label before the date (appledaily)', '標題\n建立時間：2016/05/21 11:44\n正文', '2016-05-21T11:44'],
    ['year, month/day and time on three lines (qq)', '标题\n2019\n09/07\n19:02\n扬眼', '2019-09-07T19:02'],
    ['date only', '标题\n发布日期：2012-06-24\n正文', '2012-06-24'],
    ['site name in Latin letters before it', 'BUSINESS.SOHU.COM 2004年7月16日08:19\n正文', '2004-07-16T08:19'],
    ['full-width digits', '標題\n２０１８－０２－２８ １４：３１中央社\n正文', '2018-02-28T14:31'],
  ];
  for (const [name, text, value] of cases) {
    it(name, () => {
      assert.equal(findPublication(text)?.value, value);
    });
  }

  it('reads the first 2,000 lines, and the two after them that a year alone continues on', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, k) => `正文第${k}段。`).join('\n');
    // A year on the last line read, its month/day and time on the two after it.
    assert.deepEqual(findPublication(`${filler(1999)}\n2019\n09/07\n19:02\n${filler(50)}`), { value: '2019-09-07T19:02', line: 1999 });
    assert.deepEqual(findPublication(`${filler(1999)}\r\n2019\r\n09/07\r\n19:02`), { value: '2019-09-07T19:02', line: 1999 });
    // A dateline past them is not read.
    assert.equal(findPublication(`${filler(2000)}\n2019-09-07 09:25 来源：新华社\n${filler(10)}`), undefined);
    assert.equal(firstLines('a\nb\r\nc\nd', 2), 'a\nb\r\n');
    assert.equal(firstLines('a\nb', 2), 'a\nb');
    assert.equal(firstLines('', 3), '');
  });

  it('gives the 0-based line of the dateline', () => {
    assert.deepEqual(findPublication('標題\n\n2025年07月04日09:50:21 國際 8308'), { value: '2025-07-04T09:50', line: 2 });
  });

  it('takes nothing from related-article lists and comments', () => {
    assert.equal(findPublication(fs.readFileSync(path.join(DATES, 'related-and-comments.txt'), 'utf8')), undefined);
  });

  it('skips a related list above the article and a comment below it', () => {
    const p = findPublication(fs.readFileSync(path.join(DATES, 'dateline-after-related.txt'), 'utf8'));
    assert.deepEqual(p, { value: '2019-09-07T09:25', line: 4 });
  });

  it('does not take a body sentence that starts with a date', () => {
    assert.equal(
      findPublication(
        '2019年1月1日，东莞规模以上工业增加值同比增长6.8%，进出口同比增长4.4%，两者数据虽比上半年均有少许回落，但远高于全国水平。',
      ),
      undefined,
    );
  });

  describe('matches the gold `published` of every fixture article', () => {
    for (const f of fs.readdirSync(ARTICLES).filter((x) => x.endsWith('.gold.json'))) {
      it(f.replace('.gold.json', ''), () => {
        const gold = JSON.parse(fs.readFileSync(path.join(ARTICLES, f), 'utf8'));
        const text = fs.readFileSync(path.join(ARTICLES, f.replace('.gold.json', '.txt')), 'utf8');
        assert.equal(findPublication(text)?.value ?? null, gold.published);
      });
    }
  });
});
