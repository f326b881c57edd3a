/**
 * Script conversion with opencc-js. Converters are built once (about 40 ms each) and reused.
 * Simplified is reached from Taiwan and Hong Kong variants alike, so mixed sources convert fully.
 */
import * as OpenCC from 'opencc-js';
import type { Script } from './types';
import type { ConvertTarget } from './contract';
import { hasTraditional, scriptConverted } from './normalize';

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

export function convertScript(text: string, target: ConvertTarget): string {
  switch (target) {
    case 'simplified':
      return converter('hk', 'cn')(converter('tw', 'cn')(text));
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

const HAN = /\p{Script=Han}/gu;
const SENTENCE = /[^。！？!?\n]+/g;
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
  let traditionalSentences = 0;
  let simplifiedSentences = 0;
  let han = 0;
  for (const m of sample.matchAll(SENTENCE)) {
    const sentence = m[0];
    const hanCount = sentence.match(HAN)?.length ?? 0;
    if (!hanCount) continue;
    han += hanCount;
    let converted = simplified.length === sample.length ? simplified.slice(m.index, m.index + sentence.length) : toSimplified(sentence);
    let changed = 0;
    for (let i = 0; i < sentence.length && changed < 3; i++) if (converted[i] !== sentence[i]) changed++;
    if (hint !== undefined && (changed === 1 || changed === 2)) {
      converted = toSimplified(sentence);
      changed = 0;
      for (let i = 0; i < sentence.length && changed < 2; i++) if (converted[i] !== sentence[i]) changed++;
    }
    // One changed character in a long sentence is as likely an opencc variant quirk (顯著/显著) as evidence.
    if (changed >= 2 || (changed === 1 && hanCount < MIN_SIMPLIFIED_HAN)) traditionalSentences++;
    else if (changed === 0 && hanCount >= MIN_SIMPLIFIED_HAN) simplifiedSentences++;
  }
  if (han === 0) return 'none';
  const decided = traditionalSentences + simplifiedSentences;
  if (decided === 0) return 'simplified';
  const share = traditionalSentences / decided;
  if (share >= 0.9) return 'traditional';
  if (share <= 0.1) return 'simplified';
  return 'mixed';
}
