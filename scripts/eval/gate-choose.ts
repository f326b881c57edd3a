/**
 * Chooses one gate's temperature and threshold (server/src/service/entities/gates.ts) from the held-out slice of MSRA
 * train, under the rule that it must hold on the gold pages, applied leave-one-page-out: for each page, the setting
 * that gains most on the slice among those that lose nothing on the other 20 pages (in-sample F1 not lower than with
 * the gate off) scores that page. If every page gets the same setting, that is the one to ship.
 * `NEWS_CORPUS=/path/to/corpus npx tsx scripts/eval/gate-choose.ts M.bin KIND [--dev 3000] [--t 1,10,30] [--grid 0.003,0.01,...]`
 * (M.bin trained with `--dev N`, as for merge-cost.ts; the pages are scored with the shipped model). Never reads the
 * MSRA test file.
 */
import { createEntityRecognizer } from '../../server/src/service/entities';
import { GATE_KINDS, type GateKind } from '../../server/src/service/entities/gates';
import { loadNerModel } from '../../server/src/node/model';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { corpusDir, NEVER_TUNED, prf, type Prf } from './corpus';
import { heldOutSlice } from './heldOut';
import { scoreBio, scorePages } from './entities';

const kind = process.argv[3] as GateKind;
if (!GATE_KINDS.includes(kind)) {
  console.error(`usage: gate-choose.ts M.bin KIND (KIND one of ${GATE_KINDS.join(', ')})`);
  process.exit(2);
}
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return (i > 0 ? process.argv[i + 1] : dflt).split(',').map(Number);
};
const temperatures = arg('--t', '1,10,30');
const grid = arg('--grid', '0.003,0.01,0.03,0.1');
const { dev, tagger: sliceTagger } = heldOutSlice(process.argv);
const bytes = loadNerModel();
const pageTagger = bytes ? loadTagger(bytes) : undefined;
const sum = (xs: Prf[]): Prf => xs.reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn }), { tp: 0, fp: 0, fn: 0 });

const settings = [{ t: 1, th: 0 }, ...temperatures.flatMap((t) => grid.map((th) => ({ t, th })))];
const rows = settings.map(({ t, th }) => {
  const gates = { [kind]: th };
  const slice = prf(scoreBio(createEntityRecognizer({ tagger: sliceTagger, gates, gateTemperature: t }), dev).total).f1;
  const pages = scorePages(createEntityRecognizer({ tagger: pageTagger, gates, gateTemperature: t }), corpusDir());
  const all = prf(sum(pages.map((p) => p.total))).f1;
  const last = prf(sum(pages.filter((p) => NEVER_TUNED.has(p.name)).map((p) => p.total))).f1;
  console.log(
    `${kind} T ${t} threshold ${th}: slice ${slice.toFixed(4)}, pages all 21 ${all.toFixed(4)}, 10 labelled last ${last.toFixed(4)}`,
  );
  return { t, th, slice, pages };
});
const names = rows[0].pages.map((p) => p.name);
const lopo: Prf[] = [];
const chosen = new Map<string, string[]>();
names.forEach((name, i) => {
  const others = (r: (typeof rows)[number]) => prf(sum(r.pages.filter((_, j) => j !== i).map((p) => p.total))).f1;
  const floor = others(rows[0]);
  let best = rows[0];
  for (const r of rows) if (others(r) >= floor - 1e-12 && r.slice > best.slice + 1e-12) best = r;
  lopo.push(best.pages[i].total);
  const key = `T ${best.t} threshold ${best.th}`;
  chosen.set(key, [...(chosen.get(key) ?? []), name]);
});
const lastIdx = names.map((n, i) => (NEVER_TUNED.has(n) ? i : -1)).filter((i) => i >= 0);
console.log(
  `leave-one-page-out: all 21 ${prf(sum(lopo)).f1.toFixed(4)}, 10 labelled last ${prf(sum(lastIdx.map((i) => lopo[i]))).f1.toFixed(4)}`,
);
for (const [k, v] of chosen) console.log(`chosen ${k}: ${v.length} pages`);
