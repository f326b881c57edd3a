/**
 * The built server over stdio, fed a storm of messages: documents with mutated text and odd names,
 * requests with valid and invalid parameters, keep commands aimed outside the workspace, and broken
 * framing (bad headers, short lengths, non-JSON, deep nesting). Invariants: the process stays up and
 * answers a ping after every burst; exported offsets slice to the open text; edits never overlap;
 * nothing is written outside the workspace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerCommands } from '../../server/src/protocol';
import {
  ROOT,
  applyChecked,
  checkExport,
  errorText,
  inputRng,
  isLineSubsequence,
  mutatedArticle,
  sandbox,
  snapshot,
  type Report,
  type Rng,
} from './common';

const SERVER = path.join(ROOT, 'dist', 'server.js');
const NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'a b.txt', '文章.txt', 'x%20y.txt', 'plain.txt'];

interface Response {
  id: number;
  result?: unknown;
  error?: { code: number; message: string };
}

class RawServer {
  readonly proc: ChildProcess;
  private out = Buffer.alloc(0);
  private readonly responses = new Map<number, Response>();
  stderr = '';
  private nextId = 1;

  constructor(root: string) {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdin!.on('error', () => undefined);
    this.proc.stderr!.on('data', (c: Buffer) => (this.stderr = (this.stderr + c.toString()).slice(-20000)));
    this.proc.stdout!.on('data', (c: Buffer) => {
      this.out = Buffer.concat([this.out, c]);
      for (;;) {
        const end = this.out.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.out.subarray(0, end).toString())?.[1]);
        if (this.out.length < end + 4 + length) return;
        const message = JSON.parse(this.out.subarray(end + 4, end + 4 + length).toString()) as Response & { method?: string };
        this.out = this.out.subarray(end + 4 + length);
        // Requests from the server (configuration, registration, refresh) get an empty answer.
        if (message.method && message.id !== undefined)
          this.send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? [{}] : null });
        else if (typeof message.id === 'number' && !message.method) this.responses.set(message.id, message);
      }
    });
  }

  get alive() {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  raw(bytes: string | Buffer) {
    if (this.alive) this.proc.stdin!.write(bytes);
  }

  send(message: unknown) {
    const body = Buffer.from(JSON.stringify(message));
    this.raw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  request(method: string, params: unknown): number {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return id;
  }

  notify(method: string, params: unknown) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async response(id: number, timeoutMs: number): Promise<Response | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (!this.responses.has(id) && this.alive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    return this.responses.get(id);
  }

  has(id: number) {
    return this.responses.get(id);
  }
}

function randomPosition(rng: Rng): unknown {
  switch (rng.int(8)) {
    case 0:
      return { line: 1.5, character: 'a' };
    case 1:
      return { line: -1, character: 0 };
    case 2:
      return null;
    case 3:
      return { line: 2 ** 40, character: 2 ** 40 };
    default:
      return { line: rng.int(60), character: rng.int(80) };
  }
}

/** One session: a fresh server, a burst of messages, checks; returns the number of messages sent. */
async function lspSession(rng: Rng, root: string, index: number, report: Report): Promise<number> {
  const ws = path.join(root, 'ws');
  fs.rmSync(ws, { recursive: true, force: true });
  fs.mkdirSync(path.join(ws, 'sub'), { recursive: true });
  if (rng.chance(0.3)) fs.writeFileSync(path.join(ws, '.news-annotator-keep.json'), rng.pick(['{oops', '{"plain.txt": ["x"]}', '[]']));
  const outsideBefore = snapshot(path.join(root, 'outside'));
  const server = new RawServer(root);
  let sent = 0;
  const fail = (kind: 'crash' | 'violation', message: string) =>
    kind === 'crash' ? report.crash('lsp', index, message) : report.violation('lsp', index, message);
  try {
    const init = server.request('initialize', {
      processId: null,
      rootUri: pathToFileURL(ws).toString(),
      workspaceFolders: [{ uri: pathToFileURL(ws).toString(), name: 'ws' }],
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    if (!(await server.response(init, 30000))) {
      fail('crash', `no answer to initialize; stderr: ${server.stderr.slice(-1000)}`);
      return 1;
    }
    server.notify('initialized', {});
    const docs = new Map<string, { text: string; version: number }>();
    const checks: { id: number; check: (r: Response) => string | undefined }[] = [];
    const messages = 20 + rng.int(60);
    for (let m = 0; m < messages; m++) {
      sent++;
      const uris = [...docs.keys()];
      const uri =
        uris.length && rng.chance(0.8)
          ? rng.pick(uris)
          : pathToFileURL(path.join(ws, rng.chance(0.3) ? 'sub' : '', rng.pick(NAMES))).toString();
      const doc = docs.get(uri);
      switch (rng.int(16)) {
        case 0:
        case 1: {
          const text = mutatedArticle(rng);
          if (doc) {
            doc.text = text;
            server.notify('textDocument/didChange', { textDocument: { uri, version: ++doc.version }, contentChanges: [{ text }] });
          } else {
            docs.set(uri, { text, version: 1 });
            server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'news-article', version: 1, text } });
          }
          break;
        }
        case 2:
          server.request(rng.pick(['textDocument/hover', 'textDocument/references', 'textDocument/documentHighlight']), {
            textDocument: { uri },
            position: randomPosition(rng),
            context: { includeDeclaration: true },
          });
          break;
        case 3: {
          const id = server.request('textDocument/codeAction', {
            textDocument: { uri },
            range: rng.chance(0.8)
              ? { start: randomPosition(rng), end: randomPosition(rng) }
              : { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } },
            context: { diagnostics: [] },
          });
          const text = doc?.text;
          if (text !== undefined) checks.push({ id, check: (r) => editsCheck(text, r, true) });
          break;
        }
        case 4: {
          const id = server.request('news/exportAnnotations', { uri });
          const text = doc?.text;
          if (text !== undefined)
            checks.push({ id, check: (r) => (r.result ? checkExport(text, r.result as Parameters<typeof checkExport>[1]) : undefined) });
          break;
        }
        case 5: {
          const id = server.request('news/removeAllBoilerplate', { uri });
          const text = doc?.text;
          if (text !== undefined) checks.push({ id, check: (r) => editsCheck(text, r, true) });
          break;
        }
        case 6: {
          const id = server.request('news/convertScript', { uri, target: rng.pick(['simplified', 'taiwan', 'klingon']) });
          const text = doc?.text;
          if (text !== undefined) checks.push({ id, check: (r) => editsCheck(text, r, false) });
          break;
        }
        case 7:
          server.request(rng.pick(['textDocument/semanticTokens/full', 'textDocument/documentSymbol', 'textDocument/foldingRange']), {
            textDocument: { uri },
          });
          break;
        case 8: {
          const target = rng.pick([
            uri,
            pathToFileURL(path.join(root, 'outside', 'x.txt')).toString(),
            pathToFileURL(ws).toString() + '/../outside/y.txt',
            pathToFileURL(ws).toString() + '/sub/../../outside/z.txt',
            'file:///x.txt',
            'untitled:Untitled-1',
            42,
          ]);
          server.request('workspace/executeCommand', {
            command: ServerCommands.keepBlock,
            arguments: [{ uri: target, lines: rng.pick([['（完）'], [1, { a: 1 }], 'not a list', [doc?.text.split('\n')[0] ?? '']]) }],
          });
          break;
        }
        case 9:
          if (doc && rng.chance(0.5)) {
            docs.delete(uri);
            server.notify('textDocument/didClose', { textDocument: { uri } });
          } else server.request('workspace/symbol', { query: rng.pick(['', '普京', '\ud83d', 'a'.repeat(1000)]) });
          break;
        case 10:
          // Framing: a header without a valid Content-Length, then a good message.
          server.raw(
            rng.pick([
              'Content-Type: x\r\n\r\n{}',
              'Content-Length: abc\r\n\r\n',
              'Content-Length: -5\r\n\r\n',
              'garbage\r\n\r\n',
              'Content-Length: 99999999999999999999\r\n\r\n',
            ]),
          );
          break;
        case 11: {
          const depth = rng.pick([100, 1000, 5000, 20000]);
          const body = `{"jsonrpc":"2.0","id":${1e6 + m},"method":"textDocument/hover","params":${'['.repeat(depth)}${']'.repeat(depth)}}`;
          server.raw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
          break;
        }
        case 12: {
          const body = rng.pick([
            '{not json',
            '[]',
            '"x"',
            'null',
            '{"jsonrpc":"2.0","id":"s","method":"textDocument/hover","params":{"textDocument":{"uri":1}}}',
            '\u0000\u0001',
          ]);
          server.raw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
          break;
        }
        case 13:
          server.notify('workspace/didChangeWatchedFiles', {
            changes: [
              { uri: pathToFileURL(path.join(ws, rng.pick(['.news-annotator.json', '.news-annotator-keep.json']))).toString(), type: 2 },
            ],
          });
          if (rng.chance(0.5))
            fs.writeFileSync(
              path.join(ws, '.news-annotator.json'),
              rng.pick(['{"dictionary": []}', '[1]', '{"boilerplate": {"always": [{"phrase": "（完）"}]}}', '{']),
            );
          break;
        case 14:
          server.request(rng.pick(['textDocument/inlayHint', 'textDocument/hover']), {
            textDocument: { uri },
            range: { start: randomPosition(rng), end: randomPosition(rng) },
            position: randomPosition(rng),
          });
          break;
        default:
          server.notify('workspace/didChangeConfiguration', {
            settings: { newsAnnotator: rng.pick([{}, { boilerplate: 'x' }, null, { dates: { referenceDate: '2025-07-04' } }]) },
          });
      }
      if (!server.alive) break;
    }
    const ping = server.request('workspace/symbol', { query: '' });
    const pong = await server.response(ping, 60000);
    if (!server.alive)
      fail('crash', `server exited (${server.proc.exitCode ?? server.proc.signalCode}); stderr: ${server.stderr.slice(-1500)}`);
    else if (!pong) fail('violation', `no answer to a ping after ${sent} messages; stderr: ${server.stderr.slice(-1000)}`);
    for (const c of checks) {
      const r = server.has(c.id);
      if (!r) {
        fail('violation', `request ${c.id} was never answered`);
        continue;
      }
      const problem = c.check(r);
      if (problem) fail('violation', `request ${c.id}: ${problem}`);
    }
    if (snapshot(path.join(root, 'outside')) !== outsideBefore) fail('violation', 'a file outside the workspace changed');
    const beside = fs.readdirSync(root).filter((n) => n !== 'ws' && n !== 'outside');
    if (beside.length) fail('violation', `written beside the workspace: ${beside.join(', ')}`);
    if (fs.existsSync('/.news-annotator-keep.json')) fail('violation', 'a keep file was written at /');
  } finally {
    server.proc.kill();
  }
  return sent;
}

/** Edits of a response: valid and without overlap; a removal leaves a line subsequence of the text. */
function editsCheck(text: string, r: Response, removal: boolean): string | undefined {
  if (!r.result) return undefined;
  const edits = (Array.isArray(r.result) ? r.result : [r.result]) as { edit?: unknown; documentChanges?: unknown }[];
  for (const item of edits) {
    const edit = (item.edit ?? item) as { documentChanges?: { edits: { range: never; newText: string }[] }[] };
    for (const change of edit.documentChanges ?? []) {
      const applied = applyChecked(text, change.edits);
      if ('problem' in applied) return applied.problem;
      if (removal && !isLineSubsequence(text, applied.text)) return 'a removal leaves text that is not a line subsequence';
    }
  }
  return undefined;
}

let root: string | undefined;
export async function fuzzLsp(report: Report, from: number, count: number) {
  root ??= sandbox('lsp');
  for (let i = from; i < from + count; i++) {
    try {
      report.count('lsp', await lspSession(inputRng(report.seed, 'lsp', i), root, i, report));
    } catch (e) {
      report.violation('lsp', i, errorText(e));
    }
  }
}
