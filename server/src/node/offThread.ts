/**
 * The server side of off-thread analysis: one worker, requests answered in order, a worker that dies
 * is replaced on the next request. Documents above LARGE_DOCUMENT_CHARS go there.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Article } from '../service/article';
import type { NewsAnnotatorSettings } from '../protocol';
import type { DictionaryEntry } from './config';
import type { SharedModel } from './model';

/** Above this, analysis takes about a second of CPU or more: long enough to hold up every other document. */
export const LARGE_DOCUMENT_CHARS = 200_000;

export interface WorkerRequest {
  id: number;
  text: string;
  dictionary: DictionaryEntry[];
  configFiles: string[];
  settings: NewsAnnotatorSettings;
  kept?: string[];
  recurring: [string, number][];
  /** The main thread's model in shared memory (model.ts modelForWorker); none: analyse without the model. */
  model?: SharedModel;
}

/**
 * The worker's young generation. V8's default lets it grow to 48 MB and keep it while the worker lives; 6 MB
 * (the server's 2 MB semi-spaces) cost a third more time here, 16 MB none measurable (docs/performance.md).
 */
const YOUNG_GENERATION_MB = 16;

type Pending = { resolve: (a: Article) => void; reject: (e: Error) => void };

export class OffThreadAnalysis {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  /**
   * `idleMs`: the worker's heap grows with a large article (the model it reads is the main thread's, in shared
   * memory), so it ends when it has had nothing to do for this long; the next large document starts a new one.
   */
  constructor(
    private readonly script = path.join(__dirname, 'analysisWorker.js'),
    private readonly idleMs = 10_000,
  ) {}

  /** Whether a worker is alive (for tests and the bench). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  private scheduleIdleStop() {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size) return;
      const worker = this.worker;
      this.worker = undefined;
      void worker?.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.unref();
    worker.on('message', (m: { id: number; article?: Article; error?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!p) return;
      if (m.article) p.resolve(m.article);
      else p.reject(new Error(m.error ?? 'analysis failed'));
      if (!this.pending.size) this.scheduleIdleStop();
    });
    const fail = (e: Error) => {
      // A worker stopped for idleness is no longer the current one: nothing of the new one's is touched.
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`analysis worker exited (${code})`)));
    return (this.worker = worker);
  }

  analyse(request: Omit<WorkerRequest, 'id'>): Promise<Article> {
    const id = this.nextId++;
    clearTimeout(this.idleTimer);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.start().postMessage({ ...request, id });
    });
  }

  dispose() {
    clearTimeout(this.idleTimer);
    void this.worker?.terminate();
  }
}
