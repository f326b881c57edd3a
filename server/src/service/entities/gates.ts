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
 * Threshold of each gate; 0 leaves the decision to the rule. All are 0 as shipped: on the held-out slice of MSRA
 * train and on the pages, no threshold gained on both (docs/entities.md, "Sixth round"):
 * - `companyAdd`, mean P(not O) over a company read off a business ending (X科技, X保险: `brandSpans`,
 *   `companySpans`) where the tagger marked nothing: 0.1 gained 0.0014 on the slice (应试教育, 骗取保险, 公私汽车 go)
 *   but lost 0.0054 on the 21 pages (国金证券, 当升科技, 歌诗达邮轮 go): the tagger, trained on 1998 newswire, gives
 *   modern companies no more weight than phrases;
 * - `patternAdd`, `gazetteerAdd`: the same for the other patterns and the list: lost on the slice or the pages;
 * - `copyAdd`, the confidence of the tagger's reading that article consistency copies onto unmarked text (read in
 *   recognizer.ts `propagate`): lost on the slice, and changed nothing on the gold pages' content lines.
 */
export const GATE_THRESHOLDS: Readonly<Record<GateKind, number>> = { companyAdd: 0, patternAdd: 0, gazetteerAdd: 0, copyAdd: 0 };

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
