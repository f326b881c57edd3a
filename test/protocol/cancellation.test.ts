import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type SemanticTokens, type SemanticTokensDelta } from 'vscode-languageserver-protocol';
import { ROOT, TestClient, ensureBuilt } from './lspClient';

const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8');
const uri = 'untitled:cancellation.news.txt';

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: { code: number } };

/** The server spoken to in raw JSON-RPC frames; `send` writes several messages in one write. */
class RawServer {
  private readonly proc: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  private buffer = Buffer.alloc(0);
  private readonly waiting = new Map<number, (m: Message) => void>();
  private nextId = 1;

  constructor() {
    this.proc.stdout!.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const head = this.buffer.indexOf('\r\n\r\n');
        if (head < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, head).toString())![1]);
        if (this.buffer.length < head + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString()) as Message;
        this.buffer = this.buffer.subarray(head + 4 + length);
        // Requests from the server (configuration, registration) get an empty answer.
        if (message.method && message.id !== undefined) this.send([{ id: message.id, result: null } as Message]);
        else if (message.id !== undefined) this.waiting.get(message.id)?.(message);
      }
    });
  }

  /** Writes the messages in one write; a promise of the response for each one with an id. */
  send(messages: Message[]): Promise<Message>[] {
    const frames = messages.map((m) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...m });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    });
    const answers = messages.filter((m) => m.id !== undefined && m.method).map((m) => new Promise<Message>((resolve) => this.waiting.set(m.id!, resolve)));
    this.proc.stdin!.write(frames.join(''));
    return answers;
  }

  request(m: Message): Promise<Message> {
    return this.send([{ id: this.nextId++, ...m }])[0];
  }

  stop() {
    this.proc.kill();
  }
}

describe('language server: cancellation, outdated versions, semantic tokens delta', function () {
  this.timeout(60000);
  let client: TestClient;
  let version = 1;

  before(async () => {
    ensureBuilt();
    client = new TestClient();
    await client.initialize(null);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news-article', version, text: SEED } });
    await client.waitForDiagnostics(uri, (d) => d.version === 1);
  });
  after(async () => client?.stop());


  const change = (text: string) => ({
    textDocument: { uri, version: ++version },
    contentChanges: [{ range: { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } }, text }],
  });

  it('answers a request for a version the client has since changed with ContentModified, and a cancelled one with RequestCancelled', async () => {
    // A second server spoken to in raw frames, so that messages can reach it in one read: what a busy server finds
    // waiting when it gets back to its queue (the user typed, or the editor cancelled, meanwhile).
    const raw = new RawServer();
    try {
      await raw.request({ method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      raw.send([{ method: 'initialized', params: {} }, { method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'news-article', version: 1, text: SEED } } }]);
      const tokens = { method: 'textDocument/semanticTokens/full', params: { textDocument: { uri } } };
      const edit = { method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: SEED + '普京說。' }] } };
      const [outdated] = raw.send([{ id: 100, ...tokens }, edit]);
      assert.equal((await outdated).error?.code, -32801);
      assert.ok((await raw.request(tokens)).result, 'the same request for the current version is answered');
      const hover = { method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 4, character: 3 } } };
      const [cancelled] = raw.send([{ id: 200, ...hover }, { method: '$/cancelRequest', params: { id: 200 } }]);
      assert.equal((await cancelled).error?.code, -32800);
      assert.equal((await raw.request(hover)).error, undefined, 'not cancelled, the same request is answered');
    } finally {
      raw.stop();
    }
  });

  it('sends semantic tokens as a delta against the result the client holds', async () => {
    const full: SemanticTokens = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.ok(full.resultId);
    // A new paragraph with a name: the tokens after it shift one line down, the ones before stay.
    await client.connection.sendNotification('textDocument/didChange', change('普京說。\n'));
    await client.waitForDiagnostics(uri, (d) => d.version === version);
    const delta: SemanticTokensDelta = await client.connection.sendRequest('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: full.resultId });
    assert.ok(delta.edits, 'a delta, not the whole array');
    const applied = full.data.slice();
    for (const e of delta.edits) applied.splice(e.start, e.deleteCount, ...(e.data ?? []));
    const now: SemanticTokens = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(applied, now.data);
    assert.ok(delta.edits[0].start > 0, 'the tokens before the edit are not resent');
    // Against a result id it no longer holds, the server sends the whole array.
    const stale = (await client.connection.sendRequest('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: full.resultId })) as SemanticTokens;
    assert.deepEqual(stale.data, now.data);
  });
});
