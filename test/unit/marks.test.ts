/**
 * `anyMarked` replaces `marks.subarray(a, b).some(Boolean)` / `.includes(1)` in the passes (no view per question): it
 * must answer as they do for every range, negative, clamped, empty and reversed ones included.
 */
import * as assert from 'node:assert/strict';
import { anyMarked } from '../../server/src/service/entities/marks';

describe('anyMarked', () => {
  it('answers as subarray(a, b).some(Boolean) for every range of a few mark patterns', () => {
    const patterns = ['', '0', '1', '0000', '0100', '1001', '0001', '0110110', '00000001'];
    for (const p of patterns) {
      const marks = Uint8Array.from([...p].map(Number));
      for (let a = -p.length - 2; a <= p.length + 2; a++)
        for (let b = -p.length - 2; b <= p.length + 2; b++)
          assert.equal(anyMarked(marks, a, b), marks.subarray(a, b).some(Boolean), `${p} [${a}, ${b})`);
    }
  });

  it('finds one mark at either edge of the range and none just outside it', () => {
    const marks = new Uint8Array(10);
    marks[4] = 1;
    assert.equal(anyMarked(marks, 4, 5), true);
    assert.equal(anyMarked(marks, 0, 4), false);
    assert.equal(anyMarked(marks, 5, 10), false);
    assert.equal(anyMarked(marks, 2, 8), true);
  });
});
