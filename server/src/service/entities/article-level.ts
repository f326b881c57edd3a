/**
 * Article-level evidence (issue 11): passes over the merged mentions of one article that read what the article
 * itself says about a name, rather than a list of names. Each pass is one category of error on unseen pages:
 * - a place glued to a name that the article also uses alone is a modifier (武汉 + 金银潭医院, 日本 + 伊戈尔);
 * - an outlet list after a source cue gives every item as an outlet (来源：江城日报、滨海网、青州发布);
 * - items in the same slot as companies are companies (finance briefs: 。澄星科技：… 。鲸鱼：…);
 * - a bare bureau noun is generic (邮政局, 消防局, 工作组);
 * - a capital acting as its government is an organisation (华盛顿宣布), as the guidelines have it for 白宫;
 * - a name that took the first character of the next word gives it back when the article names it without it.
 * All work on the normalised (Simplified, half-width) text; mentions keep offsets into the original text.
 */
import type { EntityMention, EntityType } from '../types';
import { LEX_WORD, type NameLexicon } from './lexicon';
import { splitsIntoWords, type WordSet } from './words';
import { isHanUnit, occurrencesOf, unitTable } from './scan';
import { concatByStart } from './overlaps';
import { anyMarked, articleMarks } from './marks';
import { moved, packedMap } from './mention';

const HAN = /\p{Script=Han}/u;

/** Bodies of government: a place before them is part of the name (台南市永康分局, 浙江证监局, 美国国防部). */
const GOVERNMENT_END = /(?:局|部|厅|委|署|府|院|会|所|处|办|庭|队|军|党|团|站|科)$/u;
/** Hospitals, companies and venues whose own name the article uses alone: the place before them is a modifier. */
const HOSPITAL_END = /(?:医院|附医)$/u;

/**
 * 武汉金银潭医院 … 金银潭医院, 日本伊戈尔 … 伊戈尔: a name that begins with a place, whose rest the same article
 * also writes on its own, is the place + the name (the guidelines split 深圳 + 大疆). Bodies of government keep
 * their place (台南市永康分局 stays whole even where 永康分局 stands alone), and so does a rest that is no name of
 * its own (武汉体育中心: 体育中心 is a plain word).
 */
export function splitPlaceModifiers(
  mentions: EntityMention[],
  text: string,
  norm: string,
  isPlace: (a: number, b: number) => boolean,
  isWord: (a: number, len: number) => boolean,
): EntityMention[] {
  // 邮轮母港, 体育中心, 国际机场: a rest made wholly of dictionary words is a description, not a name of its own.
  const description = (a: number, b: number): boolean => splitsIntoWords(a, b, isWord);
  // First the places each mention may be cut at, by the tests that read the mention alone (in the order the cut is
  // looked for: the longest place first); `cuts` holds, per mention, the count then the cut positions.
  const cuts: number[] = [];
  const cutAt = new Int32Array(mentions.length).fill(-1);
  // The lengths and first code units of the rests, so the index below takes only the mentions that may be one.
  const restLengths = new Set<number>();
  const restFirsts = new Set<number>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.source === 'user' || (m.type !== 'ORG' && m.type !== 'LOC') || m.end - m.start < 4) continue;
    let at = -1;
    for (let k = m.end - 2; k >= m.start + 2; k--) {
      if (!isPlace(m.start, k) || !HAN.test(norm[k]) || /[一二三四五六七八九十○零]/u.test(norm[k]) || description(k, m.end)) continue;
      if (m.type === 'ORG') {
        const rest = norm.slice(k, m.end);
        if (GOVERNMENT_END.test(rest) && !HOSPITAL_END.test(rest)) continue;
      }
      if (at < 0) {
        at = cuts.length;
        cuts.push(0);
      }
      cuts[at]++;
      cuts.push(k);
      restLengths.add(m.end - k);
      restFirsts.add(norm.charCodeAt(k));
    }
    cutAt[i] = at;
  }
  if (!cuts.length) return mentions.slice();
  // The names the other layers found, by their text: the rest must be one of them somewhere else.
  const named = new Map<string, number[]>();
  for (const m of mentions) {
    if (!restLengths.has(m.end - m.start) || !restFirsts.has(norm.charCodeAt(m.start))) continue;
    const key = norm.slice(m.start, m.end);
    const at = named.get(key);
    if (at) at.push(m.start);
    else named.set(key, [m.start]);
  }
  const out: EntityMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    let split = -1;
    for (let c = cutAt[i], j = c + 1; c >= 0 && j <= c + cuts[c] && split < 0; j++) {
      const k = cuts[j];
      const rest = norm.slice(k, m.end);
      // The rest found as a name on its own elsewhere in the article, not right after this place.
      const place = norm.slice(m.start, k);
      if ((named.get(rest) ?? []).some((at) => !norm.startsWith(place, at - place.length))) split = k;
    }
    if (split < 0) {
      out.push(m);
      continue;
    }
    out.push(moved(m, text, m.start, split, 'LOC'));
    out.push(moved(m, text, split, m.end, m.type, 'article'));
  }
  return out;
}

