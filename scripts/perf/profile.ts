/**
 * A driver for CPU profiles of the whole analysis: `analyseArticle` over the bench's megabyte, twice to warm the
 * JIT and then RUNS times (default 6), every field read. Bundle it as the product is and run it under
 * `node --cpu-prof`, then group the profile's self time by function and file with `profile-table.mjs`:
 *   npx esbuild scripts/perf/profile.ts --bundle --platform=node --target=node20 --outfile=/tmp/profile.js
 *   NEWS_CORPUS=../shared/corpus node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/profile.js
 *   node scripts/perf/profile-table.mjs /tmp/prof/*.cpuprofile /tmp/profile.js
 * Only the runs after the warm-up are counted: the driver marks them with a call of `measuredRuns`.
 */
import { analyseArticle } from '../../server/src/service/article';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { loadNerModel } from '../../server/src/node/model';
import { unlabelledText } from './pages';

const RUNS = Number(process.env.RUNS ?? 6);
const text = unlabelledText(1 << 20);
const recognizer = createEntityRecognizer({ model: loadNerModel() });

function once(): number {
  const a = analyseArticle(text, { recognizer });
  return a.entities.length + a.dates.length + a.clusters.length + a.script.length + a.blocks.length;
}
for (let r = 0; r < 2; r++) once();
function measuredRuns(): void {
  const c0 = process.cpuUsage();
  for (let r = 0; r < RUNS; r++) once();
  const c = process.cpuUsage(c0);
  const mb = Buffer.byteLength(text) / (1 << 20);
  console.log(`${RUNS} runs: ${((c.user + c.system) / 1000 / RUNS / mb).toFixed(0)} ms of CPU per MB`);
}
measuredRuns();
