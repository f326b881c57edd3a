'use strict';
// The annotation workflow in the real editor: mark a selection, relabel, "not an entity", accept all,
// the .ann file beside the article, annotations following an edit, the corpus status, export.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {
  vscode,
  freshArticle,
  waitFor,
  waitForDiagnostics,
  semanticTokens,
  hoverText,
  positionOf,
  closeAll,
  workspaceRoot,
  note,
} = require('./helpers');

const tokenAt = async (doc, text, nth = 0) => {
  const pos = positionOf(doc, text, nth);
  return (await semanticTokens(doc)).list.find((t) => t.line === pos.line && t.char === pos.character);
};
const annFile = (uri) => uri.fsPath.replace(/\.(txt|news)$/i, '') + '.ann';
const read = (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');

describe('annotation workflow', () => {
  let uri;
  let doc;
  let editor;
  before(async () => {
    ({ uri, doc, editor } = await freshArticle('annot/review.news.txt'));
    await waitForDiagnostics(uri, (d) => d.length > 0);
  });
  after(closeAll);

  it('marks a selection as an organisation: the .ann appears and the token turns reviewed', async () => {
    const start = positionOf(doc, '塔斯社');
    editor.selection = new vscode.Selection(start, start.translate(0, 3));
    await vscode.commands.executeCommand('newsAnnotator.markOrganization');
    const ann = await waitFor(
      () => read(annFile(uri)),
      (t) => /\tORG \d+ \d+\t塔斯社/.test(t),
      { what: '塔斯社 as ORG in the .ann' },
    );
    assert.match(ann, /status=corrected by=/);
    const tk = await waitFor(
      () => tokenAt(doc, '塔斯社'),
      (t) => t && t.modifiers.includes('reviewed'),
      { what: 'a reviewed token on 塔斯社' },
    );
    assert.equal(tk.type, 'organization');
    assert.match(await hoverText(uri, start), /reviewed: corrected/);
  });

  it('changes the type of the name under the cursor (no selection)', async () => {
    const at = positionOf(doc, '普京');
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('newsAnnotator.markPlace');
    const tk = await waitFor(
      () => tokenAt(doc, '普京'),
      (t) => t && t.type === 'location',
      { what: '普京 relabelled as a place' },
    );
    assert.ok(tk.modifiers.includes('reviewed'));
  });

  it('"not an entity" removes the colour and records the rejection', async () => {
    const before = await tokenAt(doc, '特朗普');
    assert.ok(before, 'the recogniser found 特朗普');
    const at = positionOf(doc, '特朗普');
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('newsAnnotator.notAnEntity');
    await waitFor(
      () => tokenAt(doc, '特朗普'),
      (t) => !t,
      { what: '特朗普 no longer coloured' },
    );
    const meta = JSON.parse(fs.readFileSync(annFile(uri) + '.json', 'utf8'));
    assert.ok(meta.rejected.some((r) => r.text === '特朗普'));
  });

  it('annotations follow an edit above them and are saved against the saved text', async () => {
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '𠀀新增一行。\n'));
    await doc.save();
    const text = doc.getText();
    const ann = await waitFor(
      () => read(annFile(uri)),
      (t) => {
        const m = /\tORG (\d+) (\d+)\t塔斯社/.exec(t);
        return m && [...text].slice(Number(m[1]), Number(m[2])).join('') === '塔斯社';
      },
      { what: 'the .ann offsets of 塔斯社 moved with the text' },
    );
    assert.ok(ann);
    const tk = await tokenAt(doc, '塔斯社');
    assert.ok(tk && tk.modifiers.includes('reviewed'));
  });

  it('accept all reviews the article; the corpus status counts it', async () => {
    const before = await vscode.commands.executeCommand('newsAnnotator.refreshCorpus');
    await vscode.commands.executeCommand('newsAnnotator.acceptAllAnnotations');
    await waitFor(
      async () => (await semanticTokens(doc)).list,
      (l) => l.length > 0 && l.every((t) => t.modifiers.includes('reviewed')),
      { what: 'every token reviewed' },
    );
    const after = await waitFor(
      () => vscode.commands.executeCommand('newsAnnotator.refreshCorpus'),
      (r) => r && r.reviewed === before.reviewed + 1,
      { what: 'one more reviewed article' },
    );
    const mine = after.items.find((i) => i.uri.endsWith('annot/review.news.txt'));
    assert.equal(mine.state, 'reviewed');
    assert.ok(mine.counts.ORG >= 1 && mine.counts.DATE >= 1);
    note(`corpus: Reviewed ${after.reviewed}/${after.total}`);
  });

  it("exports the workspace as brat with an annotation.conf, the person's decisions included", async () => {
    const out = vscode.Uri.joinPath(workspaceRoot(), 'export-brat');
    await vscode.commands.executeCommand('newsAnnotator.exportArticles', 'brat', out);
    const ann = await waitFor(
      () => read(path.join(out.fsPath, 'review.news.ann')),
      (t) => t.length > 0,
      { what: 'the exported .ann' },
    );
    assert.ok(fs.existsSync(path.join(out.fsPath, 'annotation.conf')));
    assert.match(ann, /\tORG \d+ \d+\t塔斯社/);
    assert.match(ann, /\tLOC \d+ \d+\t普京/);
    const conll = vscode.Uri.joinPath(workspaceRoot(), 'export-conll');
    await vscode.commands.executeCommand('newsAnnotator.exportArticles', 'conll', conll);
    const c = read(path.join(conll.fsPath, 'annotations.conll'));
    assert.match(c, /^塔\tB-ORG\n斯\tI-ORG\n社\tE-ORG$/m);
  });
});