/** Where a source is named: 来源：, 资料来源：, 稿源:, 来源|, 综合整理自. */
const SOURCE_CUE = /(?:(?:资料来源|信息来源|新闻来源|来源|稿源|素材来源)\s*[:：|｜]|综合整理自|综合编译自|整理自|编译自|综合自)\s*/gu;
/** An outlet's ending, or a publishing account's (…发布, …参考). */
const OUTLET_LIKE = /(?:网|报|社|台|新闻|消息|卫视|频道|客户端|周刊|杂志|发布|参考|日报|晚报|时报)$/u;

/**
 * 来源：江城日报、滨海网、青州发布 and （资料来源：参考消息、海外网等）: the items of a list after a source cue are
 * outlets, when at least one of them ends like an outlet or is a known one, and each is a short run of Han or
 * Latin characters.
 */
export function sourceListSpans(
  norm: string,
  isMedia: (a: number, b: number) => boolean,
): { start: number; end: number; type: EntityType }[] {
  const out: { start: number; end: number; type: EntityType }[] = [];
  for (const cue of norm.matchAll(SOURCE_CUE)) {
    const from = cue.index! + cue[0].length;
    const list = /^[\p{Script=Han}A-Za-z0-9·、 ]{2,80}/u.exec(norm.slice(from, from + 80));
    if (!list) continue;
    const body = list[0].replace(/等$/u, '');
    const items: [number, number][] = [];
    let pos = from;
    for (const part of body.split('、')) {
      const item = part.trim();
      const start = pos + part.indexOf(item);
      pos += part.length + 1;
      if (item) items.push([start, start + item.length]);
    }
    if (items.length < 2) continue;
    const good = (a: number, b: number) =>
      b - a >= 2 && b - a <= 10 && /^[\p{Script=Han}A-Za-z]/u.test(norm[a]) && !/\s/u.test(norm.slice(a, b));
    if (!items.every(([a, b]) => good(a, b))) continue;
    if (!items.some(([a, b]) => OUTLET_LIKE.test(norm.slice(a, b)) || isMedia(a, b))) continue;
    for (const [start, end] of items) out.push({ start, end, type: 'MEDIA' });
  }
  return out;
}

/** Business endings of a listed company's short name (澄星科技, 鲸鱼股份, 金陵药业). */
const COMPANY_END =
  /(?:科技|股份|药业|控股|集团|电子|医药|实业|智能|能源|材料|电气|电器|银行|证券|保险|传媒|汽车|环境|环保|生物|物流|地产|置业|通信|通讯|光电|新材|化工|机械|重工|软件|网络|信息|文化|教育|航空)$/u;
/** Labels that stand before a colon but name no one (午间公告：, 记者：, 原标题：). */
const META_LABEL =
  /(?:公告|消息|新闻|来源|作者|记者|编辑|标题|提示|声明|通知|时间|地址|电话|链接|摘要|导读|提要|快讯|简讯|备注|注|说|表示|称|问|答|图|文)$/u;

/** A name character of a slot: Han, or a Latin letter or digit (one code point, a surrogate pair included). */
const SLOT_HAN = /^\p{Script=Han}$/u;
/** What may stand before a slot's spaces: a sentence end or a line break (also a line start: `^`). */
const SLOT_BEFORE = unitTable('。；;！？\n');
/** Line terminators (where a multiline `^` matches after them). */
const LINE_TERMINATOR = unitTable('\n\r\u2028\u2029');
/** White space as `\s` reads it (all of it in the BMP). */
const SPACE = unitTable(
  ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
);

