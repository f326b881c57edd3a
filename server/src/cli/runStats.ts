/**
 * For the bench: with `NEWS_ANNOTATE_STATS=FILE` in the environment, `annotate` writes its own figures to FILE
 * when it ends: wall and CPU time of the whole process (every thread), and the same from the moment the first
 * `workers` documents are out. The bench puts one tiny record per worker first, so that moment is the end of
 * start-up (each worker has loaded the model and answered once), measured in the same run instead of guessed from
 * a separate one.
 */
import * as fs from 'node:fs';

export interface RunStats {
  /** One document written (its bytes of text). */
  done(bytes: number): void;
  finish(): void;
}

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

export function runStats(workers: number, file = process.env.NEWS_ANNOTATE_STATS): RunStats | undefined {
  if (!file) return undefined;
  const start = { wallMs: performance.now(), cpuMs: cpuMs() };
  let docs = 0;
  let bytes = 0;
  let warm: { wallMs: number; cpuMs: number; docs: number; bytes: number } | undefined;
  // Every megabyte: the time so far, to see how long the JIT takes to warm up.
  const marks: { bytes: number; wallMs: number; cpuMs: number }[] = [];
  return {
    done(b) {
      docs++;
      bytes += b;
      if (!warm && docs >= workers) warm = { wallMs: performance.now(), cpuMs: cpuMs(), docs, bytes };
      if (bytes >= (marks.length + 1) * 1024 * 1024) marks.push({ bytes, wallMs: performance.now(), cpuMs: cpuMs() });
    },
    finish() {
      const end = { wallMs: performance.now(), cpuMs: cpuMs() };
      const figures = {
        workers,
        docs,
        bytes,
        // From the process's own start (Node and the bundle included), as `time` would count it.
        wallMs: end.wallMs,
        cpuMs: end.cpuMs,
        startup: warm && { wallMs: warm.wallMs, cpuMs: warm.cpuMs, docs: warm.docs, bytes: warm.bytes },
        steady: warm && {
          wallMs: end.wallMs - warm.wallMs,
          cpuMs: end.cpuMs - warm.cpuMs,
          docs: docs - warm.docs,
          bytes: bytes - warm.bytes,
        },
        marks,
        sinceRead: { wallMs: end.wallMs - start.wallMs, cpuMs: end.cpuMs - start.cpuMs },
      };
      fs.writeFileSync(file, JSON.stringify(figures) + '\n');
    },
  };
}
