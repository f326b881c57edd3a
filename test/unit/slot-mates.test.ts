/**
 * The slots of a finance brief (article-level.ts slotMates: `名称：` at a sentence start, where companies stand): each
 * slot is matched to the mention of exactly its span, found by an index of the mentions by span. The answers must be
 * those of reading every mention: the last of two mentions of one span decides, a mention of another length at the
 * same start is no match, and mentions far longer than any slot take no part.
 */
import * as assert from 'node:assert/strict';
import { slotMates } from '../../server/src/service/entities/article-level';
import type { EntityMention, EntityType } from '../../server/src/service/types';

const text = '澜芯科技：涨停。\n华兴股份：跌停。\n星河湾：平盘。\n蓝海：上涨。\n' + '一'.repeat(40) + '。';
const mention = (s: string, type: EntityType, from = 0, length = s.length): EntityMention => {
  const start = text.indexOf(s, from);
  assert.ok(start >= 0, s);
  return { start, end: start + length, text: text.slice(start, start + length), type, confidence: 0.8, source: 'model' };
};
const brief = (ms: EntityMention[]) => ms.map((m) => `${m.text}/${m.type}/${m.source}`);

describe('slot mates (the name slots of a finance brief) by span', () => {
  it('takes the unmarked and wrongly read slots as companies when most slots hold companies', () => {
    const out = slotMates(
      [
        mention('澜芯科技', 'ORG'),
        // Two readings of one span: the last decides (an organisation, so this slot counts as one and stays).
        mention('华兴股份', 'LOC'),
        mention('华兴股份', 'ORG'),
        // An organisation at the start of a slot, shorter than it: no match for the slot, dropped with the slot taken.
        mention('星河湾', 'ORG', 0, 2),
        // A mention far longer than any slot, outside the slots: kept as it is.
        mention('一'.repeat(40), 'LOC'),
      ],
      text,
      text,
    );
    assert.deepEqual(brief(out), [
      '澜芯科技/ORG/model',
      '华兴股份/LOC/model',
      '华兴股份/ORG/model',
      '星河湾/ORG/article',
      '蓝海/ORG/article',
      `${'一'.repeat(40)}/LOC/model`,
    ]);
  });

  it('gives no evidence when the last reading of a slot is no organisation (fewer than two slots hold one)', () => {
    const ms = [mention('澜芯科技', 'ORG'), mention('华兴股份', 'ORG'), mention('华兴股份', 'LOC')];
    assert.equal(slotMates(ms, text, text), ms);
  });
});
