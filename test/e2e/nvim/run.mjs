// Neovim 0.7 headless as a second LSP client: runs lsp-test.lua against dist/server.js --stdio.
// Usage (repo root): node test/e2e/nvim/run.mjs      Env: NVIM_BIN, E2E_DIR, KEEP=1
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { EXT_ROOT, FIXTURE, NVIM, ROOT, cleanup, log, missingTools, registerCleanup, scratch, summary } from '../lib.mjs';

const missing = missingTools(['nvim', 'server']);
if (missing.length) {
  console.error(`nvim suite cannot run, missing:\n  ${missing.join('\n  ')}`);
  summary(0, 1);
  process.exit(1);
}

const dir = scratch('nvim');
const env = {
  ...process.env,
  XDG_CACHE_HOME: path.join(dir, 'cache'),
  XDG_STATE_HOME: path.join(dir, 'state'),
  XDG_DATA_HOME: path.join(dir, 'data'),
  XDG_CONFIG_HOME: path.join(dir, 'config'),
  NEWS_SERVER: path.join(EXT_ROOT, 'dist/server.js'),
  NEWS_FIXTURE: FIXTURE,
  NEWS_DIR: path.join(dir, 'ws'),
};
const timeoutMs = Number(process.env.NVIM_SUITE_TIMEOUT_MS ?? 90_000);
const child = spawn(NVIM, ['--headless', '-n', '-i', 'NONE', '-u', path.join(ROOT, 'test/e2e/nvim/lsp-test.lua')], {
  cwd: ROOT,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
registerCleanup(() => {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
});
let out = '';
child.stdout.on('data', (d) => {
  out += d;
  process.stdout.write(d);
});
child.stderr.on('data', (d) => {
  out += d;
  process.stderr.write(d);
});
const timer = setTimeout(() => {
  log(`nvim did not finish in ${timeoutMs} ms: killing it`);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}, timeoutMs);
const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
clearTimeout(timer);
await cleanup();
const m = /^(\d+) passed, (\d+) failed\s*$/m.exec(out);
const passed = m ? Number(m[1]) : 0;
let failed = m ? Number(m[2]) : 1;
if (code !== 0 && failed === 0) failed = 1;
if (failed) {
  // the server's stderr (a crash at startup, say) only shows up in Neovim's LSP log
  const lspLog = path.join(dir, 'cache/nvim/lsp.log');
  if (fs.existsSync(lspLog)) {
    const errors = fs
      .readFileSync(lspLog, 'utf8')
      .split('\n')
      .filter((l) => l.includes('[ERROR]'));
    errors.slice(0, 5).forEach((l) => console.log(`  [lsp.log] ${l.replace(/\\n/g, '\n    ').slice(0, 1500)}`));
  }
}
if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
log(`nvim exited ${code}`);
// the Lua script already printed the summary line; repeat it last so the runner reads one format
summary(passed, failed);
process.exit(failed ? 1 : 0);
