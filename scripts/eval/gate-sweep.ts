/**
 * The tagger-confidence gates of the merge (server/src/service/entities/gates.ts), each swept alone on the held-out
 * slice of MSRA train: F1 of the recogniser with the gate at each threshold, the others as shipped. The thresholds
 * are chosen here, never on the MSRA test file. `npx tsx scripts/eval/gate-sweep.ts M.bin [--dev 3000]` (M.bin trained
 * with `--dev N`, so the slice is held out from it).
 */
import { createEntityRecognizer } from '../../server/src/service/entities';
import { GATE_KINDS, GATE_THRESHOLDS } from '../../server/src/service/entities/gates';
import { prf } from './corpus';
import { heldOutSlice } from './heldOut';
import { scoreBio } from './entities';

const { dev, tagger } = heldOutSlice(process.argv);
const f1 = (gates: Record<string, number>) => {
  const r = scoreBio(createEntityRecognizer({ tagger, gates }), dev);
  const p = prf(r.total);
  return `${p.f1.toFixed(4)} (tp ${r.total.tp}, fp ${r.total.fp}, fn ${r.total.fn})`;
};
console.log(`shipped thresholds ${JSON.stringify(GATE_THRESHOLDS)}: ${f1({})}`);
for (const kind of GATE_KINDS) {
  for (const t of (process.env.GRID ?? '0,0.02,0.05,0.1,0.2,0.3,0.5,0.7,0.9').split(',').map(Number))
    console.log(`  ${kind.padEnd(13)} ${t.toFixed(2)}  ${f1({ [kind]: t })}`);
}
