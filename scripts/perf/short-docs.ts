/**
 * A short document's fixed cost: `analyseArticle` over DOCS documents of LEN characters cut from the bench's
 * megabyte (one every 500 characters), every field read, twice to warm the JIT and then measured. For CPU profiles
 * of that fixed cost (profile-table.mjs counts the samples under `measuredRuns`):
 *   npx esbuild scripts/perf/short-docs.ts --bundle --platform=node --target=node20 --outfile=/tmp/short.js \
 *     --external:jieba-wasm --loader:.bin=binary
 *   NEWS_CORPUS=../shared/corpus node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/short.js   (from the repository root)
 *   node scripts/perf/profile-table.mjs /tmp/prof/*.cpuprofile /tmp/short.js
 */
import { analyseArticle } from '../../server/src/service/article';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { loadNerModel } from '../../server/src/node/model';
import { unlabelledText } from './pages';

const DOCS = Number(process.env.DOCS ?? 2000);
const LEN = Number(process.env.LEN ?? 40);
const text = unlabelledText(1 << 20);
const recognizer = createEntityRecognizer({ model: loadNerModel() });
const docs: string[] = [];
for (let k = 0; k < DOCS; k++) docs.push(text.slice((k * 500) % (text.length - LEN), ((k * 500) % (text.length - LEN)) + LEN));

function once(): number {
  let x = 0;
  for (const d of docs) {
    const a = analyseArticle(d, { recognizer });
    x += a.entities.length + a.dates.length + a.clusters.length + a.script.length + a.blocks.length;
  }
  return x;
}
for (let r = 0; r < 2; r++) once();
function measuredRuns(): void {
  const c0 = process.cpuUsage();
  const x = once();
  const c = process.cpuUsage(c0);
  console.log(`${DOCS} documents of ${LEN} characters: ${((c.user + c.system) / DOCS).toFixed(1)} µs of CPU each (${x})`);
}
measuredRuns();
