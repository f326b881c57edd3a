/**
 * Mention linking within one article: mentions that name the same entity form one cluster
 * (普京 / 普京总统, 美 / 美国, 特朗普 / 川普, 潘振声 / 潘, 长春 / 长春市, 皓月 / 皓月集团).
 */
import type { EntityMention, EntityType } from '../types';
import { normalizeForMatching } from '../normalize';
import { SPACE_UNIT } from './scan';

export interface EntityCluster {
  id: number;
  /** The fullest name of the entity, in the script the article uses. */
  canonical: string;
  type: EntityType;
  /** Distinct surface forms in the article, in order of first appearance. */
  aliases: string[];
  mentions: EntityMention[];
}

/** The mentions under one key, while they are linked. */
interface Cluster {
  type: EntityType;
  key: string;
  mentions: EntityMention[];
}

/** Different renderings and abbreviations of the same name, keyed by Simplified form. */
const ALIAS_TABLE: Record<string, string> = {
  川普: '特朗普',
  唐纳德·特朗普: '特朗普',
  普丁: '普京',
  弗拉基米尔·普京: '普京',
  泽伦斯基: '泽连斯基',
  马克宏: '马克龙',
  梅克尔: '默克尔',
  萧兹: '朔尔茨',
  贺锦丽: '哈里斯',
  卡玛拉·哈里斯: '哈里斯',
  乔·拜登: '拜登',
  贝拉克·奥巴马: '奥巴马',
  埃隆·马斯克: '马斯克',
  美: '美国',
  俄: '俄罗斯',
  中: '中国',
  华: '中国',
  乌: '乌克兰',
  台: '台湾',
  港: '香港',
  澳: '澳门',
  英: '英国',
  法: '法国',
  德: '德国',
  日: '日本',
  韩: '韩国',
  朝: '朝鲜',
  印: '印度',
  欧: '欧洲',
  伊: '伊朗',
  以: '以色列',
  京: '北京',
  沪: '上海',
  穗: '广州',
  莞: '东莞',
  深: '深圳',
  埃塞: '埃塞俄比亚',
  俄罗斯联邦: '俄罗斯',
  美利坚合众国: '美国',
  中华人民共和国: '中国',
  纽西兰: '新西兰',
  义大利: '意大利',
  澳洲: '澳大利亚',
  沙特: '沙特阿拉伯',
  沙乌地阿拉伯: '沙特阿拉伯',
  沙乌地: '沙特阿拉伯',
  北韩: '朝鲜',
  南韩: '韩国',
  寮国: '老挝',
  印尼: '印度尼西亚',
  北约: '北大西洋公约组织',
  欧盟: '欧洲联盟',
  世卫组织: '世界卫生组织',
  世卫: '世界卫生组织',
  世贸组织: '世界贸易组织',
  联大: '联合国大会',
  中共: '中国共产党',
  阿里: '阿里巴巴',
  新华通讯社: '新华社',
  中央通讯社: '中央社',
  中时: '中国时报',
  纽时: '纽约时报',
  华邮: '华盛顿邮报',
  路透: '路透社',
  彭博: '彭博社',
  央视: '中央电视台',
  北大: '北京大学',
  清华: '清华大学',
  中科院: '中国科学院',
  港大: '香港大学',
  台大: '台湾大学',
  北市: '台北市',
  南市: '台南市',
};

/**
 * ALIAS_TABLE as a map: an object read with a key that is no property name first looks the string up in V8's table
 * of internalised strings (a hash and a probe of a process-wide table, per mention's key), and it also answered
 * for `constructor` or `toString` with Object.prototype's function.
 */
const ALIASES = new Map(Object.entries(ALIAS_TABLE));

/** `s.replace(/\s+/g, '')`, without running the regex over a name with no white space (nearly every one). */
export function withoutSpaces(s: string): string {
  for (let i = 0; i < s.length; i++) if (SPACE_UNIT[s.charCodeAt(i)]) return s.replace(/\s+/g, '');
  return s;
}

const TITLE_AFFIX =
  /^(?:总统|总理|主席|首相|先生|女士|国务卿|外长|部长|发言人)+|(?:总统|总理|主席|首相|先生|女士|夫人|同志|国务卿|外长|部长|发言人|教授|博士|老|局长|市长)+$/gu;
const PLACE_SUFFIX = /(?:市|省|县|区|镇|乡|岛|自治区|特别行政区)$/u;
const ORG_SUFFIX = /(?:集团|公司|股份有限公司|有限公司|控股)$/u;

