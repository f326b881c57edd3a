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
 * Threshold of each gate; 0 leaves the decision to the rule. Chosen by scripts/eval/gate-choose.ts: for each gold page
 * left out, the setting (temperature and threshold) that gains most on the held-out slice of MSRA train among those
 * that lose nothing on the other 20 pages; all 21 folds chose the same (docs/entities.md, "Sixth round"):
 * - `companyAdd`, mean P(not O) at temperature 30 over a company read off a business ending (X科技, X保险, X汽车:
 *   `brandSpans`, `companySpans`) where the tagger marked nothing: 0.01. The folds chose 0.02 (slice 0.7861 → 0.7869);
 *   0.01 gives 0.7867, one mention less, and on the pages nobody labelled 0.02 also drops about 30 right company
 *   mentions that 0.01 keeps (新浪科技, 恒高传媒, 蔚蓝生物), so the lower one is shipped. Pages unchanged. Higher
 *   thresholds, or the marginals at temperature 1 (where every threshold is the same cut), gain 0.0014 on the slice
 *   but lose 0.0054 on the pages (国金证券, 当升科技, 歌诗达邮轮 go): the tagger, trained on 1998 newswire, ranks
 *   modern companies little above phrases;
 * - `patternAdd`, `gazetteerAdd`: the other patterns and the list: every threshold lost on the slice or on the pages;
 * - `copyAdd`, the confidence of the tagger's reading that article consistency copies onto unmarked text (read in
 *   recognizer.ts `propagate`): lost on the slice (the names it copies there are right as often as wrong, all with
 *   confidence under 0.1), and changed nothing on the gold pages' content lines.
 */
export const GATE_THRESHOLDS: Readonly<Record<GateKind, number>> = { companyAdd: 0.01, patternAdd: 0, gazetteerAdd: 0, copyAdd: 0 };

/**
 * The temperature the gates read the tagger's marginals at. The perceptron's path scores lie hundreds apart, so at 1
 * the posteriors are all but 0 or 1 (the Viterbi path again); divided by 30 they are graded. Chosen with the
 * thresholds (gate-choose.ts, temperatures 1, 10, 30, 50).
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
