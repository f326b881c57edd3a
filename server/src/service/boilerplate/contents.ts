/**
 * A table of contents: a `目录` / `目錄` / `Contents` heading over a run of numbered section titles
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
