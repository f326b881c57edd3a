// Runs the real-editor suites (Neovim LSP client, VS Code extension host, VS Code UI in Chromium) one after
// the other, each in its own process group so that nothing it started survives it; prints per-suite results
// and, last and alone on its line, `N passed, M failed`. Exits 1 on any failure, including a missing tool.
// Usage (repo root): npm run test:e2e   (= npm run package && node test/e2e/run-all.mjs)
//                    node test/e2e/run-all.mjs nvim exthost     (a subset)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CHROMIUM, CS_BIN, NVIM, ROOT, missingTools } from './lib.mjs';

const SUITES = {
  nvim: { script: 'test/e2e/nvim/run.mjs', needs: ['nvim', 'server'], timeout: 120_000 },
  exthost: { script: 'test/e2e/exthost/run.mjs', needs: ['code-server', 'chromium', 'client', 'server'], timeout: 300_000 },
  ui: { script: 'test/e2e/ui.mjs', needs: ['code-server', 'chromium', 'vsix'], timeout: 300_000 },
};
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SUITES);
const unknown = wanted.filter((s) => !SUITES[s]);
if (unknown.length) {
  console.error(`unknown suite(s) ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}

// A missing tool is a failure, not a skip: say how to get it and stop before running anything (on stdout, so
// that the summary line stays last).
const missing = [...new Set(wanted.flatMap((s) => missingTools(SUITES[s].needs)))];
if (missing.length) {
  console.log('The e2e suites need tools that are not installed:');
  for (const m of missing) console.log(`  - ${m}`);
  console.log(
    'On Debian/Ubuntu as root: apt-get update && apt-get install -y chromium neovim libkrb5-dev ripgrep && bash scripts/install-code-server.sh',
  );
  console.log(`(looked for nvim=${NVIM}, chromium=${CHROMIUM}, code-server=${CS_BIN})`);
  console.log(`0 passed, ${missing.length} failed`);
  process.exit(1);
}

const running = new Set();
const killAll = () => {
  for (const c of running) {
    try {
      process.kill(-c.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
};
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
process.on('exit', killAll);

function runSuite(name) {
  const { script, timeout } = SUITES[name];
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, script)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    let out = '';
    const relay = (stream) => (chunk) => {
      out += chunk;
      for (const line of String(chunk).split('\n')) if (line) stream.write(`[${name}] ${line}\n`);
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 5000);
    }, timeout);
    child.on('exit', (code) => {
      clearTimeout(timer);
      // the suite's own children (code-server, extension host, server, chromium) share its process group
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      running.delete(child);
      const matches = [...out.matchAll(/^(\d+) passed, (\d+) failed\s*$/gm)];
      const last = matches.at(-1);
      let passed = last ? Number(last[1]) : 0;
      let failed = last ? Number(last[2]) : 0;
      if ((code !== 0 || timedOut) && failed === 0) failed = 1;
      resolve({ name, passed, failed, code, timedOut, seconds: (Date.now() - t0) / 1000 });
    });
  });
}

const t0 = Date.now();
const results = [];
for (const name of wanted) results.push(await runSuite(name));

console.log('\nsuite      passed  failed  wall');
for (const r of results) {
  console.log(
    `${r.name.padEnd(10)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${r.seconds.toFixed(1)}s${r.timedOut ? '  (timed out)' : ''}`,
  );
}
const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
console.log(`total wall ${((Date.now() - t0) / 1000).toFixed(1)}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