/**
 * Every match of `(?:^|[。；;！？\n]|讯[，,])\s*(\p{Script=Han}[\p{Script=Han}A-Za-z0-9]{1,7})[：:]` (flags `gmu`) in
 * `norm`, as [start, end, name] of its name: where a slot may stand. Found from the colons back, not by running
 * the regex at every position of the article: the name, the spaces and what precedes them hold no colon, so each
 * match is the one ending at its colon, independent of the others, and its name is the whole run of name characters
 * before the colon (the character before the run is a space, a sentence end or a line start). The regex itself is
 * the test's reference (test/unit/slot-mates.test.ts).
 */
export function slotPlaces(norm: string): [number, number, string][] {
  const places: [number, number, string][] = [];
  for (let c = nextColon(norm, 0); c >= 0; c = nextColon(norm, c + 1)) {
    // The run of name characters before the colon, in code points, up to one more than a name may hold.
    let s = c;
    let count = 0;
    let han = false;
    while (s > 0 && count <= 8) {
      const u = norm.charCodeAt(s - 1);
      if ((u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a)) {
        s--;
        han = false;
      } else if (u >= 0xdc00 && u <= 0xdfff && s >= 2 && (norm.charCodeAt(s - 2) & 0xfc00) === 0xd800) {
        if (!SLOT_HAN.test(norm.slice(s - 2, s))) break;
        s -= 2;
        han = true;
      } else if (isHanUnit(u)) {
        s--;
        han = true;
      } else break;
      count++;
    }
    // Two to eight characters, the first of them Han.
    if (count < 2 || count > 8 || !han) continue;
    // The spaces before it, then a sentence end, 讯， or a line start (the text's start, or a line break among the spaces).
    let w = s;
    let lineStart = false;
    while (w > 0 && SPACE[norm.charCodeAt(w - 1)]) {
      if (LINE_TERMINATOR[norm.charCodeAt(w - 1)]) lineStart = true;
      w--;
    }
    const before = w > 0 ? norm.charCodeAt(w - 1) : -1;
    if (
      w === 0 ||
      lineStart ||
      SLOT_BEFORE[before] ||
      ((before === 0xff0c || before === 0x2c) && w >= 2 && norm.charCodeAt(w - 2) === 0x8baf) // 讯， 讯,
    )
      places.push([s, c, norm.slice(s, c)]);
  }
  return places;
}

/** The next ：or : at or after `from`, or -1. */
function nextColon(norm: string, from: number): number {
  for (let i = from; i < norm.length; i++) {
    const u = norm.charCodeAt(i);
    if (u === 0xff1a || u === 0x3a) return i;
  }
  return -1;
}

/**
 * Finance briefs list companies in one slot: 。澄星科技：拟收购…。鲸鱼：中标…. Where two or more names in that slot
 * (after a line start or a sentence end, before a colon) are organisations, the other names in it are too.
 */
export function slotMates(
  mentions: EntityMention[],
  text: string,
  norm: string,
  isWord: (a: number, len: number) => boolean = () => false,
): EntityMention[] {
  // The places a slot may stand (a name before a colon at a sentence start), then the mention of exactly each one's
  // span (the last of several), found in one pass over the mentions with the few places as keys (start · 32 + length:
  // a place is at most 16 code units long). A map of every mention by span cost more than the rest of the pass.
  const places = slotPlaces(norm);
  if (places.length < 3) return mentions;
  const bySpan = new Map<number, EntityMention | undefined>();
  for (const [a, b] of places) bySpan.set(a * 32 + (b - a), undefined);
  for (const o of mentions) {
    const key = o.start * 32 + (o.end - o.start);
    if (o.end - o.start < 32 && bySpan.has(key)) bySpan.set(key, o);
  }
  const exact = (a: number, b: number) => bySpan.get(a * 32 + (b - a));
  const slots: [number, number][] = [];
  for (const [start, end, name] of places) {
    // 分享：, 您所在的位置：, 网络视听许可证：: a page's labels are words or end in one; a company's short name ends
    // in a business ending (科技, 股份) or in no word at all (伊戈尔).
    const isOrg = exact(start, end)?.type === 'ORG';
    const label =
      !isOrg &&
      (META_LABEL.test(name) ||
        /[的之了是在我您你]/u.test(name) ||
        (name.length <= 4 && isWord(start, name.length)) ||
        (isWord(end - 2, 2) && !COMPANY_END.test(name)) ||
        (name.length >= 3 && isWord(end - 3, 3)));
    if (!label) slots.push([start, end]);
  }
  if (slots.length < 3) return mentions;
  const orgs = slots.filter(([a, b]) => exact(a, b)?.type === 'ORG').length;
  if (orgs < 2 || orgs * 2 < slots.length) return mentions;
  const inSlot = new Uint8Array(norm.length);
  for (const [a, b] of slots) if (exact(a, b)?.type !== 'ORG') inSlot.fill(1, a, b);
  const keep = mentions.filter((m) => !anyMarked(inSlot, m.start, m.end));
  const added: EntityMention[] = [];
  for (const [a, b] of slots) {
    if (exact(a, b)?.type === 'ORG') continue;
    added.push({ start: a, end: b, text: text.slice(a, b), type: 'ORG', confidence: 0.7, source: 'article' });
  }
  return concatByStart(keep, added);
}

