/**
 * The server empties V8's young generation after answering semantic tokens (server/src/node/nursery.ts), when it is
 * started as the client starts it (with --expose-gc). The server's `gc` is wrapped by a preloaded module that notes
 * each call on stderr, so the test sees the calls without timing anything.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { SERVER_EXEC_ARGV } from '../../server/src/protocol';
import { ROOT, SERVER, ensureBuilt } from './lspClient';

const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8');
const NOTE_GC =
  'const gc = globalThis.gc; globalThis.gc = (o) => { process.stderr.write("gc-call " + JSON.stringify(o ?? null) + "\\n"); return gc(o); };';

describe('language server: the young generation emptied after a tokens answer', function () {
  this.timeout(60000);
  let proc: ChildProcess | undefined;
  let connection: ProtocolConnection;
  let stderr = '';
  const minor = () => stderr.split('\n').filter((l) => l === 'gc-call {"type":"minor"}').length;
  const until = async (test: () => boolean, what: string) => {
    const deadline = Date.now() + 10000;
    while (!test()) {
      if (Date.now() > deadline) assert.fail(`${what}; stderr: ${stderr.slice(-500)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  before(() => ensureBuilt());
  afterEach(() => {
    connection?.dispose();
    proc?.kill();
  });

  it('collects the young generation after semantic tokens answers, and not before one', async () => {
    assert.ok(SERVER_EXEC_ARGV.includes('--expose-gc'), 'the client starts the server with gc exposed');
    // Started as the client starts it, with the preload that notes each call of gc on stderr.
    proc = spawn(
      process.execPath,
      [...SERVER_EXEC_ARGV, '--import', `data:text/javascript,${encodeURIComponent(NOTE_GC)}`, SERVER, '--stdio'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const published: { uri: string; version?: number }[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => void published.push(p));
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    const diagnostics = (version: number) =>
      until(() => published.some((p) => p.uri === uri && p.version === version), `diagnostics of version ${version}`);
    const uri = pathToFileURL(path.join(ROOT, 'nursery.news.txt')).toString();
    // About 45 KB, so a tokens request fills more than a quarter of the 2 MB young generation.
    const text = Array(5).fill(SEED).join('\n');
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'news-article', version: 1, text },
    });
    await diagnostics(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(minor(), 0, 'no minor collection before any tokens answer');
    // The tokens of the open, then keystrokes each followed by a delta request, as an editor asks. Each answer may
    // leave the young generation less than a quarter full (a scavenge just before it), so only some are followed
    // by a collection: at least one, at most one per answer.
    const full = (await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { resultId?: string };
    let previous = full.resultId;
    const answers = 6;
    for (let version = 2; version <= answers; version++) {
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 2, character: 3 }, end: { line: 2, character: 3 } }, text: '的' }],
      });
      await diagnostics(version);
      const delta = (await connection.sendRequest('textDocument/semanticTokens/full/delta', {
        textDocument: { uri },
        previousResultId: previous,
      })) as { resultId?: string };
      previous = delta.resultId;
    }
    await until(() => minor() >= 1, 'a minor collection after the tokens answers');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(minor() <= answers, `${minor()} collections after ${answers} answers`);
  });
});
