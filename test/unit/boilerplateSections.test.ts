import * as assert from 'node:assert/strict';
import { detectBoilerplate } from '../../server/src/service/boilerplate';
import { ARTICLE_SIMP, ARTICLE_TRAD } from './helpers';

// Paragraphs of a Traditional and a Simplified article, and their shared page frame.
const TRAD = ARTICLE_TRAD;
const SIMP = ARTICLE_SIMP;
const MORE_TRAD = [
  '白宮和五角大樓沒有透露暫停向烏克蘭交付的武器種類和數量,一些美國和烏克蘭高級官員稱,暫停交付的武器包括導彈。',
  '然而,這一決定令烏克蘭措手不及,烏克蘭外交部2日宣布召見美國駐烏克蘭大使館的高級外交官,討論軍事援助。',
  '澤連斯基此前表示,他有意斥資150億美元購買10套反導系統,以防禦俄羅斯無人機和導彈,特朗普則回應說會考慮。',
];
const MORE_SIMP = [
  '白宫和五角大楼没有透露暂停向乌克兰交付的武器种类和数量，一些美国和乌克兰高级官员称，暂停交付的武器包括导弹。',
  '然而，这一决定令乌克兰措手不及，乌克兰外交部2日宣布召见美国驻乌克兰大使馆的高级外交官，讨论军事援助。',
  '泽连斯基此前表示，他有意斥资150亿美元购买10套反导系统，以防御俄罗斯无人机和导弹，特朗普则回应说会考虑。',
];

function page(trad: boolean, tail: string[], body?: string[]) {
  const head = trad ? '特朗普與普京通電話' : '特朗普与普京通电话';
  const lines = [`${head} - 天天要聞`, trad ? '首頁' : '首页', head, '2025年07月04日09:50:21', ...(body ?? (trad ? TRAD : SIMP)), ...tail];
  return { lines, kinds: detectBoilerplate(lines.join('\n')).lineKinds, at: (s: string) => lines.indexOf(s) };
}

describe('boilerplate sections: the article goes on after a longer teaser box', () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`keeps the paragraphs after a heading and eight teaser titles (${script})`, () => {
      const box = trad
        ? [
            '推薦閱讀',
            '股市展望系列沙龍',
            '十大扎眼經理人',
            '聚焦全國經濟普查',
            '股指跌出五年新低',
            '股市的悲歡離合',
            '金龍魚進入黑名單',
            '颱風外圍環流影響',
            '日本警察捉賊被偷家',
          ]
        : [
            '推荐阅读',
            '股市展望系列沙龙',
            '十大扎眼经理人',
            '聚焦全国经济普查',
            '股指跌出五年新低',
            '股市的悲欢离合',
            '金龙鱼进入黑名单',
            '台风外围环流影响',
            '日本警察捉贼被偷家',
          ];
      const more = trad ? MORE_TRAD : MORE_SIMP;
      const p = page(trad, [...box, ...more]);
      assert.equal(p.kinds[p.at(box[0])], 'related');
      assert.equal(p.kinds[p.at(box[4])], 'related');
      for (const l of more) assert.equal(p.kinds[p.at(l)], null, l);
    });

    it(`still flags comments after a teaser box as comments, not as the article (${script})`, () => {
      const tail = trad
        ? ['相關新聞', '日本警察捉賊被偷家', '網友評論', ...MORE_TRAD]
        : ['相关新闻', '日本警察捉贼被偷家', '网友评论', ...MORE_SIMP];
      const p = page(trad, tail);
      for (const l of tail.slice(3)) assert.equal(p.kinds[p.at(l)], 'comments', l);
    });
  }
});

describe('boilerplate sections: a reference list closes the article', () => {
  const refs: [string, string[]][] = [
    [
      'Simplified',
      [
        '参考文献',
        '[1]',
        '章炳林. C2C电子商务的物流配送问题研究[D]. 合肥: 合肥工业大学, 2008.',
        '[2]',
        '周仕仁. 电子商务下的物流配送模式研究[J]. 物流科技, 2011(11): 56-58.',
      ],
    ],
    [
      'Traditional',
      ['參考文獻', '[1] 陳明. 電子商務物流研究[J]. 物流科技, 2011(11): 56-58.', '[2] 林芳. 現代物流管理[M]. 臺北: 三民書局, 2009.'],
    ],
  ];
  for (const [script, list] of refs) {
    it(`keeps the heading and every entry, then flags the footer (${script})`, () => {
      const p = page(script === 'Traditional', [...list, '關於我們', 'Copyright © 2022 Hans Publishers Inc.']);
      for (const l of list) assert.equal(p.kinds[p.at(l)], null, l);
      assert.equal(p.kinds[p.at('關於我們')], 'footer');
      assert.equal(p.kinds[p.at('Copyright © 2022 Hans Publishers Inc.')], 'copyright');
    });
  }

  it('does not take a bracketed number far below the body for a reference', () => {
    const p = page(false, ['相关新闻', '冷空气来袭', '[1]', '台风外围环流影响']);
    assert.equal(p.kinds[p.at('[1]')], 'related');
  });
});

