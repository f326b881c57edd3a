/**
 * The outlet of a dateline (issue 11, seventh round). A news body often opens with the outlet that wrote it and the
 * word 讯 ("news from"), or a date and 消息: 新京报讯（记者 …）, 新浪科技讯 北京时间…, IT之家9月30日消息, 华龙网-新重庆客户端讯.
 * The outlet is MEDIA without the 讯 (GOLD-NOTES-2: 证券时报e公司讯 is the MEDIA 证券时报e公司), and an app's 客户端 is
 * not part of its name. Whatever was read over the slot (新京报讯 as an organisation, 重庆 inside 新重庆) gives way.
 * Words ending in 讯 (中兴通讯, 资讯, 审讯) are the dictionary's words and are no dateline.
 */
import type { EntityMention } from '../types';
import { OverlapIndex } from './overlaps';
import { anyMarked, articleMarks } from './marks';

/**
 * A line that opens with a name (two to twelve characters, Han or Latin, parts joined by a hyphen), then 讯 or a date and
 * 讯/消息, then the story: a menu item alone on its line (國內車訊) is a section, not a dateline.
 */
const DATELINE =
  /^[ \t\u3000]*([\p{Script=Han}A-Za-z0-9]{2,12}?(?:[-—][\p{Script=Han}A-Za-z0-9]{2,12}?)?)(快讯|讯|[0-9]{1,2}月[0-9]{1,2}日(?:讯|消息))(?=[ \t\u3000（(，,：:0-9].{4})/u;
/** What starts a clause rather than a name: 据X消息 is a pattern of its own (outletSpans); 本报, 今日 name no one. */
const NOT_NAME = /^(?:据|本报|本刊|本台|本网|今日|昨日|最新|每日|相关|更多)/u;
/** An app's own word after its name. */
const APP = /(?:客户端|APP|App)$/u;

/**
 * `mentions` sorted by start, with each dateline's outlet as a MEDIA mention. `isWord(a, len)`: a word of the
 * model's dictionaries at norm[a, a + len).
 */
export function datelineOutlets(
  mentions: EntityMention[],
  text: string,
  norm: string,
  isWord: (a: number, len: number) => boolean,
): EntityMention[] {
  const added: EntityMention[] = [];
  const slots: [number, number][] = [];
  let placesByEnd: Map<number, EntityMention[]> | undefined;
  for (let at = 0; at <= norm.length;) {
    let lineEnd = norm.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = norm.length;
    // 讯 or 消息 stands within the first 40 characters of a dateline (a name of at most 25, a date): most lines are
    // rejected by two searches there, without the regular expression and without a string per line.
    const m = hasCue(norm, at, Math.min(lineEnd, at + 40)) ? DATELINE.exec(norm.slice(at, lineEnd)) : null;
    if (m && !NOT_NAME.test(m[1])) {
      const start = at + m.index + m[0].length - m[2].length - m[1].length;
      const end = start + m[1].length;
      // 中兴通讯 35.18: the name's last character and 讯 are one word.
      if (!(m[2] === '讯' && isWord(end - 1, 2))) {
        let from = start;
        for (const part of m[1].split(/[-—]/u)) {
          let stop = from + part.replace(APP, '').length;
          // 央广网北京10月5日消息: the place the story was filed from is no part of the outlet.
          const place = (placesByEnd ??= placesEndingAt(mentions)).get(stop)?.find((x) => x.start > from + 1);
          if (place) stop = place.start;
          if (stop - from >= 2) {
            added.push(outlet(text, from, stop));
            slots.push([from, stop + (stop === end ? m[2].length : 0)]);
          }
          from += part.length + 1;
        }
      }
    }
    at = lineEnd + 1;
  }
  if (!added.length) return mentions;
  // A page repeated in a corpus holds its outlet's name hundreds of times: the tests below are by position (which
  // characters an outlet or a slot holds; the mentions by start), not a search of every mention for every name.
  const outletAt = articleMarks.take(norm.length + 1);
  try {
    for (const a of added) outletAt.fill(1, a.start, a.end);
    const overlapping = new OverlapIndex(mentions);
    // The article's other mentions of a dateline outlet (华龙网-新重庆客户端记者 later on) are the outlet too, where no
    // longer name holds them.
    const names = new Set(added.filter((a) => a.end - a.start >= 3).map((a) => norm.slice(a.start, a.end)));
    for (const name of names)
      for (let i = norm.indexOf(name); i >= 0; i = norm.indexOf(name, i + name.length)) {
        const end = i + name.length;
        if (anyMarked(outletAt, i, end)) continue;
        if (overlapping.some(i, end, (x) => x.start < i || x.end > end || x.source === 'user')) continue;
        slots.push([i, end]);
        added.push(outlet(text, i, end));
        outletAt.fill(1, i, end);
      }
    const slotAt = articleMarks.take(norm.length + 1);
    try {
      for (const [a, b] of slots) slotAt.fill(1, a, b);
      // An empty span holds no character; it is in a slot that strictly surrounds its position, as the interval test says.
      const inSlot = (x: EntityMention) =>
        x.end > x.start ? anyMarked(slotAt, x.start, x.end) : slots.some(([a, b]) => x.start < b && x.end > a);
      // A user's name in the slot keeps the slot as it was.
      const users = mentions.filter((x) => x.source === 'user');
      const kept = users.length ? added.filter((a) => !users.some((x) => x.start < a.end && x.end > a.start)) : added;
      return mentions
        .filter((x) => x.source === 'user' || !inSlot(x))
        .concat(kept)
        .sort((x, y) => x.start - y.start);
    } finally {
      articleMarks.give(slotAt);
    }
  } finally {
    articleMarks.give(outletAt);
  }
}

/** The places of `mentions` by where they end, each list in the mentions' order. */
function placesEndingAt(mentions: readonly EntityMention[]): Map<number, EntityMention[]> {
  const out = new Map<number, EntityMention[]>();
  for (const x of mentions) {
    if (x.type !== 'LOC') continue;
    const list = out.get(x.end);
    if (list) list.push(x);
    else out.set(x.end, [x]);
  }
  return out;
}

const XUN = '讯'.charCodeAt(0);
const XIAO = '消'.charCodeAt(0);
const XI = '息'.charCodeAt(0);

/** Whether norm[from, to) holds 讯 or 消息. */
function hasCue(norm: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = norm.charCodeAt(i);
    if (c === XUN || (c === XIAO && norm.charCodeAt(i + 1) === XI)) return true;
  }
  return false;
}

function outlet(text: string, start: number, end: number): EntityMention {
  return { start, end, text: text.slice(start, end), type: 'MEDIA', confidence: 0.8, source: 'pattern' };
}
