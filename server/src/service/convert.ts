/**
 * Script conversion with opencc-js. Converters are built once (about 40 ms each) and reused.
 * Simplified is reached from Taiwan and Hong Kong variants alike, so mixed sources convert fully.
 */
import * as OpenCC from 'opencc-js';
import type { Script } from './types';
import type { ConvertTarget } from './contract';
import { hasTraditional, scriptConverted } from './normalize';
import { compileConverter, type CompiledConverter, type OpenccConfig } from './convertTrie';

type Fn = (s: string) => string;
const cache = new Map<string, Fn>();

/** One converter per direction for the whole process: each costs tens of milliseconds and megabytes to build. */
export function converter(from: string, to: string): Fn {
  const key = `${from}>${to}`;
  let fn = cache.get(key);
  if (!fn) {
    fn = OpenCC.Converter({ from, to } as OpenCC.ConverterOptions) as Fn;
    cache.set(key, fn);
  }
  return fn;
}

const simplifiers = new Map<string, CompiledConverter>();

/**
 * opencc-js's `Converter({ from, to: 'cn' })` compiled from its own dictionaries (convertTrie.ts): the same output,
 * in a quarter of the time, without opencc-js's tries of `Map`s. Built once per process, on first use.
 */
export function simplifier(from: 'tw' | 'hk'): CompiledConverter {
  let c = simplifiers.get(from);
  if (!c) {
    const configs = (OpenCC.Locale as unknown as { configs: Record<string, OpenccConfig> }).configs;
    simplifiers.set(from, (c = compileConverter(configs[`${from}2s`])));
  }
  return c;
}

export function convertScript(text: string, target: ConvertTarget): string {
  switch (target) {
    case 'simplified':
      return simplifier('hk').convert(simplifier('tw').convert(text));
    case 'traditional':
      return converter('cn', 't')(text);
    case 'taiwan':
      return converter('cn', 'tw')(text);
    case 'hongkong':
      return converter('cn', 'hk')(text);
  }
}

export const toSimplified = (text: string) => convertScript(text, 'simplified');

let characterConverter: Fn | undefined;
/**
 * Simplified to Traditional (Taiwan) character by character, without OpenCC's phrase table: enough for a name
 * (北大西洋公约组织 → 北大西洋公約組織) and cheap, where the full s2tw converter costs about 60 MB and two seconds.
 */
export function toTraditionalCharacters(text: string): string {
  characterConverter ??= OpenCC.ConverterFactory([OpenCC.Locale.from.cn[0][1]], ...OpenCC.Locale.to.tw) as Fn;
  return characterConverter(text);
}
export const toTraditional = (text: string) => convertScript(text, 'taiwan');

/** One code point of the Han script (a string of it alone). */
const HAN_ONE = /^\p{Script=Han}$/u;
/** Per BMP code unit: 0 not yet asked, 1 Han, 2 not (filled from HAN_ONE as units are met). */
let hanUnits: Uint8Array | undefined;

/**
 * The Han code points in text[from, to), as `text.slice(from, to).match(/\p{Script=Han}/gu)?.length ?? 0` counts them
 * (a surrogate pair is one code point, an unpaired surrogate none), without an array of one string per character.
 */
export function countHan(text: string, from: number, to: number): number {
  const known = (hanUnits ??= new Uint8Array(0x10000));
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (HAN_ONE.test(text.slice(i, i + 2))) count++;
        i++;
        continue;
      }
    }
    let k = known[c];
    if (k === 0) k = known[c] = HAN_ONE.test(String.fromCharCode(c)) ? 1 : 2;
    if (k === 1) count++;
  }
  return count;
}

/** Sentence ends: a sentence is a run of other code units (what `/[^。！？!?\n]+/g` matched). */
const isSentenceEnd = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x0a;

