/**
 * Corpus figures: `news-annotate annotate --stdin-jsonl --jobs K` over the same pages with 1, 2 and N workers
 * (whole analysis, start-up included), and beside it a peer doing less work on the same text: jieba's POS tagging
 * (jieba-wasm, the Rust jieba compiled to WebAssembly), one thread.
 */
import { spawn } from 'node:child_process';
import * as os from 'node:os';

const MB = 1024 * 1024;

function runCli(cliJs: string, jobs: number, input: string): Promise<{ wallMs: number; status: number | null }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [cliJs, 'annotate', '--stdin-jsonl', '--jobs', String(jobs)], {
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    p.on('error', reject);
    p.on('close', (status) => resolve({ wallMs: performance.now() - t0, status }));
    p.stdin.end(input);
  });
}

export async function workerFigures(cliJs: string, pages: string[]): Promise<string[]> {
  const input = pages.map((text, i) => JSON.stringify({ id: i, text })).join('\n') + '\n';
  const mb = pages.reduce((n, p) => n + Buffer.byteLength(p), 0) / MB;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const out: string[] = [];
  for (const jobs of [...new Set([1, 2, cores])]) {
    // Start-up alone (each worker loads the model on its first record): one tiny record per worker.
    const tiny = Array.from({ length: jobs }, (_, i) => JSON.stringify({ id: i, text: '新華社北京3日電' })).join('\n') + '\n';
    const startup = await runCli(cliJs, jobs, tiny);
    const { wallMs, status } = await runCli(cliJs, jobs, input);
    if (status !== 0 || startup.status !== 0) out.push(`annotate --jobs ${jobs}: exit ${status}`);
    const rate = mb / (wallMs / 1000);
    const steady = mb / (Math.max(1, wallMs - startup.wallMs) / 1000);
    out.push(
      `annotate --stdin-jsonl --jobs ${jobs} (${pages.length} pages, ${mb.toFixed(2)} MB): ${rate.toFixed(2)} MB/s with start-up (${wallMs.toFixed(0)} ms wall); ` +
        `after start-up (${startup.wallMs.toFixed(0)} ms) ${steady.toFixed(2)} MB/s, ${(steady / jobs).toFixed(2)} MB/s per core (target >= 2 MB/s per core)`,
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
