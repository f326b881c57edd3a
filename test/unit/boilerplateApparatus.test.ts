import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectBoilerplate } from '../../server/src/service/boilerplate';
import { ARTICLE_SIMP, ARTICLE_TRAD } from './helpers';
import type { BoilerplateKind } from '../../server/src/service/types';

// Blog and forum apparatus, comment totals, link rows and headings with their first teaser inline.

const TRAD = ARTICLE_TRAD;
const SIMP = ARTICLE_SIMP;

function page(trad: boolean, tail: string[], opts: { above?: string[]; between?: string[] } = {}) {
  const head = trad ? '特朗普與普京通電話' : '特朗普与普京通电话';
  const lines = [
    `${head} - 天天要聞`,
    ...(opts.above ?? [trad ? '首頁' : '首页']),
    head,
    '2025年07月04日09:50:21',
    ...(opts.between ?? []),
    ...(trad ? TRAD : SIMP),
    ...tail,
  ];
  const r = detectBoilerplate(lines.join('\n'));
  return { lines, r, kinds: r.lineKinds, at: (s: string) => lines.indexOf(s) };
}

describe("boilerplate apparatus: a blog post's own furniture after the post", () => {
  const table: [string, BoilerplateKind, string[]][] = [
    [
      'trackback and read counters',
      'other',
      ['(本文發表於首頁批評與建議, 已被閱讀178次)', '本文通告引用(Trackback)鏈接: /wp-trackback.php?p=1700'],
    ],
    [
      'trackback and read counters',
      'other',
      ['(本文发表于首页批评与建议, 已被阅读178次)', '本文通告引用(Trackback)链接: /wp-trackback.php?p=1700'],
    ],
    ['posted by … @ time', 'other', ['由海姑娘張貼 @ 2005-06-14 03:25:55 (370)']],
    ['posted by … @ time', 'other', ['由海姑娘张贴 @ 2005-06-14 03:25:55 (370)']],
    ['an archive list of dated titles', 'related', ['[2005-08-17] 無序列表', '[2005-07-13] 誰來為蒙窪蓄洪區災民損失補償']],
    ['an archive list of dated titles', 'related', ['[2005-08-17] 无序列表', '[2005-07-13] 谁来为蒙洼蓄洪区灾民损失补偿']],
  ];
  table.forEach(([name, kind, tail], k) => {
    const trad = k % 2 === 0;
    it(`flags ${name} as ${kind} (${trad ? 'Traditional' : 'Simplified'})`, () => {
      const p = page(trad, tail);
      for (const l of tail) assert.equal(p.kinds[p.at(l)], kind, l);
      for (const l of trad ? TRAD : SIMP) assert.equal(p.kinds[p.at(l)], null, l);
    });
  });

  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`ends the post at a thread total and flags the comment under it (${script})`, () => {
      const total = trad ? '《特朗普與普京通電話》已有1件評論' : '《特朗普与普京通电话》已有1件评论';
      const comment = trad
        ? '我看了這篇報道,覺得雙方的分歧仍然很大,恐怕短期內很難達成任何協議,大家怎麼看呢?'
        : '我看了这篇报道，觉得双方的分歧仍然很大，恐怕短期内很难达成任何协议，大家怎么看呢？';
      const p = page(trad, [total, comment, trad ? '共 11 篇評論 發表評論 >>>' : '共 11 篇评论 发表评论 >>>']);
      assert.equal(p.kinds[p.at(total)], 'comments');
      assert.equal(p.kinds[p.at(comment)], 'comments');
      for (const l of trad ? TRAD : SIMP) assert.equal(p.kinds[p.at(l)], null, l);
    });
  }

  it('leaves a subheading that says who published what inside the body alone', () => {
    const sub = '由新華社發表於昨日的評論員文章指出美國的做法';
    const p = page(true, []);
    const lines = [...p.lines.slice(0, 5), sub, ...p.lines.slice(5)];
    assert.equal(detectBoilerplate(lines.join('\n')).lineKinds[5], null);
  });

  it('leaves a sentence that mentions a trackback or a read count inside the body alone', () => {
    const inBody = '作者在部落格裡說明了為何關閉Trackback功能。';
    const p = page(true, [], {});
    const lines = [...p.lines.slice(0, 5), inBody, ...p.lines.slice(5)];
    const k = detectBoilerplate(lines.join('\n')).lineKinds;
    assert.equal(k[5], null);
  });
});

