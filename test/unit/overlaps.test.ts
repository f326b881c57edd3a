/**
 * `OverlapIndex` answers "does some span overlap [a, b) and pass this test" for the article-level passes; it must
 * give what a test of every span gives, for overlapping, nested, empty and unsorted spans.
 */
import * as assert from 'node:assert/strict';
import { byStart, concatByStart, OverlapIndex, sortStable } from '../../server/src/service/entities/overlaps';

/** A small deterministic generator (the test must not depend on Math.random's seed). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('OverlapIndex', () => {
  it('finds the same overlapping spans as a test of every span, sorted or not', () => {
    const rnd = lcg(7);
    for (let round = 0; round < 200; round++) {
      const spans = Array.from({ length: Math.floor(rnd() * 30) }, (_, id) => {
        const start = Math.floor(rnd() * 60);
        return { id, start, end: start + Math.floor(rnd() * (rnd() < 0.2 ? 25 : 4)) };
      });
      if (round % 2) spans.sort((x, y) => x.start - y.start);
      const index = new OverlapIndex(spans);
      for (let a = -2; a < 64; a++)
        for (let b = a; b < a + 8; b++) {
          const odd = (x: { id: number }) => x.id % 2 === 1;
          assert.equal(
            index.some(a, b),
            spans.some((x) => x.start < b && x.end > a),
            `[${a}, ${b}) in ${JSON.stringify(spans)}`,
          );
          assert.equal(
            index.some(a, b, odd),
            spans.some((x) => x.start < b && x.end > a && odd(x)),
          );
          const ids = (xs: { id: number }[]) => xs.map((x) => x.id).sort((p, q) => p - q);
          assert.deepEqual(ids(index.all(a, b)), ids(spans.filter((x) => x.start < b && x.end > a)));
        }
    }
  });

  it('sees a long span that starts far before the range', () => {
    const index = new OverlapIndex([
      { start: 0, end: 100 },
      { start: 10, end: 12 },
      { start: 50, end: 51 },
    ]);
    assert.equal(index.some(80, 81), true);
    assert.equal(index.some(100, 120), false);
  });
});

describe('concatByStart', () => {
  it('gives the array a stable sort of the concatenation gives, ties in order, sorted inputs or not', () => {
    const rnd = lcg(11);
    for (let round = 0; round < 300; round++) {
      const make = (tag: string) =>
        Array.from({ length: Math.floor(rnd() * 12) }, (_, id) => ({ tag: `${tag}${id}`, start: Math.floor(rnd() * 10), end: 0 }));
      const a = make('a');
      const b = make('b');
      // Mostly sorted inputs, as the passes give them, with many equal starts; some unsorted ones.
      if (round % 4) a.sort((x, y) => x.start - y.start);
      if (round % 3) b.sort((x, y) => x.start - y.start);
      const want = a.concat(b).sort((x, y) => x.start - y.start);
      const got = concatByStart(a, b);
      assert.deepEqual(
        got.map((x) => x.tag),
        want.map((x) => x.tag),
      );
      assert.ok(
        got.every((x, i) => x === want[i]),
        'the same objects',
      );
    }
  });
});

describe('sortStable', () => {
  it('orders as the builtin stable sort does, ties in order, short arrays (by insertion) and long ones', () => {
    const rnd = lcg(23);
    const byRank = (x: { rank: number; start: number; end: number }, y: { rank: number; start: number; end: number }) =>
      y.rank - x.rank || y.end - y.start - (x.end - x.start) || x.start - y.start;
    for (let round = 0; round < 400; round++) {
      const n = round < 300 ? Math.floor(rnd() * 26) : 20 + Math.floor(rnd() * 60);
      // Few distinct values, so ties are many and only a stable sort keeps their order.
      const xs = Array.from({ length: n }, (_, id) => {
        const start = Math.floor(rnd() * 6);
        return { id, start, end: start + Math.floor(rnd() * 3), rank: Math.floor(rnd() * 3) };
      });
      for (const cmp of [byStart, byRank]) {
        const want = xs.slice().sort(cmp);
        const got = xs.slice();
        assert.equal(sortStable(got, cmp), got, 'sorted in place');
        assert.deepEqual(
          got.map((x) => x.id),
          want.map((x) => x.id),
        );
      }
    }
  });
});
