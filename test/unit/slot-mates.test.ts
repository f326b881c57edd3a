/**
 * The slots of a finance brief (article-level.ts slotMates: `名称：` at a sentence start, where companies stand): each
 * slot is matched to the mention of exactly its span, found by an index of the mentions by span. The answers must be
 * those of reading every mention: the last of two mentions of one span decides, a mention of another length at the
 * same start is no match, and mentions far longer than any slot take no part.
 */
import * as assert from 'node:assert/strict';
import { slotMates, slotPlaces } from '../../server/src/service/entities/article-level';
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

describe('slot places: found from the colons back, as the regex finds them', () => {
  // The reference: what slotMates ran over the whole article before.
  const reference = (norm: string): [number, number, string][] =>
    [...norm.matchAll(/(?:^|[。；;！？\n]|讯[，,])\s*(\p{Script=Han}[\p{Script=Han}A-Za-z0-9]{1,7})[：:]/gmu)].map((m) => {
      const start = m.index + m[0].indexOf(m[1]);
      return [start, start + m[1].length, m[1]];
    });

  it('finds the slots of a brief, after 讯，, a line start or spaces, and not inside a longer run', () => {
    const norm =
      '新华社北京讯，澜芯科技：涨停。 华兴股份:跌停\r\n\u3000星河湾：平盘；ab蓝海：上涨。九个字的名称太长了吧：否。中：否！A股：否。据新华社讯,长江实业：涨';
    assert.deepEqual(reference(norm), [
      [7, 11, '澜芯科技'],
      [16, 20, '华兴股份'],
      [26, 29, '星河湾'],
      [69, 73, '长江实业'],
    ]);
    assert.deepEqual(slotPlaces(norm), reference(norm));
  });

  it('answers as the regex on random texts of the characters it reads (spaces, sentence ends, surrogates, colons)', () => {
    // Han of the BMP and beyond it (𠀀), a non-Han pair (😀), lone surrogates, Latin, digits, every anchor and space kind.
    const alphabet = [
      '中',
      '讯',
      '国',
      '𠀀',
      '😀',
      '\ud800',
      '\udc00',
      'a',
      'Z',
      '5',
      '，',
      ',',
      '。',
      '；',
      ';',
      '！',
      '？',
      '\n',
      '\r',
      '\u2028',
      ' ',
      '\t',
      '\u3000',
      '：',
      ':',
      '、',
      '-',
    ];
    const names = ['中', '讯', '国', '𠀀', 'a', 'Z', '5'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = (xs: string[]) => xs[Math.floor(next() * xs.length)];
    for (let t = 0; t < 5000; t++) {
      // Pieces of anything, then a run of name characters of 0-10 code points and mostly a colon.
      let norm = '';
      for (let k = Math.floor(next() * 4); k >= 0; k--) {
        for (let i = Math.floor(next() * 4); i > 0; i--) norm += pick(alphabet);
        for (let i = Math.floor(next() * 11); i > 0; i--) norm += pick(names);
        norm += next() < 0.7 ? pick(['：', ':']) : pick(alphabet);
      }
      assert.deepEqual(slotPlaces(norm), reference(norm), JSON.stringify(norm));
    }
  });
});
