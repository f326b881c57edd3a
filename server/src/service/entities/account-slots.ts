/**
 * Publishing accounts (issue 11; GOLD-NOTES-2: an account's name in the page's meta slot is MEDIA, as 扬眼 and
 * 爱否科技). News platforms print the account that published the article on a line of its own, next to a follow
 * button (关注), its WeChat id (微信号) or the publication time: 澄湖发布 / 关注, 澄湖人文 2020-03-09 18:14. Such a
 * line, when it is a name and no common word of the dictionary (分享 / 关注 is a button row), names an outlet.
 * The tagger's person reading wins (a reporter's own account under their name).
 */
import type { EntityMention } from '../types';
import { OverlapIndex } from './overlaps';

/** A line that is only a name (Han, Latin or both: 未闻Code), and optionally a timestamp after it. */
const ACCOUNT_LINE =
  /^(\p{Script=Han}[\p{Script=Han}A-Za-z]{1,11}|[A-Za-z][\p{Script=Han}A-Za-z]{3,11})(?:[ \t]+[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[ \t]+[0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?)?[ \t]*$/u;
/** A meta line with the time first and the account after it, marked as its compilation (an author's name stands there unmarked). */
const TIME_FIRST =
  /^[ \t]*[0-9]{4}-[0-9]{2}-[0-9]{2}[ \t]+[0-9]{2}:[0-9]{2}(?::[0-9]{2})?[ \t]+(\p{Script=Han}[\p{Script=Han}A-Za-z]{1,11}|[A-Za-z][\p{Script=Han}A-Za-z]{3,11})((?:\[|【)(?:整理|编译|原创|综合)(?:\]|】))[ \t]*$/u;
/** The next line of an account card: a follow button, the WeChat id, or the time the account published (发布时间：10-08 12:00). */
const CARD_NEXT = /^[ \t]*(?:\+?[ \t]*(?:关注|微信号)[ \t]*$|发布时间[:：])/u;

/**
 * `re` (a pattern of a whole line, `^…$`) read sticky at a line's start in the whole text: the same match as on the
 * line alone, as no part of it can cross a line break (it ends where the line does: before a \n or at the end).
 */
function atLineStart(re: RegExp): RegExp {
  if (!re.source.startsWith('^') || !re.source.endsWith('$')) throw new Error(`not a whole-line pattern: ${re.source}`);
  return new RegExp(`${re.source.slice(1, -1)}(?=\\n|$)`, 'uy');
}
const ACCOUNT_LINE_AT = atLineStart(ACCOUNT_LINE);
const TIME_FIRST_AT = atLineStart(TIME_FIRST);

/** TIME_FIRST can match at `at` only where the line starts with a space, a tab or a digit. */
function mayStartWithTime(norm: string, at: number): boolean {
  const c = norm.charCodeAt(at);
  return c === 0x20 || c === 9 || (c >= 0x30 && c <= 0x39);
}

/**
 * ACCOUNT_LINE can match the line at..lineEnd only where a space, a tab or the line's end comes within its first 25
 * code units: its name (at most 12 code points, none of them a space) is followed by one of them. Most lines of an
 * article are prose with no space that early, and a regex call per line cost more than this loop.
 */
function mayBeName(norm: string, at: number, lineEnd: number): boolean {
  if (lineEnd - at <= 24) return true;
  for (let i = at; i <= at + 24; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x20 || c === 9) return true;
  }
  return false;
}

/**
 * `mentions` (sorted) with each account line's name as one MEDIA mention. `isCommonWord(start, end)`: the
 * dictionary's common-word test on the normalised text.
 */
export function accountSlots(
  mentions: EntityMention[],
  text: string,
  norm: string,
  isCommonWord: (start: number, end: number) => boolean,
): EntityMention[] {
  const added: EntityMention[] = [];
  // The mentions by position (made when a line first needs them), not a search of all of them per account line.
  let index: OverlapIndex<EntityMention> | undefined;
  const overlapping = (a: number, b: number, test: (x: EntityMention) => boolean) =>
    (index ??= new OverlapIndex(mentions)).some(a, b, test);
  // The lines are read in place (the two patterns anchored at each line's start), not split into strings: only an
  // account line's neighbours are sliced.
  for (let at = 0, before = -1; at <= norm.length;) {
    let lineEnd = norm.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = norm.length;
    const after = mayStartWithTime(norm, at) ? ((TIME_FIRST_AT.lastIndex = at), TIME_FIRST_AT.exec(norm)) : null;
    const m = after || !mayBeName(norm, at, lineEnd) ? null : ((ACCOUNT_LINE_AT.lastIndex = at), ACCOUNT_LINE_AT.exec(norm));
    if (after) {
      // 2019-09-05 11:10 游民星空[整理]: the account after the time, unless it is a place or a common word (星期四).
      const start = at + after[0].trimEnd().length - after[1].length - after[2].length;
      const end = start + after[1].length;
      const read = overlapping(start, end, (x) => x.type === 'PER' || x.type === 'LOC' || x.source === 'user');
      if (!read && !isCommonWord(start, end))
        added.push({ start, end, text: text.slice(start, end), type: 'MEDIA', confidence: 0.7, source: 'article' });
    } else if (m) accountLine(m, at, lineEnd, before);
    before = at;
    at = lineEnd + 1;
  }
  /** The line at..lineEnd is only a name (`m`); `before`: the previous line's start, or -1. */
  function accountLine(m: RegExpExecArray, at: number, lineEnd: number, before: number): void {
    const timed = m[0].trimEnd().length > m[1].length;
    // The next line that is not blank.
    let next = lineEnd + 1;
    let nextEnd = -1;
    while (next <= norm.length) {
      nextEnd = norm.indexOf('\n', next);
      if (nextEnd < 0) nextEnd = norm.length;
      if (norm.slice(next, nextEnd).trim()) break;
      next = nextEnd + 1;
    }
    if (!timed && !(next <= norm.length && CARD_NEXT.test(norm.slice(next, nextEnd)))) return;
    const start = at;
    const end = at + m[1].length;
    if (isCommonWord(start, end) || /关注|微信/u.test(m[1])) return;
    // A mention inside [start, end) overlaps [start - 1, end + 1), an empty one at either edge included.
    if (overlapping(start - 1, end + 1, (x) => x.start >= start && x.end <= end && (x.type === 'PER' || x.source === 'user'))) return;
    added.push({ start, end, text: text.slice(start, end), type: 'MEDIA', confidence: 0.7, source: 'article' });
    // The card often repeats the name on the line before it (the name over its avatar, then the name again).
    const b0 = before < 0 ? at - 1 : before;
    if ((before < 0 ? '' : norm.slice(before, at - 1)).trimEnd() === m[1])
      added.push({
        start: b0,
        end: b0 + m[1].length,
        text: text.slice(b0, b0 + m[1].length),
        type: 'MEDIA',
        confidence: 0.7,
        source: 'article',
      });
  }
  if (!added.length) return mentions;
  const heldBy = new OverlapIndex(added);
  const inside = (x: EntityMention) => heldBy.some(x.start, x.end);
  return mentions
    .filter((x) => !inside(x))
    .concat(added)
    .sort((x, y) => x.start - y.start);
}
