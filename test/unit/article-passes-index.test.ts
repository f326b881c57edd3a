/**
 * Article-level passes that ask "which mentions overlap this occurrence" by position (OverlapIndex) rather than
 * by a search of every mention: the answers must be those of the plain search, including the occurrences it
 * skips because another reading holds them.
 */
import * as assert from 'node:assert/strict';
import { accountSlots } from '../../server/src/service/entities/account-slots';
import { mendTornCompanies } from '../../server/src/service/entities/torn-companies';
import type { EntityMention, EntityType } from '../../server/src/service/types';

const at = (text: string, s: string, from = 0): [number, number] => {
  const i = text.indexOf(s, from);
  assert.ok(i >= 0, s);
  return [i, i + s.length];
};
const mention = (text: string, [start, end]: [number, number], type: EntityType, source: EntityMention['source'] = 'model') => ({
  start,
  end,
  text: text.slice(start, end),
  type,
  confidence: 0.8,
  source,
});
const brief = (ms: EntityMention[]) => ms.map((m) => `${m.text}/${m.type}/${m.source}`);

describe('article-level passes over indexed mentions', () => {
  it('mends a torn company at each mention the tagger read as a person, and not where the user named it', () => {
    const text = '。知道创宇董事长说，\n。知道创宇董事会称，王明到场。\n用户知道创宇说';
    const first = at(text, '创宇');
    const second = at(text, '创宇', first[1]);
    const third = at(text, '知道创宇', second[1]);
    const user = mention(text, third, 'PER', 'user');
    const out = mendTornCompanies(
      [mention(text, first, 'PER'), mention(text, second, 'PER'), mention(text, at(text, '王明'), 'PER'), user],
      text,
      text,
      new Set(['王']),
    );
    assert.deepEqual(brief(out), ['知道创宇/ORG/article', '知道创宇/ORG/article', '王明/PER/model', '知道创宇/PER/user']);
  });

  it('reads account lines, but not over a person inside the line or a place over the account after a time', () => {
    const text = '澄湖发布\n关注\n正文。\n2019-09-05 11:10 游民星空[整理]\n王小明\n关注\n2019-09-05 11:10 北京星空[整理]';
    const person = mention(text, at(text, '小明'), 'PER');
    const place = mention(text, at(text, '北京'), 'LOC');
    const out = accountSlots([person, place], text, text, () => false);
    assert.deepEqual(brief(out), ['澄湖发布/MEDIA/article', '游民星空/MEDIA/article', '小明/PER/model', '北京/LOC/model']);
  });

  it('reads each line in place as the line alone: its ends, blank and CR lines, the line before, the last line', () => {
    const text = [
      '蓝鲸科技 ', // the name repeated over the card, with a space after it
      '蓝鲸科技  2020-03-09 18:14', // timed: an account line whatever follows
      '澄湖发布\r', // a carriage return is no space of the pattern: no account line
      '关注',
      '星河新闻',
      '',
      ' \u3000',
      '+ 关注', // the card's next line after blank ones
      '白鹭说事', // the last line, no card after it
    ].join('\n');
    const out = accountSlots([], text, text, () => false);
    assert.deepEqual(
      out.map((m) => `${m.text}@${m.start}`),
      ['蓝鲸科技@0', '蓝鲸科技@6', '星河新闻@38'],
    );
    assert.deepEqual(
      accountSlots(
        [],
        '2019-09-05 11:10 游民星空[整理] \n白鹭说事 2020-03-09',
        '2019-09-05 11:10 游民星空[整理] \n白鹭说事 2020-03-09',
        () => false,
      ).map((m) => `${m.text}@${m.start}`),
      ['游民星空@17', '白鹭说事@27'],
    );
    // Twelve characters beyond the BMP (24 code units), then the time: the longest name an account line holds.
    const long = '𠀀'.repeat(12) + ' 2020-03-09\n' + '𠀀'.repeat(13) + ' 2020-03-09\n\t2019-09-05 11:10 蓝鲸星空[整理]';
    assert.deepEqual(
      accountSlots([], long, long, () => false).map((m) => `${m.end - m.start}@${m.start}`),
      ['24@0', '4@92'],
    );
  });
});
