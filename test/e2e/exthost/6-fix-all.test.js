'use strict';
const assert = require('node:assert/strict');
const {
  vscode,
  freshArticle,
  waitForDiagnostics,
  codeActions,
  applyAction,
  countLine,
  missingContent,
  ORIGINAL_LINES,
  closeAll,
} = require('./helpers');

const KIND = 'source.fixAll.newsAnnotator';

describe(`${KIND}`, () => {
  it('is offered for the whole document and removes the boilerplate, keeping the article', async () => {
    const { uri, doc } = await freshArticle('fixall/a.news.txt');
    const before = await waitForDiagnostics(uri, (d) => d.length > 0);
    const full = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = (await codeActions(uri, full, KIND)).filter((a) => a.kind && a.kind.value === KIND);
    assert.equal(actions.length, 1, `actions of kind ${KIND}: ${JSON.stringify(actions.map((a) => [a.title, a.kind?.value]))}`);
    const fix = actions[0].command?.arguments?.[0];
    assert.equal(actions[0].command?.command, 'newsAnnotator.applyFix', 'the fix-all action is not the version-checked fix');
    assert.ok(fix?.edit instanceof vscode.WorkspaceEdit && fix.edit.size === 1, 'the fix-all action carries no edit');
    await applyAction(actions[0]);
    assert.deepEqual(missingContent(doc), []);
    for (const n of [12, 14, 26, 28, 46]) assert.equal(countLine(doc, ORIGINAL_LINES[n]), 0, `line ${n} still there: ${ORIGINAL_LINES[n]}`);
    const strongest = Math.min(...before.map((d) => d.severity));
    const after = await waitForDiagnostics(uri, (d) => d.every((x) => x.severity > strongest), {
      what: 'only unconfident diagnostics left',
    });
    assert.ok(after.length < before.length);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await closeAll();
  });

  it('is found under the parent kind source.fixAll (editor.codeActionsOnSave)', async () => {
    const { uri, doc } = await freshArticle('fixall/b.news.txt');
    await waitForDiagnostics(uri, (d) => d.length > 0);
    const actions = await codeActions(uri, new vscode.Range(0, 0, doc.lineCount, 0), 'source.fixAll');
    assert.ok(
      actions.some((a) => a.kind && a.kind.value === KIND),
      JSON.stringify(actions.map((a) => a.kind?.value)),
    );
    await closeAll();
  });
});
