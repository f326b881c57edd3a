/**
 * Organisation names cut short (issue 11, seventh round): the guidelines mark the longest proper name, and a unit of
 * an organisation is written as the organisation, a modifier and the unit's head with nothing between them:
 * 腾讯 + 玄武安全 + 实验室, 国务院 + 联防联控 + 机制, 中国科协 + 女科技工作者专门 + 委员会. A company and a country
 * name its branch there (亚马逊 + 中国). An organisation found by any layer grows to such a head when the modifier
 * reads as words of the dictionary (no verb, no function word, no time word between), so its right edge comes from
 * the head and its words from the segmenter's dictionary, not from a list of names. A place the tagger found grows
 * the same way over its district's body (沙坪坝 + 区公安分局), as a gazetteer place does in patterns.ts.
 */
import type { EntityMention } from '../types';
import { moved } from './mention';

/** Heads of an organisation's unit: labs, schools, institutes, committees, branches and working mechanisms. */
const UNIT_HEAD =
  /^(?:重点实验室|实验室|研究院|研究所|研究中心|研究室|学院|分院|专门委员会|委员会|分局|分公司|子公司|事业部|事业群|机制|办公室|办事处|代表处)/u;
/** Heads of a school or research unit, whose modifier may join two fields with 与 (旅游与国土资源学院). */
const FIELD_HEAD = /(?:实验室|研究院|研究所|研究中心|研究室|学院)$/u;
/** Characters that never stand in a unit's modifier: function words, verbs of saying, measure and demonstrative words. */
const NOT_MODIFIER = new Set([
  ...'的了在和及是为将把被让从到于也都就已曾会要并而但或等由给以使向对说称同时一两几多家个些该这那其各每旗下属',
]);
/** Words that make the modifier a clause rather than part of a name (设立研究院, 今年成立实验室). */
const CLAUSE_WORD =
  /(?:发布|成立|设立|建立|组建|新建|筹建|举办|主办|承办|联合|宣布|推出|牵头|携手|今年|去年|明年|目前|近日|日前|此前|正式|已经|负责|所在|内部|相关|合作)/u;
/** Countries and regions a company's local branch is named with (亚马逊中国, 高通中国). */
const BRANCH_PLACE = /^(?:中国|美国|英国|法国|德国|日本|韩国|印度|香港|台湾|欧洲|亚太|大中华)$/u;
/** Endings of bodies that are no company (国务院, 联合国, 外交部, 北京大学): they take no country after them. */
const BODY_END = /(?:[国会院部局署厅府委党军队盟校处所馆]|组织|大学|中心)$/u;
const MAX_MODIFIER = 8;
/** A district's or county's own body after its place name (区公安分局, 县人民法院). */
const PLACE_BODY = /^[区县市镇](?:公安分局|公安局|派出所|人民法院|人民检察院|人民政府|交警支队|交警大队|消防救援大队)/u;

/**
 * `mentions` sorted by start, with each organisation grown over the unit heads that follow it. `isWord(a, len)`:
 * a word of the model's dictionaries at norm[a, a + len).
 */
export function growOrganisationHeads(
  mentions: EntityMention[],
  text: string,
  norm: string,
  isWord: (a: number, len: number) => boolean,
): EntityMention[] {
  const out: EntityMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    // 沙坪坝 + 区公安分局: a place the tagger found (the gazetteer's grow in patterns.ts) and its district's body.
    const body =
      m.type === 'LOC' && (m.source === 'model' || m.source === 'lexicon') ? PLACE_BODY.exec(norm.slice(m.end, m.end + 8)) : null;
    if (body && !(mentions[i + 1]?.start < m.end + body[0].length)) {
      const end = m.end + body[0].length;
      out.push(moved(m, text, m.start, end, 'ORG', 'article'));
      continue;
    }
    if (m.type !== 'ORG' || m.source === 'user' || m.end - m.start < 2) {
      out.push(m);
      continue;
    }
    let end = m.end;
    const next = mentions[i + 1];
    // A company, then a country name the recogniser read as a place, then no more of a name: the branch.
    if (
      next &&
      next.start === end &&
      next.type === 'LOC' &&
      next.source !== 'user' &&
      BRANCH_PLACE.test(norm.slice(next.start, next.end)) &&
      !BODY_END.test(norm.slice(m.start, m.end))
    )
      end = next.end;
    for (let guard = 0; guard < 3; guard++) {
      const grown = unitEnd(norm, end, isWord);
      if (grown < 0) break;
      end = grown;
    }
    if (end === m.end) {
      out.push(m);
      continue;
    }
    // The mentions the grown name covers go; one that runs past its end keeps the name as it was.
    let j = i + 1;
    while (j < mentions.length && mentions[j].end <= end) j++;
    if (j < mentions.length && mentions[j].start < end) {
      out.push(m);
      continue;
    }
    if (mentions.slice(i + 1, j).some((x) => x.source === 'user')) {
      out.push(m);
      continue;
    }
    out.push(moved(m, text, m.start, end, m.type, 'article'));
    i = j - 1;
  }
  return out;
}

/** Where a unit head that continues a name ending at `end` ends, or -1. */
function unitEnd(norm: string, end: number, isWord: (a: number, len: number) => boolean): number {
  const window = norm.slice(end, end + MAX_MODIFIER + 6);
  for (let k = 0; k <= MAX_MODIFIER && k < window.length; k++) {
    const c = window[k];
    if (!/\p{Script=Han}/u.test(c)) return -1;
    const head = UNIT_HEAD.exec(window.slice(k));
    if (head) {
      const modifier = window.slice(0, k);
      const stop = end + k + head[0].length;
      if (k === 0 || readsAsWords(norm, end, end + k, isWord, FIELD_HEAD.test(head[0]))) {
        if (!CLAUSE_WORD.test(modifier)) return stop;
        return -1;
      }
    }
    if (NOT_MODIFIER.has(c) || (c === '与' && k === 0)) return -1;
  }
  return -1;
}

/**
 * norm[a, b) segments into words of the dictionary (two to four characters) with at most one single character,
 * which may be the 与 joining two fields where `fields`.
 */
function readsAsWords(norm: string, a: number, b: number, isWord: (a: number, len: number) => boolean, fields: boolean): boolean {
  // best[k]: fewest single characters needed to cover norm[a, a + k), or Infinity.
  const n = b - a;
  const best = new Array<number>(n + 1).fill(Infinity);
  best[0] = 0;
  for (let k = 0; k < n; k++) {
    if (best[k] === Infinity) continue;
    for (let len = 2; len <= 4 && k + len <= n; len++) if (isWord(a + k, len)) best[k + len] = Math.min(best[k + len], best[k]);
    const single = norm[a + k];
    if (single === '与' && (!fields || k === n - 1)) continue;
    best[k + 1] = Math.min(best[k + 1], best[k] + (single === '与' ? 0 : 1));
  }
  return best[n] <= 1;
}
