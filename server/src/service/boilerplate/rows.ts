/**
 * Link rows: a whole line made of short links. A menu bar flattened onto one line
 * ("首页 组织机构 工作动态 …", "搜狐首页 - 新闻 - 体育 - …", "回首页 | 2005年索引") and a row of bracketed
 * page buttons ("【我来说两句】【打印】【关闭】", "[查看我的博客目录] [加入个人书签]").
 */
import type { BoilerplateKind } from '../types';

/** Separators of a flattened menu: pipes, a dash or dot between spaces, spaces. */
const ROW_SEP = /\s*[|｜│¦]\s*|\s+[-–—·•]\s+|\s+/u;
const PIPED = /[|｜│¦]|\s[-–—·•]\s/u;
/** A site's home link is what makes a short row a menu and not a list of names. */
const HOME = /^.{0,4}(首[頁页]|主[頁页])$/u;
/** Sentence or clause punctuation: a menu item carries none. */
const PUNCT = /[。！？，；,;!?：:「」“”]/u;

const BUTTON = /[【[]\s*([^【】[\]]{1,14}?)\s*[】\]]/gu;
const TOOL = /打印|列印|字[体體號号級级]|收藏|推[荐薦]|分享|[轉转][發发]|[關关]閉|[关]闭|[纠糾揪]错|[纠糾揪]錯|E-?mail|[郵邮]件|[讚赞]/iu;

/** A flattened menu bar: `navigation`, or null. */
function menuRow(text: string): boolean {
  if (text.length > 120 || PUNCT.test(text)) return false;
  const items = text.split(ROW_SEP).filter((s) => s.length > 0);
  if (items.length < 2 || items.some((s) => s.length > 8)) return false;
  const piped = PIPED.test(text);
  if (items.some((s) => HOME.test(s))) return items.length >= 4 || piped;
  // Without a home link only a long piped row: a line of names under a photo is spaced, not piped.
  return piped && items.length >= 8 && items.every((s) => s.length <= 6 && !/\d/u.test(s));
}

/** A row of at least two bracketed buttons with hardly any text outside them. */
function buttonRow(text: string): BoilerplateKind | null {
  if (text.length > 100 || !/[【[]/u.test(text)) return null;
  let count = 0;
  let tools = 0;
  for (const m of text.matchAll(BUTTON)) {
    const item = m[1];
    // `[1] [2]` are references or page numbers, not buttons.
    if (!/\p{Script=Han}.*\p{Script=Han}/u.test(item)) return null;
    count++;
    if (TOOL.test(item)) tools++;
  }
  if (count < 2) return null;
  const outside = text.replace(BUTTON, '').replace(/[\s|｜]/gu, '');
  // `[ 黄宇 ] 来源：[ 国际金融报 ]` is a byline: labelled values, not buttons.
  if (outside.length > 6 || /[：:]/u.test(outside)) return null;
  return tools > 0 ? 'share' : 'navigation';
}

/** Items of a site footer's link row. */
const FOOTER_ITEM =
  /[關关][於于]|About|[隱隐]私|Privacy|服[務务]([協协]議|协议|[條条]款)|使用[條条]款|Terms|招聘|[聯联][絡络系]我[們们]|Contact|[廣广]告服[務务]|[網网]站地[圖图]|[誠诚][徵征]英才|[爆]料|客服/iu;

/** A site footer's piped row ("关于腾讯 | About Tencent | 服务协议 | 隐私政策 | …"), at any length. */
function footerRow(text: string): boolean {
  if (text.length > 160 || !/[|｜│]/u.test(text)) return false;
  const items = text.split(/\s*[|｜│]\s*/u).filter((s) => s.length > 0);
  if (items.length < 3 || items.some((s) => s.length > 16 || PUNCT.test(s))) return false;
  let footer = 0;
  for (const s of items) if (FOOTER_ITEM.test(s)) footer++;
  return footer >= 2;
}

/** The kind of a line that is a row of links, or null. */
export function linkRowKind(text: string): BoilerplateKind | null {
  if (footerRow(text)) return 'footer';
  if (menuRow(text)) return 'navigation';
  return buttonRow(text);
}
