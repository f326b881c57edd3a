/**
 * Sixth-round tagger experiments (docs/entities.md, "Sixth round: the tagger"), training only and off by default:
 * - second-order transitions: a tag-trigram score (t[i-2], t[i-1], t[i]) on top of the tag-bigram one, decoded by a
 *   Viterbi whose states are the legal tag pairs (61 of 169 under BIOES);
 * - a segmented-word lattice (SoftLexicon-style): for each character, the B/M/E/S roles it takes in ALL lexicon words
 *   covering it (each class of the external lexicon and the induced words), the lengths of the words starting and
 *   ending there, and the identity of the longest word covering it with the character's place in it.
 * The shipped templates (features.ts) only see the longest entry of each class; these are the views they lack.
 */
import { FEATURES_PER_CHAR, extractFeatures, foldCode } from '../../server/src/service/entities/features';
import { allowed, canEnd, NTAGS } from '../../server/src/service/entities/tagScheme';
import { viterbiScores } from '../../server/src/service/entities/decode';
import type { TaggerWeights } from '../../server/src/service/entities/modelFormat';
import type { EntityType } from '../../server/src/service/types';
import type { Trie } from '../../server/src/service/entities/trie';
import type { WordSet } from '../../server/src/service/entities/words';
import type { NameLexicon } from '../../server/src/service/entities/lexicon';
import { MAX_LEXICON_WORD } from '../../server/src/service/entities/lexicon';

/** Templates the lattice adds per character. */
export const LATTICE_FEATURES = 5;

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Lattice feature ids (n x LATTICE_FEATURES, position-major). Sources: the four classes of the external lexicon
 * (PER, LOC, ORG, common word: bits 0-3) and the induced words (bit 4).
 */
export function latticeIds(norm: string, bits: number, words: WordSet | undefined, names: NameLexicon | undefined): Uint32Array {
  const n = norm.length;
  const K = LATTICE_FEATURES;
  const ids = new Uint32Array(n * K);
  // roles[i]: 5 sources x (B, M, E, S) bits.
  const roles = new Uint32Array(n);
  const startLens = new Uint16Array(n);
  const endLens = new Uint16Array(n);
  const coverLen = new Uint8Array(n);
  const coverStart = new Int32Array(n).fill(-1);
  const mark = (s: number, L: number, src: number) => {
    for (let p = s; p < s + L; p++) {
      const role = p === s ? 0 : p === s + L - 1 ? 2 : 1;
      roles[p] |= 1 << (src * 4 + role);
      if (coverLen[p] < L) {
        coverLen[p] = L;
        coverStart[p] = s;
      }
    }
    startLens[s] |= 1 << L;
    endLens[s + L - 1] |= 1 << L;
  };
  for (let s = 0; s + 1 < n; s++) {
    if (names) {
      const maxLen = Math.min(MAX_LEXICON_WORD, n - s);
      for (let L = 2; L <= maxLen; L++) {
        const cls = names.get(norm, s, L);
        if (!cls) continue;
        for (let k = 0; k < 4; k++) if (cls & (1 << k)) mark(s, L, k);
      }
    }
    if (words) {
      const lens = words.lengthsAt(norm, s);
      for (let L = 2; L <= 4; L++) if (lens & (1 << L)) mark(s, L, 4);
    }
  }
  const shift = 32 - bits;
  const small = 32 - Math.min(bits - 2, 15);
  for (let i = 0; i < n; i++) {
    const c0 = foldCode(norm.charCodeAt(i));
    const base = i * K;
    const r = roles[i];
    // Every role in every source: the SoftLexicon B/M/E sets as one pattern.
    ids[base] = mix(0x31031, r) >>> shift;
    // The same with the character (a common character inside a listed name is learned apart).
    ids[base + 1] = mix(mix(0x32032, r), c0) >>> shift;
    // Lengths of the words starting and ending here.
    ids[base + 2] = mix(0x33033, startLens[i] | (endLens[i] << 9)) >>> small;
    // The longest word covering the character, whole, with the character's place in it.
    const cs = coverStart[i];
    let h = 0x34034;
    if (cs >= 0) {
      for (let k = cs; k < cs + coverLen[i]; k++) h = mix(h, norm.charCodeAt(k));
      h = mix(h, i - cs);
    } else h = mix(h, c0);
    ids[base + 3] = h >>> shift;
    // Boundary evidence: the words ending just before and starting just after (their sources), with this one's roles.
    const before = i > 0 ? (roles[i - 1] >>> 2) & 0x11111 : 0x22222;
    const after = i + 1 < n ? roles[i + 1] & 0x11111 : 0x22222;
    ids[base + 4] = mix(0x35035, before | (after << 1) | ((r & 0x33333) << 22)) >>> shift;
  }
  return ids;
}