describe('boilerplate apparatus: headings and buttons by their wording', () => {
  const table: [string, BoilerplateKind, string[]][] = [
    ['Traditional', 'comments', ['我要說兩句', '評論內容：']],
    ['Simplified', 'comments', ['我要说说', '评论内容：']],
    ['Traditional', 'related', ['您可能感興趣的文章']],
    ['Simplified', 'related', ['您可能感兴趣的文章']],
    ['Traditional', 'image-caption', ['點擊看大圖']],
    ['Simplified', 'image-caption', ['点击看大图']],
    ['Traditional', 'navigation', ['點擊閱讀更多精彩財經新聞']],
    ['Simplified', 'navigation', ['点击阅读更多精彩财经新闻']],
    ['Traditional', 'copyright', ['非經授權，不許轉載本網站內容']],
    ['Simplified', 'copyright', ['非经授权，不许转载本网站内容']],
    ['Traditional', 'other', ['★中時電子報關心您：再給自己一次機會']],
    ['Simplified', 'other', ['★中时电子报关心您：再给自己一次机会']],
    ['Traditional', 'promo', ['關閉攔截插件恢復正常']],
    ['Simplified', 'promo', ['关闭拦截插件恢复正常']],
    ['Traditional', 'footer', ['400-052-0066 歡迎批評指正', '關於我們 | 隱私權政策 | 服務條款 | 廣告服務']],
    ['Simplified', 'footer', ['400-052-0066 欢迎批评指正', '关于我们 | 隐私政策 | 服务协议 | 广告服务']],
    ['Traditional', 'share', ['友善列印', '小字型', '中字型', '大字型']],
    ['Simplified', 'share', ['友善打印', '小字型', '中字体', '大字体']],
  ];
  for (const [script, kind, lines] of table) {
    it(`names ${lines.join(' / ')} ${kind} (${script})`, () => {
      const p = page(script === 'Traditional', lines);
      for (const l of lines) assert.equal(p.kinds[p.at(l)], kind, l);
    });
  }

  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`takes a related heading with its first teaser on the line as a heading after the body (${script})`, () => {
      const head = trad ? '延伸閱讀：57歲小學肄業 廣西騙子演繹25億美元驚天騙局' : '延伸阅读：57岁小学肄业 广西骗子演绎25亿美元惊天骗局';
      const teaser = trad ? '誘導高收費電話回電 警惕祝福短信成騙錢陷阱' : '诱导高收费电话回电 警惕祝福短信成骗钱陷阱';
      const p = page(trad, [head, teaser]);
      assert.equal(p.kinds[p.at(head)], 'related');
      assert.equal(p.kinds[p.at(teaser)], 'related');
    });

    it(`does not cut the article at an inline related box: the subheadings after it stay (${script})`, () => {
      const body = trad ? TRAD : SIMP;
      const box = trad
        ? ['延伸閱讀：57歲小學肄業 廣西騙子演繹25億美元驚天騙局', '誘導高收費電話回電 警惕祝福短信成騙錢陷阱']
        : ['延伸阅读：57岁小学肄业 广西骗子演绎25亿美元惊天骗局', '诱导高收费电话回电 警惕祝福短信成骗钱陷阱'];
      const sub = trad ? '老中醫絕食49天' : '老中医绝食49天';
      const lines = [
        trad ? '特朗普與普京通電話 - 天天要聞' : '特朗普与普京通电话 - 天天要闻',
        trad ? '特朗普與普京通電話' : '特朗普与普京通电话',
        body[0],
        ...box,
        sub,
        body[1],
        body[2],
      ];
      const k = detectBoilerplate(lines.join('\n')).lineKinds;
      for (const l of [sub, ...body]) assert.equal(k[lines.indexOf(l)], null, l);
    });

    it(`flags a menu bar above the headline and a row of page buttons under it (${script})`, () => {
      const menu = trad ? '首頁 組織機構 工作動態 綱要規劃 國際項目' : '首页 组织机构 工作动态 纲要规划 国际项目';
      const tools = trad
        ? '【我來說兩句】【推薦】【字體：大 中 小】【列印】【關閉】'
        : '【我来说两句】【推荐】【字体：大 中 小】【打印】【关闭】';
      const p = page(trad, [], { above: [menu], between: [tools] });
      assert.equal(p.kinds[p.at(menu)], 'navigation');
      assert.equal(p.kinds[p.at(tools)], 'share');
    });
  }
});

