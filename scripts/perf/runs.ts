/**
 * The whole analysis run by run in one fresh process: wall and CPU ms per MB of each `analyseArticle` over the
 * bench's megabyte, every field read (how fast a process reaches its steady state, and how far the runs spread).
 *   npx esbuild scripts/perf/runs.ts --bundle --platform=node --target=node20 --outfile=/tmp/runs.js \
 *     --external:jieba-wasm --loader:.bin=binary
 *   NEWS_CORPUS=../shared/corpus RUNS=8 node /tmp/runs.js            (from the repository root)
 * BENCH=1 first does what `npm run bench` does before its "whole analysis" line (recognize 5 times, dates 3 times
 * twice, boilerplate 3 times), so runs 0-2 are the three the bench takes its best of.
 */
import { analyseArticle } from '../../server/src/service/article';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { loadNerModel } from '../../server/src/node/model';
import { detectBoilerplate } from '../../server/src/service/boilerplate';
import { findPublication, recognizeDates } from '../../server/src/service/dates';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { unlabelledText } from './pages';

const RUNS = Number(process.env.RUNS ?? 8);
const text = unlabelledText(1 << 20);
const recognizer = createEntityRecognizer({ model: loadNerModel() });
const mb = Buffer.byteLength(text) / (1 << 20);
if (process.env.BENCH) {
  recognizer.recognize(text.slice(0, 20000));
  for (let i = 0; i < 5; i++) recognizer.recognize(text);
  for (let i = 0; i < 3; i++) recognizeDates(text, { reference: findPublication(text)?.value });
  const normalized = normalizeForMatching(text);
  for (let i = 0; i < 3; i++) recognizeDates(text, { reference: findPublication(text)?.value, normalized });
  for (let i = 0; i < 3; i++) detectBoilerplate(text);
}
const rows: string[] = [];
const walls: number[] = [];
// Named for profile-table.mjs, which counts only the samples under `measuredRuns`.
function measuredRuns(): void {
  for (let r = 0; r < RUNS; r++) run(r);
}
function run(r: number): void {
  if (process.env.MARK) console.log(`=== run ${r}`);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const a = analyseArticle(text, { recognizer });
  const x = a.entities.length + a.dates.length + a.clusters.length + a.script.length + a.blocks.length;
  const c = process.cpuUsage(c0);
  const w = performance.now() - t0;
  walls.push(w / mb);
  rows.push(`run ${r}: wall ${(w / mb).toFixed(0)} cpu ${((c.user + c.system) / 1000 / mb).toFixed(0)} ms/MB ${x}`);
}
if (process.env.MARK) console.log('=== measured runs start'); // a marker for --trace-deopt / --trace-opt logs
measuredRuns();
console.log(rows.join('\n'));
console.log(`series ${walls.map((w) => w.toFixed(0)).join(', ')}; best of runs 0-2 ${Math.min(...walls.slice(0, 3)).toFixed(0)}`);
