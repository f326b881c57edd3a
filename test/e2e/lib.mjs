// Shared plumbing for the real-editor suites: where the tools are, scratch dirs, code-server and Chromium
// lifecycles. Each suite is a standalone script that prints `N passed, M failed` last; run-all.mjs runs them.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The extension under test (package.json + dist/ + the .vsix): the repo, or another build of it. */
export const EXT_ROOT = path.resolve(process.env.NEWS_EXT_ROOT ?? ROOT);
export const FIXTURE = path.join(ROOT, 'test/fixtures/articles/seed_guancha_ttyw.txt');
export const GOLD = path.join(ROOT, 'test/fixtures/articles/seed_guancha_ttyw.gold.json');
export const CS_VERSION = process.env.CS_VERSION ?? '4.96.4';
export const NEWS_CACHE = process.env.NEWS_CACHE ?? path.join(os.homedir(), '.cache/news-annotator');
export const CS_BIN = process.env.CS_BIN ?? path.join(NEWS_CACHE, `code-server-${CS_VERSION}`, 'node_modules/.bin/code-server');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const NVIM = process.env.NVIM_BIN ?? 'nvim';
export const OUTPUT = path.join(ROOT, 'test-output');
export const VSIX = path.join(EXT_ROOT, 'news-annotator.vsix');

const T0 = Date.now();
export const elapsed = () => `${((Date.now() - T0) / 1000).toFixed(1)}s`;
export const log = (...a) => console.log(`[${elapsed()}]`, ...a);

const onPath = (bin) => spawnSync('sh', ['-c', `command -v "${bin}"`]).status === 0;

/** Which of the tools a suite needs are missing, each with the command that installs it. */
export function missingTools(needs) {
  const checks = {
    nvim: [() => onPath(NVIM), 'neovim: apt-get install -y neovim (0.7 or newer)'],
    chromium: [() => fs.existsSync(CHROMIUM), `chromium (${CHROMIUM}): apt-get install -y chromium (or set CHROMIUM=/path/to/chrome)`],
    'code-server': [
      () => fs.existsSync(CS_BIN),
      `code-server (${CS_BIN}): bash scripts/install-code-server.sh (needs apt-get install -y libkrb5-dev ripgrep)`,
    ],
    server: [() => fs.existsSync(path.join(EXT_ROOT, 'dist/server.js')), 'dist/server.js: npm run build'],
    client: [() => fs.existsSync(path.join(EXT_ROOT, 'dist/client.js')), 'dist/client.js: npm run build'],
    vsix: [() => fs.existsSync(VSIX), `${path.relative(ROOT, VSIX)}: npm run package`],
  };
  return needs.filter((n) => !checks[n][0]()).map((n) => checks[n][1]);
}

/** A fresh scratch dir per run, outside the repo unless E2E_DIR says otherwise. */
export function scratch(name) {
  const base = process.env.E2E_DIR ?? path.join(os.tmpdir(), 'news-annotator-e2e');
  const dir = path.join(base, `${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Workspace with the sample as `seed.news.txt` and as a plain `articles/seed.txt` (opted in by the default globs). */
export function makeWorkspace(dir) {
  const text = fs.readFileSync(FIXTURE, 'utf8');
  fs.mkdirSync(path.join(dir, 'articles'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'seed.news.txt'), text);
  fs.writeFileSync(path.join(dir, 'articles/seed.txt'), text);
  // a .txt outside the globs: must stay plain text
  fs.writeFileSync(path.join(dir, 'notes.txt'), text);
  return dir;
}

export function writeUserSettings(userDataDir, extra = {}) {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'editor.semanticHighlighting.enabled': true,
        'editor.hover.delay': 200,
        'editor.minimap.enabled': false,
        'window.commandCenter': false,
        'chat.commandCenter.enabled': false,
        // the mtk colours depend on the theme; headless Chromium would otherwise pick the light one
        'workbench.colorTheme': 'Default Dark Modern',
        ...extra,
      },
      null,
      2,
    ),
  );
}

/** Environment for code-server and Chromium: XDG dirs in the scratch dir so nothing lands in ~/.config. */
export function isolatedEnv(dir, extra = {}) {
  return { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'xdg/config'), XDG_DATA_HOME: path.join(dir, 'xdg/data'), ...extra };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** `code-server <args>` run to completion (install/list extensions). */
export function codeServerCli(args, env) {
  const r = spawnSync(CS_BIN, args, { env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} exited ${r.status}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * Starts code-server on a free loopback port in its own process group (so stop() also ends the extension host
 * and the language server) and waits for /healthz.
 */
export async function startCodeServer({ dir, userDataDir, extensionsDir, folder, env }) {
  const port = await freePort();
  const logFile = path.join(dir, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const args = [
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-file-downloads',
    '--ignore-last-opened',
  ];
  if (folder) args.push(folder);
  const child = spawn(CS_BIN, args, { env, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  registerCleanup(stop);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited (${JSON.stringify(exited)}); log: ${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not yet listening */
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not answer ${url}/healthz within 30 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, url, pid: child.pid, logFile, stop, waitExit: () => new Promise((r) => (exited ? r() : child.on('exit', r))) };
}

/** Debian Chromium driven by playwright-core (no browser download), fresh profile. */
export async function launchChromium(profileDir, env) {
  const { chromium } = await import('playwright-core');
  const ctx = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    env,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-US',
    ],
  });
  registerCleanup(() => ctx.close().catch(() => {}));
  return ctx;
}

const cleanups = [];
export function registerCleanup(fn) {
  cleanups.push(fn);
}
export async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch {
      /* best effort */
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(130);
  });
}

/** Polls `probe` until `accept(value)`; on timeout the error carries the last value seen. */
export async function waitUntil(probe, accept, { timeout = 15_000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (e) {
      last = `error: ${e.message}`;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** The final line every suite prints, alone on its line. */
export function summary(passed, failed) {
  console.log(`${passed} passed, ${failed} failed`);
}
