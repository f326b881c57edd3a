/**
 * How the server answers a request that the user has already made pointless: cancelled by the client
 * (`$/cancelRequest`), or asked about a version of the document that has since changed. Kept apart from the
 * connection so its checks can be tested on their own, with a token and a version the test controls.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

/** The version the server holds for a document, or undefined when it is not open. */
export type VersionOf = (uri: string) => number | undefined;

/** Answers with the handler's result, or with `fallback` (logged) when the handler throws anything but a ResponseError. */
export function guard<A extends unknown[], R>(
  log: (message: string) => void,
  name: string,
  fallback: R,
  fn: (...args: A) => R,
): (...args: A) => R | ResponseError {
  return (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      // Invalid parameters are answered as an error, not as if they were valid.
      if (e instanceof ResponseError) return e;
      log(`${name} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };
}

/**
 * Like `guard`, but first lets the messages queued behind the request arrive: the connection handles one message
 * per turn of the event loop, queued behind this handler's first turn, so two turns let a cancellation or a change
 * sent right after the request arrive first. Then a cancelled request is answered RequestCancelled and a request
 * for an outdated version ContentModified, and neither does the work.
 */
export function guardRequest<P, R>(
  versionOf: VersionOf,
  log: (message: string) => void,
  name: string,
  fallback: R,
  fn: (params: P, token: CancellationToken) => R,
): (params: P, token: CancellationToken) => Promise<R | ResponseError> {
  const guarded = guard(log, name, fallback, fn);
  return async (params, token) => {
    const uri = (params as { textDocument?: { uri?: string } }).textDocument?.uri ?? (params as { uri?: string }).uri;
    const version = uri ? versionOf(uri) : undefined;
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    if (uri && versionOf(uri) !== version) throw new ResponseError(LSPErrorCodes.ContentModified, 'document changed');
    return guarded(params, token);
  };
}
