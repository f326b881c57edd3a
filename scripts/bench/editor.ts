/**
 * Editor figures from a scripted LSP client over stdio, against the built server (dist/server.js):
 * ready time, keystroke -> fresh diagnostics and -> fresh semantic tokens (the server's typing debounce set to 0,
 * so what is measured is the work, not the wait), and memory with a 1 MB article open.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../../server/src/service/index';
import { SERVER_EXEC_ARGV } from '../../server/src/protocol';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export interface Server {
  conn: ProtocolConnection;
  pid: number;
  ready: number;
  /** CPU time the server process had used when it answered initialize (ms; 10 ms resolution): what load does not change. */
  readyCpu: number;
  /** Resolves at the next publishDiagnostics for `uri` with this version. */
  diagnostics(uri: string, version: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Opens `text` as `uri` (version 1), waits for its diagnostics and then asks for its semantic tokens, as an editor
 * does with an article it shows: the step the memory figures and their perf scripts take for each article they open.
 */
export async function openAndTokens(
  s: Pick<Server, 'conn'> & { diagnostics(uri: string, version: number): Promise<unknown> },
  uri: string,
  text: string,
): Promise<void> {
  const seen = s.diagnostics(uri, 1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news-article', version: 1, text } });
  await seen;
  await s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
}

/**
 * The server's node options and environment as the client starts it: BENCH_NODE_ARGS (space-separated, may be empty)
 * replaces SERVER_EXEC_ARGV; BENCH_NODE_ENV (space-separated NAME=VALUE) is added to the environment, to try a setting
 * (malloc's, say).
 */
export function serverLaunch(): { nodeArgs: string[]; env: NodeJS.ProcessEnv } {
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? SERVER_EXEC_ARGV;
  const extraEnv = Object.fromEntries(
    (process.env.BENCH_NODE_ENV ?? '')
      .split(' ')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  return { nodeArgs, env: { ...process.env, ...extraEnv } };
}

/**
 * Listens on `conn` as an editor does (diagnostics awaited by uri and version, an empty configuration) and sends
 * `initialize`; resolves when it is answered (the caller sends `initialized`). `diagnostics` resolves with the time
 * (`performance.now()`) that version's diagnostics arrived.
 */
export async function handshake(conn: ProtocolConnection): Promise<{ diagnostics(uri: string, version: number): Promise<number> }> {
  const waiters: { uri: string; version: number; resolve: (t: number) => void }[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    const now = performance.now();
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.version === p.version) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(now);
      }
    }
  });
  conn.onRequest('workspace/configuration', () => [{}]);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    initializationOptions: { validationDelay: 0 },
  });
  return { diagnostics: (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve })) };
}

export async function startServer(serverJs: string): Promise<Server> {
  const t0 = performance.now();
  // Started as the client starts it (BENCH_NODE_ARGS / BENCH_NODE_ENV to change that).
  const { nodeArgs, env } = serverLaunch();
  const proc = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const { diagnostics } = await handshake(conn);
  const ready = performance.now() - t0;
  const readyCpu = cpuMs(proc.pid!);
  await conn.sendNotification('initialized', {});
  return {
    conn,
    pid: proc.pid!,
    ready,
    readyCpu,
    diagnostics,
    async stop() {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      conn.dispose();
      proc.kill();
    },
  };
}

/**
 * CPU time of a process's main thread in ms, from /proc/<pid>/task/<pid>/schedstat (nanoseconds): the server's own
 * work on a keystroke, which a loaded machine does not lengthen as it lengthens the wall clock. NaN without /proc.
 */
function mainThreadCpuMs(pid: number): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1);

/**
 * A main thread's time on a core and its time waiting in the run queue for one, in ms (the first two fields of
 * /proc/<pid>/task/<pid>/schedstat): with both processes' figures, a keystroke's wall time splits into the server's
 * work, the client's work (reading and parsing the answer), the wait for a core, and the rest (neither ran nor
 * wanted to: timers, the pipe). NaN without /proc.
 */
function schedMs(pid: number): [number, number] {
  try {
    const [run, wait] = fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return [run / 1e6, wait / 1e6];
  } catch {
    return [NaN, NaN];
  }
}

