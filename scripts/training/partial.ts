/**
 * Partial labels for the perceptron (docs/entities.md, "Sixth round: weak labels from unlabelled news"): a training
 * sentence may carry, per character, the set of tags it may take (`TrainingSentence.allowed`, a bit per tag index;
 * all bits set where nothing is known). Its target in an epoch is then not a fixed tag sequence but the best reading
 * under the current weights that keeps to those sets (constrained Viterbi), and the usual update moves from the
 * free reading towards it: only what the constraints decide is learned, the free characters agree by construction
 * unless a constraint moves them.
 */
import { emissions, viterbiScores } from '../../server/src/service/entities/decode';
import { NTAGS, type TaggerWeights } from '../../server/src/service/entities/tagger';

/** A score far below any reachable one: a tag outside a character's set is never chosen where another is allowed. */
const FORBIDDEN = -1e9;

/**
 * The best tags for `n` characters under `weights` among those `allowed` permits, into `out`. `em` is a work array of
 * at least n × NTAGS scores.
 */
export function constrainedTarget(
  weights: TaggerWeights,
  ids: Uint32Array,
  n: number,
  allowed: Uint16Array,
  em: Float64Array,
  out: Uint8Array,
): void {
  emissions(weights, ids, n, em);
  for (let i = 0; i < n; i++) {
    const set = allowed[i];
    for (let t = 0; t < NTAGS; t++) if (!(set & (1 << t))) em[i * NTAGS + t] += FORBIDDEN;
  }
  viterbiScores(weights.transition, em, n, out);
}
