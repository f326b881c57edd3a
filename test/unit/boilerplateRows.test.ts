import * as assert from 'node:assert/strict';
import { linkRowKind } from '../../server/src/service/boilerplate/rows';
import type { BoilerplateKind } from '../../server/src/service/types';

describe('boilerplate rows: a whole line of links', () => {
  const table: [string, string, BoilerplateKind | null][] = [
    ['a spaced menu bar with a home link (Simplified)', '首页 组织机构 工作动态 纲要规划 国际项目 理论文摘 为您服务', 'navigation'],
    ['a spaced menu bar with a home link (Traditional)', '首頁 組織機構 工作動態 綱要規劃 國際項目', 'navigation'],
    ['a dashed menu bar', '搜狐首页 - 新闻 - 体育 - 娱乐 - 财经 - IT - 汽车 - 房产 - 女人', 'navigation'],
    ['a short piped row with a home link', '回首页 | 2005年索引', 'navigation'],
    ['a long piped menu without a home link', '新闻 | 体育 | 娱乐 | 财经 | 汽车 | 房产 | 科技 | 教育', 'navigation'],
    ['a row of page buttons (Simplified)', '页面功能 【我来说两句】【我要揪错】【推荐】【字体：大 中 小】【打印】【关闭】', 'share'],
    ['a row of page buttons (Traditional)', '【友善列印】【轉寄好友】【關閉視窗】', 'share'],
    ['a row of bracketed links', '[查看我的博客目录] [加入个人书签]', 'navigation'],
    [
      'a footer link row (Simplified)',
      '关于腾讯 | About Tencent | 服务协议 | 隐私政策 | 开放平台 | 广告服务 | 腾讯招聘 | 客服中心',
      'footer',
    ],
    ['a footer link row (Traditional)', '關於我們 | 隱私權政策 | 服務條款 | 廣告服務 | 誠徵英才', 'footer'],
    // Not rows: article lines that look a little like them.
    ['piped sentences that name the terms', '关于本案 | 法院认为，被告违反服务协议。 | 隐私政策已更新。', null],
    ['names under a photo, spaced (no home link, not piped)', '张三 李四 王五 赵六 钱七 孙八 周九 吴十', null],
    ['a byline with bracketed values', '[ 黄宇 ] 来源：[ 国际金融报 ]', null],
    ['a headline with bracketed labels', '【独家】【视频】特朗普与普京通电话讨论俄乌冲突', null],
    ['reference numbers', '[1] [2] [3]', null],
    ['a sentence that names the home page', '首页上线后，访问量一周内增加了三成。', null],
    ['a subheading', '大会主报告', null],
  ];
  for (const [name, text, kind] of table) {
    it(`${kind ?? 'leaves alone'}: ${name}`, () => assert.equal(linkRowKind(text), kind));
  }
});