/**
 * Time on a core of a process's threads other than the main one, in ms (V8's compiler and collector threads, libuv's
 * pool): on two cores they compete with the main thread, so the first keystrokes' optimising compiles show up as the
 * server "waiting for a core". NaN without /proc.
 */
function otherThreadsMs(pid: number): number {
  try {
    let run = 0;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      if (tid === String(pid)) continue;
      try {
        run += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // The thread ended between the listing and the read.
      }
    }
    return run / 1e6;
  } catch {
    return NaN;
  }
}

/** User + system CPU time of a process, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Ready time over a few starts (min / median / max): one start says little on a shared machine. */
export async function readyFigures(serverJs: string, runs = 5): Promise<string> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await startServer(serverJs);
    times.push(s.ready);
    cpu.push(s.readyCpu);
    await s.stop();
  }
  return (
    `server ready (initialize answered): min ${ms(Math.min(...times))}, median ${ms(quantile(times, 0.5))}, max ${ms(Math.max(...times))} over ${runs} starts ` +
    `(target <= 300 ms); the server's own CPU time until then: median ${quantile(cpu, 0.5).toFixed(0)} ms (node itself included)`
  );
}

/** The lines a keystroke may land on (body text, not short menu lines), and the one the k-th keystroke types into. */
const bodyLines = (text: string) =>
  text
    .split('\n')
    .map((l, i) => (l.length > 20 ? i : -1))
    .filter((i) => i >= 0);
const typedLine = (body: number[], k: number) => body[(k * 7919) % body.length];

/**
 * Typing in an open article: each keystroke inserts one character inside a body line (a different line each
 * time, as someone editing through the text), then waits for the diagnostics of that version and asks for the
 * semantic tokens (delta) as an editor does.
 */
