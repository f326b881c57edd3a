'use strict';
const assert = require('node:assert/strict');
const {
  vscode,
  freshArticle,
  waitForDiagnostics,
  codeActions,
  applyAction,
  codeOf,
  countLine,
  missingContent,
  lines,
  ORIGINAL,
  ORIGINAL_LINES,
  closeAll,
  note,
} = require('./helpers');

const TITLE_LINE = 12; // 0-based; the same site-title text recurs on line 26
const SITE_TITLE = ORIGINAL_LINES[12];
const CAPTIONS = [ORIGINAL_LINES[14], ORIGINAL_LINES[28]];
const COPYRIGHT = ORIGINAL_LINES[46];
const isQuickFix = (a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind);
// Fixes that change the text reach VS Code as the client's version-checked command (client/src/fixGuard.ts).
const changesText = (a) => !!a.edit || a.command?.command === 'newsAnnotator.applyFix';
const titleDiag = (d) =>
  d.find((x) => x.range.start.line <= TITLE_LINE && TITLE_LINE <= x.range.end.line && codeOf(x) === 'boilerplate.site-title');

/**
 * Each quick fix offered on the first site-title block, applied to its own fresh copy of the sample; the
 * outcome (text after, diagnostics after) is then matched against what each fix promises.
 */
describe('quick fixes on a site-title block', () => {
  const outcomes = [];
  let titles = [];
  before(async () => {
    const probe = await freshArticle('qf/probe.news.txt');
    const d = titleDiag(await waitForDiagnostics(probe.uri, (x) => !!titleDiag(x), { what: 'site-title diagnostic on line 12' }));
    titles = (await codeActions(probe.uri, d.range)).filter(isQuickFix).map((a) => a.title);
    note(`quick fixes on line 13: ${JSON.stringify(titles)}`);
    for (const [i, title] of titles.entries()) {
      const { uri, doc } = await freshArticle(`qf/fix${i}.news.txt`);
      const diag = titleDiag(await waitForDiagnostics(uri, (x) => !!titleDiag(x)));
      const action = (await codeActions(uri, diag.range)).find((a) => a.title === title);
      await applyAction(action);
      let diagsAfter = null;
      if (!changesText(action)) {
        // a command-only fix (keep) answers with new diagnostics
        diagsAfter = await waitForDiagnostics(uri, (x) => !titleDiag(x), {
          timeout: 10000,
          what: `"${title}" to clear the diagnostic`,
        }).catch((e) => e.message);
      }
      const text = doc.getText();
      outcomes.push({
        title,
        hasEdit: changesText(action),
        command: action.command?.command,
        text,
        doc: { getText: () => text },
        diagsAfter,
      });
    }
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await closeAll();
  });
  const describeAll = () =>
    outcomes.map((o) => ({
      title: o.title,
      edit: o.hasEdit,
      command: o.command,
      siteTitles: countLine(o.doc, SITE_TITLE),
      captions: CAPTIONS.map((c) => countLine(o.doc, c)),
      copyright: countLine(o.doc, COPYRIGHT),
      missingContent: missingContent(o.doc).length,
      lines: lines(o.doc).length,
    }));
  const find = (pred) => outcomes.find((o) => pred(o) && missingContent(o.doc).length === 0);

  it('offers the four fixes (remove block, remove kind, remove all, keep)', () => {
    assert.ok(titles.length >= 4, `quick fixes offered: ${JSON.stringify(titles)}`);
  });

  it('"remove this block" deletes that block only and keeps the article', () => {
    const o = find(
      (x) =>
        x.hasEdit &&
        countLine(x.doc, SITE_TITLE) === 1 &&
        CAPTIONS.every((c) => countLine(x.doc, c) === 1) &&
        countLine(x.doc, COPYRIGHT) === 1 &&
        lines(x.doc).length >= ORIGINAL_LINES.length - 3,
    );
    assert.ok(o, `no fix removed just the block: ${JSON.stringify(describeAll(), null, 1)}`);
    const removed = ORIGINAL_LINES.length - lines(o.doc).length;
    assert.ok(removed >= 1, `removed ${removed} lines`);
  });

  it('"remove all of this kind" deletes every site-title and nothing of other kinds', () => {
    const o = find(
      (x) =>
        x.hasEdit &&
        countLine(x.doc, SITE_TITLE) === 0 &&
        CAPTIONS.every((c) => countLine(x.doc, c) === 1) &&
        countLine(x.doc, COPYRIGHT) === 1,
    );
    assert.ok(o, `no fix removed all site-titles only: ${JSON.stringify(describeAll(), null, 1)}`);
  });

  it('"remove all" deletes every kind of boilerplate and keeps the article', () => {
    const o = find(
      (x) =>
        x.hasEdit &&
        countLine(x.doc, SITE_TITLE) === 0 &&
        CAPTIONS.every((c) => countLine(x.doc, c) === 0) &&
        countLine(x.doc, COPYRIGHT) === 0,
    );
    assert.ok(o, `no fix removed all boilerplate: ${JSON.stringify(describeAll(), null, 1)}`);
  });

  it('"keep: not boilerplate" leaves the text and clears the diagnostic', () => {
    const o = outcomes.find((x) => !x.hasEdit && x.command);
    assert.ok(o, `no command-only fix: ${JSON.stringify(describeAll(), null, 1)}`);
    assert.equal(o.text, ORIGINAL);
    assert.ok(Array.isArray(o.diagsAfter), `diagnostic not cleared after keep: ${o.diagsAfter}`);
  });
});
