/**
 * A boilerplate block's range is built from its line numbers (features/diagnostics.ts), without searching the
 * line index for the offsets: it must be the range of the block's text from the start of its first line to the end
 * of its last, before the line break, with every kind of line break, blank lines and a last line without one.
 */
import * as assert from 'node:assert/strict';
import { analyseArticle } from '../../server/src/service/article';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { blockRange } from '../../server/src/service/features/diagnostics';
import { LineIndex } from '../../server/src/service/text';
import { Rng } from '../../scripts/lib/rng';

describe('boilerplate block ranges', () => {
  const recognizer = createEntityRecognizer({});
  const breaks = ['\n', '\r\n', '\r'];
  const pieces = ['版权所有', '首页', '', '新华社北京12月5日电', 'Share', '　', '\u200b'];

  it('are the offsets range from the start of the first line to the end of the last, for any lines and breaks', () => {
    const r = new Rng(14);
    let checked = 0;
    for (let round = 0; round < 40; round++) {
      const n = 1 + Math.floor(r.next() * 8);
      let text = '';
      for (let i = 0; i < n; i++) {
        text += pieces[Math.floor(r.next() * pieces.length)];
        // The last line ends without a break half of the time.
        if (i < n - 1 || r.next() < 0.5) text += breaks[Math.floor(r.next() * breaks.length)];
      }
      const article = analyseArticle(text, { recognizer });
      const lines = new LineIndex(text);
      for (let first = 0; first < lines.lineCount; first++)
        for (let last = first; last < lines.lineCount; last++) {
          const block = { startLine: first, endLine: last, kind: 'navigation' as const, confident: true };
          assert.deepEqual(
            blockRange(article, block),
            lines.range(lines.starts[first], lines.lineEnd(last)),
            `${JSON.stringify(text)}, lines ${first}-${last}`,
          );
          checked++;
        }
    }
    assert.ok(checked > 200, `pairs checked: ${checked}`);
  });
});
