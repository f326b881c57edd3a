/**
 * An outlet named as a story's source (issue 11, eighth round): in 据X报道 / 据X消息 the X is a news outlet, whatever its
 * ending (据锌财经报道, 据蓝鲸财经消息), where the outlet patterns of context-names.ts need an outlet ending (江城网, 晚报).
 * X is two to eight Han characters right after 据 (which the line starts with or follows punctuation or a function
 * character), with no function character in it; it is no dictionary word and does not split wholly into dictionary
 * words (据警方报道, 据当地媒体报道, 据美国媒体报道: a kind of source, not a name) nor ends in 媒 (外媒), and no name
 * the lists or the tagger found overlaps it (据张三报道 is a reporter, 据俄罗斯塔斯社报道 a place and a known outlet).
 */
import type { Span } from './gazetteer';
import { unitTable } from './scan';
import { splitsIntoWords } from './words';

const SLOT = /据(\p{Script=Han}{2,8}?)(?:报道|消息)/gu;
const FUNCTION = unitTable('你我他她它的了在和与及是为将把被让从到于也都就已曾会要并而但或等由给以使向对说称这那其该每各所个据');
const HAN = /\p{Script=Han}/u;

/**
 * `isWord(a, len)`: norm[a, a + len) is a dictionary or induced word; `names`: the names the lists and the tagger found
 * in the paragraph (a slot that holds one is that name's: 据俄罗斯塔斯社报道 is 俄罗斯 + 塔斯社, 据港媒刚刚消息 no outlet),
 * or a function that makes them, called only for a line with a slot.
 */
export function sourceSlotSpans(
  norm: string,
  isWord: (a: number, len: number) => boolean,
  names: readonly Span[] | (() => readonly Span[]),
): Span[] {
  const out: Span[] = [];
  // Most lines have no 据: no regex run, and no list of names made.
  if (norm.indexOf('据') < 0) return out;
  let listed: readonly Span[] | undefined;
  SLOT.lastIndex = 0;
  for (let m = SLOT.exec(norm); m; m = SLOT.exec(norm)) {
    const at = m.index;
    if (at > 0 && HAN.test(norm[at - 1]) && !FUNCTION[norm.charCodeAt(at - 1)]) continue;
    const a = at + 1;
    const b = a + m[1].length;
    let clean = true;
    for (let i = a; i < b; i++) if (FUNCTION[norm.charCodeAt(i)]) clean = false;
    // 外媒, 港媒: "foreign media", a kind of source.
    if (!clean || norm[b - 1] === '媒' || splitsIntoWords(a, b, isWord, b - a)) continue;
    listed ??= typeof names === 'function' ? names() : names;
    if (listed.some((p) => p.start < b && p.end > a)) continue;
    out.push({ start: a, end: b, type: 'MEDIA' });
  }
  return out;
}