/** Bureau-like endings: a bare one (邮政局, 消防队, 工作组) names no one body. */
const BUREAU = /^(\p{Script=Han}{2,3})(?:局|处|科|组|队|所|站|中心)$/u;
/** The last characters of BUREAU's endings. */
const BUREAU_LAST = unitTable('局处科组队所站心');

/** What ends a sentence, for the sentence numbers below. */
const SENTENCE_END_UNIT = unitTable('。！？!?\n');

/**
 * The sentence number of each position of `norm`. A function of its own, not inside the closure that asks for it:
 * as part of a closure made afresh at each edit, the loop was deoptimised at every keystroke in most processes
 * (`--trace-deopt` over scripts/perf/keys.ts; docs/performance.md, "Fifth round: deoptimisations").
 */
function sentenceNumbers(norm: string): Int32Array {
  const sentences = new Int32Array(norm.length + 1);
  for (let k = 0, id = 0; k < norm.length; k++) {
    sentences[k] = id;
    if (SENTENCE_END_UNIT[norm.charCodeAt(k)]) id++;
  }
  return sentences;
}

/**
 * 酒店, 议会, 工作组, 邮政局: an organisation (with `places`, also a place) that the dictionary knows only as a common word is a generic noun
 * when the article itself shows it: the tagger leaves the same word unmarked elsewhere in the article, or (a
 * bureau) the article names the body in full elsewhere (国家邮政局 … 邮政局 refers back). One sentence on its own
 * (the MSRA test set, where 十五大 and 民革 are names) gives no such evidence, so nothing is dropped there.
 */
