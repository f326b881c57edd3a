/**
 * When the server warms a document's edit path (service.warmUp, a private keystroke whose answers are dropped):
 * only after the client has sent nothing, and the server has answered nothing, for `idleMs`, one keystroke per turn of the event loop, so a message that
 * arrives is handled before the next one and postpones the rest to the next quiet moment. A document is warmed once,
 * from the version it was first analysed at; once the user has edited it, the real keystrokes do the warming.
 */
import type {
  MessageReader,
  MessageWriter,
  DataCallback,
  Disposable,
  Event,
  Message,
  PartialMessageInfo,
} from 'vscode-languageserver/node';

export class IdleWarmUp {
  private timer: NodeJS.Timeout | undefined;
  private readonly queue: { uri: string; version: number; keystroke: number; steps?: Iterator<unknown> }[] = [];
  /** Documents warmed (or being warmed) since they were opened. */
  private readonly seen = new Set<string>();

  /**
   * `begin(uri, version, k)` starts the k-th private keystroke into the document if it is still at `version` and
   * nothing waits for it (its steps, run one per turn), else undefined; `current(uri, version)` says whether it
   * still is. `keystrokes` are typed into each document.
   */
  constructor(
    private readonly idleMs: number,
    private readonly keystrokes: number,
    private readonly begin: (uri: string, version: number, keystroke: number) => Iterator<unknown> | undefined,
    private readonly current: (uri: string, version: number) => boolean,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** The document was analysed at `version`: warmed from there, the first time only. */
  add(uri: string, version: number): void {
    if (this.keystrokes <= 0 || this.seen.has(uri)) return;
    this.seen.add(uri);
    this.queue.push({ uri, version, keystroke: 0 });
    this.arm(this.idleMs);
  }

  /** The document was closed. */
  forget(uri: string): void {
    this.seen.delete(uri);
    const i = this.queue.findIndex((j) => j.uri === uri);
    if (i >= 0) this.queue.splice(i, 1);
    if (!this.queue.length) this.stop();
  }

  /** A message came from the client: nothing more is run until it has been quiet for `idleMs` again. */
  activity(): void {
    if (this.queue.length) this.arm(this.idleMs);
  }

  /** Whether a warm-up is waiting or under way. */
  get busy(): boolean {
    return this.queue.length > 0;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), ms);
  }

  /** One step of the first document's warm-up; a document that moved on (or failed) is done with. */
  private tick(): void {
    this.timer = undefined;
    const job = this.queue[0];
    if (!job) return;
    let done = true;
    try {
      if (this.current(job.uri, job.version)) {
        job.steps ??= this.begin(job.uri, job.version, job.keystroke);
        // No steps: nothing to warm from (not analysed at this version, no line to type into).
        if (job.steps) {
          if (job.steps.next().done) {
            job.steps = undefined;
            job.keystroke++;
          }
          done = job.keystroke >= this.keystrokes;
        }
      }
    } catch (e) {
      this.log(`warm-up of ${job.uri} failed: ${(e as Error).stack ?? e}`);
    } finally {
      if (done) this.queue.shift();
      if (this.queue.length) this.arm(0);
    }
  }
}

/**
 * `writer` that calls `onMessage` before each message it sends: an answer marks the end of the work on a request,
 * which may have taken longer than the quiet the warm-up waits for (a timer that fell due meanwhile must not start
 * a step just before the client's next message arrives).
 */
export function noticingWriter(writer: MessageWriter, onMessage: (message: Message) => void): MessageWriter {
  return {
    onError: writer.onError,
    onClose: writer.onClose,
    write: (message: Message) => {
      onMessage(message);
      return writer.write(message);
    },
    end: () => writer.end(),
    dispose: () => writer.dispose(),
  };
}

/** `reader` that calls `onMessage` before each message it delivers. */
export function noticingReader(reader: MessageReader, onMessage: (message: Message) => void): MessageReader {
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage as Event<PartialMessageInfo>,
    listen: (callback: DataCallback): Disposable =>
      reader.listen((message: Message) => {
        onMessage(message);
        callback(message);
      }),
    dispose: () => reader.dispose(),
  };
}
