/**
 * The first keystrokes after opening, in one process: what the main thread and V8's other threads (the optimising
 * compiler, the collector) spend on each of the first `KEYS` (15) keystrokes into the 100 KB article, diagnostics then
 * semantic tokens as the bench types them (`DIAG_ONLY=1`: diagnostics only). What may run before them:
 * - `WARM_FILE=f WARM_EDITS=n`: another article opened, typed into n times and closed first (a warm-up on a bundled
 *   article at start-up, before any document is opened);
 * - `WARM_SELF=n`: the server's idle warm-up of the document (service.warmUp, n private keystrokes placed as the
 *   server places them), or `WARM_AT=0,0.25,…`: private keystrokes at these fractions of the text.
 * `PROFILE=out.cpuprofile PROFILED=5 INTERVAL=100`: a CPU profile of the first PROFILED keystrokes. `MARKS=1` prints
 * `--- open` and `--- typing` on stdout, so a `--trace-opt` log can be cut there:
 * `npx esbuild scripts/perf/firstKeys.ts --bundle --platform=node --outfile=/tmp/firstKeys.js --loader:.bin=binary --external:jieba-wasm`,
 * then `MARKS=1 node --trace-opt /tmp/firstKeys.js | sed -n '/^--- typing$/,$p' | grep -c 'completed compiling'` counts
 * the optimising compiles in the first keystrokes (NEWS_CORPUS as for the bench).
 */
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lazyRecognizer } from '../../server/src/node/model';
import { createLanguageService } from '../../server/src/service/index';
import { emptyAnnotations, emptyDictionary } from '../../server/src/service/annotations';
import { warmUpFraction } from '../../server/src/service/incremental/warmUp';
import { unlabelledText } from './pages';

const KEYS = Number(process.env.KEYS ?? 15);

function threadsMs(): [number, number] {
  let main = 0;
  let others = 0;
  for (const tid of fs.readdirSync(`/proc/${process.pid}/task`)) {
    try {
      const run = Number(fs.readFileSync(`/proc/${process.pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
      if (tid === String(process.pid)) main += run;
      else others += run;
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return [main, others];
}

let text = unlabelledText(100 * 1024);
let end = 0;
while (Buffer.byteLength(text.slice(0, end)) < 100 * 1024) end = text.indexOf('\n', end + 1);
text = text.slice(0, end);

// The tokens through the annotation review, as the server's always are (an empty review); REVIEW=0: the plain path.
const service = createLanguageService({
  recognizer: lazyRecognizer(),
  reviewFor: process.env.REVIEW === '0' ? undefined : () => ({ stored: emptyAnnotations(), dictionary: emptyDictionary() }),
});
const edit = (doc: TextDocument, line: number) =>
  TextDocument.update(doc, [{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: '的' }], doc.version + 1);
const bodyOf = (t: string) =>
  t
    .split('\n')
    .map((l, i) => (l.length > 20 ? i : -1))
    .filter((i) => i >= 0);

const [m0, o0] = threadsMs();
const w0 = performance.now();
if (process.env.WARM_FILE) {
  const warmText = fs.readFileSync(process.env.WARM_FILE, 'utf8');
  let doc = TextDocument.create('file:///warm.news.txt', 'news-article', 1, warmText);
  service.diagnostics(doc);
  service.semanticTokens(doc);
  const body = bodyOf(warmText);
  for (let k = 0; k < Number(process.env.WARM_EDITS ?? 10); k++) {
    doc = edit(doc, body[(k * 7919) % body.length]);
    service.diagnostics(doc);
    service.semanticTokens(doc);
  }
  service.close(doc.uri);
}
const [m1, o1] = threadsMs();
if (process.env.MARKS) console.log('--- open');
const w1 = performance.now();
let doc = TextDocument.create('file:///keys.news.txt', 'news-article', 1, text);
service.diagnostics(doc);
service.semanticTokens(doc);
// WARM_SELF=n: the server's idle warm-up of the document (service.warmUp) at n fractions; WARM_AT: those fractions.
const fractions = process.env.WARM_AT
  ? process.env.WARM_AT.split(',').map(Number)
  : Array.from({ length: Number(process.env.WARM_SELF ?? 0) }, (_, k) => warmUpFraction(k, Number(process.env.WARM_SELF)));
const [m15, o15] = threadsMs();
for (const f of fractions) {
  const steps = service.warmUp(doc, f);
  while (steps && !steps.next().done);
}
const [m16, o16] = threadsMs();
if (fractions.length)
  console.log(`document warm-up (${fractions.length} keystrokes): main ${(m16 - m15).toFixed(0)}, others ${(o16 - o15).toFixed(0)} ms`);
const w2 = performance.now();
if (process.env.MARKS) console.log('--- typing');
const body = bodyOf(text);
const rows: string[] = [];
// PROFILE=file: a CPU profile of the first PROFILED keystrokes (100 µs sampling).
const PROFILED = Number(process.env.PROFILED ?? 5);
const session = process.env.PROFILE ? new inspector.Session() : undefined;
const post = (method: string, then?: (result: { profile: unknown }) => void) =>
  session!.post(method, (err, result) => {
    if (err) throw err;
    then?.(result as { profile: unknown });
  });
if (session) {
  session.connect();
  post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: Number(process.env.INTERVAL ?? 100) });
}
let sumMain = 0;
let sumOthers = 0;
let sumWall = 0;
for (let k = 0; k < KEYS; k++) {
  doc = edit(doc, body[(k * 7919) % body.length]);
  const [a, b] = threadsMs();
  const t0 = performance.now();
  if (session && k === 0) post('Profiler.start');
  service.diagnostics(doc);
  if (!process.env.DIAG_ONLY) service.semanticTokens(doc);
  if (session && k === PROFILED - 1) post('Profiler.stop', (p) => fs.writeFileSync(process.env.PROFILE!, JSON.stringify(p.profile)));
  const t1 = performance.now();
  const [c, d] = threadsMs();
  sumMain += c - a;
  sumOthers += d - b;
  sumWall += t1 - t0;
  rows.push(`${(c - a).toFixed(0)}/${(d - b).toFixed(0)}`);
}
console.log(
  `warm-up: main ${(m1 - m0).toFixed(0)} ms, others ${(o1 - o0).toFixed(0)} ms, wall ${(w1 - w0).toFixed(0)} ms; ` +
    `open: main ${(m15 - m1).toFixed(0)}, others ${(o15 - o1).toFixed(0)} ms (wall ${(w2 - w1).toFixed(0)} ms with the document's warm-up); ` +
    `first ${KEYS} keystrokes: main ${sumMain.toFixed(0)}, others ${sumOthers.toFixed(0)}, wall ${sumWall.toFixed(0)} ms; per keystroke main/others ${rows.join(' ')}`,
);
