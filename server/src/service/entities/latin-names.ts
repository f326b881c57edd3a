/**
 * Names and terms in Latin letters (issue 11, seventh round). The tagger learnt from MSRA, whose 1,181 Latin letters
 * are all outside names, so it has never seen a Latin name: what it marks in Latin letters (XSS, ASLR, SHA in SHA-1,
 * Research in a broken English name) is noise, and `consistency` then spreads it. What says whether a Latin word is a
 * name is the article itself:
 * - **Definitions** (`latinTerms`). A parenthesis pairs a Latin word with what it stands for: XSS(Cross Site
 *   Scripting), NSA(非独立组网), 美国标准技术局(NIST), 国际密码协会(International Association for …，简称IACR),
 *   茉莉·西尔斯(Jasmine Seales). The Latin side takes the type of the other side when that is a mention (ORG, PER,
 *   MEDIA), is an organisation when its expansion has an organisation's head word (Association, Institute, 协会,
 *   研究院, 局 …), and is a term otherwise; every mention of the word in the article follows that decision. The words
 *   listed beside a term (DEP、ASLR) are terms too, and so is a word with a version number (SHA-1, X50).
 * - **The tagger's Latin** (`latinTerms`): a tagger mention made of Latin letters only is dropped; one that glued a
 *   Latin word to a Han name (英国Sea) gives the word back.
 * - **Speaker slots** (`latinHandles`): a Latin word in 来自X的Y, or glossed by a nickname (Superhei(黑哥)), is a
 *   person's handle (GOLD-NOTES: handles are PER).
 * - **List mates** (`latinMates`): a Latin word listed with organisations (博通、德州仪器、Marvell等) is one too.
 * - **Heads** (`latinMates`): a Latin word before a company's or an outlet's ending is part of that name (Wind资讯).
 * A Latin name found once is marked at each of its other occurrences (the first letter's case may differ: a line
 * may start with Redrain).
 */
import type { EntityMention, EntityType } from '../types';
import { readEnumerations, type Enumerations } from './enumerations';
import { moved, packedMap } from './mention';

export interface LatinOptions {
  /** Rule families switched off (recognizer.ts RULE_FAMILIES: latinTerms, latinHandles, latinMates). */
  off: ReadonlySet<string>;
  /** The gazetteer's type of exactly norm[a, b), if it lists that name. */
  listedType?: (a: number, b: number) => EntityType | undefined;
  /** The article's enumerations (enumerations.ts), when the caller has read them already. */
  lists?: Enumerations;
}

const WORD_UNIT = /[A-Za-z0-9]/u;
const LETTER = /[A-Za-z]/u;
const HAN = /\p{Script=Han}/u;
/** A Latin word: letters and digits, at least one letter (3GPP, Evi1m0, X50). */
const LATIN_RUN = /[A-Za-z0-9]+/gu;
const isLatinOnly = (s: string) => LETTER.test(s) && !HAN.test(s);

/** English head words of organisation names (the expansion of an acronym that names a body). */
const ORG_HEAD_EN =
  /\b(?:Association|Institute|Institution|Agency|Organi[sz]ation|University|College|Academy|Company|Corporation|Corp|Inc|Ltd|LLC|Group|Council|Committee|Commission|Federation|Union|Society|Foundation|Bureau|Department|Ministry|Office|Administration|Authority|Board|Laboratory|Laboratories|Bank|Fund|Party|League|Consortium|Alliance)\b/u;
/** One Latin word (an acronym: NIST, 3GPP) and capitalised Latin words (an expansion: Jasmine Seales, Same-Origin Policy). */
const ONE_WORD = /^[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*$/u;
const EXPANSION = /^[A-Z][A-Za-z.&'-]*(?:\s+[A-Za-z.&'-]+)+$/u;
/** A person's name in Latin letters: capitalised words, particles (of, de, van) and initials between. */
const PERSON_LATIN = /^[A-Z][a-z]+(?:\s+(?:(?:of|de|da|van|von|der|du|la|le|bin|al)\s+)?[A-Z][a-z]*\.?\s*[A-Za-z]*)+$/u;
/** Chinese head words of organisation names. */
const ORG_HEAD_ZH =
  /(?:协会|学会|研究院|研究所|研究会|委员会|联合会|基金会|联盟|组织|机构|公司|集团|银行|大学|学院|中心|实验室|管理局|总局)$/u;
