import * as assert from 'node:assert/strict';
import { detectBoilerplate } from '../../server/src/service/boilerplate';
import { toTraditional } from '../../server/src/service/convert';
import { removeBlocks } from '../../server/src/service/edits';

/** Pages of our own, each in Simplified and (converted) Traditional: the structure must hold in both scripts. */
const BODY = [
  '世界卫生组织4日表示，多款新冠疫苗已进入三期临床试验，预计最早明年初可以大规模上市供应，各国应提前做好准备。',
  '世卫组织总干事在记者会上说，疫苗的公平分配是当前最重要的问题，富裕国家不应囤积疫苗，发展中国家同样需要得到保护。',
  '专家指出，即便疫苗上市，防疫措施仍不能放松，戴口罩、勤洗手和保持社交距离依然是最有效的办法。',
];
const scripts: [string, (t: string) => string][] = [
  ['Simplified', (t) => t],
  ['Traditional', toTraditional],
];

function page(lines: string[]) {
  return lines.join('\n');
}

function check(name: string, lines: string[], keep: string[], removed: string[] = []) {
  for (const [script, conv] of scripts) {
    it(`${name} (${script})`, () => {
      const text = conv(page(lines));
      const r = detectBoilerplate(text);
      const out = text.split('\n');
      const clean = removeBlocks(
        text,
        r.blocks.filter((b) => b.confident),
      ).split('\n');
      for (const k of keep) {
        const i = out.indexOf(conv(k));
        assert.ok(i >= 0, `${k} not in page`);
        assert.equal(r.lineKinds[i], null, `flagged: ${out[i]}`);
        assert.ok(clean.includes(out[i]), `clean removed: ${out[i]}`);
      }
      // Controls: the page's real boilerplate is still found, so the page is read as a page.
      for (const k of removed) {
        const i = out.indexOf(conv(k));
        assert.ok(r.lineKinds[i], `not flagged: ${out[i]}`);
      }
    });
  }
}

const NAV = ['首页', '新闻', '财经', '体育', '娱乐'];
const TAIL = ['责任编辑：王五', '相关新闻', '疫苗研发取得新进展', '多国启动接种计划', '版权所有 某某网'];

describe('boilerplate: the article structure is never removed', () => {
  check(
    'a headline with an exclamation mark and a colon, a dateline, a source, a reporter/agency byline and a contributors note',
    [
      '重磅！世卫组织：新冠疫苗明年上市_新闻频道_某某网',
      ...NAV,
      '重磅！世卫组织：新冠疫苗明年上市',
      '2020-10-04 20:30',
      '来源：某某网',
      '记者 李四/新华网',
      ...BODY,
      '（实习生张三对此文亦有贡献）',
      ...TAIL,
    ],
    ['重磅！世卫组织：新冠疫苗明年上市', '2020-10-04 20:30', '来源：某某网', '记者 李四/新华网', '（实习生张三对此文亦有贡献）'],
    ['首页', '责任编辑：王五', '疫苗研发取得新进展', '版权所有 某某网'],
  );
  check(
    'a question headline with a quoted phrase, its original-title repeat, a desk byline and a writer byline',
    [
      '为什么年轻人不爱「上班」了？｜天天新闻网',
      '登录',
      '注册',
      '国际',
      '两岸',
      '为什么年轻人不爱「上班」了？',
      '原标题：年轻人为何不想上班',
      '国际中心／综合报导',
      '执笔／王小明',
      '2021年3月5日',
      ...BODY,
      '延伸阅读',
      '更多国际新闻',
    ],
    ['为什么年轻人不爱「上班」了？', '原标题：年轻人为何不想上班', '国际中心／综合报导', '执笔／王小明', '2021年3月5日'],
    ['登录', '延伸阅读'],
  );
  check(
    'a headline under a breadcrumb, with date, source and author on one line',
    [
      '首页 > 国内 > 正文',
      '太突然！官方宣布：明天起全面取消限购',
      '2021-05-06 08:12:33 来源：某某日报 作者：张三',
      ...BODY,
      '分享到：',
      '微信',
      '微博',
      '热门推荐',
      '某地楼市迎来新变化',
    ],
    ['太突然！官方宣布：明天起全面取消限购', '2021-05-06 08:12:33 来源：某某日报 作者：张三'],
    ['分享到：', '热门推荐'],
  );
  check(
    'a reporter credit in brackets and a source line closing the body',
    ['疫苗明年上市 - 某某网', '疫苗明年上市', ...BODY, '（王小明／台中报导）', '（资料来源：参考消息、海外网等）', ...TAIL],
    ['疫苗明年上市', '（王小明／台中报导）', '（资料来源：参考消息、海外网等）'],
    ['责任编辑：王五', '版权所有 某某网'],
  );

  it('a photo credit under the body is still a caption, not a byline', () => {
    const text = page(['疫苗明年上市 - 某某网', '疫苗明年上市', ...BODY, '记者张三摄', ...TAIL]);
    const r = detectBoilerplate(text);
    assert.equal(r.lineKinds[text.split('\n').indexOf('记者张三摄')], 'image-caption');
  });
});

