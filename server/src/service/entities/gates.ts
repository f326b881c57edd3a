/**
 * The tagger's confidence as evidence in the merge (issue 11, sixth round): a rule that adds a name where the tagger
 * read none must find the tagger's marginals not negligible there, and a name copied by article consistency must copy
 * a reading the tagger was sure enough of. Each kind of decision has one threshold, chosen on the held-out slice of
 * MSRA train (scripts/eval/gate-sweep.ts) and checked on the pages (scripts/eval/gate-lopo.ts, family-diff.ts gate:KIND;
 * docs/entities.md, "Sixth round: the tagger's confidence in the merge").
 */
import type { LineMarginals } from './marginals';

/** The merge decisions a gate can stand on. */
export const GATE_KINDS = ['companyAdd', 'patternAdd', 'gazetteerAdd', 'copyAdd'] as const;
export type GateKind = (typeof GATE_KINDS)[number];

/**
 * Threshold of each gate; 0 leaves the decision to the rule. All are 0 as shipped: no setting gained on the held-out
 * slice of MSRA train and held on the pages (docs/entities.md, "Sixth round"; scripts/eval/gate-choose.ts chooses the
 * setting that gains most on the slice among those that lose nothing on the other pages, leave-one-page-out):
 * - `companyAdd`, mean P(not O) over a company read off a business ending (X科技, X保险, X汽车: `brandSpans`,
 *   `companySpans`) where the tagger marked nothing. The best candidate, 0.01 at temperature 30, takes the slice from
 *   0.7861 to 0.7867 (公私汽车, 骗取保险 go) and leaves the pages in-sample unchanged, but drops 当升科技 where the
 *   motivating-page-out figure switches `slots` off (0.8614 → 0.8593): the tagger gives 当升科技 (0.004) no more than
 *   公私汽车 (0.005) or 普法教育 (0.008). Higher thresholds, or temperature 1 (where every threshold is the same cut),
 *   gain 0.0014 on the slice and lose 0.0054 on the pages (国金证券, 歌诗达邮轮 go): trained on 1998 newswire, the
 *   tagger ranks modern companies no higher than phrases;
 * - `patternAdd`, `gazetteerAdd`: the other patterns and the list: every setting lost on the slice or on the pages;
 * - `copyAdd`, the confidence of the tagger's reading that article consistency copies onto unmarked text (read in
 *   recognizer.ts `propagate`): lost on the slice (the names it copies there are right as often as wrong, all with
 *   confidence under 0.1), and changed nothing on the gold pages' content lines.
 */
export const GATE_THRESHOLDS: Readonly<Record<GateKind, number>> = { companyAdd: 0, patternAdd: 0, gazetteerAdd: 0, copyAdd: 0 };

/**
 * The temperature the gates read the tagger's marginals at. The perceptron's path scores lie hundreds apart, so at 1
 * the posteriors are all but 0 or 1 (the Viterbi path again); divided by 30 they are graded (the scale at
 * which the companyAdd candidate above did best, of 1, 10, 30 and 50).
 */
export const GATE_TEMPERATURE = 30;

/** What a gate reads of a candidate. */
export interface Gated {
  start: number;
  end: number;
  rank: number;
  gate?: GateKind;
}

/**
 * Drops (rank -1) each gated candidate that no tagged character touches and whose span the tagger's marginals give
 * less than its kind's threshold. `tagged[i]` is 1 where the tagger put a name; the marginals are made only when a
 * candidate needs them (`marginals()` is called at most once), since they cost a second pass over the lattice.
 */
export function gateAdds(
  cands: Gated[],
  tagged: Uint8Array,
  marginals: () => LineMarginals,
  thresholds: Readonly<Record<GateKind, number>> = GATE_THRESHOLDS,
): void {
  let marg: LineMarginals | undefined;
  for (const c of cands) {
    if (!c.gate || c.rank < 0) continue;
    const threshold = thresholds[c.gate];
    if (!(threshold > 0)) continue;
    let touched = false;
    for (let i = c.start; i < c.end && !touched; i++) touched = tagged[i] === 1;
    if (touched) continue;
    marg ??= marginals();
    if (marg.notO(c.start, c.end) < threshold) c.rank = -1;
  }
}
