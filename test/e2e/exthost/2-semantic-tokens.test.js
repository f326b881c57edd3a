'use strict';
const assert = require('node:assert/strict');
const { openExisting, semanticTokens, waitFor, note } = require('./helpers');

describe('semantic tokens (decoded through the legend)', () => {
  let tokens;
  let legend;
  before(async () => {
    const { doc } = await openExisting('seed.news.txt');
    const r = await waitFor(
      () => semanticTokens(doc),
      (x) => x.list.length > 0,
      { what: 'semantic tokens' },
    );
    tokens = r.list;
    legend = r.legend;
    const byType = {};
    for (const t of tokens) byType[t.type] = (byType[t.type] || 0) + 1;
    note(`semantic tokens: ${JSON.stringify(byType)}`);
  });

  it('the legend declares person, organization, location, media, date', () => {
    for (const t of ['person', 'organization', 'location', 'media', 'date'])
      assert.ok(legend.tokenTypes.includes(t), `${t} in ${legend.tokenTypes}`);
  });

  const expectations = [
    ['特朗普', 'person'],
    ['普京', 'person'],
    ['塔斯社', 'media'],
  ];
  for (const [text, type] of expectations) {
    it(`${text} is a ${type}`, () => {
      const hits = tokens.filter((t) => t.text === text);
      assert.ok(
        hits.length > 0,
        `no token spans exactly "${text}"; tokens on its lines: ${JSON.stringify(tokens.filter((t) => t.line <= 4).slice(0, 30))}`,
      );
      assert.deepEqual([...new Set(hits.map((h) => h.type))], [type]);
    });
  }

  it('美國 or 俄羅斯 is a location', () => {
    const hits = tokens.filter((t) => t.text === '美國' || t.text === '俄羅斯');
    assert.ok(hits.length > 0, 'no token spans 美國 or 俄羅斯');
    assert.ok(
      hits.some((h) => h.type === 'location'),
      `types seen: ${JSON.stringify(hits.slice(0, 5))}`,
    );
  });

  it('7月3日 is a date', () => {
    const hits = tokens.filter((t) => t.text.includes('7月3日'));
    assert.ok(
      hits.length > 0,
      `no token covers 7月3日; date tokens: ${JSON.stringify(tokens.filter((t) => t.type === 'date').slice(0, 10))}`,
    );
    assert.ok(
      hits.every((h) => h.type === 'date'),
      JSON.stringify(hits),
    );
  });

  it('every token decodes to real, non-blank text', () => {
    // every decoded token must map to real text of its length (a bad delta encoding shows up as empty/shifted spans)
    const broken = tokens.filter((t) => !t.text || /^\s/.test(t.text));
    assert.deepEqual(broken, []);
  });
});
