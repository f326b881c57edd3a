/**
 * `occurrencesOf` finds many names in one pass; each name's list must be what the indexOf loop the passes used
 * gives (left to right, no two occurrences of one name overlapping), for names that overlap themselves and others.
 */
import * as assert from 'node:assert/strict';
import { occurrencesOf } from '../../server/src/service/entities/scan';

function byIndexOf(text: string, name: string, step = name.length): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + step)) at.push(i);
  return at;
}

describe('occurrencesOf', () => {
  it('gives each name the occurrences of an indexOf loop (or every one), on self-overlapping and shared-prefix names', () => {
    let x = 11;
    const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 16) % 4;
    for (let round = 0; round < 100; round++) {
      const text = Array.from({ length: 200 }, () => '甲乙丙丁'[rnd()]).join('');
      const names = ['甲甲', '甲甲甲', '甲乙', '乙甲乙', '丁', '丙丁丙丁', '甲乙丙丁', '戊'];
      const found = occurrencesOf(text, names);
      for (const name of names) assert.deepEqual(found.get(name), byIndexOf(text, name), `${name} in ${text}`);
      const every = occurrencesOf(text, names, true);
      for (const name of names) assert.deepEqual(every.get(name), byIndexOf(text, name, 1), `${name} (overlapping) in ${text}`);
    }
  });

  it('forgets the names of earlier calls, also of a call whose names threw (its table of first units is reused)', () => {
    assert.deepEqual(
      [...occurrencesOf('甲乙甲乙', ['甲乙', '乙甲'])],
      [
        ['甲乙', [0, 2]],
        ['乙甲', [1]],
      ],
    );
    // The same first units, other names: an entry left from the call before would point at its group.
    assert.deepEqual([...occurrencesOf('甲乙甲乙', ['乙乙'])], [['乙乙', []]]);
    function* throwing(): Generator<string> {
      yield '丙丁';
      throw new Error('names cut short');
    }
    assert.throws(() => occurrencesOf('丙丁', throwing()), /names cut short/);
    assert.deepEqual([...occurrencesOf('丙丁丙', ['丁丙'])], [['丁丙', [1]]]);
    assert.deepEqual([...occurrencesOf('丙丁', [])], []);
  });

  it('leaves out the empty name and counts a repeated name once', () => {
    const found = occurrencesOf('知道创宇说知道创宇', ['', '知道创宇', '知道创宇']);
    assert.deepEqual([...found], [['知道创宇', [0, 5]]]);
  });
});