/** A Han nickname (黑哥, 老周, 小雨, 阿强, TK教主): a person's, so the Latin word it glosses is a handle. */
const NICKNAME_ZH = /^(?:[老小阿]\p{Script=Han}{1,2}|\p{Script=Han}{1,2}(?:哥|姐|叔|爷|妹|弟))$/u;
/** A position in a photo caption (左, 右二, 前排), not a gloss. */
const POSITION = /^(?:[左右中前后上下][一二三四五六七八九十]?|前排|后排|左起|右起|图)/u;
/** A title after a short Latin nickname (TK教主): the gloss is a person's. */
const NICKNAME_TITLE = /^(?:教主|大神|大佬|大侠|老师)$/u;
/** Company and outlet endings a Latin word can stand before (Wind资讯, IT之家), and their first characters. */
const HEAD_AFTER: readonly [RegExp, EntityType][] = [
  [/^(?:资讯|咨询|资本|控股|集团|证券|研究院)/u, 'ORG'],
  [/^(?:之家)/u, 'MEDIA'],
];
const HEAD_FIRST = new Set([...'资咨控集证研之']);

interface Decision {
  type?: EntityType;
  term?: boolean;
}

/** The Latin words of norm[a, b) as [start, end) pairs. */
function latinWords(norm: string, a: number, b: number): [number, number][] {
  const out: [number, number][] = [];
  // On the slice: a search from a on the whole text would run on to the next Latin letter, however far.
  const slice = a === 0 && b === norm.length ? norm : norm.slice(a, b);
  // Runs of letters and digits with a letter in them (a run of digits alone is a number).
  for (const m of slice.matchAll(LATIN_RUN)) if (LETTER.test(m[0])) out.push([a + m.index, a + m.index + m[0].length]);
  return out;
}

/** The key under which one word's mentions share a decision: the first letter's case may differ (Redrain, redrain). */
const keyOf = (w: string) => w[0].toLowerCase() + w.slice(1);

/** What a product or a technique is (GNU Radio项目, APT木马): the Latin word before it names a thing, not a body. */
const TECH_AFTER =
  /^\s?(?:项目|漏洞|协议|芯片|平台|系统|软件|框架|算法|标准|技术|攻击|木马|病毒|版本|接口|插件|引擎|处理器|基带|模式|格式|文件|代码|语言|程序|工具)/u;

