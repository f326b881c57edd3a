/**
 * The bench's keystrokes in one process, for `--trace-deopt` and `--cpu-prof`: the 100 KB article, diagnostics and
 * semantic tokens after each keystroke, as `npm run bench -- --keys` types them. `WARM` keystrokes first (not
 * counted), then `KEYS`; prints CPU ms per keystroke (p50, p95) and marks the first keystroke ('typing') and the
 * counted part ('counted') on stderr, so a deopt trace can be cut there:
 * `npx esbuild scripts/perf/keys.ts --bundle --platform=node --outfile=/tmp/keys.js --loader:.bin=binary --external:jieba-wasm`
 * then `node --trace-deopt /tmp/keys.js 2>&1 | sed -n '/^counted$/,$p' | grep -c 'bailout ('`.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lazyRecognizer } from '../../server/src/node/model';
import { createLanguageService } from '../../server/src/service/index';
import { emptyAnnotations, emptyDictionary } from '../../server/src/service/annotations';
import { unlabelledText } from './pages';

const WARM = Number(process.env.WARM ?? 20);
const KEYS = Number(process.env.KEYS ?? 60);
let text = unlabelledText(100 * 1024);
let end = 0;
while (Buffer.byteLength(text.slice(0, end)) < 100 * 1024) end = text.indexOf('\n', end + 1);
text = text.slice(0, end);

// The tokens through the annotation review, as the server's always are (an empty review); REVIEW=0: the plain path.
const service = createLanguageService({
  recognizer: lazyRecognizer(),
  reviewFor: process.env.REVIEW === '0' ? undefined : () => ({ stored: emptyAnnotations(), dictionary: emptyDictionary() }),
});
let doc = TextDocument.create('file:///keys.news.txt', 'news-article', 1, text);
service.diagnostics(doc);
service.semanticTokens(doc);
const body = text
  .split('\n')
  .map((l, i) => (l.length > 20 ? i : -1))
  .filter((i) => i >= 0);
const cpu: number[] = [];
console.error('typing');
for (let k = 0; k < WARM + KEYS; k++) {
  if (k === WARM) console.error('counted');
  const line = body[(k * 7919) % body.length];
  doc = TextDocument.update(doc, [{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: '的' }], doc.version + 1);
  const c0 = process.cpuUsage();
  service.diagnostics(doc);
  service.semanticTokens(doc);
  const c = process.cpuUsage(c0);
  if (k >= WARM) cpu.push((c.user + c.system) / 1000);
}
// The client's share: what an editor parses for each keystroke's diagnostics (the whole list, one message).
const message = JSON.stringify({
  jsonrpc: '2.0',
  method: 'textDocument/publishDiagnostics',
  params: { uri: doc.uri, version: doc.version, diagnostics: service.diagnostics(doc) },
});
const parse: number[] = [];
for (let r = 0; r < 21; r++) {
  const t0 = performance.now();
  JSON.parse(message);
  parse.push(performance.now() - t0);
}
parse.sort((a, b) => a - b);
console.log(`the diagnostics message: ${(Buffer.byteLength(message) / 1024).toFixed(0)} KB, JSON.parse median ${parse[10].toFixed(1)} ms`);
cpu.sort((a, b) => a - b);
const q = (p: number) => cpu[Math.min(cpu.length - 1, Math.floor(p * cpu.length))].toFixed(1);
console.log(`${KEYS} keystrokes after ${WARM}: diagnostics + tokens CPU p50 ${q(0.5)} ms, p95 ${q(0.95)} ms`);
