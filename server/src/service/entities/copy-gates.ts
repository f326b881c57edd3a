/**
 * Gates on what article consistency (recognizer.ts `propagate`) may copy (issue 11, eighth round; docs/entities.md
 * "Eighth round: consistency copies"). Copies spread one reading of a string to every place the string stands; a
 * wrong reading, or a right one copied onto a place where the string is part of something else, is multiplied. Each
 * gate is a rule family of its own, so the ablation measures it.
 *
 * - `copySites`: no copy onto an occurrence that lies inside a longer word of the model's dictionaries or a longer
 *   listed name (卫生部 in 卫生部门, 共产党 in 共产党人, 池田大 in 池田大作). Measured on MSRA train read as articles by
 *   taggers that never saw them (scripts/eval/copies.ts --msra): such copies were 0 right of 26. A word that only
 *   crosses an edge (the paragraph layer's `cutsWord` test) is no evidence here: 14 right of 31 (通用银行[的]).
 * - `stemNames` (off as shipped): a company's stem (澄星 of 澄星科技) is copied only when the article names the company
 *   in full twice. On MSRA train read as articles it keeps 10 right stem copies of 12 and drops 21 wrong of 26 (窃电 of
 *   蜘蛛网般的窃电网络 ×16, 七大 of 七大网络, 修箱 of 修箱公司), but by names that is 5 junk business names against 1 or
 *   2 real ones, and a company named once and then by its stem is the issue's own example of unseen news (澄星科技 …
 *   澄星), which 1998 newspaper text hardly has. So it is measured, not shipped.
 * - `seenNames` (off as shipped; recognizer.ts `propagate`): a reading only the tagger gave is not copied when the
 *   tagger saw the string as a name in training: it weighed the string's other places knowing it, and left them
 *   unmarked (海关, 田野, 高潮, 国家银行). On MSRA train read as articles: 2 right and 21 wrong copies go; on the
 *   pages no copied string is a training name; on MSRA test (reported, never chosen on) 6 right copies go and no
 *   wrong one, so it is not shipped.
 */

/** `isWord(a, len)`: a word of the model's dictionaries at norm[a, a+len); `isName(a, len)`: a listed name there. */
export interface SiteLexicon {
  isWord: (a: number, len: number) => boolean;
  isName: (a: number, len: number) => boolean;
}

/** The longest word the dictionaries hold (words.ts MAX_WORD); names are looked at up to this many more characters. */
const MAX_WORD = 4;
const MAX_NAME_EXTRA = 4;

/**
 * Whether norm[a, b) is part of something longer at this place: a dictionary word or listed name that contains it
 * and is longer; with `crossing`, also a word of three or four characters that crosses one of its edges (for
 * measuring: two-character words cross names by accident too often, 省长 in 吉林省长春市, and longer ones did too).
 */
export function insideLonger(norm: string, a: number, b: number, lex: SiteLexicon, crossing = false): boolean {
  const n = norm.length;
  const len = b - a;
  // Longer words and names over the whole span.
  for (let s = Math.max(0, a - MAX_NAME_EXTRA); s <= a; s++)
    for (let e = b; e <= Math.min(n, b + MAX_NAME_EXTRA); e++) {
      const l = e - s;
      if (l <= len) continue;
      if (l <= MAX_WORD && lex.isWord(s, l)) return true;
      if (lex.isName(s, l)) return true;
    }
  if (!crossing) return false;
  // Three- and four-character words across an edge.
  for (let l = 3; l <= MAX_WORD; l++) {
    for (let s = Math.max(0, a - l + 1); s < a; s++) if (s + l > a && s + l < b && lex.isWord(s, l)) return true;
    for (let s = a + 1; s < b; s++) if (s + l > b && s + l <= n && lex.isWord(s, l)) return true;
  }
  return false;
}

/** Whether `name` stands in `norm` once only (the stem gate `stemNames`: a stem lends a company's reading only when the article names the company in full twice). */
export function namedOnce(norm: string, name: string): boolean {
  const first = norm.indexOf(name);
  return first < 0 || norm.indexOf(name, first + name.length) < 0;
}
