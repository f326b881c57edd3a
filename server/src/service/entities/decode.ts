/**
 * Decoding: emission scores from the hashed features and Viterbi over the BIOES tags, with the emission margin
 * that becomes a name's confidence.
 */
import { FEATURES_PER_CHAR } from './features';
import { LANE_BIAS, type TaggerWeights } from './modelFormat';
import { allowed, canEnd, CLOSED, NTAGS, OPENERS } from './tagScheme';
import { type EmissionKernel, KERNEL_CHARS, kernelFor, kernelTakes } from './simd';

// Reused work arrays: decoding is synchronous, so one set per process is enough and saves the garbage
// collector a few arrays per line.
const floatScratch: Float64Array[] = [new Float64Array(0), new Float64Array(0)];
let backScratch = new Uint8Array(0);
function scratch(size: number, which: number): Float64Array {
  if (floatScratch[which].length < size) floatScratch[which] = new Float64Array(size * 2);
  return floatScratch[which];
}

/** Characters whose buckets are touched ahead of their sums (a power of two): 32 x 30 buckets fit the 48 KB L1 cache. */
const PREFETCH_CHARS = 32;
let touchSink = 0;
/** The last value of the touching loads in `emissions`: a value that leaves the module, so the loads stay. */
export function prefetchSink(): number {
  return touchSink;
}

/** The same words read unsigned, for the plain sums of `emissions` (the view of the last table asked for). */
let viewed: Int32Array | undefined;
let unsigned: Uint32Array = new Uint32Array(0);
function unsignedView(quad: Int32Array): Uint32Array {
  if (quad !== viewed) {
    viewed = quad;
    unsigned = new Uint32Array(quad.buffer, quad.byteOffset, quad.length);
  }
  return unsigned;
}

/** The WebAssembly kernel for a table (the last one asked for), when the table lies in a model memory (simd.ts). */
let kernelTable: Int32Array | undefined;
let kernel: EmissionKernel | undefined;
function kernelOf(quad: Int32Array): EmissionKernel | undefined {
  if (quad !== kernelTable) {
    kernelTable = quad;
    kernel = kernelTakes(FEATURES_PER_CHAR) ? kernelFor(quad.buffer) : undefined;
  }
  return kernel;
}

/**
 * Where feature extraction should write the ids of a line of n characters for `w`: the kernel's work area when
 * the kernel will sum them (so they are not copied there), else undefined.
 */
export function featureIdsBuffer(w: TaggerWeights, n: number): Uint32Array | undefined {
  return w.quad && n <= KERNEL_CHARS ? kernelOf(w.quad)?.ids : undefined;
}

/**
 * The WebAssembly work area feature extraction should use for a line of n characters for `w` (its ids, where the
 * kernel sums them, and its hashing of the character slots), or undefined where the kernel will not sum them.
 */
export function featureArea(w: TaggerWeights, n: number): EmissionKernel | undefined {
  return w.quad && n <= KERNEL_CHARS ? kernelOf(w.quad) : undefined;
}

/** The kernel's scores of n <= KERNEL_CHARS characters over `w`'s table (valid until its next call). */
function kernelScores(k: EmissionKernel, w: TaggerWeights, ids: Uint32Array, n: number): Float64Array {
  return k.emissions(w.quad!.byteOffset, ids, n, FEATURES_PER_CHAR, LANE_BIAS * FEATURES_PER_CHAR, w.scale);
}

/**
 * Emission scores (n x NTAGS) into `em`. A decoded model's bucket is 16 biased bytes; each 32-bit word is split
 * into its even and odd bytes, which land in 16-bit lanes (30 features x 255 < 2^16), so one add serves two
 * tags and the table is half the size of 16-bit weights. Training weights are plain floats. A table in a model
 * memory is summed by the WebAssembly kernel instead (simd.ts), to the same doubles.
 */