describe('boilerplate apparatus: the headline and the body on pages without a title match', () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`takes a headline ending in ！ over its dateline, not the breadcrumb above it (${script})`, () => {
      const head = trad ? '2019年中國人文地理學術年會在重慶成功舉行！' : '2019年中国人文地理学术年会在重庆成功举行！';
      const crumb = trad ? '首頁 - 新聞動態' : '首页 - 新闻动态';
      const menu = trad ? ['學會概況', '學會簡介', '歷史沿革', '學會章程'] : ['学会概况', '学会简介', '历史沿革', '学会章程'];
      const lines = [
        trad ? '新聞動態--中國地理學會官網' : '新闻动态--中国地理学会官网',
        ...menu,
        crumb,
        head,
        trad ? '發佈時間：2019-05-18 來源：中國地理學會' : '发布时间：2019-05-18 来源：中国地理学会',
        ...(trad ? TRAD : SIMP),
      ];
      const r = detectBoilerplate(lines.join('\n'));
      assert.equal(r.headline, lines.indexOf(head));
      assert.equal(r.lineKinds[lines.indexOf(crumb)], 'navigation');
      for (const l of menu) assert.equal(r.lineKinds[lines.indexOf(l)], 'navigation', l);
    });
  }

  it('takes the first post of a blog page for the article, not the longest later post', () => {
    const first = [
      '湘菜粤菜兵分两路，新鲜的是，湘菜浓妆淡抹，粤菜却是明艳照人，各有各的风味，食客们也乐得两边都去尝一尝。',
      '虽然湖南人喜欢吃辣，但碍于广东的炎热气候，不得不多加一些清淡的菜式，于是有了今天的新湘菜。',
      '小炒则是粤菜的风味。冬天吃腌制的坛子菜，夏天换种吃法，清蒸白灼，讲究的是原汁原味，少放调料。',
    ];
    const later = [...SIMP, ...SIMP.map((s) => s.replace('当地时间', '昨天'))];
    const lines = [
      '海姑娘 | blog.wenxuecity.com',
      '首页 |',
      '博客 |',
      '湘菜粤菜 兵分两路',
      ...first,
      '由海姑娘张贴 @ 2005-06-14 03:25:55 (370)',
      '共 11 篇评论 发表评论 >>>',
      '澳坛真的累了',
      ...later,
    ];
    const k = detectBoilerplate(lines.join('\n')).lineKinds;
    for (const l of first) assert.equal(k[lines.indexOf(l)], null, l);
    assert.equal(k[lines.indexOf('共 11 篇评论 发表评论 >>>')], 'comments');
  });
});

