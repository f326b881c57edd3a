import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectBoilerplate } from '../../server/src/service/boilerplate';
import type { BoilerplateKind } from '../../server/src/service/types';

const P1 =
  '當地時間7月3日,美國總統特朗普與俄羅斯總統普京通電話,討論了俄烏衝突、中東局勢、美俄雙邊關係等議題。據俄羅斯塔斯社報道,這是兩人今年以來第六次通話。';
const P2 = '俄總統助理烏沙科夫在一份聲明中稱,通話持續近一個小時,雙方討論了伊朗局勢以及中東局勢,並同意保持聯繫。';
const P3 = '法新社3日援引一名烏克蘭高級官員的消息稱,預計特朗普還將在當地時間4日與烏克蘭總統澤連斯基通電話,重點討論軍事援助。';
const S1 =
  '当地时间7月3日，美国总统特朗普与俄罗斯总统普京通电话，讨论了俄乌冲突、中东局势、美俄双边关系等议题。据俄罗斯塔斯社报道，这是两人今年以来第六次通话。';
const S2 = '俄总统助理乌沙科夫在一份声明中称，通话持续近一个小时，双方讨论了伊朗局势以及中东局势，并同意保持联系。';
const S3 = '法新社3日援引一名乌克兰高级官员的消息称，预计特朗普还将在当地时间4日与乌克兰总统泽连斯基通电话，重点讨论军事援助。';

/** A scraped page: title with suffix, a menu, headline, dateline, body, then `tail`. Returns text and line numbers. */
function page(opts: { trad: boolean; body?: string[]; tail?: string[]; beforeBody?: string[] }) {
  const head = opts.trad ? '特朗普與普京通電話' : '特朗普与普京通电话';
  const lines = [
    `${head} - 天天要聞`,
    opts.trad ? '首頁' : '首页',
    opts.trad ? '國際' : '国际',
    opts.trad ? '財經' : '财经',
    head,
    '2025年07月04日09:50:21 國際 8308',
    ...(opts.beforeBody ?? []),
    ...(opts.body ?? (opts.trad ? [P1, P2, P3] : [S1, S2, S3])),
    ...(opts.tail ?? []),
  ];
  const at = (s: string) => lines.indexOf(s);
  return { text: lines.join('\n'), lines, at, headline: 4 };
}

function kindsOf(text: string): (BoilerplateKind | null)[] {
  return detectBoilerplate(text).lineKinds;
}

