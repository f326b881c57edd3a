import * as assert from 'node:assert/strict';
import { detectBoilerplate, SiteIndex } from '../../server/src/service/boilerplate';

const menu = ['ETtoday新聞雲', '>', '地方'];
const article = (headline: string, body: string) =>
  [`${headline}｜社會｜ETtoday新聞雲`, headline, '2017年12月9日 00:26', ...menu, body].join('\n');

const files: Record<string, string> = {
  'a.txt': article(
    '客運司機車禍致人於死',
    '44歲陳姓客運司機,7日凌晨以狗鍊在台南市永康區住處後陽台上吊尋短,經送醫仍宣告不治,警方到場調查。',
  ),
  'b.txt': article('男子酒駕撞分隔島', '一名男子昨晚酒後駕車,在台南市東區撞上分隔島,車頭全毀,所幸沒有人員受傷,警方當場將他移送法辦。'),
  'c.txt': article('颱風外圍環流影響', '中央氣象局表示,颱風外圍環流影響,明天北部及東北部地區有局部大雨,民眾外出請注意安全並攜帶雨具。'),
};

describe('boilerplate: SiteIndex, lines that recur across the folder', () => {
  it('counts the files other than the asking one that hold a line', () => {
    const idx = new SiteIndex();
    for (const [uri, text] of Object.entries(files)) idx.set(uri, text);
    const rec = idx.recurring('a.txt');
    assert.equal(rec('ETtoday新聞雲'), 2);
    assert.equal(rec('  ETtoday新聞雲  '), 2, 'trims the line');
    assert.equal(rec('客運司機車禍致人於死'), 0, 'a line of this file only');
    assert.equal(rec('男子酒駕撞分隔島'), 1);
  });

  it('tells whether a file other than the asking one is indexed; without one every line recurs nowhere, as without the signal', () => {
    const index = new SiteIndex();
    const page = ['首页 新闻 体育', '标题', '正文第一段，内容很长很长。', '版权所有'].join('\n');
    assert.equal(index.hasOthers('a'), false);
    index.set('a', page);
    assert.equal(index.hasOthers('a'), false);
    assert.equal(index.hasOthers('b'), true);
    for (const line of page.split('\n')) assert.equal(index.recurring('a')(line), 0);
    assert.deepEqual(detectBoilerplate(page, { recurring: index.recurring('a') }), detectBoilerplate(page));
    index.set('b', page);
    assert.equal(index.hasOthers('a'), true);
    assert.equal(index.recurring('a')('版权所有'), 1);
    index.delete('b');
    assert.equal(index.hasOthers('a'), false);
  });

  it('updates counts when a file changes or goes away', () => {
    const idx = new SiteIndex();
    for (const [uri, text] of Object.entries(files)) idx.set(uri, text);
    idx.set('b.txt', 'rewritten\n完全不同的內容');
    assert.equal(idx.recurring('a.txt')('ETtoday新聞雲'), 1);
    idx.delete('c.txt');
    assert.equal(idx.recurring('a.txt')('ETtoday新聞雲'), 0);
    assert.equal(idx.size, 2);
    idx.delete('missing.txt');
    assert.equal(idx.size, 2);
  });

  it('ignores one-character lines and whole paragraphs', () => {
    const idx = new SiteIndex();
    const long = '長'.repeat(300);
    idx.set('x', `>\n${long}`);
    idx.set('y', `>\n${long}`);
    assert.equal(idx.recurring('x')('>'), 0);
    assert.equal(idx.recurring('x')(long), 0);
  });

  it("does not take the lines of a story saved twice for the site's own", () => {
    const idx = new SiteIndex();
    const copy = article(
      '客運司機車禍致人於死',
      '44歲陳姓客運司機,7日凌晨以狗鍊在台南市永康區住處後陽台上吊尋短,經送醫仍宣告不治,警方到場調查。',
    ).replace('地方', '地方\n中時');
    idx.set('a.txt', copy);
    idx.set('a-again.txt', copy);
    idx.set('a-third.txt', copy);
    const k = detectBoilerplate(copy, { recurring: idx.recurring('a.txt') }).lineKinds;
    const lines = copy.split('\n');
    assert.equal(k[lines.indexOf('中時')], null);
    assert.equal(k[lines.length - 1], null);
  });

  it('lets the detector flag a recurring menu line between the dateline and the body', () => {
    const idx = new SiteIndex();
    for (const [uri, text] of Object.entries(files)) idx.set(uri, text);
    const text = files['a.txt'];
    const lines = text.split('\n');
    const alone = detectBoilerplate(text).lineKinds;
    const withIndex = detectBoilerplate(text, { recurring: idx.recurring('a.txt') }).lineKinds;
    const at = lines.indexOf('ETtoday新聞雲');
    assert.equal(alone[at], null);
    assert.equal(withIndex[at], 'navigation');
    assert.equal(withIndex[lines.length - 1], null, 'the body stays');
    assert.equal(withIndex[lines.indexOf('2017年12月9日 00:26')], null, 'the dateline stays');
  });
});
