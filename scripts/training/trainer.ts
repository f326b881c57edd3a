/**
 * Averaged structured perceptron for the character tagger. Pure and deterministic (fixed-seed shuffle),
 * so the unit tests can train on a small fixture and scripts/train.ts on the MSRA train file. Training only:
 * it lives outside the service so the server and CLI bundles never carry it; the features, tag scheme, model
 * format and decoder it shares with the product are imported from the service.
 */
import type { EntityType } from '../../server/src/service/types';
import { extractFeatures, FEATURES_PER_CHAR } from '../../server/src/service/entities/features';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { encodeModel, goldTags, lexiconTrie, NTAGS, viterbi, type TaggerWeights } from '../../server/src/service/entities/tagger';
import { emissions, viterbiScores } from '../../server/src/service/entities/decode';
import type { Trie } from '../../server/src/service/entities/trie';
import { WordSet } from '../../server/src/service/entities/words';
import { induceWords } from './induceWords';
import { NameLexicon } from '../../server/src/service/entities/lexicon';
import { xorshift } from '../../server/src/service/entities/finetune';
import { constrainedTarget } from './partial';
import { fitCrf } from './crf';
import { combinedIds, decodeExperiment, LATTICE_FEATURES, tri, TRIGRAMS, type ExperimentWeights } from './order2';

export interface TrainingSentence {
  text: string;
  /** One tag per UTF-16 code unit of `text`: O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC. */
  tags: string[];
  /**
   * Partial labels (weak sentences, partial.ts): per code unit, a bit per tag index it may take. When set, the
   * sentence's target is the best reading within these sets under the current weights, not `tags`.
   */
  allowed?: Uint16Array;
}

export interface TrainOptions {
  epochs?: number;
  bits?: number;
  seed?: number;
  gazetteer?: Trie<EntityType>;
  /** Folds for the jackknifed training lexicon (0 = no lexicon features). */
  lexiconFolds?: number;
  /**
   * Jackknife the training lexicon by contiguous blocks of sentences rather than every k-th sentence: MSRA's
   * sentences come in article order, and a name's other mentions in the same article would otherwise be in the
   * lexicon a sentence is featured with, which makes lexicon hits look surer in training than on new text.
   */
  blockFolds?: boolean;
  /** Induce a word lexicon from the training text for word-boundary features (default true). */
  words?: boolean;
  /** External name lexicon (word, class bits), for the lexicon features; shipped inside the model. */
  names?: [string, number][];
  /**
   * Cost-augmented decoding while training: every tag but the gold one gets this much extra score, so a
   * sentence is updated until the gold reading wins by a margin that grows with the number of wrong tags
   * (0 = the plain perceptron).
   */
  cost?: number;
  /**
   * Passive-aggressive step (PA-I) with this aggressiveness cap C: each update is scaled by
   * min(C, (loss - score margin) / |feature difference|^2), the loss being the number of wrong tags; 0 = step 1.
   */
  pa?: number;
  /**
   * Sixth-round experiments (order2.ts; off by default): tag-trigram transitions with a second-order Viterbi, and
   * the segmented-word lattice templates after the shipped ones. Scored as float weights (`--every`); the model
   * file holds neither, so a model trained with them is for measuring only.
   */
  order2?: boolean;
  lattice?: boolean;
  /** Fit a linear-chain CRF on the same features instead of the perceptron (crf.ts): AdaGrad base rate and L2. */
  crf?: { rate: number; l2: number; average?: boolean };
  /** Called after each epoch (for progress output); `averaged()` gives the weights as they would ship now. */
  onEpoch?: (epoch: number, info: { mistakes: number; seconds: number; averaged: () => TaggerWeights }) => void;
}

/** Parses CHAR<TAB>TAG lines (blank line between sentences). A character of two code units tags both. */
export function parseBio(content: string): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  let chars: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (chars.length) out.push({ text: chars.join(''), tags });
    chars = [];
    tags = [];
  };
  for (const line of content.split(/\r?\n/)) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const tab = line.lastIndexOf('\t');
    const ch = tab > 0 ? line.slice(0, tab) : line.trim().split(/\s+/)[0];
    const tag = tab > 0 ? line.slice(tab + 1).trim() : (line.trim().split(/\s+/)[1] ?? 'O');
    chars.push(ch);
    for (let k = 0; k < ch.length; k++) tags.push(k === 0 ? tag : tag.startsWith('B-') ? `I-${tag.slice(2)}` : tag);
  }
  flush();
  return out;
}

