import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Hover, SemanticTokens, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TOKEN_TYPES } from '../../server/src/service/legend';
import { KEEP_FILE } from '../../server/src/node/workspaceFiles';
import { Notifications, Requests, ServerCommands } from '../../server/src/protocol';
import { ROOT, TestClient, ensureBuilt } from './lspClient';

const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8');

function decode(text: string, tokens: SemanticTokens) {
  const doc = TextDocument.create('x', 'x', 0, text);
  const out: { text: string; type: string; line: number }[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, len, type] = tokens.data.slice(i, i + 4);
    line += dl;
    char = dl ? dc : char + dc;
    const start = doc.offsetAt({ line, character: char });
    out.push({ text: text.slice(start, start + len), type: TOKEN_TYPES[type], line });
  }
  return out;
}

function apply(doc: TextDocument, edit: WorkspaceEdit): string {
  const change = edit.documentChanges![0] as TextDocumentEdit;
  assert.equal(change.textDocument.version, doc.version, 'edit is for the current version');
  return TextDocument.applyEdits(doc, change.edits);
}

describe('language server over stdio (protocol)', function () {
  this.timeout(60000);
  let client: TestClient;
  let dir: string;
  let uri: string;
  let doc: TextDocument;

  before(async () => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lsp-'));
    const file = path.join(dir, 'seed.news.txt');
    fs.writeFileSync(file, SEED);
    fs.writeFileSync(path.join(dir, '.news-annotator.json'), JSON.stringify({ dictionary: [{ text: '天天要聞', type: 'MEDIA' }] }));
    uri = pathToFileURL(file).toString();
    client = new TestClient();
    await client.initialize(pathToFileURL(dir).toString());
    doc = TextDocument.create(uri, 'news-article', 1, SEED);
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'news-article', version: 1, text: SEED },
    });
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes boilerplate diagnostics for the sample article', async () => {
    const p = await client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
    const codes = new Set(p.diagnostics.map((d) => d.code));
    for (const kind of ['site-title', 'image-caption', 'copyright', 'related'])
      assert.ok(codes.has(`boilerplate.${kind}`), `missing ${kind}: ${[...codes]}`);
    assert.ok(p.diagnostics.every((d) => d.source === 'news-annotator'));
  });

  it('returns semantic tokens for people, media and dates', async () => {
    const tokens: SemanticTokens = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    const decoded = decode(SEED, tokens);
    const typeOf = (text: string) => decoded.find((d) => d.text === text || d.text.endsWith(text))?.type;
    assert.equal(typeOf('特朗普'), 'person');
    assert.equal(typeOf('普京'), 'person');
    assert.equal(typeOf('塔斯社'), 'media');
    assert.equal(typeOf('7月3日'), 'date');
  });

  it('explains a person and a weekday on hover', async () => {
    const line = SEED.split('\n')[4];
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 4, character: line.indexOf('普京') },
    });
    assert.match((hover.contents as { value: string }).value, /Person/);
    const l1 = SEED.split('\n')[0];
    const friday: Hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: l1.indexOf('周五') },
    });
    assert.match((friday.contents as { value: string }).value, /2025-07-04/);
  });

  it('names an abbreviation in full in the script of the article, converting characters it never writes', async () => {
    // Traditional, and without 大西洋公組織: the bundled server converts those characters with opencc-js, loaded late.
    const text = '北約秘書長呂特週三表示，北約將繼續協調各國軍費開支。\n';
    const nato = pathToFileURL(path.join(dir, 'nato.news.txt')).toString();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: nato, languageId: 'news-article', version: 1, text },
    });
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: nato },
      position: { line: 0, character: 1 },
    });
    assert.ok(hover, 'a hover on 北約');
    assert.match((hover.contents as { value: string }).value, /北大西洋公約組織/);
  });

  it('removes the copyright block with its quick fix, and the diagnostic goes away', async () => {
    const lineNo = SEED.split('\n').findIndex((l) => l.startsWith('本文系觀察者網'));
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: lineNo, character: 0 }, end: { line: lineNo, character: 0 } },
      context: { diagnostics: [] },
    });
    const remove = actions.find((a) => a.isPreferred)!;
    assert.ok(remove, `no preferred fix among ${actions.map((a) => a.title)}`);
    const after = apply(doc, remove.edit!);
    assert.ok(!after.includes('本文系觀察者網獨家稿件'));
    assert.equal(after.length, SEED.length - SEED.split('\n')[lineNo].length - 2);
    doc = TextDocument.create(uri, 'news-article', 2, after);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: after }],
    });
    const p = await client.waitForDiagnostics(uri, (d) => d.version === 2);
    assert.ok(!p.diagnostics.some((d) => d.code === 'boilerplate.copyright'));
    assert.ok(p.diagnostics.some((d) => d.code === 'boilerplate.related'));
  });

  it('keeps a block marked "not boilerplate" and stores it beside the article', async () => {
    const before = client.diagnostics.get(uri)!.diagnostics;
    const caption = before.find((d) => d.code === 'boilerplate.image-caption')!;
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: caption.range,
      context: { diagnostics: [caption] },
    });
    const keep = actions.find((a) => a.command?.command === ServerCommands.keepBlock)!;
    await client.connection.sendRequest('workspace/executeCommand', keep.command);
    const keptText = doc.getText(caption.range).trim();
    await client.waitForDiagnostics(uri, (d) => !d.diagnostics.some((x) => x.range.start.line === caption.range.start.line));
    const stored = JSON.parse(fs.readFileSync(path.join(dir, KEEP_FILE), 'utf8'));
    assert.deepEqual(stored['seed.news.txt'], [keptText]);
  });

  it('re-validates when a setting turns a kind off', async () => {
    client.settings = { boilerplate: { kinds: { related: false } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const p = await client.waitForDiagnostics(uri, (d) => !d.diagnostics.some((x) => x.code === 'boilerplate.related'));
    assert.ok(p.diagnostics.length > 0);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'boilerplate.related'));
  });

  it('runs model-free when newsAnnotator.entities.useModel is off, and says so in the article status', async () => {
    const statusChanged = () =>
      new Promise<void>((resolve) => client.connection.onNotification(Notifications.statusChanged, (p) => p.uri === uri && resolve()));
    const before = await client.connection.sendRequest(Requests.articleStatus, { uri });
    assert.equal(before?.model, 'model');
    let changed = statusChanged();
    client.settings = { entities: { useModel: false } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await changed;
    const modelFree = await client.connection.sendRequest(Requests.articleStatus, { uri });
    assert.equal(modelFree?.model, 'none');
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 4, character: SEED.split('\n')[4].indexOf('普京') },
    });
    assert.match(JSON.stringify(hover.contents), /Person/);
    changed = statusChanged();
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await changed;
    assert.equal((await client.connection.sendRequest(Requests.articleStatus, { uri }))?.model, 'model');
  });

  it('converts the article to Simplified with one versioned edit', async () => {
    const edit: WorkspaceEdit = await client.connection.sendRequest('news/convertScript', { uri, target: 'simplified' });
    const after = apply(doc, edit);
    assert.ok(after.startsWith('特朗普与普京通电话'));
    assert.equal(after.split('\n').length, doc.getText().split('\n').length);
  });

  it('exports annotations in the CLI schema', async () => {
    const out = await client.connection.sendRequest<{
      script: string;
      published: string;
      entities: unknown[];
      dates: unknown[];
      boilerplate: unknown[];
    }>('news/exportAnnotations', { uri });
    assert.equal(out.script, 'traditional');
    assert.equal(out.published, '2025-07-04T09:50');
    assert.ok(out.entities.length > 20 && out.dates.length > 5 && out.boilerplate.length > 0);
  });

  it('adds names from the workspace dictionary', async () => {
    const out = await client.connection.sendRequest<{ entities: { text: string; type: string }[] }>('news/exportAnnotations', { uri });
    assert.ok(out.entities.some((e) => e.text === '天天要聞' && e.type === 'MEDIA'));
  });

  it('finds entities of open articles by workspace symbol search, in either script', async () => {
    const symbols = await client.connection.sendRequest<{ name: string; location: { uri: string } }[]>('workspace/symbol', {
      query: '泽连斯基',
    });
    assert.ok(
      symbols.some((s) => s.name.includes('澤連斯基') && s.location.uri === uri),
      JSON.stringify(symbols),
    );
  });

  it('lists every mention of a person as references', async () => {
    const line = doc.getText().split('\n')[0];
    const refs = await client.connection.sendRequest<unknown[]>('textDocument/references', {
      textDocument: { uri },
      position: { line: 0, character: line.indexOf('普京') },
      context: { includeDeclaration: true },
    });
    assert.ok(refs.length >= 10, `only ${refs.length} references`);
  });

  it('refuses a binary document with a message instead of annotating it', async () => {
    const bin = pathToFileURL(path.join(dir, 'blob.news')).toString();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: bin, languageId: 'news-article', version: 1, text: 'PK\u0003\u0004\u0000\u0000binary' },
    });
    const p = await client.waitForDiagnostics(bin);
    assert.deepEqual(p.diagnostics, []);
    assert.ok(
      client.messages.some((m) => m.includes('blob.news') && /binary/.test(m)),
      client.messages.join('\n'),
    );
  });
});

describe('language server: the folder signal', function () {
  this.timeout(60000);
  it('flags a line that the other articles of the folder repeat, after reading them from disk', async () => {
    ensureBuilt();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-site-'));
    for (const n of [1, 2, 3])
      fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'site', `story${n}.txt`), path.join(dir, `story${n}.news.txt`));
    const client = new TestClient();
    try {
      await client.initialize(pathToFileURL(dir).toString());
      const uri = pathToFileURL(path.join(dir, 'story1.news.txt')).toString();
      const text = fs.readFileSync(path.join(dir, 'story1.news.txt'), 'utf8');
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'news-article', version: 1, text },
      });
      const p = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.range.start.line === 4));
      const d = p.diagnostics.find((x) => x.range.start.line === 4)!;
      assert.equal(d.code, 'boilerplate.navigation');
      assert.ok(!p.diagnostics.some((x) => x.range.start.line === 0 || x.range.start.line >= 8), 'headline and body untouched');
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
