/**
 * The stacked second pass of the character tagger: a second set of weights that reads what the first pass
 * decided over the whole sentence (its tags around each character, the names it found on either side, how sure
 * it was) and adds to the first pass's emission scores before a second Viterbi. It is trained on the first
 * tagger's output on training sentences it did not see (jackknifed), so it learns the first pass's habitual
 * mistakes, such as a long organisation read as a place and an organisation (中国 + 石油天然气总公司).
 * An experiment (docs/entities.md, "Fifth round: the tagger"): it did not beat the held-out slice's noise, so the
 * product does not decode it and it lives with the training scripts.
 */
import { foldCode } from '../../server/src/service/entities/features';
import { NTAGS, ROLE, TAG_TYPE } from '../../server/src/service/entities/tagScheme';

/** Hashed features per character of the second pass. */
export const STACK_FEATURES = 9;

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const TYPE_CODE: Record<string, number> = { PER: 1, ORG: 2, LOC: 3 };

let spanScratch = { start: new Int32Array(0), end: new Int32Array(0), type: new Uint8Array(0), of: new Int32Array(0) };

/**
 * Writes STACK_FEATURES hashed ids (in [0, 2^bits)) per code unit of `norm` into `out`, from the first pass's
 * tags and emission scores (n x NTAGS).
 */
export function stackedIds(
  norm: string,
  tags: Uint8Array,
  em: Float64Array | Float32Array,
  n: number,
  bits: number,
  out: Uint32Array,
): Uint32Array {
  const S = STACK_FEATURES;
  const T = NTAGS;
  const shift = 32 - bits;
  if (spanScratch.of.length < n + 1)
    spanScratch = {
      start: new Int32Array(n * 2 + 2),
      end: new Int32Array(n * 2 + 2),
      type: new Uint8Array(n * 2 + 2),
      of: new Int32Array(n * 2 + 2),
    };
  const { start, end, type, of } = spanScratch;
  // The first pass's names, as decoders read BIOES (a B- or I- not closed still ends a name).
  let ns = 0;
  for (let i = 0; i < n;) {
    const ty = TAG_TYPE[tags[i]];
    if (!ty) {
      of[i] = -1;
      i++;
      continue;
    }
    let j = i + 1;
    if (ROLE[tags[i]] === 1 || ROLE[tags[i]] === 2) {
      while (j < n && TAG_TYPE[tags[j]] === ty && ROLE[tags[j]] === 2) j++;
      if (j < n && TAG_TYPE[tags[j]] === ty && ROLE[tags[j]] === 3) j++;
    }
    start[ns] = i;
    end[ns] = j;
    type[ns] = TYPE_CODE[ty];
    for (let k = i; k < j; k++) of[k] = ns;
    ns++;
    i = j;
  }
  const tag = (i: number) => (i < 0 ? 14 : i >= n ? 15 : tags[i]);
  let prevSpan = -1; // the last name ending at or before i
  for (let i = 0; i < n; i++) {
    const base = i * S;
    const t0 = tags[i];
    const k = of[i];
    if (k >= 0) prevSpan = k - 1;
    else while (prevSpan + 1 < ns && end[prevSpan + 1] <= i) prevSpan++;
    const nextSpan = k >= 0 ? (k + 1 < ns ? k + 1 : -1) : prevSpan + 1 < ns ? prevSpan + 1 : -1;
    // Where the character's own name (or the character, outside one) starts and ends.
    const from = k >= 0 ? start[k] : i;
    const to = k >= 0 ? end[k] : i + 1;
    const lType = prevSpan >= 0 ? type[prevSpan] : 0;
    const lGap = prevSpan >= 0 ? Math.min(from - end[prevSpan], 3) : 4;
    const lLen = prevSpan >= 0 ? Math.min(end[prevSpan] - start[prevSpan], 7) : 0;
    const rType = nextSpan >= 0 ? type[nextSpan] : 0;
    const rGap = nextSpan >= 0 ? Math.min(start[nextSpan] - to, 3) : 4;
    const rLen = nextSpan >= 0 ? Math.min(end[nextSpan] - start[nextSpan], 7) : 0;
    const rLast = nextSpan >= 0 && rGap === 0 ? foldCode(norm.charCodeAt(end[nextSpan] - 1)) : 0;
    const lFirst = prevSpan >= 0 && lGap === 0 ? foldCode(norm.charCodeAt(start[prevSpan])) : 0;
    // How sure the first pass was: its tag's emission margin over the best other tag, and which tag that was.
    const row = i * T;
    let second = 0;
    let sv = -Infinity;
    for (let t = 0; t < T; t++)
      if (t !== t0 && em[row + t] > sv) {
        sv = em[row + t];
        second = t;
      }
    const gap = em[row + t0] - sv;
    const conf = gap <= 0 ? 0 : Math.min(7, 1 + Math.floor(Math.log2(1 + gap)));
    const len = k >= 0 ? Math.min(to - from, 10) : 0;
    out[base] = mix(0x2a001, t0) >>> shift;
    out[base + 1] = mix(0x2a003, tag(i - 1) | (t0 << 4) | (tag(i + 1) << 8)) >>> shift;
    out[base + 2] = mix(0x2a004, tag(i - 2) | (tag(i - 1) << 4) | (t0 << 8) | (tag(i + 1) << 12) | (tag(i + 2) << 16)) >>> shift;
    out[base + 3] = mix(0x2a005, t0 | (len << 4) | ((i - from) << 8)) >>> shift;
    out[base + 4] = mix(0x2a006, t0 | (lType << 4) | (lGap << 6) | (lLen << 9)) >>> shift;
    out[base + 5] = mix(0x2a007, t0 | (rType << 4) | (rGap << 6) | (rLen << 9)) >>> shift;
    out[base + 6] = mix(0x2a008, t0 | (conf << 4) | (second << 8)) >>> shift;
    out[base + 7] = mix(mix(0x2a009, t0 | (rType << 4) | (rGap << 6)), rLast) >>> shift;
    out[base + 8] = mix(mix(0x2a00a, t0 | (lType << 4) | (lGap << 6)), lFirst) >>> shift;
  }
  return out;
}
