'use strict';
const assert = require('node:assert/strict');
const { vscode, EXTENSION_ID, LANGUAGE_ID, waitFor, waitForDiagnostics, openExisting, ours } = require('./helpers');

// 0-setup.test.js opened notes.txt, then the opted-in articles/seed.txt, before any article (activation happens once).
describe('activation', () => {
  it('the extension under test is the one from this repo', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not loaded`);
    assert.equal(ext.packageJSON.name, 'news-annotator');
  });

  it('activates on a plain .txt opted in by newsAnnotator.files (articles/seed.txt) and annotates it', async () => {
    const notes = await openExisting('notes.txt');
    const { uri } = await openExisting('articles/seed.txt');
    // activated by a plain-text document: no .news.txt has been opened in this extension host yet
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    await waitFor(() => ext.isActive, Boolean, { what: 'extension activation' });
    const lang = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
    await waitFor(lang, (l) => l === LANGUAGE_ID, { what: `articles/seed.txt to get language ${LANGUAGE_ID}` });
    const diags = await waitForDiagnostics(uri, (d) => d.length > 0, { what: 'diagnostics on the opted-in .txt' });
    assert.ok(diags.length > 0);
    // notes.txt was opened first and matches no glob: it must stay plain text, without our diagnostics
    assert.equal(notes.doc.languageId, 'plaintext');
    assert.deepEqual(ours(notes.uri), []);
  });

  it('opens seed.news.txt as news-article and publishes diagnostics', async () => {
    const { uri, doc } = await openExisting('seed.news.txt');
    assert.equal(doc.languageId, LANGUAGE_ID);
    await waitForDiagnostics(uri, (d) => d.length > 0, { what: 'diagnostics on seed.news.txt' });
  });
});
