/**
 * Titled media (titled-media.ts): each publication title replaces what was read inside it, decided title by title
 * on the mentions by position; the result must keep the mentions' order with each title where it stands.
 */
import * as assert from 'node:assert/strict';
import { titledMedia } from '../../server/src/service/entities/titled-media';
import type { EntityMention, EntityType } from '../../server/src/service/types';

const text = '据《柳叶刀》杂志报道，王明说，《开讲啦》节目和《自然》杂志；李华读了医学期刊《每日经济》。';
const at = (s: string, type: EntityType, source: EntityMention['source'] = 'model'): EntityMention => {
  const start = text.indexOf(s);
  return { start, end: start + s.length, text: s, type, confidence: 0.7, source };
};

describe('titledMedia', () => {
  it('replaces the names inside each publication title, keeps works and the mentions between, in order', () => {
    const out = titledMedia(
      [at('柳叶', 'PER'), at('叶刀', 'PER'), at('王明', 'PER'), at('开讲', 'PER'), at('李华', 'PER'), at('每日经济', 'ORG')],
      text,
      text,
    );
    assert.deepEqual(
      out.map((m) => `${m.text}/${m.type}`),
      ['柳叶刀/MEDIA', '王明/PER', '开讲/PER', '自然/MEDIA', '李华/PER', '每日经济/MEDIA'],
    );
  });

  it('leaves a title alone where a user name or a mention reaching outside it stands over it', () => {
    const user = at('柳叶刀', 'PER', 'user');
    const across = { ...at('自然', 'ORG'), end: text.indexOf('自然') + 3, text: '自然》' };
    const out = titledMedia([user, across], text, text);
    assert.deepEqual(
      out.map((m) => `${m.text}/${m.type}/${m.source}`),
      ['柳叶刀/PER/user', '自然》/ORG/model', '每日经济/MEDIA/pattern'],
    );
  });
});
