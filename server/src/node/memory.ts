/**
 * Giving memory back after a large article's analysis arrives from the analysis process (offThread.ts). Taking it
 * in leaves garbage behind (the serialised message's buffers, the copies made while adopting it), and an idle
 * server may not collect its old generation for minutes; the buffers among that garbage are malloc'd, so the RSS
 * stays up until they are collected. With `--expose-gc` (SERVER_EXEC_ARGV) one full collection, once the editor's
 * follow-up requests are answered, returns them; without it nothing happens.
 */
let timer: NodeJS.Timeout | undefined;

/** One full collection `delayMs` after the last call (calls in between postpone it). */
export function collectSoon(delayMs = 2000): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  clearTimeout(timer);
  timer = setTimeout(() => gc(), delayMs);
  timer.unref();
}