describe('boilerplate: kinds by wording, in both scripts', () => {
  const table: [string, BoilerplateKind, string[]][] = [
    ['copyright (Traditional)', 'copyright', ['本文系觀察者網獨家稿件,未經授權,不得轉載。']],
    ['copyright (Simplified)', 'copyright', ['Copyright © 1996-2019 SINA Corporation', '腾讯公司 版权所有']],
    ['editor (Traditional)', 'editor', ['責任編輯：王小明']],
    ['editor (Simplified)', 'editor', ['[责任编辑：刘斌]']],
    ['promo (Traditional)', 'promo', ['>>加入蘋果日報粉絲團94即時94狂！', '下載「蘋果新聞網APP」']],
    ['promo (Simplified)', 'promo', ['更多猛料！欢迎扫描左方二维码关注新浪新闻官方微信']],
    ['share (Traditional)', 'share', ['分享到：', '字級設定：小中大特']],
    ['share (Simplified)', 'share', ['分享到微博', '缩小字体']],
    ['image caption', 'image-caption', ['（圖／翻攝自臉書）', '资料图：市民在寒冷天气中出行。中新社记者 贾天勇 摄']],
    ['footer (Simplified)', 'footer', ['京ICP证000007', '违法和不良信息举报电话：010-62675637']],
    ['footer (Traditional)', 'footer', ['聯絡我們', '隱私權政策']],
    ['suicide hotline notice', 'other', ['自殺防治諮詢安心專線：0800-788995（24小時）']],
    ['previous/next links (Simplified)', 'navigation', ['上一篇：财政部又发大消息', '返回首页']],
    ['previous/next links (Traditional)', 'navigation', ['下一篇：颱風外圍環流影響', '回到頁首']],
  ];
  for (const [name, kind, tail] of table) {
    for (const trad of [true, false]) {
      it(`flags ${name} after the body as ${kind} (${trad ? 'Traditional' : 'Simplified'} article)`, () => {
        const p = page({ trad, tail });
        const k = kindsOf(p.text);
        for (const t of tail) assert.equal(k[p.at(t)], kind, t);
      });
    }
  }

  it('flags the browser title and its copies with a site suffix as site-title, and not the headline', () => {
    const p = page({ trad: true, body: [P1, '特朗普與普京通電話 - 天天要聞', P2, P3] });
    const r = detectBoilerplate(p.text);
    assert.equal(r.lineKinds[0], 'site-title');
    assert.equal(r.lineKinds[p.at('特朗普與普京通電話 - 天天要聞')], 'site-title');
    assert.equal(r.headline, p.headline);
    assert.equal(r.lineKinds[p.headline], null);
  });

  it('takes the headline nearest the body when a hot list above also carries the title', () => {
    const lines = [
      '特朗普與普京通電話 - 天天要聞',
      '熱門新聞',
      '特朗普與普京通電話',
      '日本警察捉賊被偷家',
      '印度尼西亞搜救行動繼續',
      '小馬智行啟動道路測試',
      '尼山世界文明論壇將舉辦',
      '鳩山由紀夫談關稅戰',
      '首頁',
      '特朗普與普京通電話',
      '2025年07月04日09:50:21 國際 8308',
      P1,
      P2,
    ];
    const r = detectBoilerplate(lines.join('\n'));
    assert.equal(r.headline, 9);
    assert.equal(r.lineKinds[9], null);
    assert.equal(r.lineKinds[2], 'site-title');
  });

  it('flags the menu above the headline as navigation', () => {
    const k = kindsOf(page({ trad: false }).text);
    assert.deepEqual(k.slice(1, 4), ['navigation', 'navigation', 'navigation']);
  });

  it('flags a caption credited to a photo agency inside the body', () => {
    const p = page({ trad: true, body: [P1, '俄羅斯總統普京 視覺中國', P2, P3] });
    assert.equal(kindsOf(p.text)[p.at('俄羅斯總統普京 視覺中國')], 'image-caption');
  });

  it('flags share buttons and comment counts between the dateline and the body', () => {
    const p = page({ trad: false, beforeBody: ['分享到：', '评论'] });
    const k = kindsOf(p.text);
    assert.equal(k[p.at('分享到：')], 'share');
    assert.equal(k[p.at('评论')], 'comments');
  });
});

describe('boilerplate: headings take the list under them', () => {
  it('marks 國際分類資訊推薦 and every teaser under it as related', () => {
    const tail = [
      '國際分類資訊推薦',
      '美媒:沙特國防大臣密會特朗普 美伊會談要重啟?',
      '日本警察捉賊被偷家,警車反被開走了...',
      '(外代一線)印度尼西亞:搜救行動繼續',
    ];
    const p = page({ trad: true, tail });
    const k = kindsOf(p.text);
    for (const t of tail) assert.equal(k[p.at(t)], 'related', t);
  });

  it('marks 相关新闻 and its teaser snippets, full sentences included, as related', () => {
    const snippet = '新华社北京7月4日电 据多家美国媒体报道，沙特阿拉伯国防大臣哈立德3日在白宫与美国总统特朗普举行会谈，讨论伊朗局势。';
    const tail = ['相关新闻', '沙特国防大臣密会特朗普', snippet, '日本警察捉贼被偷家'];
    const p = page({ trad: false, tail });
    const k = kindsOf(p.text);
    for (const t of tail) assert.equal(k[p.at(t)], 'related', t);
  });

  it('marks 網友評論 and the comments under it as comments', () => {
    const tail = ['網友評論', '用戶6526883263', '台灣這幫政客最終都將死在政治問題上。', '10月23日17:26'];
    const p = page({ trad: true, tail });
    const k = kindsOf(p.text);
    for (const t of tail) assert.equal(k[p.at(t)], 'comments', t);
  });
});

