/**
 * Where the server's memory goes while the 1 MB article is opened and analysed: the bench's memory scenario
 * (scripts/bench/editor.ts memoryFigures) with the server's RSS sampled every few ms, and /proc/PID/smaps grouped
 * by mapping at each step (before the article, when its diagnostics arrive, after its semantic tokens, 12 s later).
 *   NEWS_CORPUS=/work/shared/corpus npx tsx scripts/perf/serverMemory.ts [dist/server.js] [--quick] [--small-first]
 * --quick: 3 s after instead of 12; --small-first: the seed article is opened (and analysed by the server, with the
 * model) before the 1 MB article, as when the user already has an ordinary article open.
 * BENCH_NODE_ARGS replaces the server's V8 options as for the bench.
 * With NEWS_MEMORY_LOG=1 in the environment the server itself logs V8's heap figures at each step (stderr).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openAndTokens, startServer } from '../bench/editor';
import { readPages, repeatedTo } from './pages';

const serverJs = path.resolve(process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? 'dist/server.js');
const quick = process.argv.includes('--quick');
const smallFirst = process.argv.includes('--small-first');
const MB = 1024 * 1024;

function megabyte(): string {
  const dir = path.join(process.env.NEWS_CORPUS ?? '/work/shared/corpus', 'pages', 'unlabelled');
  return repeatedTo(readPages(dir), MB);
}

const status = (pid: number) => {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM'), anon: kb('RssAnon'), file: kb('RssFile') };
};

/** Resident MB by kind of mapping. */
function smaps(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  let name = '';
  let size = 0;
  for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      name = head[1];
      continue;
    }
    const sz = /^Size:\s+(\d+)/.exec(line);
    if (sz) size = Number(sz[1]);
    const rss = /^Rss:\s+(\d+)/.exec(line);
    if (!rss) continue;
    let kind: string;
    if (name.endsWith('/node') || name.includes('bin/node')) kind = 'node binary';
    else if (name.startsWith('/')) kind = name.includes('.so') ? 'shared libs' : `file ${path.basename(name)}`;
    else if (name === '[heap]') kind = 'malloc main heap';
    else if (name === '[stack]') kind = 'stack';
    else if (name) kind = name;
    else if (size >= 1024 * 1024) kind = 'anon >=1GB (wasm reservation)';
    else if (size >= 60 * 1024 && size <= 65536) kind = 'anon ~64MB (malloc arena)';
    else kind = 'anon other (V8 heap, mmap)';
    out[kind] = (out[kind] ?? 0) + Number(rss[1]) / 1024;
  }
  return out;
}

function show(label: string, pid: number) {
  const s = status(pid);
  const m = smaps(pid);
  const parts = Object.entries(m)
    .filter(([, v]) => v >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');
  console.log(
    `${label}: RSS ${s.rss.toFixed(1)} (anon ${s.anon.toFixed(1)}, file ${s.file.toFixed(1)}), peak ${s.hwm.toFixed(1)} MB | ${parts}`,
  );
}

async function main() {
  const text = megabyte();
  const s = await startServer(serverJs);
  const samples: [number, number][] = [];
  const t0 = performance.now();
  const sampler = setInterval(() => samples.push([performance.now() - t0, status(s.pid).rss]), 5);
  await new Promise((r) => setTimeout(r, 1500));
  if (smallFirst) show('idle, nothing open', s.pid);
  if (smallFirst) {
    const seed = fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8');
    await openAndTokens(s, pathToFileURL(path.join(process.cwd(), 'bench-seed.news.txt')).toString(), seed);
    show('the seed article analysed (before its warm-up)', s.pid);
    await new Promise((r) => setTimeout(r, 1500));
  }
  show(smallFirst ? 'idle, the seed article open' : 'idle', s.pid);
  const uri = pathToFileURL(path.join(process.cwd(), 'bench-1mb.news.txt')).toString();
  const first = s.diagnostics(uri, 1);
  const opened = performance.now() - t0;
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news-article', version: 1, text } });
  await first;
  const diagAt = performance.now() - t0;
  show('diagnostics in', s.pid);
  await s.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
  const tokensAt = performance.now() - t0;
  show('tokens in (the bench reads here)', s.pid);
  await new Promise((r) => setTimeout(r, quick ? 3000 : 12_000));
  clearInterval(sampler);
  show(quick ? '3 s later' : '12 s later', s.pid);
  await s.stop();
  // The RSS timeline around the article: each 100 ms's maximum, from didOpen on.
  const line: string[] = [];
  for (let t = Math.floor(opened / 100) * 100; t < tokensAt + 3000; t += 100) {
    const xs = samples.filter(([at]) => at >= t && at < t + 100).map(([, r]) => r);
    if (xs.length) line.push(`${((t - opened) / 1000).toFixed(1)}:${Math.max(...xs).toFixed(0)}`);
  }
  console.log(
    `didOpen at ${opened.toFixed(0)} ms, diagnostics +${(diagAt - opened).toFixed(0)}, tokens +${(tokensAt - opened).toFixed(0)}`,
  );
  console.log(`RSS by 100 ms after didOpen (s:MB): ${line.join(' ')}`);
}

void main();
