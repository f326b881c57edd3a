/**
 * The language client's crash policy, as vscode-languageclient's default (restart up to 4 times in
 * 3 minutes), but reporting in the user's language through our own message instead of an English one.
 */
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;

export class CrashHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  /**
   * `report` shows the (localised) message when the client gives up; `beforeFirstStart` tells whether the
   * server has never finished initialising, in which case restarting it is pointless (start() reports it).
   */
  constructor(
    private readonly report: (crashes: number) => void,
    private readonly beforeFirstStart: () => boolean,
    private readonly now: () => number = Date.now,
  ) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few malformed messages are survivable; a stream of them means the server is gone.
    if (count !== undefined && count <= 3) return { action: ErrorAction.Continue, handled: true };
    return { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    if (this.beforeFirstStart()) return { action: CloseAction.DoNotRestart, handled: true };
    const now = this.now();
    this.restarts.push(now);
    while (this.restarts.length > 0 && now - this.restarts[0] > WINDOW_MS) this.restarts.shift();
    if (this.restarts.length <= MAX_RESTARTS) return { action: CloseAction.Restart, handled: true };
    this.report(this.restarts.length);
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}