describe('boilerplate apparatus: real blog pages (cwced)', () => {
  const dir = path.join(__dirname, '..', 'fixtures', 'boilerplate');
  const load = (name: string) => {
    const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
    const gold = fs.readFileSync(path.join(dir, `${name}.gold.txt`), 'utf8');
    const lines = text.split(/\r\n|\r|\n/);
    return { text, gold, lines, k: detectBoilerplate(text).lineKinds, at: (s: string) => lines.findIndex((l) => l.trim().startsWith(s)) };
  };

  for (const name of ['cwced-ab65832c', 'cwced-35687fb1-head']) {
    it(`flags no gold line of ${name}`, () => {
      const { lines, gold, k } = load(name);
      const lost = lines.filter((l, i) => k[i] && l.trim().length >= 4 && gold.includes(l.trim()));
      assert.deepEqual(lost, []);
    });
  }

  it('flags the blogchina apparatus after the post', () => {
    const { k, at } = load('cwced-ab65832c');
    assert.equal(k[at('回首页 | 2005年索引')], 'navigation');
    assert.equal(k[at('- 作者： 流泉 访问统计')], 'other');
    assert.equal(k[at('Trackback')], 'other');
    for (const s of ['[2005-08-21]', '[2005-08-17]', '[2005-07-13]']) assert.equal(k[at(s)], 'related', s);
    assert.equal(k[at('评论内容：')], 'comments');
  });

  it('flags the WordPress counters and the comment that pastes an article', () => {
    const { k, at } = load('cwced-35687fb1-head');
    assert.equal(k[at('(本文发表于首页批评与建议')], 'other');
    assert.equal(k[at('《播客热潮迅速蔓延 挑逗传统传媒业》已有1件评论')], 'comments');
    assert.equal(k[at('在银行工作的王小姐')], 'comments');
  });
});

describe("boilerplate apparatus: a document's metadata table above its headline", () => {
  const tables: [string, string[], string][] = [
    [
      'Simplified',
      [
        '索 引 号：',
        '11220000013544357T/2022-00426',
        '分 类：',
        '环境监测、保护与治理;通告',
        '发文机关：',
        '吉林省人民政府',
        '成文日期：',
        '2022年01月27日',
        '标 题：',
      ],
      '吉林省人民政府关于禁止在嫩江干流工程征占地范围内新增建设项目的通告',
    ],
    [
      'Traditional',
      [
        '索 引 號：',
        '11220000013544357T/2022-00426',
        '分 類：',
        '環境監測、保護與治理;通告',
        '發文機關：',
        '吉林省人民政府',
        '成文日期：',
        '2022年01月27日',
        '標 題：',
      ],
      '吉林省人民政府關於禁止在嫩江幹流工程徵佔地範圍內新增建設項目的通告',
    ],
  ];
  for (const [script, table, head] of tables) {
    const trad = script === 'Traditional';
    const body = trad ? TRAD : SIMP;
    it(`keeps the labels and their values, and the title as the 标题 value, but flags the menu above (${script})`, () => {
      const crumb = trad ? '政府信息公開專欄 >> 吉林省人民政府 >> 信息公開平台' : '政府信息公开专栏 >> 吉林省人民政府 >> 信息公开平台';
      const lines = [
        head,
        trad ? '登錄' : '登录',
        crumb,
        ...table,
        head,
        trad ? '發文字號：' : '发文字号：',
        '吉政明电〔2022〕1号',
        ...table,
        head,
        ...body,
      ];
      const r = detectBoilerplate(lines.join('\n'));
      for (let i = 3; i < lines.length; i++) assert.equal(r.lineKinds[i], null, `${i}: ${lines[i]}`);
      assert.equal(r.lineKinds[2], 'navigation');
    });
  }

  it('still flags a lone label and value pair above the headline that is no table', () => {
    const p = page(false, [], { above: ['首页', '栏目：', '国际新闻'] });
    assert.equal(p.kinds[p.at('国际新闻')], 'navigation');
  });

  it('keeps the metadata of the real notice (cwced e8847578) and flags only the page title and the menus', () => {
    const dir = path.join(__dirname, '..', 'fixtures', 'boilerplate');
    const text = fs.readFileSync(path.join(dir, 'cwced-e8847578.txt'), 'utf8');
    const gold = fs.readFileSync(path.join(dir, 'cwced-e8847578.gold.txt'), 'utf8');
    const lines = text.split(/\r\n|\r|\n/);
    const k = detectBoilerplate(text).lineKinds;
    // Line 1 is the browser title; every other gold line stays.
    const lost = lines.filter((l, i) => i > 0 && k[i] && gold.includes(l.trim()));
    assert.deepEqual(lost, []);
    for (const s of ['登录', '分享到 - 微信', '扫一扫在手机打开当前页'])
      assert.notEqual(k[lines.findIndex((l) => l.trim() === s)], null, s);
  });
});

