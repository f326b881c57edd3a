/**
 * `MarksPool` (entities/marks.ts): the article-level passes' marks, lent and given back. A taken array is `n` zeros
 * whatever the buffer held before, two arrays out at once never share memory, and only a few buffers are kept.
 */
import { strict as assert } from 'node:assert';
import { MarksPool } from '../../server/src/service/entities/marks';

describe('MarksPool', () => {
  it('lends n zeros, reusing a given-back buffer after its marks', () => {
    const pool = new MarksPool();
    const a = pool.take(10);
    assert.equal(a.length, 10);
    a.fill(1);
    pool.give(a);
    const b = pool.take(8);
    assert.equal(b.buffer, a.buffer, 'the kept buffer is lent again');
    assert.equal(b.length, 8);
    assert.deepEqual([...b], new Array(8).fill(0), 'zeroed');
    pool.give(b);
    const c = pool.take(12);
    assert.notEqual(c.buffer, a.buffer, 'a larger array than any kept is new');
    assert.equal(c.length, 12);
  });

  it('never lends one buffer twice at once, nor keeps one twice', () => {
    const pool = new MarksPool();
    const a = pool.take(5);
    pool.give(a);
    pool.give(a);
    const x = pool.take(5);
    const y = pool.take(5);
    assert.notEqual(x.buffer, y.buffer);
    x.fill(1);
    assert.deepEqual([...y], [0, 0, 0, 0, 0]);
  });

  it('keeps three buffers, the largest', () => {
    const pool = new MarksPool();
    const taken = [pool.take(4), pool.take(6), pool.take(8), pool.take(10)];
    for (const t of taken) pool.give(t);
    // The 4 made room for the 10: a take of 9 or 10 is served from the pool, so a fifth new buffer is not needed.
    const again = [pool.take(10), pool.take(8), pool.take(6)];
    assert.deepEqual(
      again.map((t) => t.buffer.byteLength),
      [10, 8, 6],
    );
    assert.deepEqual(
      again.map((t) => taken.some((k) => k.buffer === t.buffer)),
      [true, true, true],
    );
  });
});
