'use strict';
const { vscode, EXTENSION_ID, waitFor, waitForDiagnostics, openExisting } = require('./helpers');

// Root hook: the extension must activate and its server answer before any feature is worth testing. When it
// does not, this one failure ends the run at once instead of every test waiting out its own timeout.
// It opens the opted-in plain .txt first (after a .txt that matches no glob): activation happens once per
// extension host, and 1-activation.test.js checks what this left behind.
before(async function () {
  this.timeout(90000);
  await openExisting('notes.txt');
  const { uri } = await openExisting('articles/seed.txt');
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded from the development path`);
  await waitFor(() => ext.isActive, Boolean, { timeout: 30000, what: 'extension activation (onLanguage:plaintext)' });
  await waitForDiagnostics(uri, (d) => d.length > 0, {
    timeout: 45000,
    what: 'the language server to publish diagnostics on articles/seed.txt',
  });
});
