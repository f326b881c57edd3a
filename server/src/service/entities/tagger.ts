/**
 * The statistical layer: a first-order character tagger (BIOES over PER/ORG/LOC) with hashed features and
 * Viterbi decoding. The weights come from an averaged structured perceptron (scripts/training/trainer.ts),
 * quantised to int8 and stored in models/ner.bin as the tables decoding reads. The tag scheme is in tagScheme.ts, the
 * file format in modelFormat.ts, the decoder in decode.ts; this module puts them together and re-exports what others
 * import.
 */
import type { EntityType } from '../types';
import type { Span } from './gazetteer';
import { extractFeatures, FEATURES_PER_CHAR } from './features';
import type { Trie } from './trie';
import { WordSet } from './words';
import { NameLexicon } from './lexicon';
import { tagSpanEnd, TAG_TYPE } from './tagScheme';
import { lexiconTrie, modelFingerprint, openModel, type TaggerWeights } from './modelFormat';
import { featureArea, viterbi } from './decode';

export { allowed, canEnd, goldTags, NTAGS, spansFromTags, TAGS } from './tagScheme';
export { encodeModel, lexiconTrie, modelFingerprint, openModel, type TaggerWeights } from './modelFormat';
export { viterbi } from './decode';

export interface Tagger {
  /** `noNames`: decode without the external name lexicon (the ablation table's row; never in the product). */
  tag(norm: string, gaz: Trie<EntityType> | undefined, noNames?: boolean): (Span & { confidence: number })[];
  /** The external name lexicon the model was trained with, if it has one. */
  readonly names?: NameLexicon;
  /** The names seen in training, with their usual type. */
  readonly trainingNames?: Trie<EntityType>;
  /** The word lexicon the model was trained with, if it has one. */
  readonly words?: WordSet;
  /** The weights it decodes with (the fine-tuning of finetune.ts starts from them). */
  readonly weights?: TaggerWeights;
  /** A hash of the model file it came from: an overlay of weight deltas applies only to the model it was made on. */
  readonly fingerprint?: string;
}

/** A tagger over the bytes of models/ner.bin: views over them, nothing decoded (the tagger owns the bytes from now on). */
export function loadTagger(bytes: Uint8Array): Tagger {
  const model = openModel(bytes);
  return taggerFromWeights(model.weights, modelFingerprint(bytes), model);
}

// Per-process work arrays for tag(): it is synchronous, and a page has thousands of lines.
let idScratch = new Uint32Array(0);
let tagScratch = new Uint8Array(0);
let marginScratch = new Float32Array(0);

/**
 * A tagger over weights. `tables`: the lexicon structures of a model file, or of a tagger already made from the
 * same model (a fine-tuned tagger shares them with the shipped one); without them they are built from the lists in
 * the weights (training).
 */
export function taggerFromWeights(
  weights: TaggerWeights,
  fingerprint?: string,
  tables?: Pick<Tagger, 'trainingNames' | 'words' | 'names'>,
): Tagger {
  const lex = tables ? tables.trainingNames : lexiconTrie(weights.lexicon);
  const words = tables ? tables.words : weights.words?.length ? new WordSet(weights.words) : undefined;
  const names = tables ? tables.names : weights.names?.length ? new NameLexicon(weights.names) : undefined;
  // Only the arrays decoding reads are kept: the lexicon and word lists (about 25 MB of strings) live on in the
  // tables just built from them, and a closure over `weights` would hold them for the life of the process.
  const w: TaggerWeights = {
    bits: weights.bits,
    emission: weights.emission,
    quad: weights.quad,
    packed: weights.packed,
    scale: weights.scale,
    transition: weights.transition,
  };
  return {
    words,
    names,
    trainingNames: lex,
    weights: w,
    fingerprint,
    tag(norm, gaz, noNames) {
      const n = norm.length;
      if (!n) return [];
      if (idScratch.length < n * FEATURES_PER_CHAR) idScratch = new Uint32Array(n * FEATURES_PER_CHAR * 2);
      if (tagScratch.length < n) {
        tagScratch = new Uint8Array(n * 2);
        marginScratch = new Float32Array(n * 2);
      }
      const area = featureArea(w, n);
      const ids = extractFeatures(norm, gaz, w.bits, area?.ids ?? idScratch, lex, words, noNames ? undefined : names, area);
      const tags = tagScratch;
      const margin = marginScratch;
      viterbi(w, ids, n, tags, margin);
      return namesFromTags(tags, margin, n);
    },
  };
}

/**
 * `spansFromTags` with each span's confidence: the smallest emission margin over it, squashed (not a calibrated
 * probability, but ordered like one). One pass making each name once: mapping `spansFromTags`' spans into new objects
 * made every name twice and an array more per line (docs/performance.md, thirteenth round: the entity path).
 */
export function namesFromTags(tags: ArrayLike<number>, margin: ArrayLike<number>, n: number): (Span & { confidence: number })[] {
  const out: (Span & { confidence: number })[] = [];
  for (let i = 0; i < n;) {
    const type = TAG_TYPE[tags[i]];
    if (!type) {
      i++;
      continue;
    }
    const j = tagSpanEnd(tags, i, n);
    let m = Infinity;
    for (let k = i; k < j; k++) m = Math.min(m, margin[k]);
    out.push({ start: i, end: j, type, confidence: Math.round((1 / (1 + Math.exp(-m / 4))) * 100) / 100 });
    i = j;
  }
  return out;
}
