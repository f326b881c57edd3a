/**
 * The article's own structure, found before anything is removed: the headline and its 原标题 repeat,
 * the dateline, source and byline lines, and the tables and lists inside the body (schedules,
 * programmes, rosters, course tables, numbered steps, Q&A). "Remove all" and `clean` never delete
 * these; at most they are shown as "possibly boilerplate".
 *
 * Patterns are written once, in Simplified and half-width, and read the normalised line
 * (normalize.ts: Traditional becomes Simplified, full-width ASCII half-width, same length).
 */
import type { LineInfo } from './lines';
import { ARTICLE_META, type PhraseHit } from './phrases';

/**
 * Bylines and credits the metadata pattern does not know: `执笔/王小明`, `国际中心/综合报导`,
 * `记者 李四/新华网`, `(实习生张三对此文亦有贡献)`, `(王煌忠/台中报导)`, `本报记者 张三 通讯员 李四`.
 */
const BYLINE = new RegExp(
  [
    // A role and a name: 执笔/王小明, 采写：张三, 文 | 李四, 口述 王五
    String.raw`^(本报|本刊|本台|本网)?(执笔|撰文|撰稿|采写|采访|整理|编译|口述|主笔|特约撰稿人?|特约记者|实习记者|实习生|见习记者|记者|通讯员|特派员|文|图文)\s*[/|:]?\s*[\p{Script=Han}·]{2,8}(\s*[/|]\s*\S{2,12})?(\s+(记者|通讯员|实习生)\s*[\p{Script=Han}·]{2,4})*$`,
    // A desk and how it was written: 国际中心/综合报导, 编译组/外电报道
    String.raw`^\S{2,10}\s*/\s*(综合|外电|编译|连线|专题)?(报导|报道)$`,
    // A reporter credit in brackets: (王煌忠/台中报导), (记者张三/北京报道)
    String.raw`^\(\s*(记者)?\s*[\p{Script=Han}·]{2,8}\s*/\s*\S{2,10}(综合|外电)?(报导|报道)\s*\)$`,
    // A source line: (资料来源：参考消息、海外网等), 消息来源|新华社
    String.raw`^\(?\s*(资料|消息|新闻|信息|稿件|文章|本文|图文|内容)来源\s*[:|/]`,
    // A contributors' note: (实习生张三对此文亦有贡献)
    String.raw`^\(.{2,30}(对此文|对本文|对此稿|对此报道|对本报道)(亦|也)?有(贡献|帮助)\)$`,
  ].join('|'),
  'u',
);

/** A photo credit (记者张三摄) is a caption, not a byline. */
const PHOTO = /摄$|摄影$|[/(]图$|图\)$/u;

