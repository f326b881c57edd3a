'use strict';
const assert = require('node:assert/strict');
const OpenCC = require('opencc-js');
const {
  vscode,
  freshArticle,
  waitFor,
  waitForDiagnostics,
  countLine,
  missingContent,
  lines,
  ORIGINAL_LINES,
  CONTENT_LINES,
  closeAll,
  workspaceRoot,
} = require('./helpers');

const toCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
const C = {
  simplified: 'newsAnnotator.convertToSimplified',
  taiwan: 'newsAnnotator.convertToTaiwan',
  removeAll: 'newsAnnotator.removeAllBoilerplate',
  export: 'newsAnnotator.exportAnnotations',
  annotate: 'newsAnnotator.annotateThisFile',
};

describe('palette commands', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await closeAll();
  });

  it('all contributed commands are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of Object.values(C)) assert.ok(all.includes(id), `${id} not registered`);
  });

  it('Convert to Simplified, then to Traditional (Taiwan), round-trips the content lines', async () => {
    const { uri, doc } = await freshArticle('convert/a.news.txt');
    await waitForDiagnostics(uri, (d) => d.length > 0);
    await vscode.commands.executeCommand(C.simplified, uri);
    await waitFor(
      () => doc.getText(),
      (t) => t.includes('俄罗斯总统普京'),
      { what: 'simplified text' },
    );
    assert.equal(countLine(doc, CONTENT_LINES[2]), 0, 'the lede is still Traditional');
    assert.ok(!doc.getText().includes('俄羅斯'), 'Traditional 俄羅斯 left after Convert to Simplified');
    assert.equal(lines(doc).length, ORIGINAL_LINES.length, 'line count changed');

    await vscode.commands.executeCommand(C.taiwan, uri);
    await waitFor(
      () => doc.getText(),
      (t) => t.includes('俄羅斯總統普京'),
      { what: 'Traditional (Taiwan) text' },
    );
    const after = lines(doc);
    const present = new Set(after);
    const exact = CONTENT_LINES.filter((l) => present.has(l)).length;
    // OpenCC's Taiwan standard writes some variants the source did not (周→週, 着→著): a line round-trips when it
    // has the same length and differs only in such variants (same Simplified form); at most 1% of characters may differ
    let chars = 0;
    let differing = 0;
    const bad = [];
    for (const n of require('./helpers').GOLD.content) {
      const o = ORIGINAL_LINES[n - 1];
      const r = after[n - 1];
      chars += o.length;
      if (r === o) continue;
      if (r === undefined || r.length !== o.length || toCn(r) !== toCn(o)) {
        bad.push({ line: n, original: o.slice(0, 40), now: r?.slice(0, 40) });
        continue;
      }
      for (let i = 0; i < o.length; i++) if (o[i] !== r[i]) differing++;
    }
    require('./helpers').note(
      `round trip: ${exact}/${CONTENT_LINES.length} content lines identical, ${differing}/${chars} characters are variants`,
    );
    assert.deepEqual(bad, []);
    assert.ok(differing <= chars * 0.01, `${differing} of ${chars} characters changed`);
  });

  it('Remove All Boilerplate removes the debris and keeps the article', async () => {
    const { uri, doc } = await freshArticle('remove/a.news.txt');
    await waitForDiagnostics(uri, (d) => d.length > 0);
    await vscode.commands.executeCommand(C.removeAll, uri);
    await waitFor(
      () => doc.getText(),
      (t) => t.length < require('./helpers').ORIGINAL.length,
      { what: 'the text to shrink' },
    );
    assert.deepEqual(missingContent(doc), []);
    for (const n of [12, 14, 26, 28, 46]) assert.equal(countLine(doc, ORIGINAL_LINES[n]), 0, `line ${n} still there: ${ORIGINAL_LINES[n]}`);
  });

  it('Export Annotations writes valid JSON with entities, dates and boilerplate', async () => {
    const { uri } = await freshArticle('export/a.news.txt');
    await waitForDiagnostics(uri, (d) => d.length > 0);
    const target = vscode.Uri.joinPath(workspaceRoot(), 'export/a.annotations.json');
    await vscode.commands.executeCommand(C.export, uri, target);
    const raw = await waitFor(
      async () => Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8'),
      (t) => t.length > 0,
      { what: 'the export file' },
    );
    const json = JSON.parse(raw);
    assert.ok(Array.isArray(json.entities) && json.entities.length > 0, 'entities');
    assert.ok(Array.isArray(json.dates) && json.dates.length > 0, 'dates');
    assert.ok(Array.isArray(json.boilerplate) && json.boilerplate.length > 0, 'boilerplate');
    assert.ok(
      json.entities.some((e) => e.text === '普京' && e.type === 'PER'),
      '普京 PER not exported',
    );
    assert.ok(
      json.dates.some((d) => d.value === '2025-07-03'),
      'no date 2025-07-03 exported',
    );
    assert.ok(
      json.boilerplate.some((b) => b.kind === 'copyright'),
      'no copyright block exported',
    );
    assert.equal(json.published, '2025-07-04T09:50');
    assert.match(json.file, /a\.news\.txt$/);
  });

  it('Annotate This File turns a plain .txt outside the globs into an article', async () => {
    const { uri } = await freshArticle('plain/other.txt');
    const lang = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
    assert.equal(lang(), 'plaintext');
    await vscode.commands.executeCommand(C.annotate, uri);
    await waitFor(lang, (l) => l === 'news-article', { what: 'the language to become news-article' });
    await waitForDiagnostics(uri, (d) => d.length > 0, { what: 'diagnostics on the annotated .txt' });
  });
});