function keyOf(m: EntityMention, normalized: (s: string) => string): string {
  let k = withoutSpaces(normalized(m.text));
  if (m.type === 'PER') k = k.replace(TITLE_AFFIX, '') || k;
  k = ALIASES.get(k) ?? k;
  if (m.type === 'PER' && k.includes('·')) k = ALIASES.get(k) ?? k;
  if (m.type === 'LOC' && k.length > 2) k = k.replace(PLACE_SUFFIX, '') || k;
  if (m.type === 'ORG' && k.length > 3) k = k.replace(ORG_SUFFIX, '') || k;
  return k;
}

const group = (t: EntityType) => (t === 'MEDIA' ? 'MEDIA' : t);

/**
 * Clusters the mentions of one text. `mentions` as the recogniser returns them (sorted); `normalized`: the text's
 * normalizeForMatching, when the caller has it.
 */
export function linkEntities(text: string, mentions: EntityMention[], normalized?: string): EntityCluster[] {
  const norm = normalized ?? normalizeForMatching(text);
  // Each distinct surface form is normalised once (a name recurs; its form alone, as a key must not depend on
  // the line around it).
  const forms = new Map<string, string>();
  const formOf = (s: string): string => {
    let f = forms.get(s);
    if (f === undefined) forms.set(s, (f = normalizeForMatching(s)));
    return f;
  };
  // What the alias table makes of each distinct surface form (a name recurs; the test below reads every mention), ''
  // for none (no alias is empty).
  const aliasOfForm = new Map<string, string>();
  const aliasOf = (s: string): string | undefined => {
    let a = aliasOfForm.get(s);
    if (a === undefined) aliasOfForm.set(s, (a = ALIASES.get(withoutSpaces(formOf(s))) ?? ''));
    return a || undefined;
  };
  const traditional = norm !== text && looksTraditional(text, norm);
  // A key depends on the mention's type and text alone, and the cluster on the key: each distinct pair is keyed,
  // and its cluster found, once (a template-string key per mention hashed a fresh string each time).
  const clusterOfText = new Map<EntityType, Map<string, Cluster>>();
  // The article's own Simplified-to-written character pairs, read once when a key needs writing back.
  let back: Map<string, string> | undefined;
  const byKey = new Map<string, Cluster>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    let byText = clusterOfText.get(m.type);
    if (!byText) clusterOfText.set(m.type, (byText = new Map()));
    let c = byText.get(m.text);
    if (c === undefined) {
      const k = keyOf(m, formOf);
      const key = `${group(m.type)}\u0000${k}`;
      c = byKey.get(key);
      if (!c) byKey.set(key, (c = { type: m.type, key: k, mentions: [] }));
      byText.set(m.text, c);
    }
    c.mentions.push(m);
  }
  // Containment: a short person name that is the family name or the last part of exactly one longer one.
  const clusters = [...byKey.values()];
  const merged = new Set<Cluster>();
  // The person clusters by each proper prefix and suffix of their key, so a short name finds the longer ones it
  // may be part of without testing every cluster (a long document has thousands).
  const byPrefix = new Map<string, Cluster[]>();
  const bySuffix = new Map<string, Cluster[]>();
  const index = (map: typeof byPrefix, part: string, c: Cluster) => {
    const list = map.get(part);
    if (list) list.push(c);
    else map.set(part, [c]);
  };
  for (const c of clusters) {
    if (c.type !== 'PER') continue;
    for (let k = 1; k < c.key.length; k++) {
      index(byPrefix, c.key.slice(0, k), c);
      index(bySuffix, c.key.slice(k), c);
    }
  }
  for (const short of clusters) {
    if (short.type !== 'PER') continue;
    const prefixed = byPrefix.get(short.key);
    const suffixed = bySuffix.get(short.key);
    // Most names are part of no other (no list, no set or array made for them).
    if (!prefixed && !suffixed) continue;
    // The one cluster that can host it, or none when two can. A cluster is listed at most once per list, and in both
    // when the short key is a proper prefix and a suffix of its key: the suffix list skips those the prefix list has.
    const hosts = (c: Cluster) =>
      !merged.has(c) &&
      (c.key.startsWith(short.key) || c.key.endsWith(`·${short.key}`) || (short.key.length >= 2 && c.key.endsWith(short.key)));
    let host: Cluster | undefined;
    let count = 0;
    for (const c of prefixed ?? [])
      if (hosts(c)) {
        host = c;
        count++;
      }
    for (const c of suffixed ?? [])
      if (!(c.key.length > short.key.length && c.key.startsWith(short.key)) && hosts(c)) {
        host = c;
        count++;
      }
    if (count === 1) {
      host!.mentions.push(...short.mentions);
      merged.add(short);
    }
  }
  // Loops, not filter / map: optimised code's inlined map makes a holey array where the builtin makes a packed one,
  // and the sort below deoptimised on the other ("wrong map", mention.ts packedMap).
  const out: Cluster[] = [];
  for (const c of clusters) {
    if (merged.has(c)) continue;
    // Sorted already unless a short name's mentions joined it (the sort copies the array).
    if (!isSortedByStart(c.mentions)) c.mentions.sort((a, b) => a.start - b.start);
    out.push(c);
  }
  out.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  const linked: EntityCluster[] = [];
  // Which cluster last took each text as an alias: a cluster of many mentions (a name said a hundred times) reads its
  // texts there, not in its list of aliases once per mention.
  const aliasOfCluster = new Map<string, number>();
  for (let id = 0; id < out.length; id++) {
    const c = out[id];
    const aliases: string[] = [];
    const ms = c.mentions;
    if (ms.length <= 4) {
      for (let i = 0; i < ms.length; i++) if (!aliases.includes(ms[i].text)) aliases.push(ms[i].text);
    } else
      for (let i = 0; i < ms.length; i++)
        if (aliasOfCluster.get(ms[i].text) !== id) {
          aliasOfCluster.set(ms[i].text, id);
          aliases.push(ms[i].text);
        }
    // Read over the distinct forms, in order of first appearance: the first form whose normalised text is the key is
    // the text of the first mention with it, and a form the alias table maps to the key is some mention's.
    let surfaceOfKey: string | undefined;
    let fromAliasTable = false;
    for (const a of aliases) {
      if (surfaceOfKey === undefined && formOf(a) === c.key) surfaceOfKey = a;
      if (!fromAliasTable && aliasOf(a) === c.key) fromAliasTable = true;
    }
    // The first of the longest forms (what a stable sort by length would put first).
    let longest = aliases[0];
    for (const a of aliases) if (a.length > longest.length) longest = a;
    // The key is the canonical form only when the alias table produced it (美 -> 美国); a key made by
    // stripping titles or suffixes (龙湖 from 龙湖集团) is shorter than the real name, so the longest form wins.
    let canonical =
      c.type !== 'PER' && !fromAliasTable
        ? longest
        : (surfaceOfKey ?? (fromAliasTable && c.key.length >= longest.length ? c.key : longest));
    if (!surfaceOfKey && canonical === c.key && traditional) canonical = inScriptOfText(c.key, (back ??= writtenForms(text, norm)));
    linked.push({ id, canonical, type: c.type, aliases, mentions: c.mentions });
  }
  return linked;
}

