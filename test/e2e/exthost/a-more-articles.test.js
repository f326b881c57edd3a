'use strict';
// The same editor features on two more real articles than the seed, one Simplified (mainland) and one
// Traditional (Taiwan), each checked against its own hand-made gold: what is flagged, what is coloured,
// what a date's hover resolves to, and that Remove All Boilerplate keeps every line of the article.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { vscode, freshArticle, waitForDiagnostics, semanticTokens, hoverText, waitFor, codeOf, closeAll } = require('./helpers');

const TOKEN = { PER: 'person', ORG: 'organization', LOC: 'location', MEDIA: 'media' };
const ARTICLES = ['cn_thepaper__3', 'tw_udn_2019-04-17_84aee9bd'];

for (const name of ARTICLES) {
  const file = path.resolve(__dirname, `../../fixtures/articles/${name}.txt`);
  const text = fs.readFileSync(file, 'utf8');
  const gold = JSON.parse(fs.readFileSync(file.replace(/\.txt$/, '.gold.json'), 'utf8'));
  const lines = text.split(/\r?\n/);

  describe(`another article: ${name}`, () => {
    let doc;
    let uri;
    let diags;
    before(async () => {
      ({ doc, uri } = await freshArticle(`more/${name}.news.txt`, text));
      diags = await waitForDiagnostics(uri, (d) => d.length > 0, { what: `diagnostics on ${name}` });
    });
    after(async () => {
      await vscode.commands.executeCommand('workbench.action.files.saveAll');
      await closeAll();
    });
    const covered = (line) => diags.some((d) => d.range.start.line <= line && line <= d.range.end.line);

    it('flags no gold content line and at least 95% of the gold boilerplate lines', () => {
      const onContent = gold.content
        .map((n) => n - 1)
        .filter(covered)
        .map((l) => `${l}: ${lines[l].slice(0, 40)}`);
      assert.deepEqual(onContent, []);
      const missed = gold.boilerplate.map((n) => n - 1).filter((l) => !covered(l));
      assert.ok(
        missed.length <= gold.boilerplate.length * 0.05,
        `${missed.length}/${gold.boilerplate.length} gold boilerplate lines not flagged`,
      );
      for (const d of diags) assert.match(codeOf(d), /^boilerplate\.[a-z-]+$/);
    });

    it('colours at least two thirds of the gold entities with their type', async () => {
      const { list } = await waitFor(
        () => semanticTokens(doc),
        (t) => t.list.length > 0,
        { what: `semantic tokens of ${name}` },
      );
      const tokens = new Set(list.map((t) => `${t.line}|${t.text}|${t.type}`));
      const found = gold.entities.filter((e) => tokens.has(`${e.line - 1}|${e.text}|${TOKEN[e.type]}`));
      assert.ok(found.length * 3 >= gold.entities.length * 2, `${found.length}/${gold.entities.length} gold entities coloured`);
    });

    it('resolves the first dated day on hover to the gold value', async () => {
      const g = gold.dates.find((d) => /^\d{4}-\d\d-\d\d$/.test(d.value));
      const at = lines[g.line - 1].indexOf(g.text);
      const position = new vscode.Position(g.line - 1, at + 1);
      const hover = await waitFor(
        () => hoverText(uri, position),
        (t) => t.length > 0,
        { what: `hover on ${g.text}` },
      );
      assert.ok(hover.includes(g.value), `hover on ${g.text} (gold ${g.value}): ${hover}`);
    });

    it('Remove All Boilerplate keeps every gold content line and removes the debris', async () => {
      await vscode.commands.executeCommand('newsAnnotator.removeAllBoilerplate', uri);
      const after = new Set(doc.getText().split(/\r?\n/));
      const lost = gold.content.map((n) => lines[n - 1]).filter((l) => !after.has(l));
      assert.deepEqual(lost, []);
      assert.ok(doc.lineCount < lines.length * 0.6, `${doc.lineCount} of ${lines.length} lines left`);
    });
  });
}