/** Trains and returns averaged weights (float) ready to encode. */
export function trainWeights(sentences: TrainingSentence[], options: TrainOptions = {}): ExperimentWeights {
  const bits = options.bits ?? 20;
  const epochs = options.epochs ?? 12;
  const T = NTAGS;
  const lattice = !!options.lattice;
  const order2 = !!options.order2;
  const F = FEATURES_PER_CHAR + (lattice ? LATTICE_FEATURES : 0);
  // Features once, up front: they do not change between epochs.
  const feats: Uint32Array[] = [];
  const gold: Uint8Array[] = [];
  const folds = options.lexiconFolds ?? 5;
  const norms = sentences.map((s) => normalizeForMatching(s.text));
  const foldOf = (i: number) => (options.blockFolds ? Math.floor((i * folds) / sentences.length) : i % folds);
  const fullLexicon = folds ? buildLexicon(sentences, norms, () => true) : undefined;
  const foldTries = folds
    ? Array.from({ length: folds }, (_, f) => lexiconTrie(buildLexicon(sentences, norms, (i) => foldOf(i) !== f)))
    : [];
  // Induced from raw text, not from the tags, so it needs no jackknifing.
  const wordList = options.words === false ? undefined : induceWords(norms);
  const words = wordList ? new WordSet(wordList) : undefined;
  // Independent of MSRA's labels, so no jackknifing: the model learns how far each class is to be trusted.
  const names = options.names?.length ? new NameLexicon(options.names) : undefined;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const norm = norms[si];
    const lex = folds ? foldTries[foldOf(si)] : undefined;
    feats.push(
      lattice
        ? combinedIds(norm, options.gazetteer, bits, lex, words, names, true)
        : extractFeatures(norm, options.gazetteer, bits, undefined, lex, words, names),
    );
    gold.push(goldTags(s.tags));
  }
  if (options.crf)
    return fitCrf(
      feats,
      gold,
      { bits, lexicon: fullLexicon, words: wordList, names: options.names },
      { ...options.crf, epochs, seed: options.seed, onEpoch: options.onEpoch },
    );
  const size = (1 << bits) * T;
  const w = new Float32Array(size);
  const u = new Float32Array(size);
  const tw = new Float32Array((T + 1) * T);
  const tu = new Float32Array((T + 1) * T);
  const w3 = new Float32Array(order2 ? TRIGRAMS : 0);
  const u3 = new Float32Array(w3.length);
  const weights: ExperimentWeights = {
    ...(order2 ? { trigram: w3 } : {}),
    ...(lattice ? { lattice: true } : {}),
    bits,
    emission: w,
    scale: 1,
    transition: tw,
    lexicon: fullLexicon,
    words: wordList,
    names: options.names,
  };
  const random = xorshift(options.seed ?? 20250704);
  const order = sentences.map((_, i) => i);
  let c = 1;
  let pred = new Uint8Array(256);
  const cost = options.cost ?? 0;
  const pa = options.pa ?? 0;
  let em = new Float64Array(256 * T);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const t0 = Date.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let mistakes = 0;
    for (const k of order) {
      let g = gold[k];
      const n = g.length;
      if (!n) continue;
      if (pred.length < n) pred = new Uint8Array(n * 2);
      const partial = sentences[k].allowed;
      if (partial) {
        if (em.length < n * T) em = new Float64Array(n * T * 2);
        g = new Uint8Array(n);
        constrainedTarget(weights, feats[k], n, partial, em, g);
      }
      if (order2 || lattice) decodeExperiment(weights, feats[k], n, pred);
      else if (cost || pa) {
        if (em.length < n * T) em = new Float64Array(n * T * 2);
        emissions(weights, feats[k], n, em);
        if (cost) for (let i = 0; i < n; i++) for (let t = 0; t < T; t++) if (t !== g[i]) em[i * T + t] += cost;
        viterbiScores(tw, em, n, pred);
      } else viterbi(weights, feats[k], n, pred);
      let wrong = 0;
      for (let i = 0; i < n; i++) if (pred[i] !== g[i]) wrong++;
      let step = 1;
      if (wrong && pa) {
        // The score margin under the current weights (cost removed), and the squared norm of the update.
        let margin = 0;
        let norm = 0;
        for (let i = 0; i < n; i++) {
          const gp = i ? g[i - 1] + 1 : 0;
          const pp = i ? pred[i - 1] + 1 : 0;
          if (pred[i] !== g[i]) {
            margin += em[i * T + g[i]] - (em[i * T + pred[i]] - cost);
            norm += 2 * F;
          }
          if (pred[i] !== g[i] || gp !== pp) {
            margin += tw[gp * T + g[i]] - tw[pp * T + pred[i]];
            norm += 2;
          }
        }
        step = Math.min(pa, Math.max(0, wrong - margin) / norm);
      }
      if (wrong && step > 0) {
        mistakes++;
        const ids = feats[k];
        const sc = step * c;
        for (let i = 0; i < n; i++) {
          const gp = i ? g[i - 1] + 1 : 0;
          const pp = i ? pred[i - 1] + 1 : 0;
          if (pred[i] !== g[i]) {
            for (let f = 0; f < F; f++) {
              const off = ids[i * F + f] * T;
              w[off + g[i]] += step;
              u[off + g[i]] += sc;
              w[off + pred[i]] -= step;
              u[off + pred[i]] -= sc;
            }
          }
          if (pred[i] !== g[i] || gp !== pp) {
            tw[gp * T + g[i]] += step;
            tu[gp * T + g[i]] += sc;
            tw[pp * T + pred[i]] -= step;
            tu[pp * T + pred[i]] -= sc;
          }
          if (order2 && i >= 1) {
            const ga = i >= 2 ? g[i - 2] : -1;
            const pa2 = i >= 2 ? pred[i - 2] : -1;
            if (pred[i] !== g[i] || g[i - 1] !== pred[i - 1] || ga !== pa2) {
              const gi = tri(ga, g[i - 1], g[i]);
              const pi = tri(pa2, pred[i - 1], pred[i]);
              w3[gi] += step;
              u3[gi] += sc;
              w3[pi] -= step;
              u3[pi] -= sc;
            }
          }
        }
      }
      c++;
    }
    const averaged = (): ExperimentWeights => {
      const aw = new Float32Array(size);
      for (let i = 0; i < size; i++) aw[i] = u[i] !== 0 ? w[i] - u[i] / c : w[i];
      const at = new Float32Array(tw.length);
      for (let i = 0; i < tw.length; i++) at[i] = tw[i] - tu[i] / c;
      const a3 = w3.map((x, i) => x - u3[i] / c);
      return { ...weights, emission: aw, transition: at, ...(order2 ? { trigram: a3 } : {}) };
    };
    options.onEpoch?.(epoch, { mistakes, seconds: (Date.now() - t0) / 1000, averaged });
  }
  // Averaging: w_avg = w - u / c.
  for (let i = 0; i < size; i++) if (u[i] !== 0) w[i] -= u[i] / c;
  for (let i = 0; i < tw.length; i++) tw[i] -= tu[i] / c;
  for (let i = 0; i < w3.length; i++) w3[i] -= u3[i] / c;
  return weights;
}

