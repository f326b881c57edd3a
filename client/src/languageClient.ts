/**
 * The language client: created and started once, on the first news article (or the first command),
 * so that activating on plain text for the opt-in does not spawn a server for every .txt file.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type RequestType,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LANGUAGE_ID, SERVER_EXEC_ARGV } from '../../server/src/protocol';
import { CrashHandler } from './errorHandler';
import { guardCodeActions } from './fixGuard';
import { errorText, msg } from './messages';

const RESTART_WAIT_MS = 10_000;

export class ServerConnection implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private failed = false;
  private starting: Promise<LanguageClient | undefined> | undefined;
  private readonly startedListeners: ((client: LanguageClient) => void)[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * Starts the server once; later calls return the same promise. Undefined when it could not start.
   * After a failed start only `retry` (a command) tries again, so opening articles does not repeat the error.
   */
  start(retry = false): Promise<LanguageClient | undefined> {
    if (this.failed && !retry) return Promise.resolve(undefined);
    this.starting ??= this.doStart();
    return this.starting;
  }

  /** A running client, or undefined after telling the user that the server is not running. */
  async running(): Promise<LanguageClient | undefined> {
    const client = await this.start(true);
    if (!client) return undefined; // doStart already showed why
    // After a crash the client restarts by itself: give it a moment rather than failing at once.
    if (client.state === State.Starting) await waitUntilRunning(client, RESTART_WAIT_MS);
    if (client.isRunning()) return client;
    // The client gives up after repeated crashes; one restart on an explicit command is worth a try.
    if (client.state === State.Stopped) {
      try {
        await client.start();
        if (client.isRunning()) return client;
      } catch (error) {
        this.log.error(`Language server restart failed: ${errorText(error)}`);
      }
    }
    this.showError(msg.serverNotRunning());
    return undefined;
  }

  /**
   * Sends a custom request, showing `progress` in the status bar while it runs (a conversion or an export of a
   * large file takes a moment). Failures are logged and shown with `failure(detail)`; the result is then
   * `{ ok: false }`, so that callers can tell a failure from a legitimate `null` result.
   */
  async request<P, R>(
    type: RequestType<P, R, void>,
    params: P,
    failure: (detail: string) => string,
    progress?: string,
  ): Promise<{ ok: true; value: R } | { ok: false }> {
    const client = await this.running();
    if (!client) return { ok: false };
    try {
      const send = () => client.sendRequest(type, params);
      const value = progress
        ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: progress }, send)
        : await send();
      return { ok: true, value };
    } catch (error) {
      this.log.error(`${type.method} failed: ${errorText(error)}`);
      // The client rejects requests once the server has died: say that, not the RPC error.
      this.showError(client.isRunning() ? failure(errorText(error)) : msg.serverNotRunning());
      return { ok: false };
    }
  }

  /** The running client, if any, without starting one (for passive features such as the language status). */
  get current(): LanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  /** Called with each client once it has started (and again after a restart by a command). */
  onStarted(listener: (client: LanguageClient) => void): void {
    this.startedListeners.push(listener);
  }

  showError(message: string): void {
    void vscode.window.showErrorMessage(message, msg.showOutput()).then((choice) => {
      if (choice) this.log.show(true);
    });
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client?.isRunning()) await client.stop();
  }

  dispose(): void {
    void this.stop();
  }

  private async doStart(): Promise<LanguageClient | undefined> {
    const module = this.context.asAbsolutePath('dist/server.js');
    // Same options in debug mode: a fixed --inspect port would collide when two windows debug at once.
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    };
    let initialised = false;
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: LANGUAGE_ID },
        { scheme: 'untitled', language: LANGUAGE_ID },
      ],
      synchronize: { configurationSection: 'newsAnnotator' },
      initializationOptions: { locale: vscode.env.language },
      diagnosticCollectionName: 'news-annotator',
      middleware: {
        // Read the version before the request: by the time the answer arrives the user may have typed on.
        provideCodeActions: async (document, range, context, token, next) => {
          const version = document.version;
          return guardCodeActions(await next(document, range, context, token), document.uri, version);
        },
      },
      outputChannel: this.log,
      errorHandler: new CrashHandler(
        (crashes) => this.showError(msg.serverCrashed(crashes)),
        // A server that dies before its first initialisation will not do better on a restart.
        () => !initialised,
      ),
    };
    const client = new LanguageClient('newsAnnotator', 'News Annotator', serverOptions, clientOptions);
    this.client = client;
    try {
      await client.start();
      initialised = true;
      this.failed = false;
      this.log.info(`Language server started (${module}).`);
      for (const listener of this.startedListeners) listener(client);
      return client;
    } catch (error) {
      this.log.error(`Language server failed to start: ${errorText(error)}`);
      this.showError(msg.serverStartFailed(errorText(error)));
      // Let a later command try again (for example after `npm run build` produced dist/server.js).
      this.failed = true;
      this.starting = undefined;
      this.client = undefined;
      return undefined;
    }
  }
}

function waitUntilRunning(client: LanguageClient, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const listener = client.onDidChangeState((event) => {
      if (event.newState !== State.Starting) done();
    });
    const timer = setTimeout(done, timeoutMs);
  });
}