function isSortedByStart(mentions: readonly EntityMention[]): boolean {
  for (let i = 1; i < mentions.length; i++) if (mentions[i].start < mentions[i - 1].start) return false;
  return true;
}

/**
 * A Simplified key written the way this article writes its characters (美国 -> 美國 in a Taiwanese text),
 * learnt from the article's own character pairs: no Simplified-to-Traditional converter (~60 MB) is needed.
 */
function inScriptOfText(key: string, back: ReadonlyMap<string, string>): string {
  return [...key].map((ch) => back.get(ch) ?? ch).join('');
}

/** Each normalised character the article writes otherwise, with the first way it writes it. */
function writtenForms(text: string, norm: string): Map<string, string> {
  const back = new Map<string, string>();
  // The code units already in `back`: a differing character recurs thousands of times in a Traditional article,
  // and a one-character string and a look-up for each cost more than the rest of the loop.
  const seen = new Uint8Array(0x10000);
  for (let i = 0; i < text.length; i++) {
    const c = norm.charCodeAt(i);
    if (c !== text.charCodeAt(i) && !seen[c]) {
      seen[c] = 1;
      back.set(norm[i], text[i]);
    }
  }
  return back;
}

/** More characters changed by Simplification than not: the article is written in Traditional. */
function looksTraditional(text: string, norm: string): boolean {
  let changed = 0;
  for (let i = 0; i < text.length && changed < 3; i++)
    if (text.charCodeAt(i) !== norm.charCodeAt(i) && text.charCodeAt(i) > 0x2e80) changed++;
  return changed >= 3;
}
