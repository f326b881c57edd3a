// The collector's work in whole analyses of the bench's megabyte, one tree per process: the tree's analysis is
// bundled as ab.mjs bundles it, analysed twice to warm up, then RUNS times (default 6), every field read; for each
// run the scavenges and mark-compacts (count, ms) that V8 reported (`perf_hooks` gc entries) and the heap used
// after it. Alternate two trees' processes to compare them on a shared machine:
//   node scripts/perf/gc.mjs TREE [RUNS]      (NEWS_CORPUS as for `npm run eval`; TREE defaults to this one)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { bundleTree } from './bundle-tree.mjs';
import { PerformanceObserver, constants } from 'node:perf_hooks';

const here = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const root = path.resolve(process.argv[2] ?? here);
const runs = Number(process.argv[3] ?? 6);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-'));
const file = path.join(out, 'tree.js');
bundleTree(here, root, file);
const api = createRequire(import.meta.url)(file);
process.chdir(root);
const recognizer = api.createEntityRecognizer({ model: api.loadNerModel() });
const text = api.unlabelledText(1 << 20);
const mb = Buffer.byteLength(text) / (1 << 20);
const once = () => {
  const a = api.analyseArticle(text, { recognizer });
  return a.entities.length + a.dates.length + a.clusters.length + a.script.length + a.blocks.length;
};
once();
once();
const entries = [];
const obs = new PerformanceObserver((list) => entries.push(...list.getEntries()));
obs.observe({ entryTypes: ['gc'] });
const flush = () => new Promise((ok) => setTimeout(ok, 20));
const rows = [];
for (let r = 0; r < runs; r++) {
  await flush();
  entries.length = 0;
  const c0 = process.cpuUsage();
  once();
  const c = process.cpuUsage(c0);
  await flush();
  const kind = (k) => entries.filter((e) => (e.detail?.kind ?? e.kind) === k);
  const minor = kind(constants.NODE_PERFORMANCE_GC_MINOR);
  const major = kind(constants.NODE_PERFORMANCE_GC_MAJOR);
  const ms = (xs) => xs.reduce((s, e) => s + e.duration, 0);
  rows.push({ cpu: (c.user + c.system) / 1000 / mb, minor: minor.length, minorMs: ms(minor), major: major.length, majorMs: ms(major) });
}
obs.disconnect();
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const col = (k) => rows.map((r) => r[k]);
const f = (k, d = 1) => `${median(col(k)).toFixed(d)} (${Math.min(...col(k)).toFixed(d)}–${Math.max(...col(k)).toFixed(d)})`;
console.log(
  `${path.basename(root)}: ${runs} runs, median (range) per run: CPU ${f('cpu', 0)} ms/MB; scavenges ${f('minor', 0)}, ${f('minorMs')} ms; ` +
    `mark-compacts ${f('major', 0)}, ${f('majorMs')} ms; load ${os.loadavg()[0].toFixed(1)}`,
);
fs.rmSync(out, { recursive: true, force: true });
