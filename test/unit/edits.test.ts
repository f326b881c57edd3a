import * as assert from 'node:assert/strict';
import { removeBlocks } from '../../server/src/service/edits';
import { block } from './helpers';

describe('removing boilerplate lines', () => {
  const lines = (...l: string[]) => l.join('\n');

  it('removes a block between paragraphs and leaves one blank line', () => {
    const text = lines('標題', '', '第一段。', '', '本文系觀察者網獨家稿件,未經授權,不得轉載。', '', '第二段。', '');
    assert.equal(removeBlocks(text, [block(4, 4, 'copyright')]), lines('標題', '', '第一段。', '', '第二段。', ''));
  });

  it('removes consecutive blocks separated by blank lines as one run', () => {
    const text = lines('正文一。', '', 'A - 天天要聞', '', '圖 視覺中國', '', '正文二。');
    assert.equal(removeBlocks(text, [block(2, 2, 'site-title'), block(4, 4, 'image-caption')]), lines('正文一。', '', '正文二。'));
  });

  it('removes a trailing block with the blank lines before it, keeping the final newline', () => {
    const text = lines('正文。', '', '相關新聞', '新聞一', '新聞二', '');
    assert.equal(removeBlocks(text, [block(2, 4, 'related')]), lines('正文。', ''));
  });

  it('removes a leading block and the blank line after it', () => {
    const text = lines('首頁 | 國際 | 財經', '', '標題', '', '正文。');
    assert.equal(removeBlocks(text, [block(0, 0, 'navigation')]), lines('標題', '', '正文。'));
  });

  it('keeps CRLF line endings of the remaining lines', () => {
    const text = '標題\r\n\r\n責任編輯：王五\r\n\r\n正文。\r\n';
    assert.equal(removeBlocks(text, [block(2, 2, 'editor')]), '標題\r\n\r\n正文。\r\n');
  });

  it('removes only the lines of the block, not an adjacent paragraph without a blank line', () => {
    const text = lines('正文一。', '分享到：微博 微信', '正文二。');
    assert.equal(removeBlocks(text, [block(1, 1, 'share')]), lines('正文一。', '正文二。'));
  });

  it('changes nothing when there are no blocks', () => {
    const text = lines('標題', '', '正文。');
    assert.equal(removeBlocks(text, []), text);
  });
});
