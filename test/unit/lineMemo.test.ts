import { strict as assert } from 'node:assert';
import { LineMemo } from '../../server/src/service/incremental/lineMemo';

describe('line memo', () => {
  it('answers a line it has seen without computing it again, and recomputes when the second input differs', () => {
    const memo = new LineMemo<number>();
    let calls = 0;
    const f = (line: string, check = '') => memo.get(line, () => (calls++, line.length), check);
    assert.equal(f('新闻'), 2);
    assert.equal(f('新闻'), 2);
    assert.equal(calls, 1);
    f('新闻', 'other');
    assert.equal(calls, 2);
  });

  it('passes getFor its input and check, remembers by line and check, and keeps a line used since the turnover', () => {
    const memo = new LineMemo<string>(2);
    const seen: string[] = [];
    const compute = (input: number, check: string) => (seen.push(`${input}/${check}`), `${input}:${check}`);
    assert.equal(memo.getFor('甲', compute, 1, 'a'), '1:a');
    assert.equal(memo.getFor('甲', compute, 2, 'a'), '1:a', 'remembered: the input is not read again');
    assert.equal(memo.getFor('甲', compute, 3, 'b'), '3:b', 'another check computes again');
    assert.equal(
      memo.get('甲', () => 'x', 'b'),
      '3:b',
      'get and getFor share their entries',
    );
    memo.getFor('乙', compute, 4, '');
    // A turnover: 甲 and 乙 go to the previous generation; reading 甲 brings it back, so the next turnover keeps it.
    memo.getFor('丙', compute, 5, '');
    assert.equal(memo.getFor('甲', compute, 6, 'b'), '3:b');
    memo.getFor('丁', compute, 7, '');
    memo.getFor('戊', compute, 8, '');
    assert.equal(memo.getFor('甲', compute, 9, 'b'), '3:b', 'kept through the turnover after it was read');
    assert.equal(memo.getFor('乙', compute, 10, ''), '10:', 'not read since, so gone');
    assert.deepEqual(seen, ['1/a', '3/b', '4/', '5/', '7/', '8/', '10/']);
  });

  it('holds at most two generations, by lines and by characters', () => {
    let calls = 0;
    const byLines = new LineMemo<number>(3);
    for (const l of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) byLines.get(l, () => calls++);
    calls = 0;
    byLines.get('a', () => calls++);
    assert.equal(calls, 1, 'the oldest line is gone');
    const byChars = new LineMemo<number>(1000, 10);
    const long = 'x'.repeat(6);
    byChars.get(long, () => 0);
    byChars.get('y'.repeat(6), () => 0);
    byChars.get('z'.repeat(6), () => 0);
    calls = 0;
    byChars.get(long, () => calls++);
    assert.equal(calls, 1, 'two generations of at most 10 characters cannot hold three 6-character lines');
  });
});