export function emissions(w: TaggerWeights, ids: Uint32Array, n: number, em: Float64Array): void {
  const F = FEATURES_PER_CHAR;
  const T = NTAGS;
  const scale = w.scale;
  const quad = w.quad;
  if (quad) {
    const bias = LANE_BIAS * F;
    const k = kernelOf(quad);
    if (k) {
      for (let s = 0; s < n; s += KERNEL_CHARS) {
        const m = Math.min(KERNEL_CHARS, n - s);
        const scores = kernelScores(k, w, ids.subarray(s * F, (s + m) * F), m);
        em.set(scores.subarray(0, m * T), s * T);
      }
      return;
    }
    const words = unsignedView(quad);
    const M = 0x00ff00ff;
    let touched = 0;
    for (let i = 0; i < n; i++) {
      // Each bucket is a cache miss (a 16 MB table read at random), and the sums below are too long for the CPU to
      // look far ahead: the misses of one character were waited for nearly one after the other. Touching the
      // buckets of the next PREFETCH_CHARS characters first, in a loop with nothing else in it, puts dozens of misses
      // in flight at once, and the sums find their buckets in the L1 cache. Only the slots that hash into the whole
      // table are touched (features.ts: n-grams, 17, 24-26, 29); the others share its first 2^15 buckets, which stay
      // cached, and touching them too cost more than it saved. Which buckets are touched never changes a score.
      if ((i & (PREFETCH_CHARS - 1)) === 0) {
        const end = Math.min(n, i + PREFETCH_CHARS) * F;
        for (let b = i * F; b < end; b += F)
          touched ^=
            quad[ids[b] << 2] ^
            quad[ids[b + 1] << 2] ^
            quad[ids[b + 2] << 2] ^
            quad[ids[b + 3] << 2] ^
            quad[ids[b + 4] << 2] ^
            quad[ids[b + 5] << 2] ^
            quad[ids[b + 6] << 2] ^
            quad[ids[b + 7] << 2] ^
            quad[ids[b + 8] << 2] ^
            quad[ids[b + 9] << 2] ^
            quad[ids[b + 17] << 2] ^
            quad[ids[b + 24] << 2] ^
            quad[ids[b + 25] << 2] ^
            quad[ids[b + 26] << 2] ^
            quad[ids[b + 29] << 2];
      }
      const base = i * F;
      // Per word, the even bytes' lanes (w & M) and the plain sum of the words (exact in a double: 30 x 2^32 <
      // 2^53); the odd bytes' lanes are then (sum - even) / 256, one subtraction per word instead of a shift and a
      // mask per feature (this loop runs 30 times a character).
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0,
        s0 = 0,
        s1 = 0,
        s2 = 0;
      for (let f = 0; f < F; f++) {
        const off = ids[base + f] << 2;
        const w0 = words[off],
          w1 = words[off + 1],
          w2 = words[off + 2];
        a0 += w0 & M;
        s0 += w0;
        a1 += w1 & M;
        s1 += w1;
        a2 += w2 & M;
        s2 += w2;
        // Word 3 holds tag 12 and padding: only its even lanes are read.
        a3 += words[off + 3] & M;
      }
      const b0 = (s0 - a0) / 256,
        b1 = (s1 - a1) / 256,
        b2 = (s2 - a2) / 256;
      const row = i * T;
      em[row] = ((a0 & 0xffff) - bias) * scale;
      em[row + 1] = ((b0 & 0xffff) - bias) * scale;
      em[row + 2] = ((a0 >>> 16) - bias) * scale;
      em[row + 3] = ((b0 >>> 16) - bias) * scale;
      em[row + 4] = ((a1 & 0xffff) - bias) * scale;
      em[row + 5] = ((b1 & 0xffff) - bias) * scale;
      em[row + 6] = ((a1 >>> 16) - bias) * scale;
      em[row + 7] = ((b1 >>> 16) - bias) * scale;
      em[row + 8] = ((a2 & 0xffff) - bias) * scale;
      em[row + 9] = ((b2 & 0xffff) - bias) * scale;
      em[row + 10] = ((a2 >>> 16) - bias) * scale;
      em[row + 11] = ((b2 >>> 16) - bias) * scale;
      em[row + 12] = ((a3 & 0xffff) - bias) * scale;
    }
    // Kept, so the compiler cannot drop the touching loads as unused.
    touchSink = touched;
    return;
  }
  const e = w.emission;
  for (let i = 0; i < n; i++) {
    const base = i * F;
    const row = i * T;
    for (let t = 0; t < T; t++) em[row + t] = 0;
    for (let f = 0; f < F; f++) {
      const off = ids[base + f] * T;
      for (let t = 0; t < T; t++) em[row + t] += e[off + t];
    }
    for (let t = 0; t < T; t++) em[row + t] *= scale;
  }
}