/** An acronym (SHA, RSS): no person's name. */
const ACRONYM = /^[A-Z][A-Z0-9]+$/u;
/** A capitalised word (Research), and one next to it across white space (…Cryptologic\nResearch, Various Artists). */
const TITLE_WORD = /^[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*$/u;
const TITLE_BEFORE = /[A-Za-z][a-z]\s+$/u;
const TITLE_AFTER = /^\s+[A-Z][a-z]/u;

/** A version or model number after the word (SHA-1, X50 is one word, Exynos 5100): a standard or a product. */
const VERSIONED = /^(?:-[0-9]|\s?[0-9]{2,})/u;

/**
 * Parenthesised definitions: for each, the Latin words it defines and the decision. `mentionAt(a, b)` is the
 * mention exactly at norm[a, b) or one ending at b (the Han name before the parenthesis).
 */
function definitions(
  norm: string,
  endingAt: (b: number) => EntityMention | undefined,
  glosses: [number, number][],
): Map<string, Decision & { spans: [number, number][] }> {
  const out = new Map<string, Decision & { spans: [number, number][] }>();
  const decide = (words: [number, number][], d: Decision) => {
    for (const [a, b] of words) {
      const key = keyOf(norm.slice(a, b));
      const prev = out.get(key);
      // A name decision beats a term decision made elsewhere (the acronym defined twice, once as the body).
      if (!prev || (prev.term && d.type)) out.set(key, { ...d, spans: [[a, b]] });
      else prev.spans.push([a, b]);
    }
  };
  const namesGlossed = new Map<string, Set<string>>();
  const expansionKeys: [string, string][] = [];
  for (let open = norm.indexOf('('); open >= 0; open = norm.indexOf('(', open + 1)) {
    // Within 120 characters: a search to the text's end for each unclosed parenthesis would be quadratic.
    const near = norm.slice(open + 1, open + 121).indexOf(')');
    if (near < 0) continue;
    const close = open + 1 + near;
    const inner = norm.slice(open + 1, close);
    // A definition has Latin letters on one side.
    if (!LETTER.test(inner) && !LETTER.test(norm.slice(Math.max(0, open - 2), open))) continue;
    // One line break inside: a name broken by the page's layout (…Cryptologic\nResearch，简称IACR).
    if (inner.split('\n').length > 2 || /[()。]/u.test(inner)) continue;
    let before = open;
    while (before > 0 && norm[before - 1] === ' ') before--;
    // What stands before the parenthesis: a Latin word (XSS(…)) or a Han name (国际密码协会(…)).
    let outside: [number, number] | undefined;
    let outsideLatin = false;
    if (before > 0 && LETTER.test(norm[before - 1]) === true) {
      let a = before;
      while (a > 0 && WORD_UNIT.test(norm[a - 1])) a--;
      outside = [a, before];
      outsideLatin = true;
    } else if (before > 0 && WORD_UNIT.test(norm[before - 1])) continue;
    else {
      let a = before;
      while (a > 0 && (HAN.test(norm[a - 1]) || norm[a - 1] === '·') && before - a < 16) a--;
      if (a < before) outside = [a, before];
    }
    if (!outside) continue;
    const parts = inner.split(/[,;]/u).map((p) => p.replace(/^\s*(?:简称|缩写|即|或)?\s*/u, ''));
    const innerLatin = latinWords(norm, open + 1, close).filter(([a, b]) => {
      // Only the words of a Latin part: not the letters of a Han part (新版ZoomEye产品).
      const at = norm.slice(open + 1, a);
      return !HAN.test(norm.slice(a, b)) && !/\p{Script=Han}[A-Za-z0-9 -]*$/u.test(at.replace(/(?:简称|缩写|即|或)\s*$/u, ''));
    });
    const innerHan = parts.filter((p) => HAN.test(p) && !/^[A-Za-z]/u.test(p));
    if (outsideLatin) {
      // XSS(Cross Site Scripting), NSA(非独立组网), Superhei(黑哥), tombkeeper(TK教主).
      const [a, b] = outside;
      const expansion = inner.trim();
      if (!expansion) continue;
      const han = expansion.replace(/[A-Za-z0-9]+/gu, '').trim();
      let d: Decision;
      if (NICKNAME_ZH.test(han) || (han !== expansion && NICKNAME_TITLE.test(han))) {
        d = { type: 'PER' };
        // The nickname is the person's too (黑哥); of TK教主, the name without the title (TK).
        const nick: [number, number] = han === expansion ? [open + 1, close] : latinWords(norm, open + 1, close)[0];
        if (nick) out.set(`\u0000${nick[0]}`, { type: 'PER', spans: [nick] });
      } else if (innerHan.length && !innerLatin.length) {
        // Haha（右）: a position in a photo, no gloss.
        if (han.length < 2 || POSITION.test(han)) continue;
        // Mikey(赵明翼): the Chinese name is a mention, the Latin one its reading.
        const glossName = endingAt(close);
        if (glossName && glossName.start === open + 1 && glossName.type !== 'LOC') d = { type: glossName.type };
        else if (ORG_HEAD_ZH.test(han)) d = { type: 'ORG' };
        else {
          glosses.push([open + 1, close]);
          // Only an acronym is defined by a Chinese phrase (NSA(非独立组网)); Jessica(少女时代) is a singer of a group.
          if (!ACRONYM.test(norm.slice(a, b))) continue;
          d = { term: true };
        }
      } else if (HAN.test(inner)) continue;
      else if (ORG_HEAD_EN.test(expansion)) d = { type: 'ORG' };
      // XSS(Cross Site Scripting); not a title with a subtitle (Picture (web series)).
      else if (ACRONYM.test(norm.slice(a, b))) d = { term: true };
      else continue;
      decide([[a, b]], d);
    } else {
      // 美国标准技术局(NIST), 茉莉·西尔斯(Jasmine Seales), 同源策略(SOP, Same-Origin Policy). Each part is one Latin
      // word (the acronym) or capitalised Latin words (the expansion); anything else (a date, a URL) is no definition.
      const trimmed = parts.map((p) => p.trim()).filter((p) => p);
      if (!trimmed.length || !trimmed.every((p) => ONE_WORD.test(p) || EXPANSION.test(p))) continue;
      const [a, b] = outside;
      const named = endingAt(b);
      const expansion = trimmed.find((p) => EXPANSION.test(p)) ?? '';
      let d: Decision;
      // A person's Latin name is two words or more (Jasmine Seales); one word after a person is often the group (温流(SHINee)).
      if (named && named.start >= a && named.type !== 'LOC' && (named.type !== 'PER' || PERSON_LATIN.test(expansion)))
        d = { type: named.type };
      else if (named?.type === 'PER') continue;
      else if (ORG_HEAD_ZH.test(norm.slice(a, b)) || ORG_HEAD_EN.test(expansion)) d = { type: 'ORG' };
      // 同源策略(SOP, Same-Origin Policy): an acronym of a phrase is a term; one word after an unknown (具荷拉(Kara)) says nothing.
      else if (trimmed.some((p) => ACRONYM.test(p))) d = { term: true };
      else continue;
      const acronyms = innerLatin.filter(([x, y]) => trimmed.includes(norm.slice(x, y)));
      decide(acronyms, d);
      if (d.type && expansion) {
        const at = norm.indexOf(expansion, open);
        const lineEnd = norm.indexOf('\n', at);
        const end = lineEnd >= 0 && lineEnd < at + expansion.length ? lineEnd : at + expansion.length;
        const key = `\u0000${at}`;
        out.set(key, { type: d.type, spans: [[at, end]] });
        // 利特(Super Junior)、银赫(Super Junior): the same Latin words after two names are their group, not their name.
        const glossed = namesGlossed.get(expansion) ?? new Set<string>();
        glossed.add(norm.slice(named?.start ?? a, b));
        namesGlossed.set(expansion, glossed);
        expansionKeys.push([key, expansion]);
      }
    }
  }
  for (const [key, expansion] of expansionKeys) if ((namesGlossed.get(expansion)?.size ?? 0) > 1) out.delete(key);
  return out;
}

/**
 * `mentions` (sorted, non-overlapping) with the Latin words decided by the article: see the file comment.
 * `text`: the original; `norm`: normalised (half-width Latin, position for position).
 */
export function latinNames(mentions: EntityMention[], text: string, norm: string, opts: LatinOptions): EntityMention[] {
  // (Indexed loops over the article's words and mentions: a `for…of` here made an iterator result, and a
  // destructured pair another iterator, per Latin word of the article.)
  if (!/[A-Za-z]/u.test(norm)) return mentions;
  const { off } = opts;
  // Decisions by word key; names to add by span.
  const decided = new Map<string, Decision>();
  const words = allWords(norm);
  const glosses: [number, number][] = [];
  const adds: EntityMention[] = [];
  let lists = opts.lists;
  const neighbours = (a: number, b: number, wholeOnly = false) => listNeighbours(norm, (lists ??= readEnumerations(norm)), a, b, wholeOnly);
  const add = (a: number, b: number, type: EntityType, confidence = 0.7) =>
    adds.push({ start: a, end: b, text: text.slice(a, b), type, confidence, source: 'article' });

  if (!off.has('latinTerms')) {
    for (const [key, d] of definitions(norm, (b) => mentionAt(mentions, b, 'end'), glosses)) {
      if (key.startsWith('\u0000')) {
        for (const [a, b] of d.spans) add(a, b, d.type!);
        continue;
      }
      decided.set(key, d);
      if (d.type) for (const [a, b] of d.spans) add(a, b, d.type);
    }
    // The words listed beside a term are terms (如DEP、ASLR等).
    for (let w = 0; w < words.length; w++) {
      const a = words[w][0];
      const b = words[w][1];
      if (norm[a - 1] !== '、' && norm[b] !== '、') continue;
      const key = keyOf(norm.slice(a, b));
      if (decided.has(key)) continue;
      // Acronyms beside an acronym only: a name listed beside a term (Mikey、Haha) is no term.
      const mate =
        ACRONYM.test(norm.slice(a, b)) &&
        neighbours(a, b).some(([x, y]) => latinWords(norm, x, y).some(([u, v]) => decided.get(keyOf(norm.slice(u, v)))?.term));
      if (mate) decided.set(key, { term: true });
    }
  }
  // A word a list or a pattern already names (BBC, MEDIA) keeps that reading: a slot or a list mate is weaker evidence.
  const named = new Set<string>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.source !== 'model' && m.source !== 'lexicon' && m.source !== 'consistency' && LETTER.test(m.text))
      named.add(keyOf(norm.slice(m.start, m.end)));
  }
  if (!off.has('latinHandles')) {
    // 来自腾讯玄武安全实验室的tombkeeper: a person from a body.
    for (const m of norm.matchAll(/来自[^，。；！？\n,;]{2,24}?的\s?([A-Za-z][A-Za-z0-9_]{2,19})(?![A-Za-z0-9])/gu)) {
      const a = m.index! + m[0].length - m[1].length;
      const key = keyOf(m[1]);
      if (decided.get(key)?.term || named.has(key) || VERSIONED.test(norm.slice(a + m[1].length))) continue;
      if (!decided.get(key)?.type) decided.set(key, { type: 'PER' });
    }
  }
  if (!off.has('latinMates')) {
    // 来源CSDN, 来源：ITmedia |: a Latin word alone in a source slot is the outlet (not a placeholder: XXX).
    for (const m of norm.matchAll(/(?:来源|稿源|出处)[:]?[ \t]*([A-Za-z][A-Za-z0-9.]{1,15})(?=[ \t]*(?:$|[|),]))/gmu)) {
      if (/^x+$/iu.test(m[1]) || decided.has(keyOf(m[1]))) continue;
      const a = m.index! + m[0].length - m[1].length;
      add(a, a + m[1].length, 'MEDIA');
    }
    for (let w = 0; w < words.length; w++) {
      const a = words[w][0];
      const b = words[w][1];
      if (norm[a - 1] !== '、' && norm[b] !== '、' && !HEAD_FIRST.has(norm[b])) continue;
      const key = keyOf(norm.slice(a, b));
      if (decided.has(key) || named.has(key) || b - a < 2) continue;
      // Wind资讯, IT之家: before a company's or an outlet's ending, the name with it.
      const head = HEAD_AFTER.find(([re]) => re.test(norm.slice(b, b + 3)));
      if (head && (a === 0 || !WORD_UNIT.test(norm[a - 1]))) {
        const len = head[0].exec(norm.slice(b, b + 3))![0].length;
        add(a, b + len, head[1]);
        continue;
      }
      // 博通、英伟达、德州仪器、Marvell等: listed with organisations.
      const mates = neighbours(a, b, true);
      if (mates.length < 2) continue;
      const types = packedMap(mates, ([x, y]) => {
        const m = mentionAt(mentions, x, 'start');
        return m?.end === y ? m.type : undefined;
      });
      // Outlets are bodies too (ABC、BBC、迪斯尼、ESPN).
      const org = types.filter((t) => t === 'ORG' || t === 'MEDIA').length;
      if (org >= 2 && org * 2 >= types.length) decided.set(key, { type: 'ORG' });
    }
  }

  const dropWord = (m: EntityMention): boolean => {
    if (!isLatinOnly(m.text)) return false;
    const words = latinWords(norm, m.start, m.end);
    // A definition decides.
    if (words.some(([a, b]) => decided.get(keyOf(norm.slice(a, b)))?.term)) return true;
    if (off.has('latinTerms')) return false;
    if ((words.length === 1 && VERSIONED.test(norm.slice(m.end))) || TECH_AFTER.test(norm.slice(m.end, m.end + 4))) return true;
    if (m.source !== 'model' && m.source !== 'lexicon') return false;
    // The tagger never saw a Latin name (MSRA has none): it reads contexts, which serve for a word standing alone
    // (Haha的, ESPN等) but not for an acronym as a person (SHA, RSS) or a piece of an English phrase (Research after
    // Cryptologic, Various Artists).
    if (m.type === 'PER' && ACRONYM.test(m.text)) return true;
    return (
      TITLE_WORD.test(m.text) &&
      (TITLE_BEFORE.test(norm.slice(Math.max(0, m.start - 24), m.start)) || TITLE_AFTER.test(norm.slice(m.end, m.end + 24)))
    );
  };
  const kept: EntityMention[] = [];
  // A person inside a phrase that glosses a Latin word (钟馗 in ZoomEye(钟馗之眼)) is part of a product's name; one that
  // is the gloss but for a character (赵明 in Mikey(赵明翼)) is the person.
  glosses.sort((x, y) => x[0] - y[0]);
  const inGloss = (m: EntityMention) => {
    if (m.type !== 'PER' || !glosses.length) return false;
    // The last gloss starting at or before the mention (glosses are parentheses: they do not nest here).
    let lo = 0;
    let hi = glosses.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (glosses[mid][0] <= m.start) lo = mid;
      else hi = mid - 1;
    }
    const [a, b] = glosses[lo];
    return m.start >= a && m.end <= b && b - a - (m.end - m.start) >= 2;
  };
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    // Most mentions hold no Latin letter and stand in no gloss: one test each.
    const latin = LETTER.test(m.text);
    if (m.source === 'user' || (!latin && (!glosses.length || m.type !== 'PER'))) kept.push(m);
    else if ((latin && dropWord(m)) || inGloss(m)) continue;
    else if (!off.has('latinTerms') && (m.source === 'model' || m.source === 'lexicon') && HAN.test(m.text) && LETTER.test(m.text))
      kept.push(...untangle(m, text, norm, opts));
    else kept.push(m);
  }
  // Every occurrence of a decided name.
  const anyName = [...decided.values()].some((d) => d.type);
  for (let w = 0; anyName && w < words.length; w++) {
    const a = words[w][0];
    const b = words[w][1];
    const d = decided.get(keyOf(norm.slice(a, b)));
    if (d?.type && !VERSIONED.test(norm.slice(b))) add(a, b, d.type);
  }
  if (!adds.length) return kept;
  // Added names replace what they overlap, except a user's entry and a longer name holding them (IT之家 in a source list).
  adds.sort((x, y) => x.start - y.start || y.end - x.end);
  // One sweep: `kept` is sorted and non-overlapping, so the mentions an addition overlaps are contiguous from `k`.
  const taken: EntityMention[] = [];
  const dropped = new Uint8Array(kept.length);
  let last = -1;
  let k = 0;
  for (const x of adds) {
    if (x.start < last) continue;
    while (k < kept.length && kept[k].end <= x.start) k++;
    let blocked = false;
    for (let j = k; j < kept.length && kept[j].start < x.end && !blocked; j++) {
      const m = kept[j];
      blocked = m.source === 'user' || (m.start <= x.start && m.end >= x.end && m.end - m.start > x.end - x.start && !isLatinOnly(m.text));
    }
    if (blocked) continue;
    for (let j = k; j < kept.length && kept[j].start < x.end; j++) dropped[j] = 1;
    taken.push(x);
    last = x.end;
  }
  if (!taken.length) return kept;
  // Merge the two sorted lists.
  const out: EntityMention[] = [];
  let t = 0;
  for (let j = 0; j < kept.length; j++) {
    if (dropped[j]) continue;
    while (t < taken.length && taken[t].start < kept[j].start) out.push(taken[t++]);
    out.push(kept[j]);
  }
  while (t < taken.length) out.push(taken[t++]);
  return out;
}

