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
  ORIGINAL_LINES,
  closeAll,
} = require('./helpers');

const TITLE_LINE = 12; // 0-based: a site-title line of the sample
const SITE_TITLE = ORIGINAL_LINES[TITLE_LINE];
/** A body paragraph and its blank line, typed below the dateline (so the headline and dateline stay where they are). */
const TYPED = '編者按：這是編輯在文章發表後補充的一段說明文字，共有好幾句。\n\n';
const titleDiag = (d) =>
  d.find((x) => x.range.start.line <= TITLE_LINE && TITLE_LINE <= x.range.end.line && codeOf(x) === 'boilerplate.site-title');
const removeBlock = (actions) =>
  actions.find((a) => a.command?.command === 'newsAnnotator.applyFix' && /^Remove this |刪除這段|删除这段/.test(a.title)) ??
  actions.find((a) => a.command?.command === 'newsAnnotator.applyFix');

/**
 * A quick fix computed for one version of the article must not be applied to a later one: its line ranges
 * would then cut other text. vscode-languageclient drops the version the server puts on the edit, so the
 * client checks it (client/src/fixGuard.ts).
 */
describe('a quick fix racing an edit', () => {
  afterEach(closeAll);

  it('is refused after the article changed, and removes nothing', async () => {
    const { uri, doc } = await freshArticle('stale/a.news.txt');
    const diag = titleDiag(await waitForDiagnostics(uri, (x) => !!titleDiag(x), { what: 'site-title diagnostic' }));
    const fix = removeBlock(await codeActions(uri, diag.range));
    assert.ok(fix, 'no text-changing quick fix on the site-title block');
    // A paragraph typed above the block after the fix was offered: its ranges now point at other text.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(4, 0), TYPED);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const before = doc.getText();
    await applyAction(fix);
    assert.equal(doc.getText(), before, 'the stale fix changed the article');
    assert.deepEqual(missingContent(doc), []);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });

  it('applies when offered again for the current text', async () => {
    const { uri, doc } = await freshArticle('stale/b.news.txt');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(4, 0), TYPED);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const shifted = (d) =>
      d.find((x) => x.range.start.line <= TITLE_LINE + 2 && TITLE_LINE + 2 <= x.range.end.line && codeOf(x) === 'boilerplate.site-title');
    const diag = shifted(await waitForDiagnostics(uri, (x) => !!shifted(x), { what: 'site-title diagnostic two lines down' }));
    const count = countLine(doc, SITE_TITLE);
    await applyAction(removeBlock(await codeActions(uri, diag.range)));
    assert.equal(countLine(doc, SITE_TITLE), count - 1, lines(doc).slice(0, 20).join('\n'));
    assert.deepEqual(missingContent(doc), []);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });
});