export async function keystrokeFigures(
  serverJs: string,
  name: string,
  text: string,
  keystrokes: number,
  target: number,
  /** A pause between opening the article and the first keystroke, as a user reads before typing (ms). */
  pause = 0,
): Promise<string[]> {
  const s = await startServer(serverJs);
  const uri = pathToFileURL(path.join(process.cwd(), `bench-${name.replace(/\W+/g, '-')}.news.txt`)).toString();
  const first = s.diagnostics(uri, 1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news-article', version: 1, text } });
  await first;
  let tokens = (await s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { resultId?: string };
  // What the server did in the pause (its idle warm-up of the edit path): main thread and other threads, ms.
  const paused = [mainThreadCpuMs(s.pid), otherThreadsMs(s.pid)];
  if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
  const pauseWork = [mainThreadCpuMs(s.pid) - paused[0], otherThreadsMs(s.pid) - paused[1]];
  const body = bodyLines(text);
  const diag: number[] = [];
  const tok: number[] = [];
  const cpu: number[] = [];
  // Per keystroke to fresh diagnostics: server waiting for a core, client running, client waiting (see schedMs).
  const serverWait: number[] = [];
  const serverOthers: number[] = [];
  const clientRun: number[] = [];
  const clientWait: number[] = [];
  for (let k = 0; k < keystrokes; k++) {
    const line = typedLine(body, k);
    const version = k + 2;
    const done = s.diagnostics(uri, version);
    const c0 = mainThreadCpuMs(s.pid);
    const [, sw0] = schedMs(s.pid);
    const o0 = otherThreadsMs(s.pid);
    const [cr0, cw0] = schedMs(process.pid);
    const t0 = performance.now();
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: '的' }],
    });
    diag.push((await done) - t0);
    cpu.push(mainThreadCpuMs(s.pid) - c0);
    const [cr1, cw1] = schedMs(process.pid);
    serverWait.push(schedMs(s.pid)[1] - sw0);
    serverOthers.push(otherThreadsMs(s.pid) - o0);
    clientRun.push(cr1 - cr0);
    clientWait.push(cw1 - cw0);
    const next = (await s.conn.sendRequest('textDocument/semanticTokens/full/delta', {
      textDocument: { uri },
      previousResultId: tokens.resultId,
    })) as { resultId?: string };
    tok.push(performance.now() - t0);
    tokens = next;
  }
  if (pause) name = `${name}, typing ${pause / 1000} s after opening`;
  if (process.env.BENCH_SERIES)
    console.error(
      name,
      'diag',
      diag.map((d) => d.toFixed(0)).join(' '),
      '\nserver main-thread CPU',
      cpu.map((d) => d.toFixed(0)).join(' '),
      "\nserver's other threads",
      serverOthers.map((d) => d.toFixed(0)).join(' '),
      '\ntok',
      tok.map((d) => d.toFixed(0)).join(' '),
    );
  await s.stop();
  return [
    `keystroke -> fresh diagnostics, ${name}: p50 ${ms(quantile(diag, 0.5))}, p95 ${ms(quantile(diag, 0.95))}, max ${ms(Math.max(...diag))} over ${keystrokes} keystrokes (debounce excluded; target p95 <= ${target} ms)`,
    `  server main-thread CPU, keystroke -> diagnostics sent, ${name}: p50 ${ms(quantile(cpu, 0.5))}, p95 ${ms(quantile(cpu, 0.95))}, max ${ms(Math.max(...cpu))}`,
    `  the same keystrokes' wall time, mean: server running ${mean(cpu)}, server waiting for a core ${mean(serverWait)}, bench client running (reading, parsing) ${mean(clientRun)}, client waiting for a core ${mean(clientWait)}, of ${mean(diag)} ms; meanwhile the server's other threads (V8 compiler, collector) ran ${mean(serverOthers)} ms`,
    `  the same, mean of the slowest 5 % (the p95's keystrokes): ${(() => {
      const slow = diag
        .map((d, i) => [d, i])
        .sort((a, b) => b[0] - a[0])
        .slice(0, Math.ceil(diag.length / 20))
        .map(([, i]) => i);
      const of = (xs: number[]) => mean(slow.map((i) => xs[i]));
      return `server running ${of(cpu)}, server waiting ${of(serverWait)}, client running ${of(clientRun)}, client waiting ${of(clientWait)}, of ${of(diag)} ms; server's other threads ran ${of(serverOthers)} ms`;
    })()}`,
    `keystroke -> fresh semantic tokens (delta), ${name}: p50 ${ms(quantile(tok, 0.5))}, p95 ${ms(quantile(tok, 0.95))}`,
    ...(pause
      ? [`  in the pause before typing (the idle warm-up): server main thread ${ms(pauseWork[0])}, other threads ${ms(pauseWork[1])}`]
      : []),
  ];
}

/**
 * Memory with a 1 MB article open and fully analysed (diagnostics published, semantic tokens answered): the server
 * with that article alone, and a second server where an ordinary article (the seed) was opened and analysed first,
 * so that the server holds the model (it opens it only for a document it analyses itself: the 1 MB article goes to
 * the analysis process) and the code of its own analysis, as an editor with other articles open does.
 */
export async function memoryFigures(serverJs: string, text: string): Promise<string[]> {
  const alone = await memoryRun(serverJs, text, false);
  const withSmall = await memoryRun(serverJs, text, true);
  return [
    `server, 1 MB article: first diagnostics ${alone.diagnosticsMs.toFixed(0)} ms after didOpen, semantic tokens ${alone.tokensMs.toFixed(0)} ms (no debounce)`,
    `server memory with the 1 MB article open and analysed: RSS ${alone.rss.toFixed(0)} MB, peak ${alone.hwm.toFixed(0)} MB${alone.child}; 12 s later (the analysis process stopped) RSS ${alone.idle.rss.toFixed(0)} MB, peak since start ${alone.idle.hwm.toFixed(0)} MB (target RSS <= 120 MB)`,
    `  with the seed article opened first (the model loaded, ${withSmall.before.toFixed(0)} MB before the 1 MB article): RSS ${withSmall.rss.toFixed(0)} MB, peak ${withSmall.hwm.toFixed(0)} MB; 12 s later RSS ${withSmall.idle.rss.toFixed(0)} MB, peak since start ${withSmall.idle.hwm.toFixed(0)} MB`,
  ];
}

const memoryOf = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024, hwm: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024 };
};

async function memoryRun(serverJs: string, text: string, smallFirst: boolean) {
  const s = await startServer(serverJs);
  let before = 0;
  if (smallFirst) {
    const seed = fs.readFileSync(path.join(__dirname, '..', 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8');
    await openAndTokens(s, pathToFileURL(path.join(process.cwd(), 'bench-seed-memory.news.txt')).toString(), seed);
    // The idle warm-up's private keystrokes (after 0.5 s of quiet) are part of what an open article costs.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    before = memoryOf(s.pid).rss;
  }
  const uri = pathToFileURL(path.join(process.cwd(), 'bench-1mb.news.txt')).toString();
  const first = s.diagnostics(uri, 1);
  const opened = performance.now();
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news-article', version: 1, text } });
  const diagAt = await first;
  await s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
  const tokensAt = performance.now();
  const { rss, hwm } = memoryOf(s.pid);
  // A document this large is analysed in a child process (its own model), which stops after 10 s without work:
  // its memory is the machine's while it lives, so it is printed too.
  const children = (() => {
    try {
      return fs.readFileSync(`/proc/${s.pid}/task/${s.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  })().map((pid) => memoryOf(pid));
  const child = children.length
    ? `; the analysis process: RSS ${children.map((c) => c.rss.toFixed(0)).join(' + ')} MB, peak ${children.map((c) => c.hwm.toFixed(0)).join(' + ')} MB`
    : '';
  // Also what comes after the answers (the collection 2 s later, a warm-up): the peak is read again at the end.
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  const idle = memoryOf(s.pid);
  await s.stop();
  return { diagnosticsMs: diagAt - opened, tokensMs: tokensAt - opened, rss, hwm, child, idle, before };
}

