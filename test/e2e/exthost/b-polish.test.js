'use strict';
// What a new user meets beyond the core features: the language status item, the Getting Started walkthrough,
// the count Remove All Boilerplate reports, Convert Back after a round trip, the model-free mode.
// (The walkthrough is checked in the UI suite: the extension host cannot see which walkthrough a Welcome tab shows.)
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {
  vscode,
  EXTENSION_ID,
  GOLD,
  freshArticle,
  waitFor,
  waitForDiagnostics,
  closeAll,
  codeActions,
  note,
  ours,
  hoverText,
  positionOf,
} = require('./helpers');

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '../../../samples/sample.news.txt'), 'utf8');
const api = () => vscode.extensions.getExtension(EXTENSION_ID).exports;

/** The language status shown for `uri`, once it satisfies `accept` (refreshed on the server's notification). */
function statusOf(uri, accept = () => true, what = 'the language status') {
  return waitFor(
    () => api().languageStatus(),
    (s) => !!s && s.uri === uri.toString() && accept(s),
    { what },
  );
}

describe('polish: what a new user meets', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await closeAll();
  });

  it('the language status names the script, the publication time, the entities and as many boilerplate blocks as the Problems panel lists', async () => {
    const { uri } = await freshArticle('status/a.news.txt');
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length > 0);
    const status = await statusOf(
      uri,
      (s) => s.text.includes(`${diagnostics.length} boilerplate blocks`),
      `status with ${diagnostics.length} boilerplate blocks`,
    );
    note(`language status: ${status.text} — ${status.detail}`);
    assert.match(status.text, /^Traditional · \d+ entities · \d+ boilerplate blocks$/);
    assert.ok(Number(/(\d+) entities/.exec(status.text)[1]) >= 10, status.text);
    const published = GOLD.published ?? '2025-07-04T09:50';
    assert.ok(status.detail.includes(`published ${String(published).replace('T', ' ')}`), status.detail);
    assert.match(status.detail, /statistical model \(research use\)/);
  });

  it('Remove All Boilerplate reports the number of blocks the quick fix announced and the Problems panel listed', async () => {
    const { uri, doc } = await freshArticle('count/a.news.txt');
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length > 0);
    const fixAll = (await codeActions(uri, diagnostics[0].range)).find((a) => /^Remove all boilerplate \(\d+ found\)$/.test(a.title));
    assert.ok(fixAll, 'no "Remove all boilerplate (N found)" quick fix');
    const announced = Number(/\((\d+) found\)/.exec(fixAll.title)[1]);
    const before = doc.getText();
    const report = await vscode.commands.executeCommand('newsAnnotator.removeAllBoilerplate', uri);
    note(`remove all: quick fix said ${announced} found, Problems panel ${diagnostics.length}, message "${report && report.message}"`);
    assert.ok(report, 'the command reported nothing');
    assert.equal(report.blocks, announced);
    assert.equal(report.blocks + report.unsure, diagnostics.length);
    assert.equal(report.message.startsWith(`Removed ${announced} boilerplate blocks.`), true, report.message);
    assert.notEqual(doc.getText(), before);
    await waitForDiagnostics(uri, (d) => d.length === report.unsure, { what: 'only the uncertain blocks left' });
  });

  it('Convert Back restores the original characters after Simplified then Traditional (Taiwan), keeping a line edited in between', async () => {
    await vscode.commands.executeCommand('newsAnnotator.openSample');
    const editor = await waitFor(
      () => vscode.window.activeTextEditor,
      (e) => !!e && e.document.languageId === 'news-article' && e.document.getText() === SAMPLE,
      { what: 'the sample article' },
    );
    const doc = editor.document;
    try {
      await roundTripAndBack(editor, doc);
    } finally {
      // An untitled sample left dirty would make "save all" open a dialog.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  async function roundTripAndBack(editor, doc) {
    await vscode.commands.executeCommand('newsAnnotator.convertToSimplified');
    await waitFor(
      () => doc.getText(),
      (t) => t.includes('文创园区') && t.includes('范例新闻网'),
      { what: 'Simplified text' },
    );
    await vscode.commands.executeCommand('newsAnnotator.convertToTaiwan');
    const roundTrip = await waitFor(
      () => doc.getText(),
      (t) => t.includes('文創園區') && !t.includes('文创'),
      { what: 'Traditional (Taiwan) text' },
    );
    // The problem convert back solves: OpenCC's Taiwan standard writes 臺 for the article's 台, 佈 for 布.
    assert.notEqual(roundTrip, SAMPLE);
    assert.ok(roundTrip.includes('臺北'), 'the round trip did not change 台北: nothing for Convert Back to show');
    // An edit after the conversions is the user's: it stays.
    let last = doc.lineCount - 1;
    while (last > 0 && doc.lineAt(last).text === '') last--;
    await editor.edit((b) => b.insert(new vscode.Position(last, doc.lineAt(last).text.length), '（臺灣）'));
    await vscode.commands.executeCommand('newsAnnotator.convertBack');
    const restored = await waitFor(
      () => doc.getText(),
      (t) => t.includes('台北松菸文創園區週末'),
      { what: 'the original characters' },
    );
    const expected = SAMPLE.replace(/\n$/, '').split('\n');
    const got = restored.replace(/\n$/, '').split('\n');
    assert.equal(got.length, expected.length);
    for (let i = 0; i < expected.length - 1; i++) assert.equal(got[i], expected[i], `line ${i + 1}`);
    assert.ok(got[got.length - 1].endsWith('（臺灣）'), 'the edited line lost the edit');
  }

  it("the hover names the other written forms and counts only the article's own mentions", async () => {
    const { uri, doc } = await freshArticle('hover/a.news.txt');
    await waitForDiagnostics(uri, (d) => d.length > 0);
    const text = await hoverText(uri, positionOf(doc, '普京'));
    assert.match(text, /Also written: .*總統普京/);
    // The article names 普京 ten times; the captions and page titles around it do not count.
    const m = /Mentioned (\d+) times/.exec(text);
    assert.ok(m, text);
    const inBoilerplate = ours(uri).reduce((n, d) => {
      for (let l = d.range.start.line; l <= d.range.end.line; l++) n += (doc.lineAt(l).text.match(/普京/g) || []).length;
      return n;
    }, 0);
    const all = (doc.getText().match(/普京/g) || []).length;
    assert.ok(inBoilerplate > 0, 'the sample has no 普京 in boilerplate: the test would prove nothing');
    assert.equal(Number(m[1]), all - inBoilerplate);
    assert.doesNotMatch(text, /gazetteer/);
  });

  it("the walkthrough's media resolve to files of the display language (package.nls %keys% in paths)", async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const [walkthrough] = ext.packageJSON.contributes.walkthroughs;
    const media = walkthrough.steps.map((s) => s.media.markdown);
    note(`walkthrough media: ${media.join(', ')}`);
    assert.equal(walkthrough.title, 'Get started with News Annotator');
    for (const file of media) {
      assert.match(file, /^walkthroughs\/[a-z]+\.md$/);
      const text = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, file))).toString('utf8');
      assert.ok(text.startsWith('# '), file);
    }
  });

  it('the model-free mode: the status says so and the hover never credits the model', async () => {
    const config = vscode.workspace.getConfiguration('newsAnnotator');
    const { uri, doc } = await freshArticle('modelfree/a.news.txt');
    await waitForDiagnostics(uri, (d) => d.length > 0);
    try {
      await config.update('entities.useModel', false, vscode.ConfigurationTarget.Global);
      const status = await statusOf(uri, (s) => s.detail.includes('model-free'), 'a model-free status');
      note(`model-free status: ${status.text} — ${status.detail}`);
      const hover = await hoverText(uri, positionOf(doc, '普京'));
      assert.match(hover, /Person/);
      assert.doesNotMatch(hover, /learned/);
    } finally {
      await config.update('entities.useModel', undefined, vscode.ConfigurationTarget.Global);
    }
    await statusOf(uri, (s) => s.detail.includes('statistical model'), 'the model back in use');
  });
});