describe('boilerplate sections: a site menu after a teaser list is navigation', () => {
  const cases: [string, boolean, string[], string[]][] = [
    [
      'Traditional',
      true,
      ['推薦新聞', '港男殺人動機曝光 女友懷孕竟是前男友的', '人夫突中風 妻查財產驚見他花千萬養小三'],
      ['台灣', '香港', '北美', '即時新聞', '今日蘋果', '動新聞', '2020總統大選', '搶救台灣豬大作戰', '蘋果慈善基金會', '評論', '體育'],
    ],
    [
      'Simplified',
      false,
      ['相关新闻', '港男杀人动机曝光 女友怀孕竟是前男友的', '人夫突中风 妻查财产惊见他花千万养小三'],
      ['首页', '新闻', '体育', '财经', '娱乐', '评论', '科技', '汽车频道大全', '房产家居频道'],
    ],
  ];
  for (const [script, trad, list, menu] of cases) {
    it(`names the menu words and longer channel names after the teasers navigation (${script})`, () => {
      const p = page(trad, [...list, ...menu]);
      for (const l of list) assert.equal(p.kinds[p.at(l)], 'related', l);
      for (const l of menu) assert.equal(p.kinds[p.at(l)], 'navigation', l);
    });
  }

  it('keeps a wall of topic tags right under a related heading related', () => {
    const tags = ['熱門關鍵字', '隋棠', '曾莞婷', '王令麟', '新垣結衣', '膝蓋痛'];
    const p = page(true, ['相關新聞', ...tags.slice(1)]);
    for (const l of tags.slice(1)) assert.equal(p.kinds[p.at(l)], 'related', l);
  });

  it('keeps the furniture of a comment box (表情, 登录|注册, 发布) comments', () => {
    const box = [
      '258条评论|20,536人参与网友评论',
      '表情',
      '登录|注册',
      '|退出',
      '发布',
      '最热评论 刷新',
      '用户6526883263山东青岛',
      '恐怖疯子，终身监禁',
    ];
    const p = page(false, ['相关新闻', '港男杀人动机曝光 女友怀孕竟是前男友的', ...box]);
    for (const l of box) assert.equal(p.kinds[p.at(l)], 'comments', l);
  });

  it('still takes 热新闻 over its tabs as a heading', () => {
    const p = page(false, ['网友评论', '说你什么好呢', '发表', '热新闻', '一天', '三天', '一周', '港男杀人动机曝光 女友怀孕竟是前男友的']);
    assert.equal(p.kinds[p.at('热新闻')], 'related');
    assert.equal(p.kinds[p.at('港男杀人动机曝光 女友怀孕竟是前男友的')], 'related');
  });
});

