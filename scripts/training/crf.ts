/**
 * A linear-chain CRF on the tagger's own features (sixth round, docs/entities.md): the same hashed templates, tag
 * scheme and first-order transitions as the averaged perceptron, so its model is decoded by the shipped Viterbi
 * with no change, but fitted by maximising the conditional log-likelihood (forward-backward marginals) with
 * AdaGrad steps and an optional L2 penalty, instead of perceptron updates on mistakes.
 */
import { FEATURES_PER_CHAR } from '../../server/src/service/entities/features';
import { allowed, canEnd, NTAGS } from '../../server/src/service/entities/tagScheme';
import type { TaggerWeights } from '../../server/src/service/entities/modelFormat';
import { xorshift } from '../../server/src/service/entities/finetune';

export interface CrfOptions {
  /** AdaGrad base step. */
  rate: number;
  /** L2 penalty, applied to the weights a sentence's step touches (lazily, as they are read). */
  l2: number;
  /**
   * Average the weights over every step, as the perceptron does (w - u / c, u summing each step times its count):
   * the last iterate of a stochastic method is noisy, the average is not.
   */
  average?: boolean;
  epochs: number;
  seed?: number;
  /** After each epoch: `mistakes` holds the epoch's summed negative log-likelihood (rounded). */
  onEpoch?: (epoch: number, info: { mistakes: number; seconds: number; averaged: () => TaggerWeights }) => void;
}

/**
 * Every score (emissions and transitions) is multiplied by this before the model is written. Viterbi's choice is
 * unchanged by a common factor; the tagger's confidence is sigmoid(margin / 4) (tagger.ts), so with 4 it becomes
 * sigmoid of the CRF's own log-odds margin, on the scale the recogniser's confidence thresholds were set for.
 */
export const CRF_SCORE_SCALE = 4;

const T = NTAGS;

/**
 * Fits a CRF to the prepared features (FEATURES_PER_CHAR ids per character) and gold tags, visiting the sentences
 * in the same seeded shuffle as the perceptron. Returns float weights in the perceptron's layout.
 */
