/**
 * The worker pool of `annotate --jobs N`: jobs go to whichever worker is free, a few at a time; each answer is a
 * promise of the job's output text, and the caller writes them in input order. With one job the work runs in this
 * thread (no worker to start).
 *
 * What a worker costs is kept to what it must do itself: the model file is read once here into shared memory and
 * every worker opens its views over those bytes; a worker writes its answers as text (one string per job crosses
 * the thread boundary, not thousands of objects); short documents travel in batches.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readModelShared, sharedModelMemory } from '../node/model';
import { createAnnotator, type AnnotateJob, type AnnotatorOptions, type Annotations } from './annotateJob';
import { formatAnnotations, type OutputFormat } from './output';

/** The job's output text (formatAnnotations), or why it failed. */
export type JobResult = { ok: true; value: string } | { ok: false; error: string };

export const defaultJobs = () => (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);

export interface Pool {
  readonly size: number;
  run(job: AnnotateJob): Promise<JobResult>;
  close(): Promise<void>;
}

export interface WorkerData {
  options: AnnotatorOptions;
  format: OutputFormat;
  /** models/ner.bin over a SharedArrayBuffer (absent with a model overlay, which each worker applies to its own copy). */
  model?: Uint8Array;
  /** The shared WebAssembly memory `model` lives in, where the emission kernel runs (node/model.ts). */
  modelMemory?: WebAssembly.Memory;
}
export type WorkerRequest = { seq: number; job: AnnotateJob }[];
export type WorkerAnswer = { seq: number; text?: string; error?: string }[];

/** A batch of jobs annotated in order: what a worker does with one message. */
export function annotateBatch(annotate: (job: AnnotateJob) => Annotations, batch: WorkerRequest, format: OutputFormat): WorkerAnswer {
  return batch.map(({ seq, job }) => {
    try {
      return { seq, text: formatAnnotations(annotate(job), format) };
    } catch (e) {
      return { seq, error: (e as Error).stack ?? String(e) };
    }
  });
}

/** A batch closes at this many characters of text: one message per article of ordinary length, fewer for short ones. */
const BATCH_CHARS = 16_384;

export function createPool(
  jobs: number,
  options: AnnotatorOptions,
  format: OutputFormat = 'jsonl',
  workerFile = path.join(__dirname, 'cli-worker.js'),
): Pool {
  if (jobs <= 1) {
    const annotate = createAnnotator(options);
    return {
      size: 1,
      run: async (job) => {
        const [answer] = annotateBatch(annotate, [{ seq: 0, job }], format);
        return answer.error === undefined ? { ok: true, value: answer.text! } : { ok: false, error: answer.error };
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
    while (idle.length && queue.length) {
      // No worker takes more than its share of what is queued, so short documents do not all go to one.
      const share = Math.ceil(queue.length / idle.length);
      const batch: WorkerRequest = [];
      let chars = 0;
      while (queue.length && batch.length < share && chars < BATCH_CHARS) {
        const next = queue.shift()!;
        chars += next.job.text.length;
        batch.push(next);
      }
      idle.pop()!.postMessage(batch);
    }
  };
  const model = options.modelDelta ? undefined : readModelShared();
  const data: WorkerData = { options, format, model, modelMemory: model && sharedModelMemory(model) };
  for (let i = 0; i < jobs; i++) {
    const w = new Worker(workerFile, { workerData: data });
    w.on('message', (answers: WorkerAnswer) => {
      idle.push(w);
      dispatch();
      for (const { seq: s, text, error } of answers) {
        const done = waiting.get(s)!;
        waiting.delete(s);
        done(error === undefined ? { ok: true, value: text! } : { ok: false, error });
      }
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