const NOTICE_HEAD = [
  '第五届城市交通论坛会议日程_会议通知_某某学会',
  '首页',
  '学会概况',
  '会议通知',
  '联系我们',
  '第五届城市交通论坛会议日程',
  '发布时间：2022-04-12 来源：学术部',
];
const LEAD = '第五届城市交通论坛将于5月20日在南京举行，本届论坛以“绿色出行与智慧交通”为主题，欢迎各位同仁踊跃参加。';
const CLOSE = '请参会代表提前做好行程安排，如有疑问，请与学会秘书处联系，我们将竭诚为您服务。';
const NOTICE_TAIL = ['相关链接', '上一篇：第四届论坛综述', '下一篇：学会年会通知', '版权所有 某某学会 苏ICP备12345678号'];

/** A table or list between the lead and the closing paragraph of a notice: every row is content. */
function table(name: string, rows: string[]) {
  const controls = ['首页', '上一篇：第四届论坛综述', '版权所有 某某学会 苏ICP备12345678号'];
  check(name, [...NOTICE_HEAD, LEAD, ...rows, CLOSE, ...NOTICE_TAIL], rows, controls);
  // The table may also close the notice, under its lead-in, with nothing after it but the footer.
  if (/[：:]$/u.test(rows[0])) check(`${name}, closing the notice`, [...NOTICE_HEAD, LEAD, ...rows, ...NOTICE_TAIL], rows, controls);
}

describe('boilerplate: tables and lists inside the body are content', () => {
  // Long enough that the rows alone outnumber what a gap in the body may hold.
  const ROOMS = ['报告厅A', '会议室201', '会议室202', '二楼大厅'];
  const NAMES = ['王建国', '李文静', '张海峰', '陈晓燕', '刘志强', '赵丽华', '孙国庆', '周明远', '吴晓东', '郑秀英', '冯家豪', '何雪梅'];
  const MANY = [...NAMES, ...NAMES.map((n) => `${n}等`)];
  const SCHOOLS = ['东南大学', '同济大学', '北京交通大学', '长安大学'];
  const SUBJECTS = ['交通规划原理', '交通工程学', '智能交通系统', '城市轨道交通', '道路勘测设计', '交通运输经济'];
  const hhmm = (m: number) => `${String(8 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  table('a conference programme (time, session, room, chair)', [
    '会议日程安排如下：',
    ...MANY.map((n, k) => `${hhmm(k * 20)}-${hhmm(k * 20 + 20)}  第${k + 1}场报告  ${ROOMS[k % 4]}  主持：${n}`),
  ]);
  table('a course table (code, name, exam subject) under its header row', [
    '课程代码  课程名称  考试科目',
    ...SUBJECTS.concat(SUBJECTS).map((c, k) => `TR${101 + k * 7}  ${c}${k >= 6 ? '（二）' : ''}  ${k % 3 ? '笔试' : '口试'}`),
  ]);
  table(
    'a roster of names and affiliations',
    MANY.map((n, k) => `${n}  ${SCHOOLS[k % 4]}`),
  );
  table('numbered steps under a lead-in', ['报名步骤：', ...NAMES.slice(0, 10).map((n, k) => `${k + 1}. 由${n}确认第${k + 1}项报名材料`)]);
  table(
    'questions and answers',
    SUBJECTS.flatMap((c, k) => [`问：${c}的考试安排在哪一天`, `答：5月${k + 10}日`]),
  );
  table('one list after another', [
    '报名步骤：',
    ...NAMES.slice(0, 6).map((n, k) => `${k + 1}. 由${n}确认第${k + 1}项报名材料`),
    ...SUBJECTS.flatMap((c, k) => [`问：${c}的考试安排在哪一天`, `答：5月${k + 10}日`]),
  ]);

  it('a teaser list under a related heading after the article is still flagged', () => {
    const text = page([
      ...NOTICE_HEAD,
      LEAD,
      CLOSE,
      '相关新闻',
      '1. 第四届论坛综述',
      '2. 学会年会通知',
      '3. 交通规划专委会成立',
      '版权所有 某某学会',
    ]);
    const r = detectBoilerplate(text);
    const lines = text.split('\n');
    for (const t of ['1. 第四届论坛综述', '2. 学会年会通知', '3. 交通规划专委会成立']) assert.ok(r.lineKinds[lines.indexOf(t)], t);
  });
});

describe('boilerplate: phrase rules read the normalised line, written once', () => {
  // The promo rule is written `[註注][冊册].{0,12}[會会]員`: before normalisation 会员 (Simplified) slipped through.
  for (const line of ['注册成为会员', '註冊成為會員', '立即注册成为本站会员', '立即註冊成為本站會員']) {
    it(`${line} is a promo line`, () => {
      const text = ['疫苗明年上市 - 某某网', '疫苗明年上市', ...BODY, line, '版权所有 某某网'].join('\n');
      const r = detectBoilerplate(text);
      assert.equal(r.lineKinds[text.split('\n').indexOf(line)], 'promo');
    });
  }

  it('full-width punctuation in a rule matches its half-width form and back', () => {
    for (const line of ['责任编辑：王五', '责任编辑:王五', '責任編輯：王五', '（责任编辑 王五）']) {
      const text = ['疫苗明年上市 - 某某网', '疫苗明年上市', ...BODY, line].join('\n');
      assert.equal(detectBoilerplate(text).lineKinds[text.split('\n').indexOf(line)], 'editor', line);
    }
  });
});
