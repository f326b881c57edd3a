// Extension-host integration tests in code-server's real Node extension host (VS Code 1.96.4), driven through
// the workbench's `payload` URL parameter (extensionDevelopmentPath = this repo, extensionTestsPath = index.js):
// the extension runs from dist/ in the repo, index.js runs mocha there, and the workbench reports the exit
// code through window.codeAutomationExit, which playwright exposes.
// Usage (repo root, after npm run build): node test/e2e/exthost/run.mjs     Env: NEWS_E2E_GREP, KEEP=1, E2E_DIR
import fs from 'node:fs';
import path from 'node:path';
import {
  EXT_ROOT,
  ROOT,
  cleanup,
  isolatedEnv,
  launchChromium,
  log,
  makeWorkspace,
  missingTools,
  scratch,
  startCodeServer,
  summary,
  writeUserSettings,
} from '../lib.mjs';

const missing = missingTools(['code-server', 'chromium', 'client', 'server']);
if (missing.length) {
  console.error(`exthost suite cannot run, missing:\n  ${missing.join('\n  ')}`);
  summary(0, 1);
  process.exit(1);
}

const TIMEOUT_MS = Number(process.env.EXTHOST_TIMEOUT_MS ?? 240_000);
const dir = scratch('exthost');
const d = Object.fromEntries(['ud', 'exts', 'ws', 'chrome'].map((k) => [k, path.join(dir, k)]));
Object.values(d).forEach((p) => fs.mkdirSync(p, { recursive: true }));
makeWorkspace(d.ws);
writeUserSettings(d.ud);
const resultsFile = path.join(dir, 'results.json');
// code-server's env reaches the extension host, hence the test module
const env = isolatedEnv(dir, { NEWS_E2E_RESULTS: resultsFile });

let exitCode = null;
let results = [];
try {
  const cs = await startCodeServer({ dir, userDataDir: d.ud, extensionsDir: d.exts, env });
  log(`code-server up on :${cs.port}`);
  const browser = await launchChromium(d.chrome, env);
  const page = browser.pages()[0] ?? (await browser.newPage());
  // the extension host's console reaches the page console (with %c styling): relay the tests' own notes
  page.on('console', (m) => {
    const t = m.text();
    const at = t.indexOf('[news-e2e]');
    if (at >= 0) console.log(`  note: ${t.slice(at + 11).replace(/\s*color:.*$/, '')}`);
  });
  const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (c) => resolve(c)));
  await page.exposeFunction('codeAutomationLog', () => {});
  const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(EXT_ROOT)],
    ['extensionTestsPath', remote(path.join(ROOT, 'test/e2e/exthost/index.js'))],
    ['skipWelcome', 'true'],
  ]);
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(d.ws)}&payload=${encodeURIComponent(payload)}`);
  let timer;
  exitCode = await Promise.race([
    exited,
    new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  log(`extension tests finished: ${exitCode}`);
  if (exitCode !== 0) {
    fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-output/exthost-final.png') }).catch(() => {});
  }
} catch (e) {
  console.error('exthost suite error:', e);
} finally {
  await cleanup();
}

if (fs.existsSync(resultsFile)) results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
for (const r of results) {
  console.log(`${r.state === 'passed' ? 'ok  ' : 'FAIL'} ${r.title} (${r.ms ?? 0} ms)`);
  if (r.state === 'failed') {
    console.log(`     ${r.error.replace(/\n/g, '\n     ')}`);
    if (r.expected !== undefined) console.log(`     expected: ${r.expected}\n     actual:   ${r.actual}`);
  }
}
// exthost log lines about our extension or errors help when activation itself failed
const logsDir = path.join(d.ud, 'logs');
if (exitCode !== 0 && fs.existsSync(logsDir)) {
  for (const f of fs.readdirSync(logsDir, { recursive: true }).filter((n) => String(n).endsWith('remoteexthost.log'))) {
    const lines = fs
      .readFileSync(path.join(logsDir, f), 'utf8')
      .split('\n')
      .filter((l) => /news-annotator\.news-annotator|\[error\]/i.test(l));
    lines.slice(0, 30).forEach((l) => console.log('  [exthost.log]', l.slice(0, 400)));
  }
  // the language client's output channel carries the server's stderr (a crash at startup, say)
  for (const f of fs.readdirSync(logsDir, { recursive: true }).filter((n) => /news-annotator\.news-annotator\/.*\.log$/.test(String(n)))) {
    const text = fs.readFileSync(path.join(logsDir, f), 'utf8').trim();
    if (text) console.log(`  [${path.basename(String(f))}]\n    ${text.split('\n').slice(0, 25).join('\n    ').slice(0, 3000)}`);
  }
}
const passed = results.filter((r) => r.state === 'passed').length;
let failed = results.filter((r) => r.state === 'failed').length;
if (exitCode !== 0 && failed === 0) {
  console.log(`extension tests did not complete (exit ${exitCode})`);
  failed = 1;
}
if (!process.env.KEEP && failed === 0) fs.rmSync(dir, { recursive: true, force: true });
else log(`scratch kept in ${dir}`);
summary(passed, failed);
process.exit(failed ? 1 : 0);
