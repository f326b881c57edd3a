import * as assert from 'node:assert/strict';
import type { EntitySummary } from '../../server/src/protocol';
import { groupEntities } from '../../client/src/entityGroups';
import { annotationsFileName } from '../../client/src/exportPath';

const at = (line: number, character: number, length: number) => ({ line, character, endCharacter: character + length });

describe('client: entity quick pick order', () => {
  const summaries: EntitySummary[] = [
    { text: '塔斯社', type: 'MEDIA', mentions: [at(4, 3, 3)] },
    { text: '普京', type: 'PER', mentions: [at(6, 10, 2), at(0, 5, 2)] },
    { text: '俄羅斯', type: 'LOC', mentions: [at(4, 0, 3)] },
    { text: '特朗普', type: 'PER', mentions: [at(0, 0, 3), at(4, 12, 3), at(6, 0, 3)] },
    { text: '烏沙科夫', type: 'PER', mentions: [at(6, 3, 4), at(8, 0, 4)] },
    { text: '白宮', type: 'ORG', mentions: [] },
  ];

  it('groups by type in legend order and leaves out empty groups', () => {
    assert.deepEqual(
      groupEntities(summaries).map((g) => g.type),
      ['PER', 'LOC', 'MEDIA'],
    );
  });

  it('puts the most mentioned first, ties in reading order', () => {
    const people = groupEntities(summaries)[0].entities.map((e) => e.text);
    assert.deepEqual(people, ['特朗普', '普京', '烏沙科夫']);
  });

  it('sorts mentions so that the first one is the earliest in the article', () => {
    const putin = groupEntities(summaries)[0].entities.find((e) => e.text === '普京')!;
    assert.deepEqual(putin.mentions[0], at(0, 5, 2));
  });

  it("does not reorder the caller's arrays", () => {
    groupEntities(summaries);
    assert.deepEqual(summaries[1].mentions[0], at(6, 10, 2));
  });
});

describe('client: export file name', () => {
  const table: [string, string][] = [
    ['seed_guancha_ttyw.txt', 'seed_guancha_ttyw.annotations.json'],
    ['trump.news.txt', 'trump.annotations.json'],
    ['trump.article.txt', 'trump.annotations.json'],
    ['trump.news', 'trump.annotations.json'],
    ['TRUMP.NEWS.TXT', 'TRUMP.annotations.json'],
    ['notes.md', 'notes.annotations.json'],
    ['Untitled-1', 'Untitled-1.annotations.json'],
    ['.txt', '.txt.annotations.json'],
  ];
  for (const [article, expected] of table) {
    it(`names the export of ${article} ${expected}`, () => assert.equal(annotationsFileName(article), expected));
  }
});
