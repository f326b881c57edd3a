'use strict';
const assert = require('node:assert/strict');
const { openExisting, waitForDiagnostics, codeOf, KIND_LINES, GOLD, SOURCE } = require('./helpers');

const KINDS = ['site-title', 'image-caption', 'copyright', 'related'];

describe('diagnostics', () => {
  let diags;
  before(async () => {
    const { uri } = await openExisting('seed.news.txt');
    diags = await waitForDiagnostics(uri, (d) => d.length > 0);
  });
  const covering = (line, code) =>
    diags.filter((d) => d.range.start.line <= line && line <= d.range.end.line && (!code || codeOf(d) === code));

  for (const kind of KINDS) {
    it(`flags ${kind} with code boilerplate.${kind} on its gold lines`, () => {
      const goldLines = KIND_LINES[kind];
      const uncovered = goldLines.filter((l) => covering(l, `boilerplate.${kind}`).length === 0);
      const seen = Object.fromEntries(uncovered.map((l) => [l, covering(l).map(codeOf)]));
      // related lists are long: most of their lines must be flagged, every other kind all of them
      const allowed = kind === 'related' ? Math.floor(goldLines.length * 0.2) : 0;
      assert.ok(
        uncovered.length <= allowed,
        `${uncovered.length}/${goldLines.length} gold ${kind} lines (0-based) not flagged as boilerplate.${kind}: codes there ${JSON.stringify(seen)}`,
      );
    });
  }

  it('every diagnostic has source news-annotator, a boilerplate.* code and a message', () => {
    for (const d of diags) {
      assert.equal(d.source, SOURCE);
      assert.match(codeOf(d), /^boilerplate\.[a-z-]+$/);
      assert.ok(d.message.trim().length > 0);
    }
  });

  it('no diagnostic touches a gold content line', () => {
    const hits = GOLD.content.map((n) => n - 1).flatMap((l) => covering(l).map((d) => `${l}:${codeOf(d)}`));
    assert.deepEqual(hits, []);
  });
});
