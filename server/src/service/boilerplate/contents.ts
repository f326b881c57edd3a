/**
 * Encyclopedia-page apparatus. A table of contents: a `目录` / `目錄` / `Contents` heading over a run of numbered section titles
 * (`1 简介`, `2.1 个人生活`). The titles stand again as headings in the text, so the table is the page's
 * navigation. Only the run right under the heading counts: `1 引言` alone is a paper's own heading.
 */
import type { LineInfo } from './lines';

const HEADING = /^[\s[【]*(目[录錄]|內容目[录錄]|内容目[录錄]|Contents|Table of Contents)[\s\]】]*(\[[隐隱]藏\]|\[hide\])?$/iu;
const ENTRY = /^\d{1,2}(\.\d{1,2}){0,3}\.?\s+\S/u;
/** Entries a table needs: fewer is a list in the text. */
const MIN_ENTRIES = 3;

/** Lines of tables of contents (heading and entries), in order. Linear. */
export function tableOfContents(infos: LineInfo[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < infos.length; i++) {
    const x = infos[i];
    if (x.blank || x.len > 24 || !HEADING.test(x.text)) continue;
    const run: number[] = [];
    let j = i + 1;
    for (; j < infos.length; j++) {
      const y = infos[j];
      if (y.blank) continue;
      if (y.len > 40 || y.prose || !ENTRY.test(y.text)) break;
      run.push(j);
    }
    if (run.length >= MIN_ENTRIES) out.push(i, ...run);
    i = j - 1;
  }
  return out;
}

/** A section heading carrying its edit link ("简介[编辑]", "Early life[edit]"). */
const EDIT_LINK = /^\S.{0,30}[[［]\s*(编辑|編輯|编辑源代码|編輯原始碼|edit|edit source)\s*[\]］]$/iu;

/**
 * Section headings with an edit link. Most of such a line is the link, but the rest is the article's
 * heading: these are flagged `confident: false` only, never removed by "remove all".
 */
export function editLinkHeadings(infos: LineInfo[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < infos.length; i++) if (!infos[i].blank && infos[i].len <= 40 && EDIT_LINK.test(infos[i].text)) out.push(i);
  return out;
}

/** A wiki reference: a back-link caret, then the citation ("^ 金鍾國台灣之家. [2017-04-13]."). */
const CARET_REF = /^\^\s+\S/u;

/**
 * Runs of >= 2 caret references: the page's citation list. A paper's own reference list ([1] …) is
 * the article's closing; the caret form is a wiki's rendering of its footnotes, kept out of
 * "remove all" all the same (`confident: false`).
 */
export function caretReferences(infos: LineInfo[]): number[] {
  const out: number[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 2) out.push(...run);
    run = [];
  };
  for (let i = 0; i < infos.length; i++) {
    if (infos[i].blank) continue;
    if (CARET_REF.test(infos[i].text)) run.push(i);
    else flush();
  }
  flush();
  return out;
}

/** What the passes above read of a line's text besides its measures (detect.ts compares it before and after an edit). */
export function contentsFacts(text: string): string {
  return `${HEADING.test(text) ? 1 : 0}${ENTRY.test(text) ? 1 : 0}${EDIT_LINK.test(text) ? 1 : 0}${CARET_REF.test(text) ? 1 : 0}`;
}
