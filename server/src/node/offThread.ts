/**
 * The server side of off-thread analysis: one child process (dist/analysisWorker.js), requests answered in order,
 * a process that dies is replaced on the next request. Documents above LARGE_DOCUMENT_CHARS go there.
 *
 * A process, not a worker thread: what a 1 MB article's analysis allocates through malloc (typed arrays, compiler
 * zones, the serialised result) stays in a thread's malloc arena after the thread ends, 25-35 MB of the server's
 * RSS for good; a process gives all of it back when it exits (docs/performance.md, "fourth round: memory").
 */
import * as path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import type { Article } from '../service/article';
import type { NewsAnnotatorSettings } from '../protocol';
import type { DictionaryEntry } from './config';
import { noteMemory } from './memory';

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
  /** The workspace's improved-model overlay (model.ts overlayForWorker); a new generation replaces the process's. */
  modelOverlay?: { generation: number; bytes?: Uint8Array };
}

/**
 * The Article without its line index, which the server rebuilds, and without its text, which is the request's: the
 * server puts its own string back (sending it would copy the text once more each way, and hold two copies of it).
 */
export type WorkerReply = {
  id: number;
  article?: Omit<Article, 'lines' | 'text'> & { lines?: undefined; text?: undefined };
  error?: string;
};

/**
 * The process's V8 options: a 16 MB young generation (5 MB semi-spaces). V8's default lets it grow to 48 MB; 6 MB
 * cost a third more time here, 16 MB none measurable (docs/performance.md). Set here, not inherited: the server's
 * own options (2 MB semi-spaces) would slow the analysis down.
 */
const EXEC_ARGV = ['--max-semi-space-size=5'];

type Pending = { text: string; resolve: (a: Article) => void; reject: (e: Error) => void };

export class OffThreadAnalysis {
  private worker: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  /**
   * `idleMs`: the process holds its own model and the heap a large article grew, so it ends when it has had nothing
   * to do for this long; the next large document starts a new one.
   */
  constructor(
    private readonly script = path.join(__dirname, 'analysisWorker.js'),
    private readonly idleMs = 10_000,
  ) {}

  /** Whether a process is alive (for tests and the bench). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** The process's id while one is alive (for the bench's memory figures). */
  get pid(): number | undefined {
    return this.worker?.pid;
  }

  private scheduleIdleStop() {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size) return;
      const worker = this.worker;
      this.worker = undefined;
      worker?.kill();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private start(): ChildProcess {
    if (this.worker) return this.worker;
    // stdout is the server's LSP channel: the process must not write to it. It exits when the server goes away
    // (its IPC channel closes: analysisWorker.ts).
    const worker = fork(this.script, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: EXEC_ARGV });
    // Neither the process nor its channel keeps the server's event loop alive.
    worker.unref();
    (worker.channel as { unref?: () => void } | undefined)?.unref?.();
    worker.on('message', (m: WorkerReply) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!p) return;
      // With the request's text; without its line index, which the language service rebuilds when it adopts it.
      if (m.article) p.resolve({ ...m.article, text: p.text } as unknown as Article);
      else p.reject(new Error(m.error ?? 'analysis failed'));
      if (!this.pending.size) this.scheduleIdleStop();
    });
    const fail = (e: Error) => {
      // A process stopped for idleness is no longer the current one: nothing of the new one's is touched.
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code, signal) => fail(new Error(`analysis process exited (${signal ?? code})`)));
    return (this.worker = worker);
  }

  analyse(request: Omit<WorkerRequest, 'id'>): Promise<Article> {
    const id = this.nextId++;
    clearTimeout(this.idleTimer);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { text: request.text, resolve, reject });
      this.start().send({ ...request, id } satisfies WorkerRequest);
      noteMemory('sent');
    });
  }

  dispose() {
    clearTimeout(this.idleTimer);
    this.worker?.kill();
  }
}