/** The original headline repeated under the headline: 原标题：…, (原题为《…》). */
const ORIGINAL_TITLE = /^[([【]?\s*(本文)?原(标)?题(为|是)?\s*[:：《]/u;

/** A label without its value (来源：): the value, if any, is on another line. */
const BARE_LABEL = /^[^:]{1,6}:$/u;

/** A dateline, source, byline or original-title line, by its wording. */
export function isStructureLine(x: LineInfo, norm: string): boolean {
  if (x.blank || x.len > 80 || BARE_LABEL.test(norm)) return false;
  if (ORIGINAL_TITLE.test(norm)) return true;
  if (BYLINE.test(norm) && !PHOTO.test(norm)) return true;
  return ARTICLE_META.test(x.text) && !PHOTO.test(norm);
}

/** Phrase kinds that are evidence enough to remove a line even in the article's structure. */
const STRONG = new Set(['editor', 'copyright', 'promo', 'share', 'comments', 'footer', 'image-caption']);

export interface StructureInput {
  infos: LineInfo[];
  norms: string[];
  phrases: (PhraseHit | null)[];
  headline: number | undefined;
  body: { start: number; end: number } | null;
  /** `shape` of line i, when the caller remembers it per line (an editor's document, from version to version). */
  shapeOf?: (i: number) => string;
}

/** Non-blank lines after the body within which its closing source and byline lines are looked for
 * (up to the first section heading: 相关新闻, 评论). */
export const CLOSING_SPAN = 20;
/** Without a body: non-blank lines under the headline within which the dateline and byline are looked for. */
const OPENING_SPAN = 12;

/**
 * Lines that are the article's structure: the headline, and the dateline, source and byline lines
 * between the headline and the body, inside the body, and just after it.
 */
export function structureLines(s: StructureInput): Set<number> {
  const { infos, norms, phrases, headline, body } = s;
  const out = new Set<number>();
  if (headline !== undefined) out.add(headline);
  const consider = (i: number, closing = false) => {
    const p = phrases[i];
    if (p && STRONG.has(p.kind)) return;
    // After the body a bare timestamp is more often a comment's than the article's.
    if (closing && !/\p{Script=Han}{2}/u.test(norms[i])) return;
    if (isStructureLine(infos[i], norms[i])) out.add(i);
  };
  const from = headline ?? (body ? body.start : infos.length);
  let seen = 0;
  // Between the headline and the end of the body; without a body, just under the headline.
  for (let i = from + 1; i < infos.length && (body ? i <= body.end : seen < OPENING_SPAN); i++) {
    if (infos[i].blank) continue;
    seen++;
    consider(i);
  }
  if (body) {
    seen = 0;
    for (let i = body.end + 1; i < infos.length && seen < CLOSING_SPAN; i++) {
      if (infos[i].blank) continue;
      if (phrases[i]?.heading) break;
      seen++;
      consider(i, true);
    }
  }
  return out;
}

/** A numbered or bulleted item, a Q or an A, a time, a code: the marks that make a line a row. */
const ROW_MARK =
  /^([(]?[一二三四五六七八九十\d]{1,3}[)、.]|第[一二三四五六七八九十\d]{1,3}[步条章节课天日场轮组]|[•·●■◆▪★☆▶►-]\s*|[问答]\s*[:：]|[QA]\s*[:：.]|[A-Z]{0,4}\d{2,}[\s\-:]|\d{1,2}[:：]\d{2})|\d{1,2}[:：]\d{2}\s*[-–—~至到]\s*\d{1,2}[:：]\d{2}|\d{1,2}月\d{1,2}日/u;

/** Link-list signals: a line ending in a count, a date stamp after a title, 更多 and >>. */
const LINK_SIGNAL = /(\(\d+\)|\[\d{1,2}-\d{1,2}\]|\d{1,2}-\d{1,2}$|更多|>>|»)/u;

/** The shape of a row, coarse enough that rows of one table share it. */
export function shape(x: LineInfo, norm: string): string {
  const fields = norm.split(/\s{2,}|\t|\s*\|\s*/u).filter((f) => f.length > 0).length;
  const mark = ROW_MARK.exec(norm);
  const lead = mark
    ? /\d{1,2}:\d{2}/u.test(mark[0])
      ? 'T'
      : /^[问答QA]/u.test(mark[0])
        ? 'Q'
        : /\d|[一二三四五六七八九十]/u.test(mark[0])
          ? 'N'
          : 'B'
    : '-';
  return `${lead}${Math.min(fields, 6)}`;
}

/**
 * What structureLines and bodyTables read of a line's normalised text besides its measures, phrase, `isStructureLine`
 * and `shape` (detect.ts compares it before and after an edit to a line).
 */
export function normFacts(norm: string): string {
  const fields = norm.split(/\s{2,}|\t|\s*\|\s*/u).filter((f) => f.length > 0).length;
  return `${LINK_SIGNAL.test(norm) ? 1 : 0}${/[:：]$/u.test(norm) ? 1 : 0}${/\p{Script=Han}{2}/u.test(norm) ? 1 : 0}${fields}`;
}

/** A paragraph that goes on with the article: long, closed like a sentence, no boilerplate wording. */
const goesOn = (s: StructureInput, k: number) => {
  const x = s.infos[k];
  return x.prose && x.endsSentence && x.len >= 30 && !s.phrases[k];
};

/** Non-blank lines after the body's end within which the article may still go on after a table. */
const TABLE_REACH = 60;

/**
 * The last line of the article region: the body's end, or a later paragraph that goes on with the
 * article, reached without crossing a section marker (相关新闻, 评论, 版权) and within TABLE_REACH lines.
 */
function regionEnd(s: StructureInput, isMarker: (i: number) => boolean): number {
  const { infos, body } = s;
  if (!body) return -1;
  let end = body.end;
  let seen = 0;
  for (let k = body.end + 1; k < infos.length && seen < TABLE_REACH; k++) {
    if (infos[k].blank) continue;
    if (isMarker(k) || s.phrases[k]?.heading) break;
    seen++;
    if (goesOn(s, k)) end = k;
  }
  return end;
}

/**
 * Tables and lists of the article: runs of >= 3 rows that repeat one shape (a numbered item, a time,
 * a Q or an A, or the same number of spaced fields) and carry no link-list signal, inside the article
 * region (from the body's start to the last paragraph that goes on with it). A lead-in ending in ：
 * and a header row right above a run are the table's too. Returns their lines.
 */
export function bodyTables(s: StructureInput, isMarker: (i: number) => boolean): Set<number> {
  const { infos, norms, phrases, body } = s;
  const out = new Set<number>();
  if (!body) return out;
  const shapeOf = s.shapeOf ?? ((i: number) => shape(infos[i], norms[i]));
  const end = regionEnd(s, isMarker);
  const rowLike = (i: number) => {
    const x = infos[i];
    // A row is short; a long paragraph is text, whatever dates or numbers it holds.
    if (x.blank || x.len > 120 || x.len < 2 || (x.prose && x.len >= 60)) return false;
    return !phrases[i] && !LINK_SIGNAL.test(norms[i]);
  };
  const fields = (t: string) => t.split(/\s{2,}|\t|\s*\|\s*/u).filter((f) => f.length > 0).length;
  const above = (k: number) => {
    for (k--; k >= 0 && infos[k].blank; k--);
    return k;
  };
  let i = body.start;
  while (i < infos.length) {
    if (infos[i].blank) {
      i++;
      continue;
    }
    // Past the region, a run is placed only under a lead-in whose line above is in it or right after a table of it:
    // once the line above this one is in no table and the line above that is past the region, no run from here on
    // can be (the lines above a later run are this one or later, and every table found so far lies above this one),
    // so the rest of the page (most of a long page's furniture) is not read.
    if (i > end) {
      const k = above(i);
      if (!out.has(k) && above(k) > end) break;
    }
    if (!rowLike(i)) {
      i++;
      continue;
    }
    // A run of row-like lines with one shape; blank lines between rows allowed.
    const sh = shapeOf(i);
    const rows: number[] = [i];
    let j = i + 1;
    for (; j < infos.length; j++) {
      if (infos[j].blank) continue;
      if (!rowLike(j) || shapeOf(j) !== sh) break;
      rows.push(j);
    }
    const marked = sh[0] !== '-' || Number(sh.slice(1)) >= 2;
    const k = above(rows[0]);
    // The lead-in (报名步骤：) or the header row (课程代码  课程名称) right above the rows.
    const lead =
      k >= body.start &&
      !phrases[k] &&
      infos[k].len <= 60 &&
      (/[:：]$/u.test(norms[k]) || (fields(norms[k]) >= 2 && fields(norms[k]) === fields(norms[rows[0]])));
    // Inside the article region, or under a lead-in inside it, or right after another table of it.
    const placed = rows[rows.length - 1] <= end || (lead && above(k) <= end) || out.has(k);
    if (rows.length >= 3 && marked && placed) {
      for (const r of rows) out.add(r);
      if (lead) out.add(k);
    }
    i = rows.length >= 3 || !marked ? j : i + 1;
  }
  return out;
}
