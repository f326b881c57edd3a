import * as assert from 'node:assert/strict';
import { collectNow } from '../../server/src/node/memory';

describe('giving memory back (node/memory.ts)', () => {
  const g = globalThis as { gc?: () => void };
  const had = g.gc;
  afterEach(() => {
    if (had) g.gc = had;
    else delete g.gc;
  });

  it('collects once at once when gc is exposed (--expose-gc), and does nothing without it', () => {
    let calls = 0;
    g.gc = () => void calls++;
    assert.equal(collectNow(), true);
    assert.equal(calls, 1);
    delete g.gc;
    assert.equal(collectNow(), false);
    assert.equal(calls, 1);
  });
});
