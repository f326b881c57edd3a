/**
 * Emptying V8's young generation while the server is idle, so the next keystroke's diagnostics do not pay for the
 * previous request's garbage.
 *
 * The server runs with 2 MB semi-spaces (`--max-semi-space-size=2`, SERVER_EXEC_ARGV, for its memory). A semantic
 * tokens request after a keystroke on a 100 KB article allocates several MB, so it usually ends with the young
 * generation partly full; the next keystroke's diagnostics allocate 0.5-1.2 MB and, in about two keystrokes of five,
 * run into a scavenge that copies what the tokens request left alive (1-14 ms, the most in the first keystrokes).
 * After a tokens answer, once the answer is written and no message has arrived, one minor collection (`gc({ type:
 * 'minor' })`, the server's `--expose-gc`) empties it while the client is reading the answer; the scavenge copies
 * what the next one would have copied anyway. Without `--expose-gc` nothing happens.
 *
 * The nursery watches the messages themselves (the server's reader and writer, as the idle warm-up does): a tokens
 * request read, then the answer with its id written. So no handler has to remember to call it.
 */
import * as v8 from 'node:v8';
import type { Message } from 'vscode-languageserver/node';
import { exposedGc } from './memory';

/** The requests after whose answer the young generation is emptied: the large allocators that follow each edit. */
export const NURSERY_METHODS: ReadonlySet<string> = new Set(['textDocument/semanticTokens/full', 'textDocument/semanticTokens/full/delta']);

/** Bytes used in the young generation and what it can hold before a scavenge (used + available). */
export type YoungSpace = () => { used: number; size: number };

export const youngSpace: YoungSpace = () => {
  for (const s of v8.getHeapSpaceStatistics()) {
    if (s.space_name === 'new_space') return { used: s.space_used_size, size: s.space_used_size + s.space_available_size };
  }
  return { used: 0, size: 0 };
};

/** A minor collection, when the process was started with `--expose-gc`. */
export function minorCollector(): (() => void) | undefined {
  const gc = exposedGc();
  return gc && (() => gc({ type: 'minor' }));
}

export class Nursery {
  private scheduled = false;
  private interrupted = false;
  /** Ids of the tokens requests read and not answered yet. */
  private readonly waiting = new Set<number | string>();
  /** Collections run (for the tests and the log). */
  collections = 0;

  /**
   * `collect` empties the young generation; it runs when at least `fraction` of it is used, so a small request (a
   * hover, a short article) causes none. `schedule` runs a callback after the current turn's answer is written
   * (setImmediate: the connection writes an answer in a microtask of the turn that computed it).
   */
  constructor(
    private readonly collect: (() => void) | undefined,
    private readonly young: YoungSpace = youngSpace,
    private readonly fraction = 0.25,
    private readonly schedule: (run: () => void) => void = (run) => void setImmediate(run),
  ) {}

  /** A request that allocated much was answered: collect in the next turn, unless a message arrives first. */
  afterAnswer(): void {
    if (!this.collect || this.scheduled) return;
    this.scheduled = true;
    this.interrupted = false;
    this.schedule(() => {
      this.scheduled = false;
      if (this.interrupted) return;
      const { used, size } = this.young();
      if (size > 0 && used >= this.fraction * size) {
        this.collect?.();
        this.collections++;
      }
    });
  }

  /** A message came from the client: it is handled first, and the collection waits for the next answer. */
  activity(): void {
    if (this.scheduled) this.interrupted = true;
  }

  /** The server read `message`: a message from the client, and maybe a tokens request whose answer is awaited. */
  received(message: Message): void {
    this.activity();
    const m = message as { id?: number | string | null; method?: string };
    if (m.method !== undefined && NURSERY_METHODS.has(m.method) && m.id !== undefined && m.id !== null) this.waiting.add(m.id);
  }

  /** The server writes `message`: when it answers a tokens request, the collection follows it. */
  sent(message: Message): void {
    const m = message as { id?: number | string | null; method?: string };
    if (m.method === undefined && m.id !== undefined && m.id !== null && this.waiting.delete(m.id)) this.afterAnswer();
  }
}
