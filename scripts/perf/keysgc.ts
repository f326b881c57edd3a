/**
 * Where the collector's pauses fall in the bench's keystrokes, in one process: the 100 KB article, each keystroke's
 * diagnostics then its semantic tokens (as `npm run bench -- --keys` types them), and for each phase its time
 * (wall clock: the process is alone on its thread) and the collections that ran in it (a `PerformanceObserver` of `gc` entries, matched to the phases by
 * time). `NURSERY=1` empties the young generation after each tokens answer as the server does (node/nursery.ts;
 * needs `--expose-gc`). Run with the server's V8 options:
 * `npx esbuild scripts/perf/keysgc.ts --bundle --platform=node --outfile=/tmp/keysgc.js --loader:.bin=binary --external:jieba-wasm`
 * then, from the repository root (the model is read from ./models),
 * `NEWS_CORPUS=/work/shared/corpus NURSERY=1 node --max-semi-space-size=2 --expose-gc /tmp/keysgc.js`.
 * `KEYS` keystrokes (60). The tokens go through the annotation review as the server's do (`REVIEW=0`: without).
 */
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lazyRecognizer } from '../../server/src/node/model';
import { minorCollector, Nursery } from '../../server/src/node/nursery';
import { createLanguageService } from '../../server/src/service/index';
import { emptyAnnotations, emptyDictionary } from '../../server/src/service/annotations';
import { unlabelledText } from './pages';

const KEYS = Number(process.env.KEYS ?? 60);
let text = unlabelledText(100 * 1024);
let end = 0;
while (Buffer.byteLength(text.slice(0, end)) < 100 * 1024) end = text.indexOf('\n', end + 1);
text = text.slice(0, end);

const gcs: { start: number; duration: number; minor: boolean }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[])
    gcs.push({ start: e.startTime, duration: e.duration, minor: e.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR });
});
observer.observe({ entryTypes: ['gc'] });

const nursery = process.env.NURSERY ? new Nursery(minorCollector(), undefined, undefined, (run) => run()) : undefined;
if (process.env.NURSERY && !minorCollector()) throw new Error('NURSERY=1 needs node --expose-gc');
// The server's tokens go through the annotation review (an empty review of the article: no decisions, no names);
// REVIEW=0 takes the plain path that only a service without a review context takes.
const review = process.env.REVIEW !== '0';
const service = createLanguageService({
  recognizer: lazyRecognizer(),
  reviewFor: review ? () => ({ stored: emptyAnnotations(), dictionary: emptyDictionary() }) : undefined,
});
let doc = TextDocument.create('file:///keys.news.txt', 'news-article', 1, text);
service.diagnostics(doc);
service.semanticTokens(doc);
nursery?.afterAnswer();
const body = text
  .split('\n')
  .map((l, i) => (l.length > 20 ? i : -1))
  .filter((i) => i >= 0);
const phases: { diag: [number, number]; tok: [number, number] }[] = [];
for (let k = 0; k < KEYS; k++) {
  const line = body[(k * 7919) % body.length];
  doc = TextDocument.update(doc, [{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: '的' }], doc.version + 1);
  const t0 = performance.now();
  service.diagnostics(doc);
  const t1 = performance.now();
  service.semanticTokens(doc);
  const t2 = performance.now();
  phases.push({ diag: [t0, t1], tok: [t1, t2] });
  nursery?.afterAnswer();
}

// The observer delivers its entries after the loop, in a later turn.
setTimeout(() => {
  observer.disconnect();
  const inside = ([a, b]: [number, number]) => gcs.filter((g) => g.start >= a && g.start < b);
  const diagGc = phases.map((p) => inside(p.diag));
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const q = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(1);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const diagMs = phases.map((p) => p.diag[1] - p.diag[0]);
  const pauses = diagGc.map((g) => sum(g.map((x) => x.duration)));
  console.log(
    `${KEYS} keystrokes${nursery ? `, nursery (${nursery.collections} collections)` : ''}: diagnostics p50 ${q(diagMs, 0.5)} ms, ` +
      `p95 ${q(diagMs, 0.95)} ms, sum ${sum(diagMs).toFixed(0)} ms; collections during diagnostics ${sum(diagGc.map((g) => g.length))} ` +
      `(${sum(diagGc.map((g) => g.filter((x) => x.minor).length))} minor), ${sum(pauses).toFixed(1)} ms, in ${pauses.filter((p) => p > 0).length} keystrokes; ` +
      `tokens sum ${sum(phases.map((p) => p.tok[1] - p.tok[0])).toFixed(0)} ms; all collections while typing ` +
      `${sum(gcs.filter((g) => g.start >= phases[0].diag[0]).map((g) => g.duration)).toFixed(0)} ms`,
  );
  console.log('diagnostics per keystroke (ms)', diagMs.map((d) => d.toFixed(0)).join(' '));
  console.log('collector pauses during diagnostics', pauses.map((d) => d.toFixed(0)).join(' '));
}, 200);