/** The mention of `sorted` (sorted, non-overlapping, so sorted by end too) whose `edge` is at `at`, by binary search. */
function mentionAt(sorted: readonly EntityMention[], at: number, edge: 'start' | 'end'): EntityMention | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid][edge];
    if (v === at) return sorted[mid];
    if (v < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Every whole Latin word of norm (a run of letters and digits with a letter in it), by one scan of the code units. */
function allWords(norm: string): [number, number][] {
  const out: [number, number][] = [];
  const unit = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  for (let i = 0; i < norm.length;) {
    const c = norm.charCodeAt(i);
    if (!unit(c)) {
      i++;
      continue;
    }
    let letter = false;
    const a = i;
    for (; i < norm.length && unit(norm.charCodeAt(i)); i++) letter ||= norm.charCodeAt(i) >= 65;
    if (letter) out.push([a, i]);
  }
  return out;
}

/** A character of a list item as the Latin families read one: Han, Latin, a digit, a name dot. */
const LIST_ITEM = /[\p{Script=Han}A-Za-z0-9·]/u;

/**
 * The items listed with the word at [a, b) by 、 (DEP、ASLR; 博通、德州仪器、Marvell等): the spans of the other items,
 * or none when the word is no item of a list. Each neighbour is the run of item characters of its part next to the
 * word's side (at most twelve before it, eleven after it, and not 等 after it); the walk goes on to the next part
 * only through a part that is one such run. `wholeOnly`: only items of two characters or more.
 */
function listNeighbours(norm: string, lists: Enumerations, a: number, b: number, wholeOnly = false): [number, number][] {
  const out: [number, number][] = [];
  // The word must be the whole item: a separator or the list's end on each side.
  const leftSep = a > 0 && norm[a - 1] === '、';
  const rightSep = b < norm.length && norm[b] === '、';
  if (!leftSep && !rightSep) return out;
  if (!leftSep && a > 0 && LIST_ITEM.test(norm[a - 1])) return out;
  if (!rightSep && b < norm.length && LIST_ITEM.test(norm[b]) && norm[b] !== '等') return out;
  const e = lists.atComma(leftSep ? a - 1 : b);
  if (!e) return out;
  if (leftSep)
    for (let j = e.commas.indexOf(a - 1); j >= 0 && out.length < 8; j--) {
      const { start, end } = e.parts[j];
      let s = end;
      while (s > start && LIST_ITEM.test(norm[s - 1]) && end - s < 12) s--;
      if (s === end) break;
      out.push([s, end]);
      if (s > start) break;
    }
  if (rightSep)
    for (let j = e.commas.indexOf(b) + 1; j < e.parts.length && out.length < 16; j++) {
      const { start, end } = e.parts[j];
      let x = start;
      while (x < end && LIST_ITEM.test(norm[x]) && norm[x] !== '等' && x - start < 11) x++;
      if (x === start) break;
      out.push([start, x]);
      if (x < end) break;
    }
  return wholeOnly ? out.filter(([x, y]) => y - x >= 2) : out;
}

/** A tagger mention that glued a Latin word to a listed Han name (英国Sea): the listed name alone, with the list's type. */
function untangle(m: EntityMention, text: string, norm: string, opts: LatinOptions): EntityMention[] {
  let { start, end } = m;
  while (start < end && (WORD_UNIT.test(norm[start]) || norm[start] === ' ')) start++;
  while (end > start && (WORD_UNIT.test(norm[end - 1]) || norm[end - 1] === ' ')) end--;
  if (start === m.start && end === m.end) return [m];
  // Only where the rest is a listed name: Sierra俱乐部 and Chase银行 are names in Latin letters with their head.
  const listed = end - start >= 2 ? opts.listedType?.(start, end) : undefined;
  return listed ? [moved(m, text, start, end, listed, 'gazetteer')] : [m];
}
