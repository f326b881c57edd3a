/**
 * The article's headline and the copies of it the page repeats: the browser title with a site suffix
 * ("標題 - 天天要聞", "標題｜即時｜蘋果日報", "标题_新浪新闻") and exact duplicates (image alt text).
 */
import type { LineInfo } from './lines';
import { LineMemo } from '../incremental/lineMemo';

const SUFFIX_SPLIT = /\s+[-–—|｜_]\s+|\s*[|｜_]\s*|\s*(?:--|——)\s*|\s+[-–—]\s*|[-–—](?=[\p{Script=Han}A-Za-z .]{2,14}(?:[-–—|｜_]|$))/u;
const SUFFIX_START = /^\s*[-–—|｜_]/u;

const IGNORED = /[\s\p{P}\p{S}]/u;
/** For each BMP code unit that is no surrogate: 1 when the key leaves it out (white space, punctuation, symbol). */
let ignoredUnit: Uint8Array | undefined;

const lineKeys = new LineMemo<string>();
/** titleKey of a page line, remembered: findTitle and the copy search read every line of every version. */
export const lineTitleKey = (line: string): string => lineKeys.get(line, titleKey);

/** Compare titles ignoring spaces, punctuation and symbols (pages re-punctuate titles freely). */
export function titleKey(s: string): string {
  // The same as s.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase(), by table: it runs on every line of every version.
  if (!ignoredUnit) {
    ignoredUnit = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && IGNORED.test(String.fromCharCode(c))) ignoredUnit[c] = 1;
  }
  let kept = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let width = 0;
    if (c < 0xd800 || c > 0xdfff) width = ignoredUnit[c];
    else if (c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff)
      // An astral character (an emoji is a symbol): tested as the one code point it is.
      width = IGNORED.test(s.slice(i, i + 2)) ? 2 : 0;
    if (width) {
      kept += s.slice(from, i);
      i += width - 1;
      from = i + 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) i++;
  }
  return (from === 0 ? s : kept + s.slice(from)).toLowerCase();
}

export interface TitleInfo {
  /** First non-blank line: the page title as the scraper wrote it. */
  first: number;
  /** The article headline found by matching the page title, if any. */
  headline?: number;
  /** The headline is a later copy of the title (not just the first line taken as headline). */
  confirmed: boolean;
  /** Key of the headline text (for site-title copies). */
  key?: string;
  /** Site suffixes learnt from the title and its copies (" - 天天要聞"), without the headline. */
  suffixes: string[];
}

function splitTitle(t: string): { parts: string[]; suffix: string } {
  const parts = t
    .split(SUFFIX_SPLIT)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length < 2) return { parts: [t], suffix: '' };
  return { parts, suffix: t.slice(t.indexOf(parts[0]) + parts[0].length) };
}

/**
 * The keys findTitle looks for in the lines under the page title `t`: `keys` whole (a line), `wanted` across two or
 * three lines (a line's key is then a prefix, or an inner part, of one of them).
 */
export function titleKeys(t: string): { suffix: string; fullKey: string; keys: string[]; wanted: string[] } {
  const { parts, suffix } = splitTitle(t);
  const fullKey = titleKey(t);
  // Site names come last: match the whole title, its first part, or its longest inner part.
  let longest = parts[0];
  for (const p of parts.slice(0, -1)) if (p.length > longest.length) longest = p;
  // The whole title found again is a copy of the browser title, not the headline, when it has a suffix.
  const keys = (parts.length > 1 ? [titleKey(parts[0]), titleKey(longest)] : [fullKey]).filter((k) => k.length >= 2);
  return { suffix, fullKey, keys, wanted: [...new Set(keys.filter((k) => k.length >= 8))] };
}

/** Find the headline by the page title: its first later copy, else the title itself when it has no suffix. */
export function findTitle(infos: LineInfo[]): TitleInfo {
  const first = infos.findIndex((x) => !x.blank);
  if (first < 0) return { first: -1, suffixes: [], confirmed: false };
  const t = infos[first].text;
  const { suffix, fullKey, keys, wanted } = titleKeys(t);
  const suffixes: string[] = [];
  if (suffix.trim().length > 0) suffixes.push(suffix.trim());
  const limit = Math.min(infos.length, first + 5000);
  // The first line whose key is one of `keys`, the keys in order (a scan, not a map of every line's key: this
  // runs on every version of an edited document).
  for (const key of keys) {
    for (let i = first + 1; i < limit; i++) {
      const x = infos[i];
      if (x.blank || x.len > t.length + 10) continue;
      if (lineTitleKey(x.text) === key) return { first, headline: i, key, suffixes, confirmed: true };
    }
  }
  // A headline the page broke over two or three lines: the keys of a line and the next one or two, joined, are a
  // wanted key (matched part by part against it, without joining strings for every line).
  for (let i = first + 1; i < limit && wanted.length > 0; i++) {
    if (infos[i].blank || infos[i].len > 60) continue;
    const head = lineTitleKey(infos[i].text);
    for (const w of wanted) {
      if (!w.startsWith(head)) continue;
      let at = head.length;
      let parts = 1;
      for (let j = i + 1; j < limit && parts < 3; j++) {
        if (infos[j].blank) continue;
        if (infos[j].len > 60) break;
        const part = lineTitleKey(infos[j].text);
        if (!w.startsWith(part, at)) break;
        at += part.length;
        parts++;
        if (at === w.length) return { first, headline: i, key: titleKey(infos[i].text), suffixes, confirmed: true };
      }
    }
  }
  // No later copy: the first line is the headline when it carries no site suffix.
  if (suffix.trim().length === 0 && infos[first].len <= 80) {
    for (let i = first + 1; i < limit; i++) {
      const x = infos[i];
      if (x.blank || !x.text.startsWith(t)) continue;
      const rest = x.text.slice(t.length);
      if (SUFFIX_START.test(rest) && rest.length <= 30) suffixes.push(rest.trim());
    }
    return { first, headline: first, key: fullKey, suffixes, confirmed: false };
  }
  return { first, suffixes, confirmed: false };
}

/** A repeat of the headline: exact (normalised) or with one of the site's suffixes. */
export function isTitleCopy(text: string, headlineText: string, key: string | undefined): boolean {
  if (!key || text.length < key.length || text.length > headlineText.length + 40) return false;
  const k = lineTitleKey(text);
  if (k === key) return true;
  if (text.startsWith(headlineText)) {
    const rest = text.slice(headlineText.length);
    return SUFFIX_START.test(rest) && rest.length <= 30;
  }
  return false;
}

/** A teaser or title carrying the site's suffix ("其他標題 - 天天要聞"). */
export function hasSiteSuffix(text: string, suffixes: string[]): boolean {
  for (const s of suffixes) {
    if (s.length >= 2 && text.length > s.length + 2 && text.endsWith(s)) {
      const before = text.slice(0, text.length - s.length);
      if (/[-–—|｜_]\s*$/u.test(before) || SUFFIX_START.test(s)) return true;
    }
  }
  return false;
}
