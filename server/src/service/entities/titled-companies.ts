/**
 * A company named by its officer (issue 11, eighth round): in "X + an officer's title + a person" (紫光展锐高级副总裁周晨,
 * 小鹏汽车联合创始人何小鹏, 某某科技的CEO张三) the string X is the organisation the person works for. The triple is
 * evidence enough in one sentence, where the learned contexts of company-contexts.ts need two: a person the
 * recogniser found, an officer's title (a closed class of the guidelines' organisations: companies have 总裁,
 * 董事长, 总经理, CEO, 创始人, states have none of them) right before it, and an unmarked Han string before the title.
 *
 * X is taken back from the title to a clean left edge (punctuation, a function character, another name, the line's
 * start, or a dictionary word that ends there with none running across), two to six characters; it must not be a
 * dictionary word or split wholly into dictionary words (公司, 技术总监's 技术, 消费者业务: generic, not a name), and
 * it must not start or end with a function character, nor follow another name directly (小米集团 + 红米品牌 is a unit
 * of that company). It becomes an ORG (source `article`), so the one-reading-per-
 * name pass marks its other mentions.
 */
import type { EntityMention } from '../types';
import { isHanUnit, unitTable } from './scan';
import { splitsIntoWords } from './words';
import { concatByStart } from './overlaps';
import { articleMarks } from './marks';

/** An officer's title, read backwards from the person: the longest first. */
const ONE_TITLE =
  '(?:高级|资深|执行|常务|首席|全球|中国区|大中华区)?(?:副)?(?:总裁|董事长|总经理|首席执行官|首席技术官|首席财务官|首席运营官|联合创始人|创始人|CEO|COO|CFO|CTO)';
/** One title or two joined by 兼 (创始人兼首席执行官), after an optional 的. */
const TITLE = new RegExp(`(?:的)?(?:${ONE_TITLE}兼)?${ONE_TITLE}$`, 'u');
const FUNCTION = unitTable('你我他她它的了在和与及是为将把被让从到于也都就已曾会要并而但或等由给以使向对说称这那其该每各所个据经');
const TITLE_END = new Set([...'裁长理官人OR']);
const MIN = 2;
const MAX = 6;

/**
 * `isWord(a, len)`: norm[a, a + len) is a dictionary or induced word. Returns the mentions with the companies named by
 * their officers added, sorted by position.
 */
export function markTitledCompanies(
  mentions: EntityMention[],
  text: string,
  norm: string,
  isWord: (a: number, len: number) => boolean,
): EntityMention[] {
  const covered = articleMarks.take(norm.length + 1);
  try {
    for (const m of mentions) covered.fill(1, m.start, m.end);
    const han = (i: number) => i >= 0 && isHanUnit(norm.charCodeAt(i)) && !covered[i];
    const hard = (a: number) => a === 0 || !han(a - 1) || FUNCTION[norm.charCodeAt(a - 1)] === 1;
    // A dictionary word ends at a, and none runs across it (采访|紫光展锐, not 展|锐).
    const soft = (a: number) => {
      let ends = false;
      for (let len = 2; len <= 4 && a - len >= 0; len++) if (isWord(a - len, len)) ends = true;
      if (!ends) return false;
      for (let s = a - 3; s < a; s++) for (let len = a - s + 1; len <= 4; len++) if (s >= 0 && isWord(s, len)) return false;
      return true;
    };
    const found: EntityMention[] = [];
    const seen = new Set<number>();
    for (const p of mentions) {
      // The last character of every title (总裁, CEO, 创始人 …): one test before the regular expression.
      if (p.type !== 'PER' || !TITLE_END.has(norm[p.start - 1])) continue;
      const t = TITLE.exec(norm.slice(Math.max(0, p.start - 12), p.start));
      if (!t) continue;
      const b = p.start - t[0].length;
      if (seen.has(b) || !han(b - 1)) continue;
      let a = b;
      while (a > 0 && b - a < MAX && han(a - 1) && FUNCTION[norm.charCodeAt(a - 1)] !== 1) a--;
      // The longest string with a clean left edge.
      let start = -1;
      // Behind a soft edge a leading dictionary word is the verb before the name (采访|澄光微电), not part of it.
      const leadingWord = (s: number) => {
        for (let len = 2; len <= 4 && s + len <= b - MIN; len++) if (isWord(s, len)) return true;
        return false;
      };
      for (let s = a; s <= b - MIN; s++)
        if (hard(s) || (soft(s) && !leadingWord(s))) {
          start = s;
          break;
        }
      // Right after another name (小米集团 + 红米品牌, 阿里 + 云智能) X is a unit of that organisation, not one of its own.
      if (start < 0 || (start > 0 && covered[start - 1]) || splitsIntoWords(start, b, isWord, b - start)) continue;
      seen.add(b);
      found.push({ start, end: b, type: 'ORG', text: text.slice(start, b), source: 'article', confidence: 0.6 });
    }
    if (!found.length) return mentions;
    return concatByStart(mentions, found);
  } finally {
    articleMarks.give(covered);
  }
}
