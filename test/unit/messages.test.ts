import * as assert from 'node:assert/strict';
import { MESSAGE_IDS, createLocalizer, toLocale } from '../../server/src/service/messages';

describe('localised messages', () => {
  const en = createLocalizer('en');
  const tw = createLocalizer('zh-tw');
  const cn = createLocalizer('zh-cn');

  it('maps editor and POSIX locales', () => {
    assert.equal(toLocale('zh-TW'), 'zh-tw');
    assert.equal(toLocale('zh_HK.UTF-8'), 'zh-tw');
    assert.equal(toLocale('zh-cn'), 'zh-cn');
    assert.equal(toLocale('en-US'), 'en');
    assert.equal(toLocale(undefined), 'en');
  });

  it('fills placeholders in every language', () => {
    assert.equal(en('fix.removeKind', 'related articles', 3), 'Remove all related articles blocks (3)');
    assert.match(tw('fix.removeKind', '相關文章', 3), /相關文章.*3/);
    assert.match(cn('fix.removeKind', '相关文章', 3), /相关文章.*3/);
  });

  it('uses the same placeholders in all three languages', () => {
    for (const id of MESSAGE_IDS) {
      const args = ['A0', 'A1', 'A2'];
      for (const t of [en, tw, cn]) {
        const s = t(id, ...args);
        assert.doesNotMatch(s, /\{\d\}/, `${id} leaves a placeholder`);
      }
      const used = (s: string) => args.filter((a) => s.includes(a)).join();
      assert.equal(used(tw(id, ...args)), used(en(id, ...args)), id);
      assert.equal(used(cn(id, ...args)), used(en(id, ...args)), id);
    }
  });
});