describe("boilerplate sections: the kind follows the line's own wording", () => {
  const table: [string, string, string[]][] = [
    [
      'footer',
      'Traditional',
      [
        '關於ETtoday |',
        '聯絡信箱',
        '爆料專線：+886-2-2789-3855',
        '地址：台北市內湖區康寧路',
        '電話：02-5555-6366',
        '刊登網站廣告',
        '誠徵英才',
      ],
    ],
    [
      'footer',
      'Simplified',
      ['关于我们 |', '联系邮箱', '广告服务', '投资者关系 Investor Relations', '地址：北京市海淀区', '电话：010-62675637'],
    ],
    ['share', 'Traditional', ['【字體：大 中 小】', '小字號']],
    ['share', 'Simplified', ['【字体：大 中 小】', '大字号']],
    ['promo', 'Traditional', ['訂閱', '+ 追蹤']],
    ['promo', 'Simplified', ['关注', '订阅', '扫码阅读全文']],
    ['footer', 'Simplified', ['网站备案号：京ICP备08006613号']],
    ['navigation', 'Traditional', ['回到最上面']],
    ['navigation', 'Simplified', ['回到最上方']],
  ];
  for (const [kind, script, lines] of table) {
    it(`names ${lines.join(' / ')} ${kind} (${script})`, () => {
      const p = page(script === 'Traditional', ['相關新聞', '日本警察捉賊被偷家', ...lines]);
      for (const l of lines) assert.equal(p.kinds[p.at(l)], kind, l);
    });
  }

  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`names a share button under a teaser list share, and one in a comment thread comments (${script})`, () => {
      const share = trad ? '分享' : '转发';
      const p = page(trad, [
        trad ? '相關新聞' : '相关新闻',
        '日本警察捉賊被偷家',
        share,
        trad ? '網友評論' : '网友评论',
        '說得好',
        trad ? '讚 12' : '赞 12',
      ]);
      assert.equal(p.kinds[p.at(share)], 'share');
      assert.equal(p.kinds[p.at(trad ? '讚 12' : '赞 12')], 'comments');
    });

    it(`names a pager inside a comment thread navigation (${script})`, () => {
      const pager = trad ? ['上一頁', '1', '2', '3', '下一頁'] : ['上一页', '1', '2', '下一页'];
      const p = page(trad, [trad ? '網友評論' : '网友评论', '說得好', ...pager]);
      assert.equal(p.kinds[p.at('說得好')], 'comments');
      for (const l of pager) assert.equal(p.kinds[p.at(l)], 'navigation', l);
    });

    it(`names an app or ad tab inside a menu navigation (${script})`, () => {
      const menu = trad
        ? ['即時', '要聞', '社會', '地方', 'App', '電子報', '分類廣告']
        : ['即时', '要闻', '社会', '地方', 'App', '电子报', '分类广告'];
      const p = page(trad, menu);
      for (const l of menu) assert.equal(p.kinds[p.at(l)], 'navigation', l);
    });
  }

  it('keeps an address or a phone number inside the article body', () => {
    const body = [...SIMP.slice(0, 2), '地址：北京市海淀区中关村大街1号', '电话：010-62675637', SIMP[2]];
    const p = page(false, [], body);
    assert.equal(p.kinds[p.at('地址：北京市海淀区中关村大街1号')], null);
    assert.equal(p.kinds[p.at('电话：010-62675637')], null);
  });
});

describe('boilerplate sections: boxes between the headline and the body', () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`reads a heading written one character per line and flags its list, never confidently (${script})`, () => {
      const vertical = trad ? ['今', '日', '推', '薦'] : ['今', '日', '推', '荐'];
      const list = trad
        ? ['吳君如早產誕下女嬰 肥嘟嘟像陳可辛', '陳慧琳戴千萬鑽飾變身幸福公主']
        : ['吴君如早产诞下女婴 肥嘟嘟像陈可辛', '陈慧琳戴千万钻饰变身幸福公主'];
      const p = page(trad, [], [...vertical, ...list, ...(trad ? TRAD : SIMP)]);
      const r = detectBoilerplate(p.lines.join('\n'));
      for (const l of vertical) assert.equal(r.lineKinds[p.lines.indexOf(l)], 'related', l);
      for (const l of list) assert.equal(r.lineKinds[p.at(l)], 'related', l);
      for (const b of r.blocks) if (b.startLine <= p.at(list[0]) && b.endLine >= p.at(list[0])) assert.equal(b.confident, false);
      for (const l of trad ? TRAD : SIMP) assert.equal(r.lineKinds[p.at(l)], null, l);
    });

    it(`flags an ad-slot label between two paragraphs as promo (${script})`, () => {
      const body = trad ? [TRAD[0], '廣告', TRAD[1], TRAD[2]] : [SIMP[0], '广告', SIMP[1], SIMP[2]];
      const p = page(trad, [], body);
      assert.equal(p.kinds[p.at(body[1])], 'promo');
      for (const l of [body[0], body[2], body[3]]) assert.equal(p.kinds[p.at(l)], null, l);
    });
  }

  it('leaves single characters that do not spell a heading alone', () => {
    const p = page(false, [], ['一', '日', ...SIMP]);
    assert.equal(p.kinds[p.lines.indexOf('一')], null);
  });
});

describe('boilerplate sections: a notice signs off with the issuer over the date', () => {
  for (const [script, trad, sign] of [
    ['Traditional', true, ['特此公告。', '臺北市政府', '2022年1月27日']],
    ['Simplified', false, ['特此通告。', '吉林省人民政府', '2022年1月27日']],
  ] as [string, boolean, string[]][]) {
    it(`keeps the issuer and the date, then flags the page debris (${script})`, () => {
      const p = page(trad, [...sign, trad ? '分享到：' : '分享到：', trad ? '關於我們' : '关于我们']);
      for (const l of sign) assert.equal(p.kinds[p.at(l)], null, l);
      assert.equal(p.kinds[p.at(trad ? '關於我們' : '关于我们')], 'footer');
    });
  }

  it('still flags a short line after the body when no date follows it', () => {
    const p = page(false, ['特此通告。', '吉林省人民政府', '首页', '新闻', '体育', '财经']);
    assert.equal(p.kinds[p.at('吉林省人民政府')] !== null, true);
  });
});