/** Code units of a[from, from + n) that differ from b[at, at + n), counted up to `limit` (a unit b lacks differs). */
function changedUnits(a: string, from: number, b: string, at: number, n: number, limit: number): number {
  let changed = 0;
  for (let i = 0; i < n && changed < limit; i++) if (a.charCodeAt(from + i) !== b.charCodeAt(at + i)) changed++;
  return changed;
}
/** A sentence this long with no Traditional-only character is Simplified (a Traditional one almost always has one). */
const MIN_SIMPLIFIED_HAN = 12;

/**
 * Which script the text is written in, sentence by sentence: a sentence with characters that
 * simplification changes is Traditional; a long one without any is Simplified. Only the
 * Traditional-to-Simplified converters are needed (the reverse one costs ~60 MB to build).
 */
export function detectScript(text: string, normalized?: string): Script {
  // A sample is enough to tell, and keeps this cheap on huge files.
  const sample = text.length > 50_000 ? text.slice(0, 50_000) : text;
  // The article's text normalised for matching has been through opencc's Taiwan pass and the character map
  // already (its width folding undone here). A sentence it left alone, or changed in three characters or more, is
  // read off it; only one with one or two changes (where a phrase may keep what the map changes: 乾隆) goes through
  // opencc's two phrase passes again. Identical answers on every page of the corpus (test/unit/convert.test.ts).
  const hint =
    normalized !== undefined && normalized.length === text.length ? scriptConverted(sample, normalized.slice(0, sample.length)) : undefined;
  // Without it, text no character of which simplification changes on its own (most mainland pages) skips opencc.
  const simplified = hint ?? (hasTraditional(sample) ? toSimplified(sample) : sample);
  countSentences(sample, simplified, hint !== undefined, sentenceCounts);
  const traditionalSentences = sentenceCounts[0];
  const simplifiedSentences = sentenceCounts[1];
  const han = sentenceCounts[2];
  if (han === 0) return 'none';
  const decided = traditionalSentences + simplifiedSentences;
  if (decided === 0) return 'simplified';
  const share = traditionalSentences / decided;
  if (share >= 0.9) return 'traditional';
  if (share <= 0.1) return 'simplified';
  return 'mixed';
}

/** [Traditional sentences, Simplified sentences, Han characters] of the last `countSentences`. */
const sentenceCounts = new Int32Array(3);

/**
 * The sentence loop of `detectScript`, alone in a function that returns right after it: V8 compiles a long loop on
 * its first run (on-stack replacement), and the code after the loop, with no type feedback yet, deoptimised that
 * code at the same comparison on later calls (docs/performance.md, thirteenth round: "gc").
 */
function countSentences(sample: string, simplified: string, hinted: boolean, counts: Int32Array): void {
  let traditionalSentences = 0;
  let simplifiedSentences = 0;
  let han = 0;
  // Each sentence read in place, by offsets into the sample (no match, no sentence string, no string per character).
  for (let end = 0; end < sample.length;) {
    let start = end;
    while (start < sample.length && isSentenceEnd(sample.charCodeAt(start))) start++;
    if (start >= sample.length) break;
    end = start + 1;
    while (end < sample.length && !isSentenceEnd(sample.charCodeAt(end))) end++;
    const hanCount = countHan(sample, start, end);
    if (!hanCount) continue;
    han += hanCount;
    const length = end - start;
    let changed =
      simplified.length === sample.length
        ? changedUnits(sample, start, simplified, start, length, 3)
        : changedUnits(sample, start, toSimplified(sample.slice(start, end)), 0, length, 3);
    if (hinted && (changed === 1 || changed === 2))
      changed = changedUnits(sample, start, toSimplified(sample.slice(start, end)), 0, length, 2);
    // One changed character in a long sentence is as likely an opencc variant quirk (顯著/显著) as evidence.
    if (changed >= 2 || (changed === 1 && hanCount < MIN_SIMPLIFIED_HAN)) traditionalSentences++;
    else if (changed === 0 && hanCount >= MIN_SIMPLIFIED_HAN) simplifiedSentences++;
  }
  counts[0] = traditionalSentences;
  counts[1] = simplifiedSentences;
  counts[2] = han;
}
