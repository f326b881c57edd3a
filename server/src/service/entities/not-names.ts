/**
 * Mentions the guidelines say are no names, though MSRA train (and so the tagger) marks them (issue 11, seventh
 * round: silver pages). Each is one closed class of the guidelines' conventions, decided from the gold notes and the
 * silver pages, with the MSRA convention it departs from counted in docs/entities.md:
 * - `anonymised`: 杨某, 李某某, 王某红. GUIDELINES: 李男, 賴女, 賴姓女子 are no names; X某 is the same kind (MSRA
 *   marks the surname: 55 times in train).
 * - `eponyms`: a person's name that makes a term: 马克思主义 (GOLD-NOTES), 诺贝尔奖, 冯·诺依曼架构. The name
 *   stands for the term, not for the person, unlike a name inside an event or case title (陈同佳案), which is marked.
 * - `chineseCulture`: 中华 (中华民族, 中华文化: GOLD-NOTES), 华夏 and 华 as a people or a culture (华人, 华侨,
 *   华夏之音), not a place. 中华人民共和国 and 华 as a place abbreviation (访华, 对华) are left alone.
 * - `rareNames`: generic nouns MSRA train marks only now and then (实验室, 专门委员会), learned from its counts.
 * - `ordinals`: the ordinal of a term before an organisation (第十届) is not part of its name.
 * - `determinedNouns`: an organisation the article writes after a determiner somewhere (一家传呼机公司) is a kind.
 * - `personCopies`: article consistency copies a person the tagger found only where the string looks like a name.
 * - `genericCopies`: and no organisation that is an everyday word plus a generic head (快递公司).
 */
import type { EntityMention } from '../types';
import { RARE_NAMES } from './rare-names-data';
import { TRANSLIT_MIN_SCORE, translitScore } from './translit';
import { moved, packedMap } from './mention';

/** 某 as a determiner (某天, 某些, 某人): after a two-character name it starts a phrase, not an anonymised name. */
const DETERMINER_AFTER = new Set([...'些个种天日年月次位处地时人一']);

/** Terms made of a person's name: doctrines, prizes, laws of science, computer architectures. */
const EPONYM_TERM = /^(?:主义|奖|架构|体系结构|结构|定律|定理|猜想|方程|效应|悖论|原理)/u;

/** What follows 华夏 or 华 when it names a people or a culture rather than a place. */
const PEOPLE_OR_CULTURE = /^(?:民族|文化|文明|儿女|子孙|传统|之|人|侨|裔|语|商|族)/u;

/** The mentions without anonymised people. */
export function dropAnonymised(mentions: EntityMention[], norm: string): EntityMention[] {
  return mentions.filter((m) => {
    if (m.type !== 'PER' || m.source === 'user') return true;
    const surface = norm.slice(m.start, m.end);
    // 杨[某] (a surname alone before 某), 欧阳[某]; and a span that took 某 in (杨某, 王某红).
    if (norm[m.end] === '某' && (surface.length === 1 || (surface.length === 2 && !DETERMINER_AFTER.has(norm[m.end + 1])))) return false;
    return !(surface.length <= 4 && surface.indexOf('某') > 0);
  });
}

/** The mentions without a person's name used as part of a term (马克思主义, 诺贝尔奖, 冯·诺依曼架构). */
export function dropEponyms(mentions: EntityMention[], norm: string): EntityMention[] {
  return mentions.filter((m) => m.type !== 'PER' || m.source === 'user' || !EPONYM_TERM.test(norm.slice(m.end, m.end + 4)));
}

/** The mentions without 中华, 华夏 or 华 used for the Chinese people or culture. */
export function dropChineseCulture(mentions: EntityMention[], norm: string): EntityMention[] {
  return mentions.filter((m) => {
    if (m.type !== 'LOC' || m.source === 'user') return true;
    const surface = norm.slice(m.start, m.end);
    // 中华 alone is the nation as a people or a civilisation; the state is 中华人民共和国, a longer name.
    if (surface === '中华') return false;
    if (surface !== '华夏' && surface !== '华') return true;
    return !PEOPLE_OR_CULTURE.test(norm.slice(m.end, m.end + 2));
  });
}

