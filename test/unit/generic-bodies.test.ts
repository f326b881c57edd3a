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
});
