import * as assert from 'node:assert/strict';
import { LineIndex, codePointOffsets } from '../../server/src/service/text';

describe('line index', () => {
  it('maps offsets to positions across LF, CRLF and CR', () => {
    const idx = new LineIndex('ab\r\ncd\ne\rf');
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(idx.positionAt(9), { line: 3, character: 0 });
    assert.equal(idx.line(0), 'ab');
    assert.equal(idx.line(2), 'e');
    assert.equal(idx.offsetAt({ line: 1, character: 1 }), 5);
  });

  it('counts an Extension B character as two UTF-16 units in positions', () => {
    const text = '𠮷野家在東京';
    const idx = new LineIndex(text);
    assert.deepEqual(idx.positionAt(text.indexOf('東京')), { line: 0, character: 5 });
  });

  it('clamps positions past the end of a line', () => {
    const idx = new LineIndex('短\n長一點');
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 1);
  });

  it('converts UTF-16 offsets to code point offsets for exports', () => {
    const text = '𠮷野家在東京';
    const cp = codePointOffsets(text);
    assert.equal(cp(text.indexOf('東京')), 4);
    assert.equal(codePointOffsets('普通文字')(2), 2);
  });
});
