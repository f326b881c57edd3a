/**
 * Generic bodies (article-level.ts dropGenericBodies): an unsure organisation or place that the dictionary knows only
 * as a common word is dropped when the article leaves the same word unmarked in another sentence. The unmarked
 * occurrences of all such words are found in one pass; these cases pin the decisions of the search per word.
 */
import * as assert from 'node:assert/strict';
import { dropGenericBodies } from '../../server/src/service/entities/article-level';
import { LEX_WORD, NameLexicon } from '../../server/src/service/entities/lexicon';
import type { EntityMention, EntityType } from '../../server/src/service/types';

const lexicon = new NameLexicon([
  ['酒店', LEX_WORD],
  ['议会', LEX_WORD],
  ['大厅', LEX_WORD],
  ['邮政', LEX_WORD],
  ['服务', LEX_WORD],
  ['消防', LEX_WORD],
]);
const unsure = (text: string, word: string, nth: number, type: EntityType = 'ORG'): EntityMention => {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(word, at + 1);
  return { start: at, end: at + word.length, text: word, type, confidence: 0.3, source: 'model' };
};
const kept = (out: EntityMention[]) => out.map((m) => `${m.text}@${m.start}`);

describe('dropGenericBodies', () => {
  it('drops an unsure body the article leaves unmarked in another sentence, and keeps one it marks everywhere', () => {
    const text = '酒店开业。议会开会。他住进酒店。议会表决。大厅很大。';
    const mentions = [unsure(text, '酒店', 0), unsure(text, '议会', 0), unsure(text, '议会', 1), unsure(text, '大厅', 0, 'LOC')];
    assert.deepEqual(kept(dropGenericBodies(mentions, text, lexicon)), ['议会@5', '议会@16', '大厅@21']);
  });

  it('reads places too when asked, and an unmarked use in the same sentence is no evidence', () => {
    const text = '大厅和大厅。酒店里的酒店。';
    const mentions = [unsure(text, '大厅', 0, 'LOC'), unsure(text, '酒店', 0)];
    assert.deepEqual(kept(dropGenericBodies(mentions, text, lexicon, true)), ['大厅@0', '酒店@6']);
    const other = '大厅开放。走进大厅。酒店好。住酒店。';
    assert.deepEqual(kept(dropGenericBodies([unsure(other, '大厅', 0, 'LOC'), unsure(other, '酒店', 0)], other, lexicon, true)), []);
  });

  it('counts no occurrence with its first or last character marked, and one sentence once', () => {
    const cover = (text: string, word: string): EntityMention => ({ ...unsure(text, word, 0, 'PER'), confidence: 0.9 });
    // 店长 marks the last character of the second 酒店; 大酒 the first character of the third.
    const text = '酒店开业。住酒店长说。大酒店好。';
    const mentions = [unsure(text, '酒店', 0), cover(text, '店长'), cover(text, '大酒')];
    assert.deepEqual(kept(dropGenericBodies(mentions, text, lexicon)), ['酒店@0', '店长@7', '大酒@11']);
    // Two unmarked uses, both in the sentence of the name itself: no other sentence.
    const same = '酒店和酒店及酒店。议会开会。';
    assert.deepEqual(kept(dropGenericBodies([unsure(same, '酒店', 0)], same, lexicon)), ['酒店@0']);
  });

  it('drops a bare bureau the article names in full in another sentence, not one after a name or in the same sentence', () => {
    const sure = (text: string, word: string, nth: number, type: EntityType = 'ORG'): EntityMention => ({
      ...unsure(text, word, nth, type),
      confidence: 0.9,
    });
    const text = '国家邮政局发布通知。邮政局表示。市民服务中心开门。服务中心称。上海消防队赶到。消防队说，市消防队和消防队。';
    const mentions = [
      sure(text, '国家邮政局', 0),
      sure(text, '邮政局', 1), // the full name in another sentence: dropped
      sure(text, '市民服务中心', 0),
      sure(text, '服务中心', 1), // 中心 ends a bureau too: dropped
      sure(text, '上海', 0, 'LOC'),
      sure(text, '消防队', 0), // right after a name (上海|消防队): kept
      sure(text, '消防队', 1), // 上海消防队 is no mention: kept
      sure(text, '市消防队', 0),
      sure(text, '消防队', 3), // the fuller name in the same sentence only: kept
    ].sort((a, b) => a.start - b.start);
    assert.deepEqual(kept(dropGenericBodies(mentions, text, lexicon)), [
      '国家邮政局@0',
      '市民服务中心@16',
      '上海@31',
      '消防队@33',
      '消防队@39',
      '市消防队@44',
      '消防队@49',
    ]);
  });
});