export function fitCrf(
  feats: readonly Uint32Array[],
  gold: readonly Uint8Array[],
  tables: Pick<TaggerWeights, 'bits' | 'lexicon' | 'words' | 'names'>,
  options: CrfOptions,
): TaggerWeights {
  const { rate, l2, epochs } = options;
  const F = FEATURES_PER_CHAR;
  const size = (1 << tables.bits) * T;
  const w = new Float32Array(size);
  const G = new Float32Array(size);
  const average = !!options.average;
  const u = new Float32Array(average ? size : 0);
  const tu = new Float32Array(average ? (T + 1) * T : 0);
  let c = 1;
  const tw = new Float32Array((T + 1) * T);
  const tG = new Float32Array(tw.length);
  const legal = new Uint8Array((T + 1) * T);
  for (let p = -1; p < T; p++) for (let t = 0; t < T; t++) legal[(p + 1) * T + t] = allowed(p, t) ? 1 : 0;
  const weights: TaggerWeights = { ...tables, emission: w, scale: 1, transition: tw };
  const random = xorshift(options.seed ?? 20250704);
  const order = feats.map((_, i) => i);
  let em = new Float64Array(256 * T);
  let alpha = new Float64Array(256 * T);
  let beta = new Float64Array(256 * T);
  const grad = new Float64Array(T);
  const ttGrad = new Float64Array(tw.length);
  // Float32 accumulators: a tiny gradient squares to 0, so the denominator has a floor.
  const step = (g: number, acc: Float32Array, i: number) => {
    acc[i] += g * g;
    return (rate * g) / (Math.sqrt(acc[i]) + 1e-6);
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const t0 = Date.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let nll = 0;
    for (const k of order) {
      const g = gold[k];
      const n = g.length;
      if (!n) continue;
      if (em.length < n * T) {
        em = new Float64Array(n * T * 2);
        alpha = new Float64Array(n * T * 2);
        beta = new Float64Array(n * T * 2);
      }
      const ids = feats[k];
      for (let i = 0; i < n; i++) {
        const row = i * T;
        for (let t = 0; t < T; t++) em[row + t] = 0;
        for (let f = 0; f < F; f++) {
          const off = ids[i * F + f] * T;
          for (let t = 0; t < T; t++) em[row + t] += w[off + t];
        }
      }
      // Forward and backward in log space over the legal transitions.
      for (let t = 0; t < T; t++) alpha[t] = legal[t] ? tw[t] + em[t] : -Infinity;
      for (let i = 1; i < n; i++) {
        for (let t = 0; t < T; t++) {
          let m = -Infinity;
          for (let p = 0; p < T; p++) if (legal[(p + 1) * T + t]) m = Math.max(m, alpha[(i - 1) * T + p] + tw[(p + 1) * T + t]);
          let s = 0;
          if (m > -Infinity)
            for (let p = 0; p < T; p++) if (legal[(p + 1) * T + t]) s += Math.exp(alpha[(i - 1) * T + p] + tw[(p + 1) * T + t] - m);
          alpha[i * T + t] = m > -Infinity ? m + Math.log(s) + em[i * T + t] : -Infinity;
        }
      }
      // A sentence may not end inside a name: the open tags get no mass at the last position.
      for (let t = 0; t < T; t++) beta[(n - 1) * T + t] = canEnd(t) ? 0 : -Infinity;
      for (let i = n - 2; i >= 0; i--) {
        const nx = (i + 1) * T;
        for (let p = 0; p < T; p++) {
          let m = -Infinity;
          for (let t = 0; t < T; t++) if (legal[(p + 1) * T + t]) m = Math.max(m, tw[(p + 1) * T + t] + em[nx + t] + beta[nx + t]);
          let s = 0;
          if (m > -Infinity)
            for (let t = 0; t < T; t++) if (legal[(p + 1) * T + t]) s += Math.exp(tw[(p + 1) * T + t] + em[nx + t] + beta[nx + t] - m);
          beta[i * T + p] = m > -Infinity ? m + Math.log(s) : -Infinity;
        }
      }
      const last = (n - 1) * T;
      let z = -Infinity;
      for (let t = 0; t < T; t++) z = Math.max(z, alpha[last + t] + beta[last + t]);
      let zs = 0;
      for (let t = 0; t < T; t++) zs += Math.exp(alpha[last + t] + beta[last + t] - z);
      const logZ = z + Math.log(zs);
      let goldScore = tw[g[0]] + em[g[0]];
      for (let i = 1; i < n; i++) goldScore += tw[(g[i - 1] + 1) * T + g[i]] + em[i * T + g[i]];
      nll += logZ - goldScore;
      // Gradient of the log-likelihood: observed minus expected counts, one AdaGrad step per touched weight.
      ttGrad.fill(0);
      for (let i = 0; i < n; i++) {
        const row = i * T;
        for (let t = 0; t < T; t++) grad[t] = (t === g[i] ? 1 : 0) - Math.exp(alpha[row + t] + beta[row + t] - logZ);
        for (let f = 0; f < F; f++) {
          const off = ids[i * F + f] * T;
          for (let t = 0; t < T; t++) {
            const gr = grad[t] - l2 * w[off + t];
            if (gr === 0) continue;
            const d = step(gr, G, off + t);
            w[off + t] += d;
            if (average) u[off + t] += c * d;
          }
        }
        if (i === 0) {
          // The start transitions' expected counts are the first position's marginals.
          for (let t = 0; t < T; t++) ttGrad[t] += grad[t];
          continue;
        }
        ttGrad[(g[i - 1] + 1) * T + g[i]] += 1;
        const pr = (i - 1) * T;
        for (let p = 0; p < T; p++) {
          const ap = alpha[pr + p];
          if (ap === -Infinity) continue;
          for (let t = 0; t < T; t++) {
            if (!legal[(p + 1) * T + t]) continue;
            ttGrad[(p + 1) * T + t] -= Math.exp(ap + tw[(p + 1) * T + t] + em[row + t] + beta[row + t] - logZ);
          }
        }
      }
      for (let x = 0; x < tw.length; x++) {
        if (!legal[x] || ttGrad[x] === 0) continue;
        const d = step(ttGrad[x], tG, x);
        tw[x] += d;
        if (average) tu[x] += c * d;
      }
      c++;
    }
    options.onEpoch?.(epoch, { mistakes: Math.round(nll), seconds: (Date.now() - t0) / 1000, averaged: () => final() });
  }
  return final();

  /** The weights as they would ship now: averaged over every step (with `average`), times CRF_SCORE_SCALE; a copy. */
  function final(): TaggerWeights {
    const k = CRF_SCORE_SCALE;
    const aw = new Float32Array(size);
    for (let i = 0; i < size; i++) aw[i] = (average && u[i] !== 0 ? w[i] - u[i] / c : w[i]) * k;
    const at = tw.map((x, i) => (average ? x - tu[i] / c : x) * k);
    return { ...weights, emission: aw, transition: at };
  }
}