describe('boilerplate: comment threads', () => {
  it('takes usernames, times, comment texts and reply buttons under 热门评论 as comments', () => {
    const tail = ['热门评论 7条', '改个名字好难', '标题说得好，我们走着瞧！', '13小时前', '回复 踩0 赞104', '分享', '卡瓦石'];
    const p = page({ trad: false, tail });
    const k = kindsOf(p.text);
    for (const t of tail) assert.equal(k[p.at(t)], 'comments', t);
  });

  it('keeps a comment count inside a teaser list as related', () => {
    const tail = ['相关新闻', 'CNN恶意造谣港警，终于道歉了', '评论 682', '东非国家史上首船出口原油', '评论 327'];
    const p = page({ trad: false, tail });
    const k = kindsOf(p.text);
    for (const t of tail) assert.equal(k[p.at(t)], 'related', t);
  });
});

describe('boilerplate: blocks', () => {
  it('groups consecutive lines of one kind into one block, blank lines inside it', () => {
    const p = page({ trad: false, tail: ['', '相关新闻', '', '新闻一', '新闻二', '', '责任编辑：吴金明'] });
    const r = detectBoilerplate(p.text);
    const related = r.blocks.find((b) => b.kind === 'related');
    assert.ok(related);
    assert.equal(related.startLine, p.lines.indexOf('相关新闻'));
    assert.equal(related.endLine, p.lines.indexOf('新闻二'));
    assert.equal(p.lines[related.endLine + 1], '');
  });

  it('starts a new block where the kind changes', () => {
    const p = page({ trad: false, tail: ['责任编辑：吴金明', 'Copyright © 1996-2019 SINA Corporation'] });
    const r = detectBoilerplate(p.text);
    const tailBlocks = r.blocks.filter((b) => b.startLine > p.headline);
    assert.deepEqual(
      tailBlocks.map((b) => b.kind),
      ['editor', 'copyright'],
    );
  });

  it('numbers lines the same with CRLF line ends', () => {
    const p = page({ trad: true, tail: ['', '相關新聞', '新聞一則', '版權所有'] });
    assert.deepEqual(detectBoilerplate(p.lines.join('\r\n')).lineKinds, detectBoilerplate(p.text).lineKinds);
  });

  it('lineKinds has one entry per line, null for article and blank lines', () => {
    const p = page({ trad: true, tail: ['', '版權所有'] });
    const r = detectBoilerplate(p.text);
    assert.equal(r.lineKinds.length, p.lines.length);
    assert.equal(r.lineKinds[p.at(P1)], null);
    assert.equal(r.lineKinds[p.lines.length - 2], null);
  });
});

