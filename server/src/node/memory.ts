/**
 * Giving memory back after a large article's analysis arrives from the analysis process (offThread.ts). Taking it
 * in leaves garbage behind (the serialised message's buffers, the copies made while adopting it), and an idle
 * server may not collect its old generation for minutes; the buffers among that garbage are malloc'd, so the RSS
 * stays up until they are collected. With `--expose-gc` (SERVER_EXEC_ARGV) one full collection, once the editor's
 * follow-up requests are answered, returns them; without it nothing happens.
 */
import * as v8 from 'node:v8';

let timer: NodeJS.Timeout | undefined;

/** V8's collector as `--expose-gc` (SERVER_EXEC_ARGV) exposes it, read at each call; undefined without the flag. */
export function exposedGc(): ((options?: { type: 'minor' | 'major' }) => void) | undefined {
  return (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
}

/**
 * One full collection now, where the server has just taken in a large article (offThread.ts): the message's buffers
 * and what deserialising it left are freed before the diagnostics and the semantic tokens are built on top of them,
 * which otherwise grew the heap and malloc's arenas past them (6-10 MB of the peak with the model loaded,
 * docs/performance.md, tenth round). Without `--expose-gc` nothing happens. Returns whether it collected.
 */
export function collectNow(): boolean {
  const gc = exposedGc();
  if (!gc) return false;
  const t0 = performance.now();
  gc();
  noteMemory(`collected at once (${(performance.now() - t0).toFixed(1)} ms)`);
  return true;
}

/** One full collection `delayMs` after the last call (calls in between postpone it). */
export function collectSoon(delayMs = 2000): void {
  const gc = exposedGc();
  if (!gc) return;
  clearTimeout(timer);
  timer = setTimeout(() => {
    gc();
    noteMemory('collected');
  }, delayMs);
  timer.unref();
}

/** NEWS_MEMORY_LOG=1 (read at start): the process's memory at each named step, on stderr (never the LSP channel). */
const LOG_MEMORY = !!process.env.NEWS_MEMORY_LOG;

/**
 * The process's RSS, V8's heap and each heap space (size / used, MB) at a step of a large article's round trip,
 * when NEWS_MEMORY_LOG is set: where the server's peak goes (scripts/perf/serverMemory.ts prints it beside smaps).
 */
export function noteMemory(label: string): void {
  if (!LOG_MEMORY) return;
  const mb = (n: number) => (n / 1048576).toFixed(1);
  const m = process.memoryUsage();
  const spaces = v8
    .getHeapSpaceStatistics()
    .filter((s) => s.space_size > 0)
    .map((s) => `${s.space_name.replace('_space', '')} ${mb(s.space_size)}/${mb(s.space_used_size)}`)
    .join(' ');
  process.stderr.write(
    `[memory ${process.pid}] ${label}: rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} used ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)} | ${spaces}\n`,
  );
}
