/**
 * The worker pool of `annotate --jobs N`: jobs go to whichever worker is free; each answer is a promise, and the
 * caller writes them in input order. With one job the work runs in this thread (no worker to start).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createAnnotator, type AnnotateJob, type AnnotatorOptions, type Annotations } from './annotateJob';

export type JobResult = { ok: true; value: Annotations } | { ok: false; error: string };

export const defaultJobs = () => (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);

export interface Pool {
  readonly size: number;
  run(job: AnnotateJob): Promise<JobResult>;
  close(): Promise<void>;
}

export function createPool(jobs: number, options: AnnotatorOptions, workerFile = path.join(__dirname, 'cli-worker.js')): Pool {
  if (jobs <= 1) {
    const annotate = createAnnotator(options);
    return {
      size: 1,
      run: async (job) => {
        try {
          return { ok: true, value: annotate(job) };
        } catch (e) {
          return { ok: false, error: (e as Error).stack ?? String(e) };
        }
      },
      close: async () => undefined,
    };
  }
  const waiting = new Map<number, (r: JobResult) => void>();
  const queue: { seq: number; job: AnnotateJob }[] = [];
  const idle: Worker[] = [];
  const workers: Worker[] = [];
  let seq = 0;
  const dispatch = () => {
    while (idle.length && queue.length) idle.pop()!.postMessage(queue.shift());
  };
  for (let i = 0; i < jobs; i++) {
    const w = new Worker(workerFile, { workerData: options });
    w.on('message', (msg: { seq: number; result?: Annotations; error?: string }) => {
      const done = waiting.get(msg.seq)!;
      waiting.delete(msg.seq);
      idle.push(w);
      dispatch();
      done(msg.error === undefined ? { ok: true, value: msg.result! } : { ok: false, error: msg.error });
    });
    w.on('error', (e) => {
      // A worker that dies fails everything still waiting: the caller reports it, nothing hangs.
      for (const [, done] of waiting) done({ ok: false, error: e.stack ?? String(e) });
      waiting.clear();
    });
    workers.push(w);
    idle.push(w);
  }
  return {
    size: jobs,
    run(job) {
      const s = seq++;
      return new Promise((resolve) => {
        waiting.set(s, resolve);
        queue.push({ seq: s, job });
        dispatch();
      });
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