/** Trains and serialises in one step (the bytes of models/ner.bin). */
export function trainModel(sentences: TrainingSentence[], options: TrainOptions = {}): Uint8Array {
  const w = trainWeights(sentences, options);
  return encodeModel({
    bits: w.bits,
    emission: w.emission as Float32Array,
    transition: w.transition,
    lexicon: w.lexicon,
    words: w.words,
    names: w.names,
  });
}

/**
 * The mean of K trainings' weights that differ only in their shuffling seed (seed, seed + 1, ...), encoded as one
 * model: an ensemble that costs nothing at run time (`scripts/train.ts --ensemble K`, an experiment). K = 1 is
 * `trainModel`.
 */
export function trainSeedAverage(sentences: TrainingSentence[], options: TrainOptions, k: number): Uint8Array {
  const seed = options.seed ?? 20250704;
  const runs = Array.from({ length: k }, (_, i) => trainWeights(sentences, { ...options, seed: seed + i }));
  const emission = new Float32Array(runs[0].emission.length);
  const transition = new Float32Array(runs[0].transition.length);
  for (const r of runs) {
    for (let i = 0; i < emission.length; i++) emission[i] += r.emission[i] / k;
    for (let i = 0; i < transition.length; i++) transition[i] += r.transition[i] / k;
  }
  return encodeModel({ ...runs[0], emission, transition });
}

/** Names (two code units or more) tagged in the chosen sentences, each with its most frequent type. */
export function buildLexicon(sentences: TrainingSentence[], norms: string[], use: (i: number) => boolean): [string, EntityType][] {
  const counts = new Map<string, Map<EntityType, number>>();
  for (let i = 0; i < sentences.length; i++) {
    if (!use(i)) continue;
    const tags = sentences[i].tags;
    for (let a = 0; a < tags.length;) {
      if (!tags[a].startsWith('B-')) {
        a++;
        continue;
      }
      const type = tags[a].slice(2) as EntityType;
      let b = a + 1;
      while (b < tags.length && tags[b] === `I-${type}`) b++;
      if (b - a >= 2) {
        const key = norms[i].slice(a, b);
        let m = counts.get(key);
        if (!m) counts.set(key, (m = new Map()));
        m.set(type, (m.get(type) ?? 0) + 1);
      }
      a = b;
    }
  }
  const out: [string, EntityType][] = [];
  for (const [k, m] of counts) out.push([k, [...m].sort((x, y) => y[1] - x[1])[0][0]]);
  return out.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
}
