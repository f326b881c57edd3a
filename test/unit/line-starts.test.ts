/**
 * Issue 14, thirteenth round: line starts are found by `indexOf('\n')` in a range of some length without `\r`
 * (incremental/lineArrays.ts `startsIn`, which LineIndex now calls), by the code-unit loop otherwise. Both give what
 * the loop gave: a line ends at `\r\n`, `\r` or `\n` (at `\n` only for the paragraphs).
 */
import { strict as assert } from 'node:assert';
import { startsIn } from '../../server/src/service/incremental/lineArrays';
import { LineIndex } from '../../server/src/service/text';

/** The rule, written plainly. */
function reference(text: string, from: number, to: number, newlineOnly: boolean): number[] {
  const out = [from];
  for (let i = from; i < to; i++) {
    if (text[i] === '\n') out.push(i + 1);
    else if (text[i] === '\r' && !newlineOnly) {
      if (text[i + 1] === '\n') i++;
      out.push(i + 1);
    }
  }
  return out;
}

/** A text of lines of 0 to 40 characters joined by `sep` (a deterministic mix of lengths). */
function textOf(lines: number, sep: (k: number) => string): string {
  let s = '';
  for (let k = 0; k < lines; k++) s += '新闻'.repeat((k * 7) % 21) + sep(k);
  return s;
}

describe('line starts (startsIn, LineIndex)', () => {
  const texts: [string, string][] = [
    ['\\n only, long', textOf(300, () => '\n')],
    ['\\n only, ending without a break', textOf(300, () => '\n') + '尾'],
    ['\\n only, blank lines first and last', '\n\n' + textOf(200, () => '\n') + '\n\n'],
    ['\\r\\n', textOf(300, () => '\r\n')],
    ['\\r', textOf(300, () => '\r')],
    ['mixed', textOf(300, (k) => ['\n', '\r\n', '\r', '\n\r'][k % 4])],
    ['one \\r far down a long \\n text', textOf(300, (k) => (k === 250 ? '\r' : '\n'))],
    ['short', '甲\n乙\r\n丙\r丁'],
    ['empty', ''],
  ];
  for (const [name, text] of texts) {
    it(`${name}: the whole text, as the rule says`, () => {
      for (const newlineOnly of [false, true]) {
        const out: number[] = [];
        startsIn(text, 0, text.length, out, newlineOnly);
        assert.deepEqual(out, reference(text, 0, text.length, newlineOnly));
      }
      assert.deepEqual(new LineIndex(text).starts, reference(text, 0, text.length, false));
    });
    it(`${name}: ranges that start on a line start, long and short, a \\r before or after them`, () => {
      const starts = reference(text, 0, text.length, false);
      for (let a = 0; a < starts.length; a += 37) {
        for (const to of [starts[a] + 3, starts[a] + 300, starts[Math.min(starts.length - 1, a + 150)], text.length]) {
          const end = Math.min(to, text.length);
          if (end < starts[a]) continue;
          for (const newlineOnly of [false, true]) {
            const out = [7];
            startsIn(text, starts[a], end, out, newlineOnly);
            assert.deepEqual(out, [7, ...reference(text, starts[a], end, newlineOnly)], `${starts[a]}..${end}`);
          }
        }
      }
    });
  }
});