/**
 * Whether the tag scheme is the one the WebAssembly Viterbi is written for (emissions.wat): 13 tags, these closed
 * tags and openers, the lines ending on a closed tag, I- and E- of a type after its own B- or I- (1 + 4k, 2 + 4k).
 */
function kernelScheme(): boolean {
  if (NTAGS !== 13 || CLOSED.join() !== '0,3,4,7,8,11,12' || OPENERS.join() !== '0,1,4,5,8,9,12') return false;
  const closed = new Set(CLOSED);
  const openers = new Set(OPENERS);
  for (let t = 0; t < NTAGS; t++) {
    if (canEnd(t) !== closed.has(t)) return false;
    for (let p = -1; p < NTAGS; p++) {
      // The B- of t's type (for t >= 1).
      const b = t - ((t - 1) % 4);
      const follows = openers.has(t) ? p < 0 || closed.has(p) : p === b || p === b + 1;
      if (allowed(p, t) !== follows) return false;
    }
  }
  return true;
}
const KERNEL_SCHEME = kernelScheme();

/** The transition tables of a model, made once per model (viterbi runs once per line of text). */
const tables = new WeakMap<Float32Array, { tr: Float64Array; tc: Float64Array; spread: number }>();
function transitionTables(transition: Float32Array, keep: boolean): { tr: Float64Array; tc: Float64Array; spread: number } {
  let t = tables.get(transition);
  if (t) return t;
  const T = NTAGS;
  // Transitions with the illegal ones folded in as -Infinity.
  const tr = new Float64Array((T + 1) * T);
  for (let p = -1; p < T; p++) for (let t = 0; t < T; t++) tr[(p + 1) * T + t] = allowed(p, t) ? transition[(p + 1) * T + t] : -Infinity;
  // Closed-to-opener transitions as a dense 7 x 7 block, so the inner loop reads no index tables.
  const nc = CLOSED.length;
  const no = OPENERS.length;
  const tc = new Float64Array(nc * no);
  for (let q = 0; q < nc; q++) for (let k = 0; k < no; k++) tc[k * nc + q] = tr[(CLOSED[q] + 1) * T + OPENERS[k]];
  // How much the transition into any one opener can favour one closed tag over another, plus a unit, far more than
  // the rounding of any score: a closed tag that trails the best by more than this wins no opener (viterbiScores).
  let spread = 0;
  for (let k = 0; k < no; k++) {
    let hi = -Infinity;
    let lo = Infinity;
    for (let q = 0; q < nc; q++) {
      hi = Math.max(hi, tc[k * nc + q]);
      lo = Math.min(lo, tc[k * nc + q]);
    }
    spread = Math.max(spread, hi - lo);
  }
  t = { tr, tc, spread: spread + 1 };
  // Training changes the weights in place between sentences: only a decoded model's tables are kept.
  if (keep) tables.set(transition, t);
  return t;
}

/**
 * Best tag sequence for n positions whose feature ids are `ids`. With `margin`, also each tagged (non-O)
 * position's emission margin over the runner-up tag.
 */
export function viterbi(w: TaggerWeights, ids: Uint32Array, n: number, tags: Uint8Array, margin?: Float32Array): void {
  const k = w.quad && n <= KERNEL_CHARS ? kernelOf(w.quad) : undefined;
  let em: Float64Array;
  // The kernel's scores are read where it wrote them.
  if (k) {
    em = kernelScores(k, w, ids, n);
    // Decoded where the scores are, to the same tags and margins (wasm/emissions.wat), when the tags are laid out as it
    // expects.
    if (KERNEL_SCHEME) {
      const { tr, tc, spread } = transitionTables(w.transition, true);
      k.viterbi(tr, tc, spread, n, tags, margin);
      return;
    }
  } else {
    em = scratch(n * NTAGS, 0);
    emissions(w, ids, n, em);
  }
  viterbiScores(w.transition, em, n, tags, margin, !!w.quad);
}

/**
 * Viterbi over emission scores computed already (n x NTAGS in `em`) and `transition` as in TaggerWeights: the
 * fine-tuning of finetune.ts adds its deltas to the shipped model's scores and decodes with this. `keep` keeps the
 * transition tables for the next call (a decoded model's transitions never change; training's do).
 */