describe("boilerplate apparatus: the article's own sentence repeated below it", () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    const body = trad ? TRAD : SIMP;
    it(`keeps a teaser that repeats a body sentence, and still flags the other teasers (${script})`, () => {
      const repeat = trad
        ? '美國總統特朗普與俄羅斯總統普京通電話,討論了俄烏衝突、中東局勢、美俄雙邊關係等議題。'
        : '美国总统特朗普与俄罗斯总统普京通电话，讨论了俄乌冲突、中东局势、美俄双边关系等议题。';
      const other = trad
        ? '日本警察捉賊被偷家,警方表示將加強巡邏,並呼籲民眾提高警覺。'
        : '日本警察捉贼被偷家，警方表示将加强巡逻，并呼吁民众提高警觉。';
      const p = page(trad, [trad ? '相關新聞' : '相关新闻', repeat, other, trad ? '版權所有 © 天天要聞' : '版权所有 © 天天要闻']);
      assert.equal(p.kinds[p.at(repeat)], null);
      assert.notEqual(p.kinds[p.at(other)], null);
      for (const l of body) assert.equal(p.kinds[p.at(l)], null, l);
    });
  }
});

describe('boilerplate apparatus: forum replies, rights notices and print-edition credits', () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    const body = trad ? TRAD : SIMP;
    it(`flags a forum thread from the first reply's floor, with its 作者 lines (${script})`, () => {
      const thread = trad
        ? [
            '樓層： 第 2 樓 時間：2005-08-28 23:38:58',
            '得分：35',
            '作者： 老財迷',
            '能力值:31140',
            '謝謝!這部片子我找了很久,終於找到了,樓主辛苦了!',
            '第3樓',
            '作者： 頗黎',
            '作者曾經發過的文章',
            '1.哪位給推薦一款好用的BT下載工具',
          ]
        : [
            '楼层： 第 2 楼 时间：2005-08-28 23:38:58',
            '得分：35',
            '作者： 老财迷',
            '能力值:31140',
            '谢谢！这部片子我找了很久，终于找到了，楼主辛苦了！',
            '第3楼',
            '作者： 颇黎',
            '作者曾经发过的文章',
            '1.哪位给推荐一款好用的BT下载工具',
          ];
      const p = page(trad, thread);
      for (const l of thread.slice(0, 7)) assert.equal(p.kinds[p.at(l)], 'comments', l);
      assert.equal(p.kinds[p.at(thread[7])], 'related');
      for (const l of body) assert.equal(p.kinds[p.at(l)], null, l);
    });

    it(`keeps the print-edition credit and flags the rights notice under its heading (${script})`, () => {
      const credit = trad ? '《光明日報》（ 2022年02月13日 02版）' : '《光明日报》（ 2022年02月13日 02版）';
      const notice = trad
        ? [
            '反侵權公告：',
            '根據《中華人民共和國著作權法》等法律法規,現就有關事項公告如下:',
            '一、任何單位或個人使用本報作品,須事先獲得書面授權。',
          ]
        : [
            '反侵权公告：',
            '根据《中华人民共和国著作权法》等法律法规，现就有关事项公告如下：',
            '一、任何单位或个人使用本报作品，须事先获得书面授权。',
          ];
      const p = page(trad, [credit, ...notice]);
      assert.equal(p.kinds[p.at(credit)], null);
      for (const l of notice) assert.equal(p.kinds[p.at(l)], 'copyright', l);
    });
  }

  it('leaves 版权声明 without a colon, a footer link, as no heading over the links after it', () => {
    const p = page(false, ['关于我们', '版权声明', '联系我们', '网站地图']);
    assert.notEqual(p.kinds[p.at('版权声明')], null);
    assert.equal(p.kinds[p.at('网站地图')], 'footer');
  });

  it('flags print and font-size buttons between the headline and the body (chinatimes)', () => {
    const tools = ['友善列印', '小字型', '中字型', '大字型'];
    const p = page(true, [], { between: tools });
    for (const l of tools) assert.equal(p.kinds[p.at(l)], 'share', l);
  });

  it("leaves a sentence about a building's floor inside the body alone", () => {
    const lines = [
      '特朗普与普京通电话 - 天天要闻',
      '特朗普与普京通电话',
      SIMP[0],
      '第3楼的居民说，当晚他们听到了巨大的响声，随后整栋楼都停了电。',
      SIMP[1],
      SIMP[2],
    ];
    const k = detectBoilerplate(lines.join('\n')).lineKinds;
    assert.equal(k[3], null);
  });
});

