import { strict as assert } from 'node:assert';
import {
  extractFeatures,
  FEATURES_PER_CHAR,
  SUFFIX_AHEAD_LEXICON_SLOT,
  SUFFIX_AHEAD_SLOT,
} from '../../server/src/service/entities/features';
import { WordSet } from '../../server/src/service/entities/words';
import { NameLexicon } from '../../server/src/service/entities/lexicon';

describe('entity tagger: suffix-ahead features', () => {
  const F = FEATURES_PER_CHAR;
  const at = (text: string, words: string[], i: number, slot = SUFFIX_AHEAD_SLOT, names?: NameLexicon) =>
    extractFeatures(text, undefined, 20, undefined, undefined, new WordSet(words), names)[i * F + slot];

  it('lets the first character of a long organisation see the suffix word that ends it', () => {
    // 中 (offset 0): 公司 ends an organisation four characters on; 公园 ends nothing.
    const org = at('中国石油公司', ['公司'], 0);
    const none = at('中国石油公园', ['公园'], 0);
    assert.notEqual(org, none);
    // The distance counts: the same suffix further away is another feature.
    assert.notEqual(org, at('中国石油化工公司', ['公司'], 0));
    // The ±2 character window of 中 is the same in both texts: only this slot tells them apart.
    const a = extractFeatures('中国石油公司', undefined, 20, undefined, undefined, new WordSet(['公司']));
    const b = extractFeatures('中国石油公园', undefined, 20, undefined, undefined, new WordSet(['公园']));
    assert.deepEqual([...a.subarray(0, 10)], [...b.subarray(0, 10)]);
  });

  it('stops at punctuation, and counts a suffix character only where it ends a word', () => {
    const none = at('中国石油公园', ['公园'], 0);
    assert.equal(at('中国，石油公司', ['公司'], 0), none, 'a comma ends the clause');
    assert.equal(at('中国石油会议', ['会议'], 0), none, '会 begins 会议: no organisation ends there');
    assert.notEqual(at('中国石油学会', ['学会'], 0), none, '会 ends 学会');
  });

  it('pairs the distance with the lexicon marks, so a listed place can begin an organisation', () => {
    const names = new NameLexicon([['中国', 2]]);
    const org = at('中国石油公司', ['公司'], 0, SUFFIX_AHEAD_LEXICON_SLOT, names);
    assert.notEqual(org, at('中国石油公司', ['公司'], 0, SUFFIX_AHEAD_LEXICON_SLOT), 'the lexicon mark is part of it');
    assert.notEqual(org, at('中国石油公园', ['公园'], 0, SUFFIX_AHEAD_LEXICON_SLOT, names));
  });
});
