'use strict';
const assert = require('node:assert/strict');
const { openExisting, hoverText, positionOf, waitFor } = require('./helpers');

describe('hover', () => {
  let doc;
  let uri;
  before(async () => ({ doc, uri } = await openExisting('seed.news.txt')));

  it('on 普京 names the person', async () => {
    const text = await waitFor(
      () => hoverText(uri, positionOf(doc, '普京').translate(0, 1)),
      (t) => t.length > 0,
      { what: 'hover on 普京' },
    );
    assert.match(text, /普京/);
    assert.match(text, /person|人物|人名|PER/i);
  });

  it('on the relative date 周五 gives its value 2025-07-04', async () => {
    const text = await waitFor(
      () => hoverText(uri, positionOf(doc, '周五').translate(0, 1)),
      (t) => t.length > 0,
      { what: 'hover on 周五' },
    );
    assert.match(text, /2025-07-04/);
  });

  it('on 7月3日 gives 2025-07-03', async () => {
    const text = await waitFor(
      () => hoverText(uri, positionOf(doc, '7月3日').translate(0, 1)),
      (t) => t.length > 0,
      { what: 'hover on 7月3日' },
    );
    assert.match(text, /2025-07-03/);
  });
});