describe("boilerplate apparatus: a post's counters and a forum signature", () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    const body = trad ? TRAD : SIMP;
    it(`flags the counters line under a post and the signature under its label (${script})`, () => {
      const counters = trad ? '閱讀(370) | 評論(11) | 收藏(2)' : '阅读(370) | 评论(11) | 收藏(2)';
      const sig = trad ? ['簽名檔', '海闊天空,自由自在。'] : ['签名档', '海阔天空，自由自在。'];
      const p = page(trad, [counters, ...sig]);
      assert.equal(p.kinds[p.at(counters)], 'other');
      for (const l of sig) assert.equal(p.kinds[p.at(l)], 'other', l);
      for (const l of body) assert.equal(p.kinds[p.at(l)], null, l);
    });

    it(`keeps a dateline with a single click count under the headline (${script})`, () => {
      const dateline = trad ? '發佈時間：2019-05-18 點擊：313' : '发布时间：2019-05-18 点击：313';
      const p = page(trad, [], { between: [dateline] });
      assert.equal(p.kinds[p.at(dateline)], null);
    });
  }
});

describe('boilerplate apparatus: kinds inside comment boxes and after notices', () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`names a comment box's rules comments, and the site's copyright after it copyright (${script})`, () => {
      const rules = trad
        ? ['為避免留言系統變成發洩區和口水版,請勿謾罵。', '請勿提供軟體註冊碼等違反智慧財產權之資訊', '違反上述規定者,本報有權刪除留言']
        : ['为避免留言系统变成发泄区和口水版，请勿谩骂。', '请勿提供软件注册码等违反知识产权之信息', '违反上述规定者，本报有权删除留言'];
      const copyright = trad ? '版權所有 © 天天要聞' : '版权所有 © 天天要闻';
      const p = page(trad, [trad ? '網友評論' : '网友评论', ...rules, copyright]);
      for (const l of rules) assert.equal(p.kinds[p.at(l)], 'comments', l);
      assert.equal(p.kinds[p.at(copyright)], 'copyright');
    });

    it(`takes 熱門評論 7條 after a teaser list as the comments heading, and 作者最近文章 as a related one (${script})`, () => {
      const tail = trad
        ? ['作者最近文章', '中美貿易持久戰 中國人的鬥志', '美國還重要嗎？2019-08-27', '熱門評論 7條', '改個名字好難', '13小時前']
        : ['作者最近文章', '中美贸易持久战 中国人的斗志', '美国还重要吗？2019-08-27', '热门评论 7条', '改个名字好难', '13小时前'];
      const p = page(trad, tail);
      for (const l of tail.slice(0, 3)) assert.equal(p.kinds[p.at(l)], 'related', l);
      for (const l of tail.slice(3)) assert.equal(p.kinds[p.at(l)], 'comments', l);
    });

    it(`names a tag line after a copyright notice navigation (${script})`, () => {
      const tags = trad ? '關鍵詞 >> 習近平' : '关键词 >> 习近平';
      const p = page(trad, [trad ? '本文為天天要聞獨家稿件，未經授權不得轉載。' : '本文为天天要闻独家稿件，未经授权不得转载。', tags]);
      assert.equal(p.kinds[p.at(tags)], 'navigation');
    });
  }
});

describe('boilerplate apparatus: page tools keep their kind in a comment box', () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`names print and font-size buttons share under comments, a comment's own share button comments (${script})`, () => {
      const tools = trad ? ['列印', 'A-A+'] : ['打印', 'A-A+'];
      const own = trad ? '分享' : '分享';
      const p = page(trad, [trad ? '網友評論' : '网友评论', trad ? '改個名字好難' : '改个名字好难', own, ...tools]);
      for (const l of tools) assert.equal(p.kinds[p.at(l)], 'share', l);
      assert.equal(p.kinds[p.at(own)], 'comments');
    });
  }
});

