import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver-protocol';
import { ROOT, TestClient, ensureBuilt, rawServer } from './lspClient';

const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8');
const uri = 'untitled:cancellation.news.txt';

describe('language server: cancellation, outdated versions, semantic tokens delta', function () {
  this.timeout(60000);
  let client: TestClient;
  let version = 1;

  before(async () => {
    ensureBuilt();
    client = new TestClient();
    await client.initialize(null);
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'news-article', version, text: SEED },
    });
    await client.waitForDiagnostics(uri, (d) => d.version === 1);
  });
  after(async () => client?.stop());

  const type = (text: string) => {
    version++;
    return client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } }, text }],
    });
  };

  /**
   * Cancellation and outdated versions are races by nature. To test them deterministically the request and
   * the message that outdates it are written to the server in one chunk, so both are queued before the
   * request is handled, as when the server was busy while the user typed.
   */
  async function raceServer() {
    const s = rawServer();
    s.proc.stdin.write(
      Buffer.concat([
        s.frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }),
        s.frame({ jsonrpc: '2.0', method: 'initialized', params: {} }),
        s.frame({
          jsonrpc: '2.0',
          method: 'textDocument/didOpen',
          params: { textDocument: { uri, languageId: 'news-article', version: 1, text: SEED } },
        }),
      ]),
    );
    assert.ok(await s.response(1, 30000), 'initialize answered');
    return s;
  }

  it('answers a request for a version the client has since changed with ContentModified', async () => {
    const s = await raceServer();
    try {
      const change = {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } }, text: '的' }],
      };
      s.proc.stdin.write(
        Buffer.concat([
          s.frame({ jsonrpc: '2.0', id: 2, method: 'textDocument/semanticTokens/full', params: { textDocument: { uri } } }),
          s.frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: change }),
        ]),
      );
      assert.equal((await s.response(2, 30000))?.error?.code, -32801);
      // The same request for the current version is answered.
      s.proc.stdin.write(s.frame({ jsonrpc: '2.0', id: 3, method: 'textDocument/semanticTokens/full', params: { textDocument: { uri } } }));
      const answered = await s.response(3, 30000);
      assert.ok(answered && !answered.error && answered.result, JSON.stringify(answered));
    } finally {
      s.proc.kill();
    }
  });

  it('answers a request cancelled before the server reached it with RequestCancelled, and the same request uncancelled', async () => {
    const s = await raceServer();
    try {
      s.proc.stdin.write(
        Buffer.concat([
          s.frame({
            jsonrpc: '2.0',
            id: 2,
            method: 'textDocument/hover',
            params: { textDocument: { uri }, position: { line: 4, character: 3 } },
          }),
          s.frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 2 } }),
        ]),
      );
      assert.equal((await s.response(2, 30000))?.error?.code, -32800);
      // Not cancelled, the same request is answered.
      s.proc.stdin.write(
        s.frame({
          jsonrpc: '2.0',
          id: 3,
          method: 'textDocument/hover',
          params: { textDocument: { uri }, position: { line: 4, character: 3 } },
        }),
      );
      const answered = await s.response(3, 30000);
      assert.ok(answered && !answered.error, JSON.stringify(answered));
    } finally {
      s.proc.kill();
    }
  });

  it('sends semantic tokens as a delta against the result the client holds', async () => {
    const full: SemanticTokens = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.ok(full.resultId);
    // A new paragraph with a name: the tokens after it shift one line down, the ones before stay.
    await type('普京說。\n');
    await client.waitForDiagnostics(uri, (d) => d.version === version);
    const delta: SemanticTokensDelta = await client.connection.sendRequest('textDocument/semanticTokens/full/delta', {
      textDocument: { uri },
      previousResultId: full.resultId,
    });
    assert.ok(delta.edits, 'a delta, not the whole array');
    const applied = full.data.slice();
    for (const e of delta.edits) applied.splice(e.start, e.deleteCount, ...(e.data ?? []));
    const now: SemanticTokens = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(applied, now.data);
    assert.ok(delta.edits[0].start > 0, 'the tokens before the edit are not resent');
    // Against a result id it no longer holds, the server sends the whole array.
    const stale = (await client.connection.sendRequest('textDocument/semanticTokens/full/delta', {
      textDocument: { uri },
      previousResultId: full.resultId,
    })) as SemanticTokens;
    assert.deepEqual(stale.data, now.data);
  });
});