export function viterbiScores(
  transition: Float32Array,
  em: Float64Array,
  n: number,
  tags: Uint8Array,
  margin?: Float32Array,
  keep = false,
): void {
  const T = NTAGS;
  const { tr, tc, spread } = transitionTables(transition, keep);
  const score = scratch(n * T, 1);
  if (backScratch.length < n * T) backScratch = new Uint8Array(n * T * 2);
  const back = backScratch;
  for (let t = 0; t < T; t++) score[t] = tr[t] + em[t];
  // Read once into locals: where modules are not bundled, each read of an imported binding is a getter call.
  const closed = CLOSED;
  const openers = OPENERS;
  const nc = closed.length;
  const no = openers.length;
  const c0 = CLOSED[0],
    c1 = CLOSED[1],
    c2 = CLOSED[2],
    c3 = CLOSED[3],
    c4 = CLOSED[4],
    c5 = CLOSED[5],
    c6 = CLOSED[6];
  for (let i = 1; i < n; i++) {
    const pr = (i - 1) * T;
    const row = i * T;
    // O, B- and S- follow a closed name (O, E-, S-).
    const q0 = score[pr + c0],
      q1 = score[pr + c1],
      q2 = score[pr + c2],
      q3 = score[pr + c3],
      q4 = score[pr + c4],
      q5 = score[pr + c5],
      q6 = score[pr + c6];
    // Most positions (85 % of the bench's lines) have one closed tag so far ahead of the others that no transition
    // can make up the gap (`spread`): it is every opener's predecessor, and the 7 x 7 maximum is 7 additions.
    let top = q0;
    let j = 0;
    if (q1 > top) {
      top = q1;
      j = 1;
    }
    if (q2 > top) {
      top = q2;
      j = 2;
    }
    if (q3 > top) {
      top = q3;
      j = 3;
    }
    if (q4 > top) {
      top = q4;
      j = 4;
    }
    if (q5 > top) {
      top = q5;
      j = 5;
    }
    if (q6 > top) {
      top = q6;
      j = 6;
    }
    const floor = top - spread;
    const near = +(q0 >= floor) + +(q1 >= floor) + +(q2 >= floor) + +(q3 >= floor) + +(q4 >= floor) + +(q5 >= floor) + +(q6 >= floor);
    if (near === 1) {
      const arg = closed[j];
      for (let k = 0; k < no; k++) {
        const t = openers[k];
        score[row + t] = top + tc[k * nc + j] + em[row + t];
        back[row + t] = arg;
      }
    } else
      for (let k = 0; k < no; k++) {
        const t = openers[k];
        const o = k * nc;
        let best = q0 + tc[o];
        let arg = c0;
        let v = q1 + tc[o + 1];
        if (v > best) {
          best = v;
          arg = c1;
        }
        v = q2 + tc[o + 2];
        if (v > best) {
          best = v;
          arg = c2;
        }
        v = q3 + tc[o + 3];
        if (v > best) {
          best = v;
          arg = c3;
        }
        v = q4 + tc[o + 4];
        if (v > best) {
          best = v;
          arg = c4;
        }
        v = q5 + tc[o + 5];
        if (v > best) {
          best = v;
          arg = c5;
        }
        v = q6 + tc[o + 6];
        if (v > best) {
          best = v;
          arg = c6;
        }
        score[row + t] = best + em[row + t];
        back[row + t] = arg;
      }
    // I- and E- follow their own B- or I-.
    for (let b = 1; b < T; b += 4) {
      const sb = score[pr + b];
      const si = score[pr + b + 1];
      for (let t = b + 1; t <= b + 2; t++) {
        const x = sb + tr[(b + 1) * T + t];
        const y = si + tr[(b + 2) * T + t];
        if (x >= y) {
          score[row + t] = x + em[row + t];
          back[row + t] = b;
        } else {
          score[row + t] = y + em[row + t];
          back[row + t] = b + 1;
        }
      }
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (canEnd(t) && score[(n - 1) * T + t] > best) {
      best = score[(n - 1) * T + t];
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    arg = back[i * T + arg];
  }
  if (margin) {
    for (let i = 0; i < n; i++) {
      if (!tags[i]) continue;
      const chosen = em[i * T + tags[i]];
      let other = -Infinity;
      for (let t = 0; t < T; t++) if (t !== tags[i] && em[i * T + t] > other) other = em[i * T + t];
      margin[i] = chosen - other;
    }
  }
}
