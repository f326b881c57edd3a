/**
 * The young generation emptied after a semantic tokens answer (server/src/node/nursery.ts): once per answer, in the
 * next turn, only when the generation is at least a quarter full, and never when a message arrived first.
 */
import * as assert from 'node:assert/strict';
import { minorCollector, Nursery, NURSERY_METHODS, youngSpace } from '../../server/src/node/nursery';

/** A nursery over a young generation the test sets, whose scheduled runs the test starts. */
function harness(used: number, size = 2000, collect = true) {
  const young = { used, size };
  const queued: (() => void)[] = [];
  let collected = 0;
  const nursery = new Nursery(
    collect ? () => collected++ : undefined,
    () => young,
    0.25,
    (run) => queued.push(run),
  );
  const runQueued = () => queued.splice(0).forEach((run) => run());
  return { nursery, young, queued, runQueued, collected: () => collected };
}

describe('nursery: the young generation emptied after a tokens answer', () => {
  it('collects once, in the next turn, when at least a quarter of the young generation is used', () => {
    const h = harness(600);
    h.nursery.afterAnswer();
    assert.equal(h.collected(), 0, 'not during the answer');
    h.runQueued();
    assert.equal(h.collected(), 1);
    assert.equal(h.nursery.collections, 1);
    // At exactly a quarter too.
    h.young.used = 500;
    h.nursery.afterAnswer();
    h.runQueued();
    assert.equal(h.collected(), 2);
  });

  it('leaves a young generation that is less than a quarter full alone (a hover, a short article)', () => {
    const h = harness(499);
    h.nursery.afterAnswer();
    h.runQueued();
    assert.equal(h.collected(), 0);
    const empty = harness(0, 0);
    empty.nursery.afterAnswer();
    empty.runQueued();
    assert.equal(empty.collected(), 0);
  });

  it('schedules one collection for answers in the same turn', () => {
    const h = harness(1500);
    h.nursery.afterAnswer();
    h.nursery.afterAnswer();
    assert.equal(h.queued.length, 1);
    h.runQueued();
    assert.equal(h.collected(), 1);
    h.nursery.afterAnswer();
    assert.equal(h.queued.length, 1, 'a later answer schedules again');
  });

  it('gives way to a message that arrives before the collection (the next keystroke is handled first)', () => {
    const h = harness(1500);
    h.nursery.afterAnswer();
    h.nursery.activity();
    h.runQueued();
    assert.equal(h.collected(), 0);
    // The next answer collects again, and a message before any answer changes nothing.
    h.nursery.activity();
    h.nursery.afterAnswer();
    h.runQueued();
    assert.equal(h.collected(), 1);
  });

  it('follows the messages: collects after the answer to a tokens request, not after other answers', () => {
    const h = harness(1500);
    const request = (id: number | string, method: string) => ({ jsonrpc: '2.0', id, method, params: {} });
    const answer = (id: number | string) => ({ jsonrpc: '2.0', id, result: { data: [] } });
    assert.deepEqual([...NURSERY_METHODS].sort(), ['textDocument/semanticTokens/full', 'textDocument/semanticTokens/full/delta']);
    h.nursery.received(request(1, 'textDocument/hover'));
    h.nursery.sent(answer(1));
    assert.equal(h.queued.length, 0, 'a hover answer');
    h.nursery.received(request(2, 'textDocument/semanticTokens/full/delta'));
    h.nursery.received({ jsonrpc: '2.0', method: 'textDocument/didChange', params: {} } as never);
    h.nursery.sent({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: {} } as never);
    assert.equal(h.queued.length, 0, 'a notification either way');
    h.nursery.sent(answer(3));
    assert.equal(h.queued.length, 0, 'an answer to another id');
    h.nursery.sent(answer(2));
    h.runQueued();
    assert.equal(h.collected(), 1);
    // Answered once: the same id again is not a tokens answer any more. A string id and the full request work too.
    h.nursery.sent(answer(2));
    assert.equal(h.queued.length, 0);
    h.nursery.received(request('a', 'textDocument/semanticTokens/full'));
    h.nursery.sent(answer('a'));
    // A message read before the collection runs: the keystroke goes first.
    h.nursery.received({ jsonrpc: '2.0', method: 'textDocument/didChange', params: {} } as never);
    h.runQueued();
    assert.equal(h.collected(), 1);
  });

  it('does nothing without a collector (a server started without --expose-gc)', () => {
    const h = harness(1500, 2000, false);
    h.nursery.afterAnswer();
    assert.equal(h.queued.length, 0);
    assert.equal(h.collected(), 0);
  });

  it('reads the real young generation and finds the collector only when gc is exposed', () => {
    const y = youngSpace();
    assert.ok(y.size > 0 && y.used >= 0 && y.used <= y.size, JSON.stringify(y));
    const g = globalThis as { gc?: unknown };
    const saved = g.gc;
    try {
      g.gc = undefined;
      assert.equal(minorCollector(), undefined);
      const calls: unknown[] = [];
      g.gc = (options?: unknown) => void calls.push(options);
      minorCollector()?.();
      assert.deepEqual(calls, [{ type: 'minor' }]);
    } finally {
      g.gc = saved;
    }
  });
});