describe('boilerplate apparatus: a title marked (图) is a title, not a caption', () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`names (图) teasers under a related heading related, a numbered (图1) caption image-caption (${script})`, () => {
      const teasers = trad
        ? ['日本新天皇即位 寶座上有9隻中國神鳥(圖)', '一個月內 91歲的他第二次寫信(圖)']
        : ['日本新天皇即位 宝座上有9只中国神鸟(图)', '一个月内 91岁的他第二次写信(图)'];
      const caption = trad ? '市民在寒風中出行（圖1）' : '市民在寒风中出行（图1）';
      const p = page(trad, [caption, trad ? '相關新聞' : '相关新闻', ...teasers]);
      for (const l of teasers) assert.equal(p.kinds[p.at(l)], 'related', l);
      assert.equal(p.kinds[p.at(caption)], 'image-caption');
    });
  }

  it('takes a (图) headline over its dateline when the title does not match', () => {
    const lines = [
      '海姑娘 | blog.wenxuecity.com',
      '首页 |',
      '博客 |',
      '控制面板',
      '湘菜粤菜 兵分两路 (图)',
      '2005-06-14 03:25:55',
      ...SIMP,
    ];
    const r = detectBoilerplate(lines.join('\n'));
    assert.equal(r.headline, 4);
  });
});

describe('boilerplate apparatus: a metadata label with its value on the next line after the body', () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`keeps 信息来源： and its value, and still flags the links after another label (${script})`, () => {
      const meta = trad ? ['信息來源：', '內蒙古日報'] : ['信息来源：', '内蒙古日报'];
      const other = trad
        ? ['輪播圖預覽:', '政策原文', '政務服務', '新聞發佈會', '政策解讀']
        : ['轮播图预览:', '政策原文', '政务服务', '新闻发布会', '政策解读'];
      const p = page(trad, [trad ? '列印' : '打印', trad ? '關閉' : '关闭', ...meta, ...other]);
      for (const l of meta) assert.equal(p.kinds[p.at(l)], null, l);
      for (const l of other.slice(1)) assert.notEqual(p.kinds[p.at(l)], null, l);
    });
  }
});

describe('boilerplate apparatus: a short button between two flagged lines', () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`gives 更多 among share targets their kind, unsure, and leaves a metadata label alone (${script})`, () => {
      const more = trad ? '更多' : '更多';
      const label = trad ? '作者：' : '作者：';
      const between = trad
        ? ['微信', 'QQ空間', '微博', more, '分享至好友和朋友圈', '分享到：', label, '分享至好友']
        : ['微信', 'QQ空间', '微博', more, '分享至好友和朋友圈', '分享到：', label, '分享至好友'];
      const p = page(trad, [], { between });
      const i = p.at(more);
      assert.equal(p.kinds[i], 'share');
      assert.equal(p.r.blocks.find((b) => b.startLine <= i && i <= b.endLine)!.confident, false);
      assert.equal(p.kinds[p.at(label)], null);
    });
  }
});

describe('boilerplate apparatus: article sentences that look like apparatus', () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`keeps the article whole around a sentence about a comment count (${script})`, () => {
      const body = trad ? TRAD : SIMP;
      const sentence = trad ? '截至發稿,該微博已有3000條評論。' : '截至发稿，该微博已有3000条评论。';
      const lines = [
        trad ? '特朗普與普京通電話 - 天天要聞' : '特朗普与普京通电话 - 天天要闻',
        trad ? '特朗普與普京通電話' : '特朗普与普京通电话',
        body[0],
        sentence,
        body[1],
        body[2],
      ];
      const k = detectBoilerplate(lines.join('\n')).lineKinds;
      for (const l of [sentence, ...body]) assert.equal(k[lines.indexOf(l)], null, l);
    });
  }
});
