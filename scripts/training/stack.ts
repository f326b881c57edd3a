/**
 * Training of the stacked second pass (stackFeatures.ts): the first tagger's emission
 * scores and tags on each training sentence, from a first tagger that did not see that sentence (jackknifed), and an
 * averaged perceptron over the second pass's features whose scores are added to the first pass's. Deterministic
 * (fixed-seed shuffle). Training only: it never ships.
 */
import type { EntityType } from '../../server/src/service/types';
import { extractFeatures } from '../../server/src/service/entities/features';
import { emissions, viterbiScores } from '../../server/src/service/entities/decode';
import { NTAGS } from '../../server/src/service/entities/tagScheme';
import type { OpenedModel } from '../../server/src/service/entities/modelFormat';
import type { Trie } from '../../server/src/service/entities/trie';
import { STACK_FEATURES, stackedIds } from './stackFeatures';
import { xorshift } from '../../server/src/service/entities/finetune';

/** The first pass over one sentence: its emission scores (n x NTAGS) and Viterbi tags. */
export interface FirstPass {
  em: Float32Array;
  tags: Uint8Array;
}

export function firstPass(model: OpenedModel, norm: string, gaz: Trie<EntityType> | undefined): FirstPass {
  const n = norm.length;
  const w = model.weights;
  const ids = extractFeatures(norm, gaz, w.bits, undefined, model.trainingNames, model.words, model.names);
  const em = new Float64Array(n * NTAGS);
  emissions(w, ids, n, em);
  const tags = new Uint8Array(n);
  viterbiScores(w.transition, em, n, tags, undefined, true);
  return { em: Float32Array.from(em), tags };
}

export interface StackedWeights {
  bits: number;
  /** 2^bits * NTAGS, added to the first pass's emission scores. */
  emission: Float32Array;
  /** (NTAGS + 1) * NTAGS, replacing the first pass's transitions. */
  transition: Float32Array;
}

/** Second-pass emission scores: the first pass's plus the stacked weights of the ids. */
export function stackedScores(w: StackedWeights, first: FirstPass, ids: Uint32Array, n: number, em: Float64Array): void {
  const S = STACK_FEATURES;
  const T = NTAGS;
  const e = w.emission;
  for (let i = 0; i < n; i++) {
    const row = i * T;
    for (let t = 0; t < T; t++) em[row + t] = first.em[row + t];
    for (let f = 0; f < S; f++) {
      const off = ids[i * S + f] * T;
      for (let t = 0; t < T; t++) em[row + t] += e[off + t];
    }
  }
}

export function decodeStacked(w: StackedWeights, norm: string, first: FirstPass, tags: Uint8Array): void {
  const n = norm.length;
  const ids = stackedIds(norm, first.tags, first.em, n, w.bits, new Uint32Array(n * STACK_FEATURES));
  const em = new Float64Array(n * NTAGS);
  stackedScores(w, first, ids, n, em);
  viterbiScores(w.transition, em, n, tags);
}

export interface StackTrainOptions {
  bits?: number;
  epochs?: number;
  seed?: number;
  /** The first pass's transitions, where the second pass's start. */
  transition: Float32Array;
  onEpoch?: (epoch: number, info: { mistakes: number; averaged: () => StackedWeights }) => void;
}

/** Averaged perceptron over the second pass's features; `first[i]` must come from a tagger that did not see sentence i. */
export function trainStacked(norms: string[], gold: Uint8Array[], first: FirstPass[], options: StackTrainOptions): StackedWeights {
  const bits = options.bits ?? 18;
  const epochs = options.epochs ?? 5;
  const S = STACK_FEATURES;
  const T = NTAGS;
  const ids = norms.map((norm, k) => stackedIds(norm, first[k].tags, first[k].em, norm.length, bits, new Uint32Array(norm.length * S)));
  const size = (1 << bits) * T;
  const w = new Float32Array(size);
  const u = new Float32Array(size);
  const tw = Float32Array.from(options.transition);
  const tu = new Float32Array(tw.length);
  const weights: StackedWeights = { bits, emission: w, transition: tw };
  const random = xorshift(options.seed ?? 20250704);
  const order = norms.map((_, i) => i);
  let c = 1;
  let pred = new Uint8Array(256);
  let em = new Float64Array(256 * T);
  const averaged = (): StackedWeights => {
    const aw = new Float32Array(size);
    for (let i = 0; i < size; i++) aw[i] = u[i] !== 0 ? w[i] - u[i] / c : w[i];
    const at = new Float32Array(tw.length);
    for (let i = 0; i < tw.length; i++) at[i] = tw[i] - tu[i] / c;
    return { bits, emission: aw, transition: at };
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let mistakes = 0;
    for (const k of order) {
      const g = gold[k];
      const n = g.length;
      if (!n) continue;
      if (pred.length < n) pred = new Uint8Array(n * 2);
      if (em.length < n * T) em = new Float64Array(n * T * 2);
      stackedScores(weights, first[k], ids[k], n, em);
      viterbiScores(tw, em, n, pred);
      let wrong = false;
      for (let i = 0; i < n; i++) if (pred[i] !== g[i]) wrong = true;
      if (wrong) {
        mistakes++;
        const x = ids[k];
        for (let i = 0; i < n; i++) {
          const gp = i ? g[i - 1] + 1 : 0;
          const pp = i ? pred[i - 1] + 1 : 0;
          if (pred[i] !== g[i]) {
            for (let f = 0; f < S; f++) {
              const off = x[i * S + f] * T;
              w[off + g[i]] += 1;
              u[off + g[i]] += c;
              w[off + pred[i]] -= 1;
              u[off + pred[i]] -= c;
            }
          }
          if (pred[i] !== g[i] || gp !== pp) {
            tw[gp * T + g[i]] += 1;
            tu[gp * T + g[i]] += c;
            tw[pp * T + pred[i]] -= 1;
            tu[pp * T + pred[i]] -= c;
          }
        }
      }
      c++;
    }
    options.onEpoch?.(epoch, { mistakes, averaged });
  }
  return averaged();
}
