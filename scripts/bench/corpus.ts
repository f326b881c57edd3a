/**
 * Corpus figures: `news-annotate annotate --stdin-jsonl --jobs K` over the same distinct documents with 1, 2 and N
 * workers (whole analysis; start-up and steady rate apart), and beside it a peer doing less work on the same text: jieba's POS tagging
 * (jieba-wasm, the Rust jieba compiled to WebAssembly), one thread.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const MB = 1024 * 1024;

/**
 * At least `minBytes` of distinct text for the corpus figures: the pages, and between them documents made of
 * MSRA training sentences (about 4,000 characters each) when the shared corpus is there. Repeating the pages
 * instead would measure the memo of tagged lines: a worker tags a line it has seen once, from memory.
 */
export function corpusDocuments(pages: string[], msraFile: string, minBytes = 5 * MB): { docs: string[]; source: string } {
  const total = (docs: string[]) => docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
  if (!fs.existsSync(msraFile)) {
    const docs: string[] = [];
    while (total(docs) < minBytes) docs.push(...pages);
    return { docs, source: `${pages.length} pages repeated (MSRA train not found: the memo of tagged lines flatters this)` };
  }
  const msra: string[] = [];
  let doc: string[] = [];
  let line = '';
  let sentence = '';
  for (const row of fs.readFileSync(msraFile, 'utf8').split('\n')) {
    const ch = row.split('\t')[0];
    if (row.trim()) {
      sentence += ch;
      continue;
    }
    if (!sentence) continue;
    line += sentence;
    sentence = '';
    // A paragraph of about 150 characters, a document of about 4,000.
    if (line.length < 150) continue;
    doc.push(line);
    line = '';
    if (doc.reduce((n, l) => n + l.length, 0) >= 4000) {
      msra.push(doc.join('\n'));
      doc = [];
    }
  }
  const docs: string[] = [];
  let m = 0;
  // The pages spread through the MSRA documents, so every stretch of the run has Traditional and web pages in it.
  const every = Math.max(1, Math.floor(msra.length / pages.length));
  for (let i = 0; total(docs) < minBytes && (i < pages.length || m < msra.length); i++) {
    if (i < pages.length) docs.push(pages[i]);
    for (let k = 0; k < every && m < msra.length; k++) docs.push(msra[m++]);
  }
  return { docs, source: `${pages.length} pages and ${m} documents of MSRA training sentences, all distinct` };
}

interface Stats {
  workers: number;
  docs: number;
  bytes: number;
  wallMs: number;
  cpuMs: number;
  startup?: { wallMs: number; cpuMs: number };
  steady?: { wallMs: number; cpuMs: number; docs: number; bytes: number };
}

function runCli(cliJs: string, jobs: number, input: string): Promise<{ status: number | null; stats?: Stats; digest: string }> {
  const statsFile = path.join(os.tmpdir(), `news-annotate-stats-${process.pid}-${jobs}.json`);
  fs.rmSync(statsFile, { force: true });
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [cliJs, 'annotate', '--stdin-jsonl', '--jobs', String(jobs)], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, NEWS_ANNOTATE_STATS: statsFile },
    });
    const hash = createHash('sha256');
    p.stdout.on('data', (chunk: Buffer) => hash.update(chunk));
    p.on('error', reject);
    p.on('close', (status) => {
      const stats = fs.existsSync(statsFile) ? (JSON.parse(fs.readFileSync(statsFile, 'utf8')) as Stats) : undefined;
      fs.rmSync(statsFile, { force: true });
      resolve({ status, stats, digest: hash.digest('hex') });
    });
    p.stdin.end(input);
  });
}

/**
 * `news-annotate annotate --stdin-jsonl --jobs K` over the same documents with 1, 2 and N workers. One tiny
 * Traditional record per worker goes first: the CLI's own figures (NEWS_ANNOTATE_STATS) split its run at the
 * moment those are out, so start-up (Node, the bundle, the model, opencc) and the steady rate come from the same
 * run. CPU time is the whole process's (every thread): on a shared machine the wall clock also counts waiting.
 */
export async function workerFigures(cliJs: string, docs: string[], source: string): Promise<string[]> {
  const mb = docs.reduce((n, p) => n + Buffer.byteLength(p), 0) / MB;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const out: string[] = [`corpus CLI input: ${docs.length} documents, ${mb.toFixed(2)} MB (${source})`];
  const digests = new Map<number, string>();
  const counts = [...new Set([1, 2, cores])];
  // The same input for every count (so the outputs can be compared): as many tiny records as the most workers.
  const records = [
    ...Array.from({ length: Math.max(...counts) }, (_, i) => ({ id: `warm-${i}`, text: '新華社北京3日電' })),
    ...docs.map((text, i) => ({ id: i, text })),
  ];
  const input = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  for (const jobs of counts) {
    const { status, stats, digest } = await runCli(cliJs, jobs, input);
    digests.set(jobs, digest);
    if (status !== 0 || !stats?.startup || !stats.steady) {
      out.push(`annotate --jobs ${jobs}: exit ${status}${stats ? '' : ', no figures written'}`);
      continue;
    }
    const steady = stats.steady;
    const rate = steady.bytes / MB / (steady.wallMs / 1000);
    const cpuRate = steady.bytes / MB / (steady.cpuMs / 1000);
    out.push(
      `annotate --stdin-jsonl --jobs ${jobs}: ${(mb / (stats.wallMs / 1000)).toFixed(2)} MB/s with start-up (${(stats.wallMs / 1000).toFixed(1)} s wall, ${(stats.cpuMs / 1000).toFixed(1)} s CPU); ` +
        `start-up ${stats.startup.wallMs.toFixed(0)} ms wall, ${stats.startup.cpuMs.toFixed(0)} ms CPU; ` +
        `after it ${rate.toFixed(2)} MB/s wall (${(rate / jobs).toFixed(2)} per worker), ${cpuRate.toFixed(2)} MB/s of CPU time` +
        (jobs > 1 ? `; output ${digests.get(jobs) === digests.get(1) ? 'identical to' : 'DIFFERS from'} --jobs 1` : ''),
    );
  }
  return out;
}

export async function peerFigures(pages: string[]): Promise<string[]> {
  let jieba: { tag(s: string, hmm?: boolean): unknown[] };
  try {
    jieba = await import('jieba-wasm');
  } catch (e) {
    return [`peer (jieba-wasm POS tagging): not installed (${(e as Error).message}); npm install`];
  }
  const mb = pages.reduce((n, p) => n + Buffer.byteLength(p), 0) / MB;
  jieba.tag(pages[0].slice(0, 2000), true);
  let best = Infinity;
  let bestCpu = Infinity;
  let words = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    words = 0;
    for (const p of pages) for (const line of p.split('\n')) if (line) words += jieba.tag(line, true).length;
    const c = process.cpuUsage(c0);
    best = Math.min(best, performance.now() - t0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  return [
    `peer, jieba-wasm POS tagging (segmentation + one tag per word, no names, dates or boilerplate; one thread): ${(mb / (best / 1000)).toFixed(2)} MB/s (${best.toFixed(0)} ms wall); ${(mb / (bestCpu / 1000)).toFixed(2)} MB/s of CPU time; ${words} words`,
  ];
}
