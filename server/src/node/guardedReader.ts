/**
 * A JSON-RPC message reader for stdio that survives what the stock StreamMessageReader does not:
 * a header without a valid Content-Length (the stock reader stops reading for good) and a message
 * nested thousands of levels deep (it took the server down). Each is logged and skipped; reading
 * resumes at the next header. A request that is skipped is answered with an error, so the client
 * does not wait for ever.
 */
import {
  AbstractMessageReader,
  Disposable,
  StreamMessageWriter,
  type DataCallback,
  type Message,
  type MessageReader,
} from 'vscode-languageserver/node';
import { cachingJsonEncoder } from './diagnosticsEncoder';

/** Deeper than any LSP message; deep enough to be sure the sender is broken. */
export const MAX_DEPTH = 256;
export const MAX_HEADER_BYTES = 8192;
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const EMPTY = Buffer.alloc(0);
const CONTENT_LENGTH = /^content-length:[ \t]*(\d+)[ \t]*$/im;

/**
 * Is the JSON text nested more than max levels deep? A scan of the text, before parsing: JSON.parse
 * itself overflows the stack on deep enough input, and so would any recursive walk of the result.
 */
export function jsonDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The id and method of a message that is not parsed, read off its text when they come before the nesting. */
function idAndMethod(json: string): { id?: number | string; method?: string } {
  const head = json.slice(0, 4096);
  const id = /"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")/.exec(head)?.[1];
  const method = /"method"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(head)?.[1];
  return { id: id === undefined ? undefined : (JSON.parse(id) as number | string), method };
}

/** Method name a skipped request is delivered under: no handler has it, so the client gets MethodNotFound. */
export const REJECTED_METHOD = '$/newsAnnotator/rejectedMessage';

/**
 * How many of the last bytes of `buffer` (from `from` on) may begin a `Content-Length` header cut off by the end of a
 * read: the longest such tail that is a prefix of it, in either of the two spellings `resync` looks for.
 */
export function headerStartAtEnd(buffer: Buffer, from: number): number {
  const names = ['Content-Length', 'content-length'];
  for (let k = Math.min(names[0].length - 1, buffer.length - from); k > 0; k--) {
    const tail = buffer.subarray(buffer.length - k).toString('ascii');
    if (names.some((n) => n.startsWith(tail))) return k;
  }
  return 0;
}

export class GuardedMessageReader extends AbstractMessageReader implements MessageReader {
  private buffer: Buffer = Buffer.alloc(0);
  /**
   * Chunks that arrived after `buffer` while the body of the message it begins is incomplete, and how many bytes
   * the message needs: they are joined once, when it is all there. Joining each chunk as it came copied a 1 MB
   * didOpen (16 pipe reads) 8.5 MB over and grew the server's malloc heap by as much (docs/performance.md, tenth round).
   */
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  private needed = 0;

  constructor(
    private readonly stream: NodeJS.ReadableStream,
    private readonly log: (message: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer) => {
      if (this.needed) {
        this.waiting.push(chunk);
        this.waitingBytes += chunk.length;
        if (this.buffer.length + this.waitingBytes < this.needed) return;
        this.buffer = Buffer.concat([this.buffer, ...this.waiting], this.buffer.length + this.waitingBytes);
        this.waiting = [];
        this.waitingBytes = 0;
        this.needed = 0;
      } else this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.drain(callback);
    };
    const onEnd = () => this.fireClose();
    const onError = (e: Error) => this.fireError(e);
    this.stream.on('data', onData);
    this.stream.on('end', onEnd);
    this.stream.on('close', onEnd);
    this.stream.on('error', onError);
    return Disposable.create(() => {
      this.stream.off('data', onData);
      this.stream.off('end', onEnd);
      this.stream.off('close', onEnd);
      this.stream.off('error', onError);
    });
  }

  /** Drops bytes up to the next thing that looks like a header, after framing was lost. */
  private resync(from: number) {
    const next = this.buffer.indexOf('content-length', from, 'ascii');
    const nextUpper = this.buffer.indexOf('Content-Length', from, 'ascii');
    const at = [next, nextUpper].filter((i) => i >= 0).sort((a, b) => a - b)[0];
    // Keep only a tail that may be the start of a header split across reads ("Content-Le"). Keeping any last bytes
    // (as up to 16 were kept before) glued a skipped body such as `{}` to the front of the next read's header,
    // which then no longer began a line and lost the message after it (the storm of test/cli/fuzz.test.ts, when the
    // two arrived in separate reads).
    this.buffer =
      at === undefined ? this.buffer.subarray(this.buffer.length - headerStartAtEnd(this.buffer, from)) : this.buffer.subarray(at);
  }

  private drain(callback: DataCallback) {
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) {
          this.log(`skipped ${this.buffer.length} bytes without a message header`);
          this.resync(1);
        }
        return;
      }
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = CONTENT_LENGTH.exec(header);
      const length = match ? Number(match[1]) : NaN;
      if (!match || !Number.isSafeInteger(length) || length > MAX_MESSAGE_BYTES) {
        this.log(`skipped a message header without a valid Content-Length: ${JSON.stringify(header.slice(0, 200))}`);
        this.resync(headerEnd + HEADER_END.length);
        continue;
      }
      const start = headerEnd + HEADER_END.length;
      if (this.buffer.length < start + length) {
        this.needed = start + length;
        return;
      }
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      // What follows the message, if anything; nothing keeps the message's bytes alive.
      this.buffer = start + length < this.buffer.length ? this.buffer.subarray(start + length) : EMPTY;
      if (jsonDeeperThan(body, MAX_DEPTH)) {
        this.log(`skipped a message nested more than ${MAX_DEPTH} levels deep`);
        const { id, method } = idAndMethod(body);
        if (id !== undefined && method !== undefined) callback({ jsonrpc: '2.0', id, method: REJECTED_METHOD } as Message);
        continue;
      }
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch (e) {
        this.log(`skipped a message that is not JSON: ${(e as Error).message}`);
        continue;
      }
      if (typeof message !== 'object' || message === null || Array.isArray(message)) {
        this.log('skipped a message that is not a JSON-RPC object');
        continue;
      }
      callback(message as Message);
    }
  }
}

export function guardedStdio(log: (message: string) => void) {
  return {
    reader: new GuardedMessageReader(process.stdin, log),
    writer: new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: cachingJsonEncoder }),
  };
}
