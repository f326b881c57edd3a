/**
 * A heap snapshot of the server with the seed article open, analysed and warmed (the state before a large article
 * arrives in the bench's memory scenario): SNAP_DIR (default /tmp) gets Heap.*.heapsnapshot via SIGUSR2.
 *   NEWS_CORPUS=... npx tsx scripts/perf/seedSnapshot.ts [dist/server.js] [--large]
 * --large: the snapshot is taken after the 1 MB article's semantic tokens (the bench's peak).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openAndTokens, startServer } from '../bench/editor';
import { unlabelledText } from './pages';

const serverJs = path.resolve(process.argv[2] ?? 'dist/server.js');
async function main() {
  const dir = process.env.SNAP_DIR ?? '/tmp';
  process.env.BENCH_NODE_ARGS ??= `--max-semi-space-size=2 --expose-gc --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}`;
  const s = await startServer(serverJs);
  const seed = fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8');
  await openAndTokens(s, pathToFileURL(path.join(process.cwd(), 'bench-seed.news.txt')).toString(), seed);
  await new Promise((r) => setTimeout(r, 3000));
  if (process.argv.includes('--large')) {
    // Then the bench's 1 MB article, opened, analysed (the analysis process) and its semantic tokens asked for.
    const uri = pathToFileURL(path.join(process.cwd(), 'bench-1mb.news.txt')).toString();
    await openAndTokens(s, uri, unlabelledText(1 << 20));
  }
  console.log(
    fs
      .readFileSync(`/proc/${s.pid}/status`, 'utf8')
      .split('\n')
      .filter((l) => /VmRSS|VmHWM|RssAnon|RssFile/.test(l))
      .join(' '),
  );
  process.kill(s.pid, 'SIGUSR2');
  await new Promise((r) => setTimeout(r, 8000));
  await s.stop();
}
void main();
