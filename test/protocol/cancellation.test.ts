import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, type SemanticTokens, type SemanticTokensDelta } from 'vscode-languageserver-protocol';
import { ROOT, TestClient, ensureBuilt } from './lspClient';

const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8');
const uri = 'untitled:cancellation.news.txt';

/** The error code a request was rejected with, or undefined when it was answered. */
async function codeOf(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: number }).code;
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

  const type = (text: string) => {
    version++;
    return client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } }, text }],
    });
  };

  /** A request that keeps the server analysing a new version while the next messages arrive, as in typing. */
  const busy = async () => {
    await type('了');
    return client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }).catch(() => undefined);
  };

  it('answers a request for a version the client has since changed with ContentModified', async () => {
    const first = busy();
    const pending = codeOf(client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }));
    void type('的');
    await first;
    assert.equal(await pending, -32801);
    // The same request for the current version is answered.
    assert.equal(await codeOf(client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })), undefined);
  });

  it('answers a request the client cancelled with RequestCancelled', async () => {
    const first = busy();
    const source = new CancellationTokenSource();
    const pending = codeOf(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 3 } }, source.token));
    source.cancel();
    await first;
    assert.equal(await pending, -32800);
  });

  it('sends semantic tokens as a delta against the result the client holds', async () => {
    const full: SemanticTokens = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.ok(full.resultId);
    // A new paragraph with a name: the tokens after it shift one line down, the ones before stay.
    await type('普京說。\n');
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
