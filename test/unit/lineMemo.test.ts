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
