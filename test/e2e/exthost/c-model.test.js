'use strict';
// The model learns from reviewed articles in the real editor: Improve writes the overlay into the workspace and
// the model in use changes; Revert removes it. And a mark applied to every occurrence in the workspace.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { vscode, freshArticle, waitFor, waitForDiagnostics, positionOf, closeAll, workspaceRoot, note } = require('./helpers');

const annFile = (uri) => uri.fsPath.replace(/\.(txt|news)$/i, '') + '.ann';
const read = (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');

describe('improve the model from reviewed articles, revert, and apply to the workspace', () => {
  after(closeAll);

  it('Improve learns from a reviewed article and saves the overlay in the workspace; Revert removes it', async () => {
    const { uri, doc } = await freshArticle('model/reviewed.news.txt');
    await waitForDiagnostics(uri, (d) => d.length > 0);
    await vscode.commands.executeCommand('newsAnnotator.acceptAllAnnotations');
    await waitFor(
      () => read(annFile(uri) + '.json'),
      (t) => /"state":\s*"reviewed"/.test(t),
      { what: 'the article marked reviewed' },
    );
    const r = await vscode.commands.executeCommand('newsAnnotator.improveModel');
    assert.equal(r && r.outcome, 'improved', r && r.message);
    assert.ok(r.articles >= 1 && r.lines > 0);
    const file = path.join(workspaceRoot().fsPath, '.news-annotator', 'model-delta.bin');
    assert.ok(fs.existsSync(file));
    note(`improve: ${r.articles} articles, ${r.lines} lines, ${r.buckets} buckets`);
    // The article is still coloured with the improved model.
    await waitForDiagnostics(uri, (d) => d.length > 0);
    assert.ok(doc.getText().length > 0);
    const back = await vscode.commands.executeCommand('newsAnnotator.revertModel');
    assert.equal(back && back.reverted, true);
    assert.equal(fs.existsSync(file), false);
  });

  it('marks a selection in every article of the workspace that has it, and counts them', async () => {
    const other = vscode.Uri.joinPath(workspaceRoot(), 'model', 'other.news.txt');
    await vscode.workspace.fs.writeFile(other, Buffer.from('鹄鹚今天发表声明。\n', 'utf8'));
    const { uri, doc } = await freshArticle('model/source.news.txt', '记者报道，鹄鹚表示将加入谈判。\n');
    await waitForDiagnostics(uri, () => true);
    const start = positionOf(doc, '鹄鹚');
    const r = await vscode.commands.executeCommand(
      'newsAnnotator.markInWorkspace',
      { uri: uri.toString(), range: { start, end: start.translate(0, 2) } },
      'PER',
    );
    assert.ok(r, 'a result');
    assert.ok(r.articles >= 2, r.message);
    assert.match(read(annFile(other)), /\tPER 0 2\t鹄鹚/);
    assert.match(read(annFile(uri)), /\tPER \d+ \d+\t鹄鹚/);
  });
});
