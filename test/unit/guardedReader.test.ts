import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Message } from 'vscode-languageserver/node';
import { GuardedMessageReader, headerStartAtEnd } from '../../server/src/node/guardedReader';

/** The framed bytes of `messages`, as a client writes them. */
const framed = (...messages: object[]) =>
  Buffer.concat(
    messages.map((m) => {
      const body = Buffer.from(JSON.stringify(m), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    }),
  );

/** What the reader delivers when `bytes` arrive cut into pieces of `size` bytes (copies, as a pipe gives them). */
function read(bytes: Buffer, size: number): { messages: Message[]; logged: string[] } {
  const stream = new PassThrough();
  const messages: Message[] = [];
  const logged: string[] = [];
  new GuardedMessageReader(stream, (m) => logged.push(m)).listen((m) => messages.push(m));
  for (let at = 0; at < bytes.length; at += size) stream.emit('data', Buffer.from(bytes.subarray(at, at + size)));
  return { messages, logged };
}

describe('the stdio message reader (guardedReader.ts)', () => {
  const big = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: '新聞記者報導。\n'.repeat(50_000) } };
  const small = { jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { position: { line: 2, character: 4 } } };

  it('delivers messages cut anywhere: one byte at a time, in pipe-sized reads, several in one read', () => {
    const bytes = framed(small, big, small, { jsonrpc: '2.0', method: 'exit' });
    for (const size of [1, 7, 4096, 65536, bytes.length]) {
      const { messages, logged } = read(size === 1 ? framed(small, small) : bytes, size);
      assert.deepEqual(logged, []);
      assert.deepEqual(messages, size === 1 ? [small, small] : [small, big, small, { jsonrpc: '2.0', method: 'exit' }]);
    }
  });

  it('still skips a bad header that arrives while a message is incomplete only after that message', () => {
    const bad = Buffer.from('Content-Length: nope\r\n\r\n{}', 'ascii');
    const { messages, logged } = read(Buffer.concat([framed(big), bad, framed(small)]), 65536);
    assert.deepEqual(messages, [big, small]);
    assert.equal(logged.length, 1);
  });

  it('after a skipped header keeps no bytes but the start of a header cut by a read (the next message is read)', () => {
    // Each bad header's body arrives in one read and the good message in the next, as a pipe may cut them.
    const reads = (...chunks: (string | Buffer)[]) => {
      const stream = new PassThrough();
      const messages: Message[] = [];
      new GuardedMessageReader(stream, () => undefined).listen((m) => messages.push(m));
      for (const c of chunks) stream.emit('data', Buffer.from(c));
      return messages;
    };
    for (const bad of [
      'Content-Type: x\r\n\r\n{}',
      'garbage\r\n\r\n',
      'Content-Length: abc\r\n\r\n',
      'Content-Length: nope\r\n\r\n{"a":1}',
    ])
      assert.deepEqual(reads(bad, framed(small)), [small], JSON.stringify(bad));
    // A header cut after "Content-Le" by the end of a read, right after a skipped one.
    const good = framed(small);
    for (const cut of [1, 5, 10, 13])
      assert.deepEqual(
        reads(Buffer.concat([Buffer.from('garbage\r\n\r\n{}'), good.subarray(0, cut)]), good.subarray(cut)),
        [small],
        `cut ${cut}`,
      );
    assert.equal(headerStartAtEnd(Buffer.from('{}Content-Le'), 0), 10);
    assert.equal(headerStartAtEnd(Buffer.from('{}content-'), 0), 8);
    assert.equal(headerStartAtEnd(Buffer.from('{}'), 0), 0);
    assert.equal(headerStartAtEnd(Buffer.from('Content-Length'), 0), 0, 'a whole name is found by indexOf, not kept as a tail');
  });

  it('copies a large message about once, not once for every read it took', () => {
    // Joining each read to the bytes before it copied 1 MB in 64 KB reads 8.5 MB over (16 + 15 + ... + 1 reads).
    const bytes = framed(big);
    const concat = Buffer.concat;
    let copied = 0;
    Buffer.concat = ((list: readonly Uint8Array[], total?: number) => {
      const out = concat(list, total);
      copied += out.length;
      return out;
    }) as typeof Buffer.concat;
    try {
      const { messages } = read(bytes, 65536);
      assert.deepEqual(messages, [big]);
    } finally {
      Buffer.concat = concat;
    }
    assert.ok(bytes.length > 16 * 65536, `the message takes ${bytes.length} bytes`);
    assert.ok(copied <= 2 * bytes.length, `${copied} bytes copied for a message of ${bytes.length}`);
  });
});
