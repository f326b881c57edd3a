'use strict';
const assert = require('node:assert/strict');
const { vscode, openExisting, waitForDiagnostics, codeOf } = require('./helpers');

describe('settings', () => {
  const hasCopyright = (d) => d.some((x) => codeOf(x) === 'boilerplate.copyright');
  after(async () => {
    const cfg = vscode.workspace.getConfiguration('newsAnnotator');
    await cfg.update('boilerplate.kinds', undefined, vscode.ConfigurationTarget.Workspace);
    await cfg.update('boilerplate.severity', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('newsAnnotator.boilerplate.severity sets the severity of confident blocks', async () => {
    const { uri } = await openExisting('seed.news.txt');
    const cfg = vscode.workspace.getConfiguration('newsAnnotator');
    await cfg.update('boilerplate.severity', 'warning', vscode.ConfigurationTarget.Workspace);
    try {
      const d = await waitForDiagnostics(uri, (x) => x.some((y) => y.severity === vscode.DiagnosticSeverity.Warning), { what: 'warnings' });
      // unsure blocks may stay weaker, but nothing is stronger than the setting
      assert.ok(
        d.every((y) => y.severity >= vscode.DiagnosticSeverity.Warning),
        JSON.stringify(d.map((y) => y.severity)),
      );
    } finally {
      await cfg.update('boilerplate.severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (x) => x.length > 0 && x.every((y) => y.severity !== vscode.DiagnosticSeverity.Warning), {
      what: 'default severity back',
    });
  });

  it('turning a kind off in newsAnnotator.boilerplate.kinds re-validates: its diagnostics disappear, and come back', async () => {
    const { uri } = await openExisting('seed.news.txt');
    const before = await waitForDiagnostics(uri, hasCopyright, { what: 'a copyright diagnostic' });
    const cfg = vscode.workspace.getConfiguration('newsAnnotator');
    await cfg.update('boilerplate.kinds', { copyright: false }, vscode.ConfigurationTarget.Workspace);
    const off = await waitForDiagnostics(uri, (d) => !hasCopyright(d) && d.length > 0, { what: 'copyright diagnostics to disappear' });
    assert.equal(off.length, before.length - before.filter((x) => codeOf(x) === 'boilerplate.copyright').length, 'other kinds changed too');
    await cfg.update('boilerplate.kinds', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, hasCopyright, { what: 'copyright diagnostics to come back' });
  });
});
