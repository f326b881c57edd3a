// Helpers for the extension-host tests: they run inside code-server's real extension host, with the real
// `vscode` API and the real language server. Everything waits on events or polls with a deadline; a timeout
// reports the last value seen so a failure says what the editor actually showed.
'use strict';
const vscode = require('vscode');
const fs = require('node:fs');
const path = require('node:path');

const EXTENSION_ID = 'news-annotator.news-annotator';
const SOURCE = 'news-annotator';
const LANGUAGE_ID = 'news-article';
const FIXTURE = path.resolve(__dirname, '../../fixtures/articles/seed_guancha_ttyw.txt');
const GOLD = JSON.parse(fs.readFileSync(FIXTURE.replace(/\.txt$/, '.gold.json'), 'utf8'));
const ORIGINAL = fs.readFileSync(FIXTURE, 'utf8');
const ORIGINAL_LINES = ORIGINAL.split(/\r?\n/);
/** Gold content lines (the article itself), as text. Gold line numbers are 1-based. */
const CONTENT_LINES = GOLD.content.map((n) => ORIGINAL_LINES[n - 1]);
/** kind -> 0-based line numbers of gold boilerplate of that kind. */
const KIND_LINES = {};
for (const [n, kind] of Object.entries(GOLD.kinds)) (KIND_LINES[kind] ??= []).push(Number(n) - 1);

const workspaceRoot = () => {
  const f = vscode.workspace.workspaceFolders;
  if (!f || !f.length) throw new Error('no workspace folder open');
  return f[0].uri;
};

/** Polls `probe` until `accept(value)`; the timeout error carries the last value. */
async function waitFor(probe, accept, { timeout = 20000, interval = 50, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (e) {
      last = `error: ${e && e.message}`;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last value seen: ${show(last)}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

function show(v) {
  try {
    const s = JSON.stringify(v, (_k, x) => (x instanceof Uint32Array ? `Uint32Array(${x.length})` : x));
    return s && s.length > 1500 ? `${s.slice(0, 1500)}…` : String(s);
  } catch {
    return String(v);
  }
}

const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const codeOf = (d) => (d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/**
 * Resolves when the news-annotator diagnostics of `uri` satisfy `accept`: checked now and on every
 * onDidChangeDiagnostics for that uri (no fixed sleeps); rejects with the last list seen after `timeout`.
 */
function waitForDiagnostics(uri, accept, { timeout = 20000, what = 'diagnostics' } = {}) {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (fn, v) => {
      if (!done) {
        done = true;
        sub.dispose();
        clearTimeout(timer);
        fn(v);
      }
    };
    const check = () => {
      const d = ours(uri);
      if (accept(d)) finish(resolve, d);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      const d = ours(uri).map((x) => `${x.range.start.line}-${x.range.end.line} ${codeOf(x)} sev${x.severity}`);
      finish(reject, new Error(`timed out after ${timeout} ms waiting for ${what} on ${path.basename(uri.path)}; last: ${show(d)}`));
    }, timeout);
    check();
  });
}

/** Writes a fresh copy of the sample (or `text`) to `<ws>/<rel>`, opens it in an editor. */
async function freshArticle(rel, text = ORIGINAL) {
  const uri = vscode.Uri.joinPath(workspaceRoot(), rel);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { uri, doc, editor };
}

async function openExisting(rel) {
  const uri = vscode.Uri.joinPath(workspaceRoot(), rel);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { uri, doc, editor };
}

/** Semantic tokens of `uri` decoded through the provider's legend: [{line, char, text, type, modifiers}]. */
async function semanticTokens(doc) {
  const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', doc.uri);
  const tokens = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', doc.uri);
  if (!legend || !tokens) return { legend, list: [] };
  const list = [];
  const data = tokens.data;
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const length = data[i + 2];
    const type = legend.tokenTypes[data[i + 3]];
    const modifiers = legend.tokenModifiers.filter((_m, bit) => data[i + 4] & (1 << bit));
    const text = doc.getText(new vscode.Range(line, char, line, char + length));
    list.push({ line, char, text, type, modifiers });
  }
  return { legend, list };
}

/** Text of all hovers at a position, markdown joined. */
async function hoverText(uri, position) {
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position)) || [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Position of the n-th (0-based) occurrence of `needle` in the document. */
function positionOf(doc, needle, nth = 0) {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) not in ${path.basename(doc.uri.path)}`);
  }
  return doc.positionAt(at);
}

const lines = (doc) => doc.getText().split(/\r?\n/);
const countLine = (doc, text) => lines(doc).filter((l) => l === text).length;
/** Gold content lines not present (as whole lines) in the document. */
const missingContent = (doc) => {
  const present = new Set(lines(doc));
  return CONTENT_LINES.filter((l) => !present.has(l));
};

/** Code actions for a range, resolved when the provider resolves lazily. */
async function codeActions(uri, range, kind) {
  // (uri, range, kind?, itemResolveCount): resolve up to 100 actions so that lazily computed edits are present
  return (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, kind, 100)) || [];
}

/** Applies a code action the way the light bulb does: its edit, then its command. */
async function applyAction(action) {
  if (action.edit) {
    const ok = await vscode.workspace.applyEdit(action.edit);
    if (!ok) throw new Error(`workspace.applyEdit refused the edit of "${action.title}"`);
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));
  }
}

/** A measurement worth reading in the run's output (relayed by run.mjs). */
function note(text) {
  console.log(`[news-e2e] ${text}`);
}

async function closeAll() {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

module.exports = {
  vscode,
  EXTENSION_ID,
  SOURCE,
  LANGUAGE_ID,
  ORIGINAL,
  ORIGINAL_LINES,
  CONTENT_LINES,
  KIND_LINES,
  GOLD,
  waitFor,
  waitForDiagnostics,
  freshArticle,
  openExisting,
  semanticTokens,
  hoverText,
  positionOf,
  lines,
  countLine,
  missingContent,
  codeActions,
  applyAction,
  closeAll,
  note,
  ours,
  codeOf,
  show,
  workspaceRoot,
};