/**
 * The same typing measured inside one process as CPU time of the language service (the server's work per
 * keystroke without the wait for a core), so the figure means something on a loaded machine too.
 */
export function serviceKeystrokeFigures(name: string, text: string, keystrokes: number, service: LanguageService): string[] {
  let doc = TextDocument.create(`file:///bench-${name.replace(/\W+/g, '-')}.news.txt`, 'news-article', 1, text);
  service.diagnostics(doc);
  service.semanticTokens(doc);
  const body = bodyLines(text);
  const diag: number[] = [];
  const tok: number[] = [];
  for (let k = 0; k < keystrokes; k++) {
    const line = typedLine(body, k);
    doc = TextDocument.update(
      doc,
      [{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: '的' }],
      doc.version + 1,
    );
    const c0 = process.cpuUsage();
    service.diagnostics(doc);
    const c1 = process.cpuUsage(c0);
    service.semanticTokens(doc);
    const c2 = process.cpuUsage(c0);
    diag.push((c1.user + c1.system) / 1000);
    tok.push((c2.user + c2.system) / 1000);
  }
  return [
    `  service CPU per keystroke (tokens through the empty review, as in the server), ${name}: diagnostics p50 ${ms(quantile(diag, 0.5))}, p95 ${ms(quantile(diag, 0.95))}; diagnostics + semantic tokens p50 ${ms(quantile(tok, 0.5))}, p95 ${ms(quantile(tok, 0.95))}`,
  ];
}

/**
 * Whether a large article holds up the others: hover requests on the seed article, one after another, while the
 * 1 MB article is opened and analysed (until its diagnostics are published); the latency of each.
 */
export async function responsivenessFigures(serverJs: string, text: string): Promise<string[]> {
  const s = await startServer(serverJs);
  const seed = fs.readFileSync(path.join(__dirname, '..', 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8');
  const small = pathToFileURL(path.join(process.cwd(), 'bench-seed-hover.news.txt')).toString();
  const big = pathToFileURL(path.join(process.cwd(), 'bench-1mb-hover.news.txt')).toString();
  const seedReady = s.diagnostics(small, 1);
  await s.conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri: small, languageId: 'news-article', version: 1, text: seed },
  });
  await seedReady;
  const hover = () => s.conn.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 2, character: 4 } });
  await hover();
  let analysed = false;
  const bigReady = s.diagnostics(big, 1).then((t) => {
    analysed = true;
    return t;
  });
  const opened = performance.now();
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'news-article', version: 1, text } });
  const latencies: number[] = [];
  while (!analysed) {
    const t0 = performance.now();
    await hover();
    latencies.push(performance.now() - t0);
  }
  const diagAt = (await bigReady) - opened;
  await s.stop();
  return [
    `another article's hover while the 1 MB article is analysed (${latencies.length} hovers in ${diagAt.toFixed(0)} ms until its diagnostics): p50 ${ms(quantile(latencies, 0.5))}, p95 ${ms(quantile(latencies, 0.95))}, max ${ms(Math.max(...latencies))}`,
  ];
}