export function dropGenericBodies(mentions: EntityMention[], norm: string, lexicon: NameLexicon, places = false): EntityMention[] {
  const bits = (s: string) => lexicon.get(s, 0, s.length);
  const covered = articleMarks.take(norm.length);
  // Each mention's end, marked when a bureau first asks (lent as `covered` is).
  let ends: Uint8Array<ArrayBuffer> | undefined;
  try {
    for (const m of mentions) covered.fill(1, m.start, m.end);
    // In another sentence: within one sentence a list or a parallel phrase may use the word both ways. The sentence
    // of each character, numbered only when a candidate needs it (this runs over the whole article at each edit).
    let sentences: Int32Array | undefined;
    const sentenceOf = (i: number): number => (sentences ??= sentenceNumbers(norm))[i];
    // The sentences where each word stands unmarked (the first two are enough), computed once per word.
    const unmarkedIn = new Map<string, number[]>();
    const unmarkedSentences = (w: string, occurrences: Iterable<number>): number[] => {
      const ids: number[] = [];
      for (const at of occurrences) {
        if (ids.length >= 2) break;
        if (!covered[at] && !covered[at + w.length - 1] && !ids.includes(sentenceOf(at))) ids.push(sentenceOf(at));
      }
      return ids;
    };
    // The words the test below can ask about, all found in one pass over the article (a search of the whole article
    // per word, when the tagger marks it everywhere, cost most of this pass on a megabyte): only everyday words of the
    // lexicon are asked about, so the other unsure names are not searched for.
    const asked = new Set<string>();
    const notAsked = new Set<string>();
    for (const m of mentions)
      if (
        (m.source === 'model' || m.source === 'lexicon') &&
        ((places && m.type === 'LOC') || m.type === 'ORG' || m.type === 'MEDIA') &&
        m.confidence < 0.5 &&
        m.end - m.start <= 4
      ) {
        const surface = norm.slice(m.start, m.end);
        if (asked.has(surface) || notAsked.has(surface)) continue;
        (bits(surface) === LEX_WORD ? asked : notAsked).add(surface);
      }
    const occurrences = asked.size > 1 ? occurrencesOf(norm, asked, true) : undefined;
    const unmarkedElsewhere = (w: string, from: number): boolean => {
      let ids = unmarkedIn.get(w);
      if (!ids) unmarkedIn.set(w, (ids = unmarkedSentences(w, occurrences?.get(w) ?? indexOfLoop(norm, w))));
      return ids.some((id) => id !== sentenceOf(from));
    };
    // Fuller names by their last characters (国家邮政局 under 邮政局), and where names end, for the bureau check: made
    // when a bureau first needs them (a slice per mention and length cost more than the rest of the pass), and only of
    // the names that end as a bureau does (the only endings asked for).
    let fullerEnding: Map<string, number[]> | undefined;
    const endingsOf = (): Map<string, number[]> => {
      const byEnding = new Map<string, number[]>();
      for (const o of mentions) {
        if (!BUREAU_LAST[norm.charCodeAt(o.end - 1)]) continue;
        for (const len of [3, 4, 5]) {
          if (o.end - o.start <= len) continue;
          const key = norm.slice(o.end - len, o.end);
          const at = byEnding.get(key);
          if (at) at.push(o.start);
          else byEnding.set(key, [o.start]);
        }
      }
      return byEnding;
    };
    const endsOf = (): Uint8Array<ArrayBuffer> => {
      const at = articleMarks.take(norm.length + 1);
      for (const o of mentions) at[o.end] = 1;
      return at;
    };
    // Only where the tagger itself was unsure (网易, 十五大 are read with confidence and stay).
    const generic = (m: EntityMention): boolean => {
      if (!(m.confidence < 0.5) || m.end - m.start > 4) return false;
      const surface = norm.slice(m.start, m.end);
      return bits(surface) === LEX_WORD && unmarkedElsewhere(surface, m.start);
    };
    return mentions.filter((m) => {
      if (m.source !== 'model' && m.source !== 'lexicon') return true;
      // The cheap tests first (the same tests, in another order: none has side effects).
      // `places`: 航站楼, 候车大厅 read as places by the same evidence (issue 11, fifth round: genericPlaces).
      if (places && m.type === 'LOC') return !generic(m);
      if (m.type !== 'ORG' && m.type !== 'MEDIA') return true;
      if (generic(m)) return false;
      // A bureau's last character first (two to three Han characters and the ending: three to eight code units).
      if (!BUREAU_LAST[norm.charCodeAt(m.end - 1)] || m.end - m.start < 3 || m.end - m.start > 8) return true;
      const surface = norm.slice(m.start, m.end);
      const bureau = BUREAU.exec(surface);
      if (bureau && bits(bureau[1]) === LEX_WORD && !(ends ??= endsOf())[m.start]) {
        if (((fullerEnding ??= endingsOf()).get(surface) ?? []).some((start) => sentenceOf(start) !== sentenceOf(m.start))) return false;
      }
      return true;
    });
  } finally {
    if (ends) articleMarks.give(ends);
    articleMarks.give(covered);
  }
}

/** The occurrences of w in norm, overlapping ones included, each found when the one before it has been read. */
function* indexOfLoop(norm: string, w: string): Generator<number> {
  for (let at = norm.indexOf(w); at >= 0; at = norm.indexOf(w, at + 1)) yield at;
}

