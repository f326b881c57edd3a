/**
 * A real LSP client for tests: starts the built server (dist/server.js --stdio) as a process and
 * talks JSON-RPC to it with vscode-languageserver-protocol.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export function ensureBuilt() {
  if (!fs.existsSync(SERVER)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly proc: ChildProcess;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: {
    uri: string;
    test: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  settings: unknown = {};
  readonly messages: string[] = [];
  /** What the server wrote to stderr, when started with `env` (otherwise stderr is the test's). */
  stderr = '';

  /** `env`: the server's environment instead of the test's, its stderr kept in `stderr`; `nodeArgs`: Node's options. */
  constructor(env?: NodeJS.ProcessEnv, nodeArgs: readonly string[] = []) {
    this.proc = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', env ? 'pipe' : 'inherit'],
      env: env ?? process.env,
    });
    this.proc.stderr?.on('data', (c: Buffer) => (this.stderr += c.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.test(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', () => [this.settings]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/showMessage', (p: { message: string }) => this.messages.push(p.message));
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /** Resolves with the first diagnostics for uri that pass test (also ones that already arrived). */
  waitForDiagnostics(
    uri: string,
    test: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10000,
  ): Promise<PublishDiagnosticsParams> {
    const have = this.diagnostics.get(uri);
    if (have && test(have)) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching diagnostics for ${uri} within ${timeoutMs} ms; last seen: ${JSON.stringify(this.diagnostics.get(uri)?.diagnostics.map((d) => d.code))}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({ uri, test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  async initialize(rootUri: string | null, locale = 'en') {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      locale,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, semanticTokens: { refreshSupport: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** The server's process id. */
  get pid(): number {
    return this.proc.pid!;
  }

  async stop() {
    const timeout = new Promise((resolve) => setTimeout(resolve, 3000));
    try {
      await Promise.race([this.connection.sendRequest('shutdown').then(() => this.connection.sendNotification('exit')), timeout]);
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.proc.kill();
  }
}

/** Raw bytes to the server's stdin, JSON-RPC responses parsed from its stdout. */
export function rawServer() {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = Buffer.alloc(0);
  let stderr = '';
  const responses: { id?: unknown; result?: unknown; error?: { code: number; message: string } }[] = [];
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  proc.stdout.on('data', (c: Buffer) => {
    out = Buffer.concat([out, c]);
    for (;;) {
      const end = out.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(out.subarray(0, end).toString())?.[1]);
      if (out.length < end + 4 + length) return;
      responses.push(JSON.parse(out.subarray(end + 4, end + 4 + length).toString()));
      out = out.subarray(end + 4 + length);
    }
  });
  const frame = (message: unknown) => {
    const body = Buffer.from(JSON.stringify(message));
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
  };
  const response = async (id: number, timeoutMs = 10000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = responses.find((x) => x.id === id);
      if (r) return r;
      if (proc.exitCode !== null || Date.now() > deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return { proc, frame, response, stderr: () => stderr };
}
