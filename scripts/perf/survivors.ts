/**
 * What the whole analysis allocates that outlives a scavenge (promoted to the old generation: what each scavenge
 * copies). V8's sampling heap profiler counting objects later collected by a major GC but not those a minor GC
 * collected, over RUNS analyses of the bench's megabyte after two warm-ups; self size by function, MB per analysis.
 *   npx esbuild scripts/perf/survivors.ts --bundle --platform=node --target=node20 --outfile=/tmp/surv.js \
 *     --external:jieba-wasm --loader:.bin=binary
 *   NEWS_CORPUS=../shared/corpus node /tmp/surv.js      (MINOR=1 counts everything allocated instead)
 */
import { Session } from 'node:inspector';
import { analyseArticle } from '../../server/src/service/article';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { loadNerModel } from '../../server/src/node/model';
import { unlabelledText } from './pages';

const RUNS = Number(process.env.RUNS ?? 2);
const text = unlabelledText(1 << 20);
const recognizer = createEntityRecognizer({ model: loadNerModel() });
const once = () => {
  const a = analyseArticle(text, { recognizer });
  return a.entities.length + a.dates.length + a.clusters.length + a.script.length + a.blocks.length;
};
once();
once();
const session = new Session();
session.connect();
const post = (method: string, params?: object) =>
  new Promise<{ profile: { head: Node } }>((ok, no) =>
    session.post(method, params ?? {}, (e, r) => (e ? no(e) : ok(r as unknown as { profile: { head: Node } }))),
  );
interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}
(async () => {
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: !!process.env.MINOR,
  });
  for (let r = 0; r < RUNS; r++) once();
  const { profile } = await post('HeapProfiler.stopSampling');
  const by = new Map<string, number>();
  let total = 0;
  // A built-in's allocation is charged to the nearest JavaScript caller with a source line.
  const walk = (n: Node, owner: string) => {
    const f = n.callFrame;
    const here = f.url && f.lineNumber >= 0 ? `${f.functionName || '(anonymous)'}:${f.lineNumber + 1}` : owner;
    by.set(here, (by.get(here) ?? 0) + n.selfSize);
    total += n.selfSize;
    for (const c of n.children) walk(c, here);
  };
  walk(profile.head, '(root)');
  const mb = (x: number) => (x / RUNS / 1048576).toFixed(2);
  console.log(`total ${mb(total)} MB per analysis`);
  for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30)))
    console.log(`${mb(v).padStart(7)}  ${k}`);
})();
