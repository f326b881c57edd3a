/**
 * The per-character Traditional→Simplified map computed with opencc-js: every BMP Han character converted on its
 * own (one per line, so no phrase spans two), through the Taiwan converter first and the Hong Kong one second.
 * normalize.ts reads the same map from charMapTable.ts, written from this by scripts/build-char-map.ts, so a
 * process does not run opencc over 27,000 characters twice before its first article; the test checks the two agree.
 */
import { converter } from './convert';

export const HAN_START = 0x3400;
export const HAN_END = 0xa000;

/** The map as pairs: `[source, simplified]` code units, sources ascending. */
export function charMapPairsFromOpencc(): [number, number][] {
  const tw = converter('tw', 'cn');
  const hk = converter('hk', 'cn');
  const chars: string[] = [];
  for (let c = HAN_START; c < HAN_END; c++) chars.push(String.fromCharCode(c));
  const joined = chars.join('\n');
  const viaTw = tw(joined).split('\n');
  const viaHk = hk(joined).split('\n');
  const pairs: [number, number][] = [];
  for (let i = 0; i < chars.length; i++) {
    const src = HAN_START + i;
    const a = viaTw[i];
    const b = viaHk[i];
    if (a && a.length === 1 && a.charCodeAt(0) !== src) pairs.push([src, a.charCodeAt(0)]);
    else if (b && b.length === 1 && b.charCodeAt(0) !== src) pairs.push([src, b.charCodeAt(0)]);
  }
  return pairs;
}
