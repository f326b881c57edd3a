/**
 * A tagger-confidence gate of the merge (server/src/service/entities/gates.ts) chosen on the gold pages by
 * leave-one-page-out: each page is scored with the threshold that does best on the other pages (pooled F1), so no page
 * chose its own threshold. Prints each threshold's in-sample F1 (all pages, the 10 labelled last), then the
 * leave-one-page-out F1 and which threshold each page got.
 * `NEWS_CORPUS=/path/to/corpus npx tsx scripts/eval/gate-lopo.ts KIND [T1,T2,...] [--t TEMPERATURE]`.
 */
import { createEntityRecognizer } from '../../server/src/service/entities';
import { GATE_KINDS, type GateKind } from '../../server/src/service/entities/gates';
import { loadNerModel } from '../../server/src/node/model';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { corpusDir, NEVER_TUNED, prf, type Prf } from './corpus';
import { scorePages } from './entities';

const kind = process.argv[2] as GateKind;
if (!GATE_KINDS.includes(kind)) {
  console.error(`usage: gate-lopo.ts KIND [T1,T2,...] (KIND one of ${GATE_KINDS.join(', ')})`);
  process.exit(2);
}
const grid = (process.argv[3] && !process.argv[3].startsWith('--') ? process.argv[3] : '0,0.1,0.2,0.3,0.5,0.7,0.9').split(',').map(Number);
const tAt = process.argv.indexOf('--t');
const gateTemperature = tAt > 0 ? Number(process.argv[tAt + 1]) : undefined;
const bytes = loadNerModel();
const tagger = bytes ? loadTagger(bytes) : undefined;
const sum = (xs: Prf[]): Prf => xs.reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn }), { tp: 0, fp: 0, fn: 0 });
const byT = grid.map((t) => scorePages(createEntityRecognizer({ tagger, gates: { [kind]: t }, gateTemperature }), corpusDir()));
const names = byT[0].map((p) => p.name);
grid.forEach((t, k) => {
  const all = prf(sum(byT[k].map((p) => p.total))).f1;
  const last = prf(sum(byT[k].filter((p) => NEVER_TUNED.has(p.name)).map((p) => p.total))).f1;
  console.log(`${kind} ${t.toFixed(2)}: all ${names.length} in-sample ${all.toFixed(4)}, 10 labelled last ${last.toFixed(4)}`);
});
const lopo: Prf[] = [];
const chosen: string[] = [];
names.forEach((name, i) => {
  // The best threshold on the other pages (ties: the lower one, i.e. the rule left alone).
  let best = 0;
  let bestF = -1;
  grid.forEach((_, k) => {
    const f = prf(sum(byT[k].filter((_, j) => j !== i).map((p) => p.total))).f1;
    if (f > bestF + 1e-12) {
      bestF = f;
      best = k;
    }
  });
  lopo.push(byT[best][i].total);
  chosen.push(`${name} ${grid[best]}`);
});
const lastIdx = names.map((n, i) => (NEVER_TUNED.has(n) ? i : -1)).filter((i) => i >= 0);
console.log(
  `leave-one-page-out: all ${prf(sum(lopo)).f1.toFixed(4)}, 10 labelled last ${prf(sum(lastIdx.map((i) => lopo[i]))).f1.toFixed(4)}`,
);
console.log(`thresholds chosen: ${chosen.join(', ')}`);