/**
 * The mentions without a generic noun the tagger read as an organisation from a stray MSRA label (实验室, 专门委员会,
 * 社会文化: rare-names-data.ts). Only where the tagger was unsure and no lexicon lists the string as a name.
 */
export function dropRareNames(mentions: EntityMention[], norm: string, listed: (a: number, len: number) => boolean): EntityMention[] {
  return mentions.filter(
    (m) =>
      (m.type !== 'ORG' && m.type !== 'MEDIA') ||
      (m.source !== 'model' && m.source !== 'lexicon') ||
      !(m.confidence < 0.5) ||
      !RARE_NAMES.has(norm.slice(m.start, m.end)) ||
      listed(m.start, m.end - m.start),
  );
}

/** A term's ordinal before an organisation (第十届, 第3次): the name is what follows it. */
const ORDINAL = /^第[0-9一二三四五六七八九十百零〇两]+[届次任期]/u;

/** Organisations without the ordinal of a term before them (第十届全国人民代表大会常务委员会 → 全国人民代表大会常务委员会). */
export function trimOrdinals(mentions: EntityMention[], text: string, norm: string): EntityMention[] {
  return packedMap(mentions, (m) => {
    if (m.type !== 'ORG' || m.source === 'user') return m;
    const ordinal = ORDINAL.exec(norm.slice(m.start, m.end));
    if (!ordinal || m.end - m.start - ordinal[0].length < 2) return m;
    const start = m.start + ordinal[0].length;
    return moved(m, text, start, m.end);
  });
}

/** A determiner or a classifier phrase just before a noun: 一家, 这些, 该, 各, 其他, 所有 (一家物流公司, 这些物流公司). */
const DETERMINED = /(?:[一两几多每这那该某哪数][家个所类]|[这那一]些|[该各每某这那哪]|其他|其它|所有|部分|众多)$/u;

/**
 * The mentions without an organisation the article itself uses as a common noun: a name marked somewhere in the
 * article right after a determiner (一家传呼机公司, 这些物流公司) is a kind of organisation, not one organisation,
 * and so is every other mention of it (article consistency marks the other occurrences). Only names no list or
 * lexicon holds. Reads the mentions only, so it stays linear on a large text.
 */
export function dropDeterminedNouns(mentions: EntityMention[], norm: string, listed: (a: number, len: number) => boolean): EntityMention[] {
  const candidate = (m: EntityMention) => m.type === 'ORG' && m.source !== 'user' && m.source !== 'gazetteer' && m.end - m.start >= 3;
  let generic: Set<string> | undefined;
  for (const m of mentions)
    if (candidate(m) && DETERMINED.test(norm.slice(Math.max(0, m.start - 2), m.start)) && !listed(m.start, m.end - m.start))
      (generic ??= new Set()).add(norm.slice(m.start, m.end));
  if (!generic) return mentions;
  const kinds = generic;
  return mentions.filter((m) => !candidate(m) || !kinds.has(norm.slice(m.start, m.end)));
}

/**
 * Whether a person the tagger read once looks enough like a person's name to be copied onto the article's other
 * occurrences (recognizer.ts `propagate`, family `personCopies`): a full foreign name (with a name dot or a space),
 * a Han name that starts with a surname, a name the lexicons list as a person, or a run of transliteration
 * characters (translit.ts). A platform or a word the tagger once took for a person (淘宝, 知道[创宇]) and a single
 * Latin word (Haha) is not spread over the article.
 */
export function personLike(name: string, isSurname: (c: string) => boolean, listedPerson: boolean): boolean {
  if (/[·\s]/u.test(name)) return true;
  if (!/^\p{Script=Han}+$/u.test(name)) return false;
  return isSurname(name[0]) || listedPerson || translitScore(name) >= TRANSLIT_MIN_SCORE;
}

/**
 * Whether an organisation is an everyday word plus a generic head that MSRA train rarely marks (快递公司, 物流公司,
 * 利益集团: a kind of organisation): the copy gate of article consistency (recognizer.ts `propagate`, family
 * `genericCopies`). `commonWord` is true of a dictionary word that no lexicon lists as a name.
 */
export function genericCompound(name: string, commonWord: (a: number, len: number) => boolean): boolean {
  for (let k = 2; k + 2 <= name.length; k++) if (RARE_NAMES.has(name.slice(k)) && commonWord(0, k)) return true;
  return false;
}
