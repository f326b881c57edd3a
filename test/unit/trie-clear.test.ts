/**
 * A `Trie` emptied by `clear` and reused (`TriePool`, the per-article tries of the linking and of the weak copies)
 * must answer exactly as a new trie holding the same keys: no key, value, first code unit or pair bit of what it held
 * before may survive, small or grown past the capacity it keeps.
 */
import * as assert from 'node:assert/strict';
import { Trie, TriePool, leftmostLongest } from '../../server/src/service/entities/trie';

/** Every answer of a trie over a text: longestEnd and its value at each position, allAt, leftmost-longest. */
function answers<V>(trie: Trie<V>, text: string): unknown[] {
  const out: unknown[] = [trie.size];
  for (let i = 0; i <= text.length; i++) {
    const end = trie.longestEnd(text, i);
    out.push(end, end < 0 ? null : trie.lastValue, trie.longestAt(text, i), trie.allAt(text, i));
  }
  out.push(leftmostLongest(trie, text));
  return out;
}

function filled(trie: Trie<number>, keys: readonly string[]): Trie<number> {
  keys.forEach((k, i) => trie.set(k, i + 1));
  return trie;
}

/** Keys of Han characters from a small alphabet, so that keys share first units, pairs and prefixes. */
function keysOf(count: number, seed: number): string[] {
  const alphabet = '北京上海公司集团银行大学中国人民新华社记者王李张';
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % alphabet.length;
  const keys: string[] = [];
  for (let k = 0; k < count; k++) {
    let key = '';
    const len = 1 + (next() % 5);
    for (let j = 0; j < len; j++) key += alphabet[next()];
    keys.push(key);
  }
  return keys;
}

describe('Trie.clear and TriePool (per-article tries reused)', () => {
  const text = '北京大学与上海公司的集团银行，中国人民银行新华社记者王李张北京上海。王李' + keysOf(200, 7).join('');

  it('forgets every key: a cleared trie answers as an empty one', () => {
    const trie = filled(new Trie<number>(), ['北京', '北京大学', '上海', '公司', '王', '新华社记者']);
    assert.notDeepEqual(answers(trie, text), answers(new Trie<number>(), text));
    assert.ok(trie.hasFirst('北'.charCodeAt(0)) && trie.hasFirst('王'.charCodeAt(0)) && !trie.hasFirst('李'.charCodeAt(0)));
    trie.clear();
    assert.ok(!trie.hasFirst('北'.charCodeAt(0)) && !trie.hasFirst('王'.charCodeAt(0)));
    assert.deepEqual(answers(trie, text), answers(new Trie<number>(), text));
    assert.equal(trie.size, 0);
    // Nor does it keep the values alive (an article's mentions, until the next article).
    assert.deepEqual((trie as unknown as { book: unknown[] }).book, [undefined]);
  });

  for (const [name, before] of [
    ['small', 30],
    ['grown past the kept capacity', 6000],
  ] as const) {
    it(`answers as a new trie with the same keys after holding others (${name})`, () => {
      const trie = filled(new Trie<number>(), keysOf(before, 1));
      trie.clear();
      const keys = keysOf(40, 2);
      assert.deepEqual(answers(filled(trie, keys), text), answers(filled(new Trie<number>(), keys), text));
      // And again, emptied a second time (the tables it kept are set back too).
      trie.clear();
      const again = ['王李', '北京上海', '中国'];
      assert.deepEqual(answers(filled(trie, again), text), answers(filled(new Trie<number>(), again), text));
    });
  }

  it("cannot clear a trie read from a model file (its tables are the model's)", () => {
    const sections = filled(new Trie<number>(), ['北京', '上海']).toSections((v) => v);
    const read = new Trie<string>(sections, ['a', 'b']);
    assert.throws(() => read.clear(), /model file/);
    assert.equal(read.longestEnd('北京', 0), 2);
  });

  it('gives back the same trie emptied, and a second one while the first is out', () => {
    const pool = new TriePool<number>();
    const a = pool.take();
    a.set('北京', 1);
    const b = pool.take();
    assert.notEqual(a, b);
    assert.equal(b.longestEnd('北京', 0), -1);
    pool.give(a);
    const c = pool.take();
    assert.equal(c, a);
    assert.equal(c.longestEnd('北京', 0), -1);
    assert.equal(c.size, 0);
  });
});
