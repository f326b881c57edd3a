/**
 * The dates are read from the article with its boilerplate lines blanked out (`maskLines`); the blanked text must
 * keep every offset, so each masked character becomes exactly one space and the line breaks stay.
 */
import * as assert from 'node:assert/strict';
import { maskLines } from '../../server/src/service/article';
import { LineIndex } from '../../server/src/service/text';
import type { BoilerplateBlock } from '../../server/src/service/types';

const block = (startLine: number, endLine: number): BoilerplateBlock => ({ startLine, endLine, kind: 'navigation', confident: true });

describe('maskLines', () => {
  it('blanks the block lines character for character, keeps their line breaks and every other line', () => {
    // Lines of 1, 13 (longer than V8's shortest sliced string), 300 (longer than the kept space runs) characters,
    // a \r\n line end and a lone \r (a line break too) inside the block, then a kept line and short lines again.
    const text = [
      '正文第一行',
      '首',
      '頁'.repeat(13),
      'x'.repeat(300) + '\r',
      '版權所有\r關於我們',
      '',
      '正文',
      '一',
      '二'.repeat(13),
    ].join('\n');
    const lines = new LineIndex(text);
    const masked = maskLines(text, lines, [block(1, 5), block(8, 9)]);
    assert.equal(masked.length, text.length);
    const from = lines.starts[1];
    const to = lines.lineEnd(5);
    for (let i = 0; i < text.length; i++) {
      const inBlock = (i >= from && i < to) || i >= lines.starts[8];
      const kept = text[i] === '\n' || text[i] === '\r' || !inBlock;
      assert.equal(masked[i], kept ? text[i] : ' ', `offset ${i}`);
    }
    assert.ok(masked.startsWith('正文第一行\n \n' + ' '.repeat(13) + '\n' + ' '.repeat(300) + '\r\n    \r    \n'));
  });

  it('masks texts longer than one chunk and than the reused work array, and a short one after them, alike', () => {
    // The reference: each code unit of a block's lines but \n and \r becomes a space.
    const reference = (text: string, lines: LineIndex, blocks: BoilerplateBlock[]) => {
      const out = [...Array(text.length).keys()].map((i) => text[i]);
      for (const b of blocks)
        for (let i = lines.starts[b.startLine]; i < lines.lineEnd(b.endLine); i++) if (!'\n\r'.includes(out[i])) out[i] = ' ';
      return out.join('');
    };
    // Lone surrogates stay as they are outside the blocks (a string made through a decoder would replace them).
    const line = (k: number) => `第${k}行\ud800` + '字'.repeat(k % 50) + (k % 7 === 0 ? '\r' : '');
    for (const count of [30000, 600, 40000, 200]) {
      const text = Array.from({ length: count }, (_, k) => line(k)).join('\n');
      const lines = new LineIndex(text);
      const blocks = [];
      for (let l = 1; l + 3 < count; l += 5) blocks.push(block(l, l + (l % 3)));
      assert.equal(maskLines(text, lines, blocks), reference(text, lines, blocks), `${count} lines, ${text.length} code units`);
    }
  });

  it('returns the text itself when there is nothing to blank', () => {
    const text = '正文\n第二行';
    assert.equal(maskLines(text, new LineIndex(text), []), text);
  });
});
