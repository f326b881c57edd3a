/** The server under hostile or unlucky input (issue 15): odd names, keep and config files, positions, framing. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { KEEP_FILE } from '../../server/src/node/workspaceFiles';
import { SERVER_EXEC_ARGV, ServerCommands } from '../../server/src/protocol';
import { ROOT, TestClient, ensureBuilt, rawServer } from './lspClient';

const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8');
const STORY =
  '禾青風報告發布\n\n記者王小明報導，今天有人在禾青風說了這件事。\n\n他說這份報告會在下週公開，民眾可以上網查詢相關內容。\n\n她表示目前仍有許多細節需要與各方協調，預計月底完成。\n\n當地居民對此表示歡迎，並希望後續能有更多說明。\n';

describe('language server hardening (protocol)', function () {
  this.timeout(60000);
  let client: TestClient;
  let tmp: string;
  let ws1: string;
  let ws2: string;
  const registrations: { method: string; registerOptions?: { watchers?: { globPattern: string }[] } }[] = [];

  const open = async (file: string, text: string) => {
    const uri = pathToFileURL(file).toString();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'news-article', version: 1, text },
    });
    return uri;
  };
  const keep = (uri: string, lines: unknown) =>
    client.connection.sendRequest('workspace/executeCommand', { command: ServerCommands.keepBlock, arguments: [{ uri, lines }] });
  const changed = (file: string) =>
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 2 }] });
  const lineFlagged = (text: string) => (d: { diagnostics: { range: { start: { line: number }; end: { line: number } } }[] }) => {
    const line = STORY.split('\n').indexOf(text);
    return d.diagnostics.some((x) => x.range.start.line <= line && line <= x.range.end.line);
  };

  before(async () => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lsp-hard-'));
    ws1 = path.join(tmp, 'ws1');
    ws2 = path.join(tmp, 'ws2');
    fs.mkdirSync(ws1);
    fs.mkdirSync(ws2);
    fs.writeFileSync(
      path.join(ws1, '.news-annotator.json'),
      JSON.stringify({ boilerplate: { always: [{ phrase: '他說這份報告會在下週公開，民眾可以上網查詢相關內容。', kind: 'promo' }] } }),
    );
    fs.writeFileSync(
      path.join(ws2, '.news-annotator.json'),
      JSON.stringify({ boilerplate: { always: [{ phrase: '她表示目前仍有許多細節需要與各方協調，預計月底完成。', kind: 'promo' }] } }),
    );
    client = new TestClient();
    client.connection.onRequest('client/registerCapability', (p: { registrations: typeof registrations }) => {
      registrations.push(...p.registrations);
      return null;
    });
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [ws1, ws2].map((f) => ({ uri: pathToFileURL(f).toString(), name: path.basename(f) })),
      locale: 'en',
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, semanticTokens: { refreshSupport: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    await client.connection.sendNotification('initialized', {});
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('serves documents named like Object.prototype members', async () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const uri = await open(path.join(ws1, name), SEED);
      const p = await client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
      assert.ok(
        p.diagnostics.some((d) => d.code === 'boilerplate.copyright'),
        name,
      );
    }
  });

  it('registers watchers for the config and keep files', () => {
    const watch = registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watch, JSON.stringify(registrations));
    const globs = watch.registerOptions!.watchers!.map((w) => w.globPattern);
    assert.ok(globs.some((g) => g.endsWith('.news-annotator.json')) && globs.some((g) => g.endsWith(KEEP_FILE)), globs.join());
  });

  it('merges the rules of every workspace folder', async () => {
    const uri = await open(path.join(ws1, 'story.txt'), STORY);
    await client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
    await client.waitForDiagnostics(
      uri,
      (d) =>
        lineFlagged('他說這份報告會在下週公開，民眾可以上網查詢相關內容。')(d) &&
        lineFlagged('她表示目前仍有許多細節需要與各方協調，預計月底完成。')(d),
    );
  });

  it('re-validates when a config file changes, and an emptied dictionary clears its names', async () => {
    const uri = pathToFileURL(path.join(ws1, 'story.txt')).toString();
    const config = path.join(ws2, '.news-annotator.json');
    assert.ok(lineFlagged('她表示目前仍有許多細節需要與各方協調，預計月底完成。')(client.diagnostics.get(uri)!));
    fs.writeFileSync(config, JSON.stringify({ dictionary: [{ text: '禾青風', type: 'LOC' }] }));
    await changed(config);
    await client.waitForDiagnostics(uri, (d) => !lineFlagged('她表示目前仍有許多細節需要與各方協調，預計月底完成。')(d));
    const names = async () =>
      (await client.connection.sendRequest<{ entities: { text: string }[] }>('news/exportAnnotations', { uri })).entities.map(
        (e) => e.text,
      );
    assert.ok((await names()).includes('禾青風'));
    fs.writeFileSync(config, JSON.stringify({ dictionary: [] }));
    await changed(config);
    // The change is applied when the notification is handled; the request after it sees it.
    assert.ok(!(await names()).includes('禾青風'));
  });

  it('reports a malformed keep file and never overwrites it', async () => {
    const dir = path.join(ws1, 'broken');
    fs.mkdirSync(dir);
    const keepFile = path.join(dir, KEEP_FILE);
    const broken = '{"other.txt": ["a line the user kept"], oops';
    fs.writeFileSync(keepFile, broken);
    const uri = await open(path.join(dir, 'a.txt'), SEED);
    await client.waitForDiagnostics(uri, (d) => d.diagnostics.length > 0);
    await keep(uri, ['本文系觀察者網獨家稿件,未經授權,不得轉載。']);
    assert.equal(fs.readFileSync(keepFile, 'utf8'), broken);
    assert.ok(
      client.messages.some((m) => m.includes(keepFile) && /not a valid keep file/.test(m)),
      client.messages.join('\n'),
    );
  });

  it('writes no keep file outside the workspace folders, and refuses lines that are not strings', async () => {
    const outside = path.join(tmp, 'outside');
    fs.mkdirSync(outside);
    await keep(pathToFileURL(path.join(outside, 'x.txt')).toString(), ['a']);
    await keep(pathToFileURL(ws1).toString() + '/../outside/y.txt', ['a']);
    await keep('file:///x.txt', ['a']);
    assert.ok(!fs.existsSync(path.join(outside, KEEP_FILE)));
    assert.ok(!fs.existsSync(path.join(tmp, KEEP_FILE)));
    assert.ok(!fs.existsSync('/' + KEEP_FILE));
    const uri = pathToFileURL(path.join(ws2, 'z.txt')).toString();
    await assert.rejects(keep(uri, [{ evil: true }, 3]), /lines must be a list of strings/);
    assert.ok(!fs.existsSync(path.join(ws2, KEEP_FILE)));
  });

  it('honours an entry deleted from the keep file while running, and does not write it back', async () => {
    const uri = await open(path.join(ws2, 'kept.txt'), SEED);
    const copyright = '本文系觀察者網獨家稿件,未經授權,不得轉載。';
    const copyrightLine = SEED.split('\n').indexOf(copyright);
    const flagged = (d: { diagnostics: { range: { start: { line: number } } }[] }) =>
      d.diagnostics.some((x) => x.range.start.line === copyrightLine);
    await client.waitForDiagnostics(uri, flagged);
    await keep(uri, [copyright]);
    await client.waitForDiagnostics(uri, (d) => !flagged(d));
    const keepFile = path.join(ws2, KEEP_FILE);
    fs.writeFileSync(keepFile, '{}\n');
    await changed(keepFile);
    await client.waitForDiagnostics(uri, flagged);
    await keep(uri, ['another line']);
    assert.deepEqual(JSON.parse(fs.readFileSync(keepFile, 'utf8')), { 'kept.txt': ['another line'] });
  });

  it('answers invalid positions with an error, not as if they were valid', async () => {
    const uri = pathToFileURL(path.join(ws1, 'story.txt')).toString();
    for (const position of [{ line: 1.5, character: 'a' }, { line: -1, character: 0 }, null]) {
      await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }), /invalid position/);
    }
    await assert.rejects(
      client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0 }, end: null },
        context: { diagnostics: [] },
      }),
      /invalid range/,
    );
    // A valid request still works afterwards.
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  });

  it('states the size limit of a document in characters', async () => {
    const text = 'abc defg\n'.repeat(1_200_000);
    await open(path.join(ws1, 'huge.txt'), text);
    const deadline = Date.now() + 20000;
    while (!client.messages.some((m) => m.includes('huge.txt')) && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    const message = client.messages.find((m) => m.includes('huge.txt'));
    assert.match(message ?? '', /huge\.txt has 10,800,000 characters, more than the limit of 10,000,000/);
  });
});

describe('language server framing (protocol)', function () {
  this.timeout(30000);
  const initialize = (id: number) => ({
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { processId: null, rootUri: null, capabilities: {} },
  });

  it('logs a header without a valid Content-Length and goes on answering', async () => {
    const s = rawServer();
    try {
      s.proc.stdin.write('Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":9,"method":"x"}');
      s.proc.stdin.write('Content-Length: abc\r\n\r\n');
      s.proc.stdin.write(s.frame(initialize(1)));
      const r = await s.response(1);
      assert.ok(r && r.result, `no answer after a bad header; stderr: ${s.stderr()}`);
      assert.match(s.stderr(), /Content-Length/);
    } finally {
      s.proc.kill();
    }
  });

  it('survives a message nested 5,000 levels deep and answers the request with an error', async () => {
    const s = rawServer();
    try {
      s.proc.stdin.write(s.frame(initialize(1)));
      assert.ok(await s.response(1));
      // Written as text: this process could not build or stringify such a value either.
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      const raw = (body: string) => Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`), Buffer.from(body)]);
      s.proc.stdin.write(raw(`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":${deep}}`));
      s.proc.stdin.write(raw(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"deep":${deep}}}`));
      s.proc.stdin.write(
        raw(`{"jsonrpc":"2.0","id":4,"method":"workspace/symbol","params":{"query":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}}`),
      );
      s.proc.stdin.write(s.frame({ jsonrpc: '2.0', id: 3, method: 'shutdown' }));
      const r2 = await s.response(2);
      assert.ok(r2?.error, `request 2: ${JSON.stringify(r2)}; stderr: ${s.stderr().slice(-500)}`);
      assert.ok((await s.response(4))?.error, 'a deep object is refused too');
      assert.ok(await s.response(3), 'still answering');
      assert.equal(s.proc.exitCode, null);
    } finally {
      s.proc.kill();
    }
  });
});

describe('language server: a large document does not hold up the others (protocol)', function () {
  this.timeout(120000);
  let client: TestClient;
  let dir: string;
  before(async () => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lsp-large-'));
    client = new TestClient();
    await client.initialize(pathToFileURL(dir).toString());
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers for a small document while a large one is analysed, then publishes the large one', async () => {
    const small = pathToFileURL(path.join(dir, 'small.txt')).toString();
    const large = pathToFileURL(path.join(dir, 'large.txt')).toString();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: small, languageId: 'news-article', version: 1, text: SEED },
    });
    await client.waitForDiagnostics(small, (d) => d.diagnostics.length > 0);
    let text = '';
    while (text.length < 600_000) text += SEED + '\n';
    const opened = Date.now();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: large, languageId: 'news-article', version: 1, text },
    });
    let done = false;
    const published = client.waitForDiagnostics(large, (d) => d.diagnostics.length > 0, 100000).then((p) => ((done = true), p));
    const line = SEED.split('\n')[4];
    let slowest = 0;
    let asked = 0;
    while (!done) {
      const t0 = Date.now();
      await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: small },
        position: { line: 4, character: line.indexOf('普京') },
      });
      slowest = Math.max(slowest, Date.now() - t0);
      asked++;
      await new Promise((r) => setTimeout(r, 50));
    }
    const p = await published;
    const took = Date.now() - opened;
    assert.ok(p.diagnostics.some((d) => d.code === 'boilerplate.copyright'));
    // Analysed on the main thread, one hover would wait for nearly all of the analysis. (Absolute
    // times vary with the machine's load, so the bound is relative.)
    assert.ok(slowest < took / 2, `a hover on the small document waited ${slowest} ms of the ${took} ms the large one took`);
    assert.ok(asked >= 10, `only ${asked} requests answered while the large document was analysed`);
    const hover = await client.connection.sendRequest<{ contents: unknown } | null>('textDocument/hover', {
      textDocument: { uri: large },
      position: { line: 4, character: line.indexOf('普京') },
    });
    assert.ok(hover, 'the large document is served from its analysis');
  });
});

describe('language server: large documents and the server memory (protocol)', function () {
  this.timeout(120000);

  it('leaves the model unread while a large document is analysed elsewhere, and opens it for a small one', async () => {
    ensureBuilt();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lsp-model-'));
    // NEWS_MEMORY_LOG: each process logs "model loaded" with its pid when it opens the model (node/model.ts).
    // Started with the client's options (--expose-gc among them).
    const client = new TestClient({ ...process.env, NEWS_MEMORY_LOG: '1' }, SERVER_EXEC_ARGV);
    const loaded = () => client.stderr.includes(`[memory ${client.pid}] model loaded`);
    try {
      await client.initialize(pathToFileURL(dir).toString());
      let text = '';
      while (text.length < 250_000) text += SEED + '\n';
      const large = pathToFileURL(path.join(dir, 'large.txt')).toString();
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: large, languageId: 'news-article', version: 1, text },
      });
      const p = await client.waitForDiagnostics(large, (d) => d.diagnostics.length > 0, 100000);
      assert.ok(p.diagnostics.some((d) => d.code === 'boilerplate.copyright'));
      const tokens = await client.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', {
        textDocument: { uri: large },
      });
      assert.ok(tokens.data.length > 0, 'the large document has its names and dates');
      assert.ok(/\] model loaded/.test(client.stderr), 'the analysis process opened the model');
      assert.equal(loaded(), false, 'the server opened the model for a document it did not analyse');
      // The result taken in, one full collection before its diagnostics are built (node/memory.ts collectNow).
      assert.ok(client.stderr.includes(`[memory ${client.pid}] collected at once`), client.stderr);
      const small = pathToFileURL(path.join(dir, 'small.txt')).toString();
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: small, languageId: 'news-article', version: 1, text: SEED },
      });
      await client.waitForDiagnostics(small, (d) => d.diagnostics.length > 0);
      assert.ok(loaded(), 'the server opened the model for the small document');
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('analyses a large document once when it is validated before its folder has been read', async () => {
    ensureBuilt();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lsp-folder-'));
    // Other articles in the folder: their recurring lines are part of the analysis's key.
    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(dir, `other${i}.txt`), `${STORY}\n第${i}篇`);
    const client = new TestClient({ ...process.env, NEWS_MEMORY_LOG: '1' });
    try {
      // No debounce: the validation runs before the folder's files are read (an editor's 1.2 s pause hid the race).
      await client.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(dir).toString(),
        capabilities: {},
        initializationOptions: { validationDelay: 0 },
      });
      await client.connection.sendNotification('initialized', {});
      let text = '';
      while (text.length < 250_000) text += SEED + '\n';
      const large = pathToFileURL(path.join(dir, 'large.txt')).toString();
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: large, languageId: 'news-article', version: 1, text },
      });
      await client.waitForDiagnostics(large, (d) => d.diagnostics.length > 0, 100000);
      await new Promise((r) => setTimeout(r, 500));
      // offThread.ts logs 'sent' for each request to the analysis process.
      const sent = client.stderr.split('\n').filter((l) => l.startsWith(`[memory ${client.pid}] sent`));
      assert.equal(sent.length, 1, client.stderr);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