// Speed is measured by `npm run bench` (per unlabelled page, and this synthetic worst case), not asserted here.
describe('boilerplate sections: a 400 KB page of menu words and single characters', () => {
  const menuPage = (lines: number) =>
    Array.from({ length: lines }, (_, i) => ['首頁', '新聞', '評論', '上一頁', '1', '今', '推', '薦', SIMP[0]][i % 9]).join('\n');

  it('is analysed whole, one kind or null per line', () => {
    const page = menuPage(14000);
    assert.ok(Buffer.byteLength(page) > 400_000);
    const result = detectBoilerplate(page);
    assert.equal(result.lineKinds.length, 14000);
    assert.ok(result.lineKinds.filter((k) => k !== null).length > 7000, 'the menu words are flagged');
  });
});

describe('boilerplate sections: ad and shop boxes', () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`names a shop box and the items under it promo, and a paywall call promo (${script})`, () => {
      const box = trad ? ['商品推薦', '日本製保溫杯 限時特價'] : ['商品推荐', '日本制保温杯 限时特价'];
      const wall = trad ? '請註冊《好蘋友》壹會員，現在完全免費！' : '请注册会员，现在完全免费！';
      const p = page(trad, [trad ? '相關新聞' : '相关新闻', '日本警察捉賊被偷家', ...box, wall]);
      for (const l of box) assert.equal(p.kinds[p.at(l)], 'promo', l);
      assert.equal(p.kinds[p.at(wall)], 'promo');
    });
  }
});

describe('boilerplate sections: tag lists and back-to-top links', () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`names a tag label and the tags under it navigation (${script})`, () => {
      const tags = trad ? ['關鍵字：', '香港', '逃犯條例'] : ['关键字 :', '香港', '逃犯条例'];
      const p = page(trad, [trad ? '相關新聞' : '相关新闻', '日本警察捉賊被偷家', ...tags]);
      for (const l of tags) assert.equal(p.kinds[p.at(l)], 'navigation', l);
    });

    it(`names a back-to-top link in the footer navigation (${script})`, () => {
      const top = trad ? '回到最上面' : '返回顶部';
      const p = page(trad, [trad ? '關於我們' : '关于我们', trad ? '隱私權政策' : '隐私政策', top]);
      assert.equal(p.kinds[p.at(top)], 'navigation');
      assert.equal(p.kinds[p.at(trad ? '隱私權政策' : '隐私政策')], 'footer');
    });
  }
});

describe('boilerplate sections: teaser titles after a copyright notice', () => {
  for (const trad of [true, false]) {
    const script = trad ? 'Traditional' : 'Simplified';
    it(`names teaser titles after the notice related and the company line footer (${script})`, () => {
      const notice = trad ? '本文僅代表作者個人觀點。' : '本文仅代表作者个人观点。';
      const teasers = trad
        ? ['中國發展高層論壇閉幕，基辛格發來視頻致辭', '外交部：美方對在美中國學生學者的監控不道德']
        : ['中国发展高层论坛闭幕，基辛格发来视频致辞', '外交部：美方对在美中国学生学者的监控不道德'];
      const company = trad ? '東森新媒體控股股份有限公司' : '北京观察者网络科技有限公司';
      const p = page(trad, [notice, ...teasers, company]);
      assert.equal(p.kinds[p.at(notice)], 'copyright');
      for (const l of teasers) assert.equal(p.kinds[p.at(l)], 'related', l);
      assert.equal(p.kinds[p.at(company)], 'footer');
    });
  }
});

describe('boilerplate sections: a label and its value on two lines', () => {
  for (const [script, trad, label, name] of [
    ['Traditional', true, '責任編輯:', '小婷'],
    ['Simplified', false, '责任编辑：', '小婷'],
  ] as [string, boolean, string, string][]) {
    it(`names the editor's name under the label editor (${script})`, () => {
      const p = page(trad, [label, name, trad ? '相關新聞' : '相关新闻']);
      assert.equal(p.kinds[p.at(label)], 'editor');
      assert.equal(p.kinds[p.at(name)], 'editor');
    });
  }
});
