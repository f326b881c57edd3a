/**
 * Script conversion with opencc-js. Converters are built once (about 40 ms each) and reused.
 * Simplified is reached from Taiwan and Hong Kong variants alike, so mixed sources convert fully.
 */
import * as OpenCC from 'opencc-js';
import type { Script } from './types';
import type { ConvertTarget } from '../protocol';

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
export const toTraditional = (text: string) => convertScript(text, 'taiwan');

const HAN = /\p{Script=Han}/u;

/**
 * Which script the text is written in: counts Han characters that only one script uses
 * (those that change under conversion one way but not the other).
 */
export function detectScript(text: string): Script {
  // A sample is enough to tell, and keeps this cheap on huge files.
  const sample = text.length > 50_000 ? text.slice(0, 50_000) : text;
  const simp = toSimplified(sample);
  const trad = toTraditional(sample);
  // opencc keeps lengths in practice; if a phrase ever changed one, positions would not align.
  if (simp.length !== sample.length || trad.length !== sample.length) return 'mixed';
  let traditionalOnly = 0;
  let simplifiedOnly = 0;
  let han = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (!HAN.test(c)) continue;
    han++;
    if (simp[i] !== c && trad[i] === c) traditionalOnly++;
    else if (trad[i] !== c && simp[i] === c) simplifiedOnly++;
  }
  if (han === 0 || traditionalOnly + simplifiedOnly === 0) return han === 0 ? 'none' : 'simplified';
  const share = traditionalOnly / (traditionalOnly + simplifiedOnly);
  if (share >= 0.9) return 'traditional';
  if (share <= 0.1) return 'simplified';
  return 'mixed';
}