/** Capitals that stand for their governments in news prose (the guidelines' 白宫 rule, applied to capitals). */
export const CAPITALS = new Set([
  '北京',
  '华盛顿',
  '莫斯科',
  '基辅',
  '东京',
  '首尔',
  '平壤',
  '伦敦',
  '巴黎',
  '柏林',
  '罗马',
  '马德里',
  '布鲁塞尔',
  '德黑兰',
  '耶路撒冷',
  '新德里',
  '伊斯兰堡',
  '安卡拉',
  '开罗',
  '利雅得',
  '大马士革',
  '巴格达',
  '喀布尔',
  '河内',
  '马尼拉',
  '雅加达',
  '堪培拉',
  '渥太华',
  '华府',
  '台北',
  '明斯克',
  '华沙',
  '维也纳',
  '布达佩斯',
  '特拉维夫',
  '多哈',
  '曼谷',
  '新加坡',
]);
/** What a capital does when it stands for its government. */
const ACTS =
  /^(?:方面|当局|政府)?(?:宣布|表示|称|声称|坚称|指责|警告|回应|否认|拒绝|批评|谴责|呼吁|要求|认为|强调|威胁|反对|支持|决定|同意|承诺|希望|抗议|拒不|已经|已)/u;
const PLACE_VERB = /(?:在|到|赴|抵|抵达|访|访问|前往|回到|离开|飞往|飞抵|来自|位于|从|于|驻)$/u;

/** 华盛顿宣布, 莫斯科警告: a capital that speaks or decides is its government (ORG), as 白宫宣布 is. */
export function capitalMetonymy(mentions: EntityMention[], norm: string): void {
  for (const m of mentions) {
    if (m.type !== 'LOC' || m.source === 'user') continue;
    const surface = norm.slice(m.start, m.end);
    if (!CAPITALS.has(surface)) continue;
    if (PLACE_VERB.test(norm.slice(Math.max(0, m.start - 2), m.start))) continue;
    const after = norm.slice(m.end, m.end + 6);
    // 华盛顿方面/当局 themselves are not part of the name; only the capital is marked.
    if (ACTS.test(after) && !/^(?:已经|已)(?:成为|是)/u.test(after)) m.type = 'ORG';
  }
}

/**
 * 汪勇先是 → 汪勇: a person the article names two or more times, read once with one character more, where that
 * character begins a word with what follows it, is the person the article names.
 */
export function trimToArticleNames(mentions: EntityMention[], text: string, norm: string, words: WordSet): EntityMention[] {
  const count = new Map<string, number>();
  for (const m of mentions)
    if (m.type === 'PER' && m.end - m.start >= 2) count.set(norm.slice(m.start, m.end), (count.get(norm.slice(m.start, m.end)) ?? 0) + 1);
  return packedMap(mentions, (m) => {
    if (m.type !== 'PER' || m.source === 'user' || m.source === 'gazetteer' || m.end - m.start < 3) return m;
    const shorter = norm.slice(m.start, m.end - 1);
    if ((count.get(shorter) ?? 0) < 2 || (count.get(norm.slice(m.start, m.end)) ?? 0) > 1) return m;
    if (!words.has(norm, m.end - 1, 2)) return m;
    return moved(m, text, m.start, m.end - 1, m.type, 'article');
  });
}

/** Endings that make the company's name longer where the article writes them (滴滴公司, 广汽丰田公司). */
const COMPANY_TAIL = /^(?:有限公司|公司|集团)/u;

/** 滴滴公司, 澄星集团: an organisation directly followed by 公司/集团 is named with it (the longest name). */
export function growCompanyTails(mentions: EntityMention[], text: string, norm: string): void {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.type !== 'ORG' || m.source === 'user') continue;
    const tail = COMPANY_TAIL.exec(norm.slice(m.end, m.end + 4));
    if (!tail) continue;
    const next = mentions[i + 1];
    const end = m.end + tail[0].length;
    if (next && next.start < end) continue;
    // Not when the company is one of a kind (该公司, 子公司): the name must be two characters or more.
    if (m.end - m.start < 2) continue;
    m.end = end;
    m.text = text.slice(m.start, end);
  }
}

/** Endings of buildings and sites (黄鹤楼, 寒山寺, 天后庙): seldom the last character of a given name (亭, 观 and 塔 often are: 李春亭, 尼基塔). */
const BUILDING_END = /[楼寺庙阁殿祠]$/u;

/** 黄鹤楼: a three-character "person" that ends like a building is the building (jieba lists some as names). */
export function buildingsNotPeople(mentions: EntityMention[], norm: string): void {
  for (const m of mentions) {
    if (m.type !== 'PER' || m.source === 'user' || m.end - m.start !== 3) continue;
    if (BUILDING_END.test(norm.slice(m.start, m.end))) m.type = 'LOC';
  }
}