describe('boilerplate: article text is never flagged', () => {
  it('leaves the headline, dateline, source line and every body paragraph alone', () => {
    const p = page({ trad: true, beforeBody: ['【文/觀察者網 陳思佳】'], tail: ['（王煌忠／台中報導）'] });
    const k = kindsOf(p.text);
    for (const l of [
      p.headline,
      p.at('2025年07月04日09:50:21 國際 8308'),
      p.at('【文/觀察者網 陳思佳】'),
      p.at(P1),
      p.at(P2),
      p.at(P3),
      p.at('（王煌忠／台中報導）'),
    ]) {
      assert.equal(k[l], null, p.lines[l]);
    }
  });

  it('keeps a short subheading between paragraphs', () => {
    const p = page({ trad: false, body: [S1, '特朗普“速胜”企图已破产', S2, '你知道吗', S3] });
    const k = kindsOf(p.text);
    assert.equal(k[p.at('特朗普“速胜”企图已破产')], null);
    assert.equal(k[p.at('你知道吗')], null);
  });

  it('keeps a long paragraph that merely mentions copyright or an app', () => {
    const mention =
      '其次，提供音频和视频内容的播客，使本来已经很麻烦的互联网版权问题更加复杂，未经授权不得转载的规定也难以执行，下载APP收听的用户越来越多。';
    const p = page({ trad: false, body: [S1, mention, S2] });
    assert.equal(kindsOf(p.text)[p.at(mention)], null);
  });

  it('keeps the article going on after an inline related box', () => {
    const more = [
      '白宮和五角大樓沒有透露暫停向烏克蘭交付的武器種類和數量,一些美國和烏克蘭高級官員稱,暫停交付的武器包括導彈。',
      '然而,這一決定令烏克蘭措手不及,烏克蘭外交部2日宣布召見美國駐烏克蘭大使館的高級外交官,討論軍事援助。',
      '澤連斯基此前表示,他有意斥資150億美元購買10套反導系統,以防禦俄羅斯無人機和導彈,特朗普則回應說會考慮。',
    ];
    const p = page({ trad: true, body: [P1, P2, '相關新聞', '特朗普稱對等關稅8月1日開始實施', ...more] });
    const k = kindsOf(p.text);
    assert.equal(k[p.at('相關新聞')], 'related');
    for (const l of more) assert.equal(k[p.at(l)], null, l);
  });

  it('keeps a list that closes the article, then flags the debris after it', () => {
    const items = ['一、出门注意防寒保暖；', '二、雨雪天气减少外出；', '三、关注当地气象部门发布的预警信息。'];
    const p = page({ trad: false, tail: ['温馨提醒：', ...items, '分享到微博', '相关新闻', '冷空气来袭'] });
    const k = kindsOf(p.text);
    for (const l of items) assert.equal(k[p.at(l)], null, l);
    assert.equal(k[p.at('分享到微博')], 'share');
    assert.equal(k[p.at('冷空气来袭')], 'related');
  });

  it('keeps a dateline and source that the page puts above the headline', () => {
    const lines = [
      '颱風外圍環流影響 北部有雨 - 新聞網',
      '首頁',
      '生活',
      '2019-04-17 14:31',
      '來源：中央社',
      '颱風外圍環流影響 北部有雨',
      P1,
      P2,
    ];
    const k = kindsOf(lines.join('\n'));
    assert.equal(k[3], null);
    assert.equal(k[4], null);
    assert.equal(k[1], 'navigation');
  });

  it('never flags a second copy of the article further down the page', () => {
    const p = page({ trad: true, tail: ['相關新聞', '新聞一則', '版權所有', '首頁', '國際', P1, P2, P3, '關於我們'] });
    const k = kindsOf(p.text);
    const second = p.lines.lastIndexOf(P2);
    assert.ok(second > p.at('版權所有'));
    assert.equal(k[second], null);
    assert.equal(k[p.lines.lastIndexOf(P1)], null);
    assert.equal(k[p.at('關於我們')], 'footer');
  });

  const clean: [string, string[]][] = [
    ['headline, dateline, paragraphs', ['特朗普與普京通電話', '', '2025年07月04日09:50:21 國際 8308', '', P1, '', P2, '']],
    ['subheadings and an end mark', ['特朗普与普京通电话', S1, '你知道吗', S2, '（完）']],
    ['numbered sections', ['标题', S1, '一、背景', S2, '二、影响', S3]],
    ['a closing quote', ['特朗普與普京通電話', P1, P2, '「我們進行了對話。」', '他說。']],
    ['paragraphs only', [P1, P2]],
  ];
  for (const [name, lines] of clean) {
    it(`flags nothing in a clean article (${name})`, () => {
      assert.deepEqual(detectBoilerplate(lines.join('\n')).blocks, []);
    });
  }

  it('handles empty text and text without any prose', () => {
    assert.deepEqual(detectBoilerplate('').blocks, []);
    const r = detectBoilerplate('首页\n新闻\n体育');
    assert.equal(r.lineKinds.length, 3);
  });
});

describe('boilerplate: "remove all confident blocks" keeps every gold content line of the fixtures', () => {
  const dir = path.join(__dirname, '..', 'fixtures', 'articles');
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.gold.json'));
  it('has the fixtures', () => assert.ok(names.length >= 11));
  for (const f of names) {
    const name = f.replace(/\.gold\.json$/, '');
    it(`keeps every content line of ${name}, in order, byte for byte`, () => {
      const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
      const gold = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { content: number[] };
      const lines = text.split(/\r\n|\r|\n/);
      const r = detectBoilerplate(text);
      const drop = new Set<number>();
      for (const b of r.blocks) if (b.confident) for (let i = b.startLine; i <= b.endLine; i++) drop.add(i);
      const kept = lines.filter((_, i) => !drop.has(i));
      let at = 0;
      for (const ln of gold.content) {
        const want = lines[ln - 1];
        while (at < kept.length && kept[at] !== want) at++;
        assert.ok(at < kept.length, `content line ${ln} lost: ${want.slice(0, 40)}`);
        at++;
      }
      // And the removal does something: most debris goes.
      assert.ok(drop.size > 0.5 * (lines.filter((l) => l.trim()).length - gold.content.length));
    });
  }
});