/** The shipped features with the lattice ones after each character's (stride FEATURES_PER_CHAR + LATTICE_FEATURES). */
export function combinedIds(
  norm: string,
  gaz: Trie<EntityType> | undefined,
  bits: number,
  lexicon: Trie<EntityType> | undefined,
  words: WordSet | undefined,
  names: NameLexicon | undefined,
  lattice: boolean,
): Uint32Array {
  const base = extractFeatures(norm, gaz, bits, undefined, lexicon, words, names);
  if (!lattice) return base;
  const extra = latticeIds(norm, bits, words, names);
  const F = FEATURES_PER_CHAR;
  const K = LATTICE_FEATURES;
  const n = norm.length;
  const out = new Uint32Array(n * (F + K));
  for (let i = 0; i < n; i++) {
    out.set(base.subarray(i * F, i * F + F), i * (F + K));
    out.set(extra.subarray(i * K, i * K + K), i * (F + K) + F);
  }
  return out;
}

/** Float emission scores for `stride` features per character. */
export function emissionsStride(e: Float32Array, ids: Uint32Array, n: number, stride: number, em: Float64Array): void {
  const T = NTAGS;
  for (let i = 0; i < n; i++) {
    const base = i * stride;
    const row = i * T;
    for (let t = 0; t < T; t++) em[row + t] = 0;
    for (let f = 0; f < stride; f++) {
      const off = ids[base + f] * T;
      for (let t = 0; t < T; t++) em[row + t] += e[off + t];
    }
  }
}

/** Trigram table index: (a + 1, b, c), a = -1 before the sentence (the first tag has the bigram start score only). */
export function tri(a: number, b: number, c: number): number {
  return ((a + 1) * NTAGS + b) * NTAGS + c;
}
export const TRIGRAMS = (NTAGS + 1) * NTAGS * NTAGS;

/** Legal tag pairs (b, c) and, for each, the pairs (a, b) that may precede it. */
const T = NTAGS;
const pairOf = new Int32Array(T * T).fill(-1);
const pairB: number[] = [];
const pairC: number[] = [];
for (let b = 0; b < T; b++)
  for (let c = 0; c < T; c++)
    if (allowed(b, c)) {
      pairOf[b * T + c] = pairB.length;
      pairB.push(b);
      pairC.push(c);
    }
const P = pairB.length;
const preds: Int32Array[] = pairB.map((b) => {
  const out: number[] = [];
  for (let a = 0; a < T; a++) if (pairOf[a * T + b] >= 0) out.push(pairOf[a * T + b]);
  return Int32Array.from(out);
});

/**
 * Second-order Viterbi: score = emissions + bigram transitions `tw` ((T + 1) x T, row 0 the start) + trigram
 * transitions `w3` (`tri`). States are legal pairs (t[i-1], t[i]).
 */
export function viterbi2(em: Float64Array, n: number, tw: Float32Array, w3: Float32Array, tags: Uint8Array): void {
  if (n === 0) return;
  if (n === 1) {
    let best = -Infinity;
    for (let c = 0; c < T; c++) {
      if (!allowed(-1, c) || !canEnd(c)) continue;
      const v = tw[c] + em[c];
      if (v > best) {
        best = v;
        tags[0] = c;
      }
    }
    return;
  }
  let prev = new Float64Array(P).fill(-Infinity);
  let cur = new Float64Array(P);
  const back = new Int16Array(n * P);
  for (let p = 0; p < P; p++) {
    const b = pairB[p];
    const c = pairC[p];
    if (!allowed(-1, b)) continue;
    prev[p] = tw[b] + em[b] + tw[(b + 1) * T + c] + w3[tri(-1, b, c)] + em[T + c];
  }
  for (let i = 2; i < n; i++) {
    const row = i * T;
    for (let p = 0; p < P; p++) {
      const b = pairB[p];
      const c = pairC[p];
      const base = tw[(b + 1) * T + c] + em[row + c];
      const ps = preds[p];
      let best = -Infinity;
      let arg = -1;
      for (let k = 0; k < ps.length; k++) {
        const q = ps[k];
        const v = prev[q] + w3[tri(pairB[q], b, c)];
        if (v > best) {
          best = v;
          arg = q;
        }
      }
      cur[p] = best + base;
      back[i * P + p] = arg;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = -Infinity;
  let arg = 0;
  for (let p = 0; p < P; p++)
    if (canEnd(pairC[p]) && prev[p] > best) {
      best = prev[p];
      arg = p;
    }
  for (let i = n - 1; i >= 1; i--) {
    tags[i] = pairC[arg];
    tags[i - 1] = pairB[arg];
    if (i >= 2) arg = back[i * P + arg];
  }
}

/** Training weights of the experiments: the trigram table, and whether the lattice features follow the shipped ones. */
export type ExperimentWeights = TaggerWeights & { trigram?: Float32Array; lattice?: boolean };

let emScratch = new Float64Array(0);
/** Decodes one sentence with experiment weights (float, as training and `--every` score them). */
export function decodeExperiment(w: ExperimentWeights, ids: Uint32Array, n: number, tags: Uint8Array): void {
  const stride = FEATURES_PER_CHAR + (w.lattice ? LATTICE_FEATURES : 0);
  if (emScratch.length < n * NTAGS) emScratch = new Float64Array(n * NTAGS * 2);
  emissionsStride(w.emission, ids, n, stride, emScratch);
  if (w.trigram) viterbi2(emScratch, n, w.transition, w.trigram, tags);
  else viterbiScores(w.transition, emScratch, n, tags);
}
