/**
 * The server's idle warm-up: it waits for the client to be quiet, runs one step per turn, gives way to every
 * message, and stops for a document that moved on. Driven by real timers and the steps' own events, no sleeps.
 */
import * as assert from 'node:assert/strict';
import { Emitter, type DataCallback, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { IdleWarmUp, noticingReader, noticingWriter } from '../../server/src/node/idleWarmUp';

const IDLE = 30;

/** A warm-up whose keystrokes are `stepsEach` steps that note when they ran, over documents whose versions the test sets. */
function harness(keystrokes: number, stepsEach: number) {
  const ran: { uri: string; keystroke: number; step: number; at: number }[] = [];
  const versions = new Map<string, number>();
  let onStep: (() => void) | undefined;
  const warm = new IdleWarmUp(
    IDLE,
    keystrokes,
    (uri, version, keystroke) =>
      (function* () {
        for (let step = 0; step < stepsEach; step++) {
          ran.push({ uri, keystroke, step, at: performance.now() });
          onStep?.();
          yield step;
        }
      })(),
    (uri, version) => versions.get(uri) === version,
  );
  /** Resolves when `n` more steps have run. */
  const steps = (n: number) =>
    new Promise<void>((resolve) => {
      let left = n;
      onStep = () => {
        if (--left === 0) {
          onStep = undefined;
          resolve();
        }
      };
    });
  /** Resolves when the warm-up has nothing left to do. */
  const idle = async () => {
    while (warm.busy) await new Promise((resolve) => setImmediate(resolve));
  };
  return { warm, ran, versions, steps, idle };
}

describe('idle warm-up (server)', () => {
  it('waits for quiet, then runs every step of every keystroke, one per turn, once per opened document', async () => {
    const { warm, ran, versions, steps, idle } = harness(3, 2);
    versions.set('a', 1);
    const t0 = performance.now();
    warm.add('a', 1);
    await steps(6);
    await idle();
    assert.deepEqual(
      ran.map((r) => [r.keystroke, r.step]),
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
        [2, 0],
        [2, 1],
      ],
    );
    assert.ok(ran[0].at - t0 >= IDLE - 1, `first step after ${ran[0].at - t0} ms`);
    // Analysed again (a later validation): not warmed again until it is closed and reopened.
    warm.add('a', 1);
    assert.equal(warm.busy, false);
    warm.forget('a');
    warm.add('a', 1);
    await steps(6);
    assert.equal(ran.length, 12);
    await idle();
  });

  it('gives way to a message: nothing runs until the client has been quiet again', async () => {
    const { warm, ran, versions, steps, idle } = harness(2, 2);
    versions.set('a', 1);
    warm.add('a', 1);
    await steps(1);
    const message = performance.now();
    warm.activity();
    await steps(3);
    assert.ok(ran[1].at - message >= IDLE - 1, `the step after a message ran ${ran[1].at - message} ms after it`);
    // The keystroke was resumed, not started again.
    assert.deepEqual(
      ran.map((r) => [r.keystroke, r.step]),
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
    );
    await idle();
  });

  it('drops a document the user edited, or closed, and goes on with the next', async () => {
    const { warm, ran, versions, steps, idle } = harness(2, 2);
    versions.set('a', 1);
    versions.set('b', 1);
    versions.set('c', 1);
    warm.add('a', 1);
    warm.add('b', 1);
    warm.add('c', 1);
    await steps(1);
    versions.set('a', 2); // the user typed into a
    warm.forget('b');
    await steps(4);
    await idle();
    assert.deepEqual(
      ran.map((r) => r.uri),
      ['a', 'c', 'c', 'c', 'c'],
    );
  });

  it('logs a step that throws and drops that document', async () => {
    const logged: string[] = [];
    let calls = 0;
    const warm = new IdleWarmUp(
      1,
      5,
      () =>
        (function* () {
          calls++;
          yield 0;
          throw new Error('boom');
        })(),
      () => true,
      (m) => logged.push(m),
    );
    warm.add('x', 1);
    while (warm.busy) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(calls, 1);
    assert.match(logged.join('\n'), /warm-up of x failed: Error: boom/);
  });

  it('is told of every message the writer sends, before it goes', async () => {
    const events: string[] = [];
    const inner: MessageWriter = {
      onError: new Emitter<[Error, Message | undefined, number | undefined]>().event,
      onClose: new Emitter<void>().event,
      write: async (m) => {
        events.push(`sent ${(m as Message & { method: string }).method}`);
      },
      end: () => undefined,
      dispose: () => undefined,
    };
    const writer = noticingWriter(inner, (m) => events.push(`noticed ${(m as Message & { method: string }).method}`));
    await writer.write({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics' } as Message);
    assert.deepEqual(events, ['noticed textDocument/publishDiagnostics', 'sent textDocument/publishDiagnostics']);
  });

  it('is told of every message the reader delivers, before it is handled', () => {
    const events: string[] = [];
    const onError = new Emitter<Error>();
    const onClose = new Emitter<void>();
    const onPartialMessage = new Emitter<never>();
    let deliver: DataCallback = () => undefined;
    const inner: MessageReader = {
      onError: onError.event,
      onClose: onClose.event,
      onPartialMessage: onPartialMessage.event,
      listen: (callback) => {
        deliver = callback;
        return { dispose: () => undefined };
      },
      dispose: () => undefined,
    };
    const reader = noticingReader(inner, (m) => events.push(`noticed ${(m as Message & { method: string }).method}`));
    reader.listen((m) => events.push(`handled ${(m as Message & { method: string }).method}`));
    deliver({ jsonrpc: '2.0', method: 'textDocument/didChange' } as Message);
    deliver({ jsonrpc: '2.0', method: 'textDocument/hover' } as Message);
    assert.deepEqual(events, [
      'noticed textDocument/didChange',
      'handled textDocument/didChange',
      'noticed textDocument/hover',
      'handled textDocument/hover',
    ]);
  });
});
