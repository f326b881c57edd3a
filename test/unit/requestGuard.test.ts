import * as assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { guard, guardRequest } from '../../server/src/node/requestGuard';

/** The server's own checks of a request it has already started, with a token and versions the test controls. */
describe('request guard: cancelled and outdated requests do no work', () => {
  const uri = 'file:///a.txt';
  const params = { textDocument: { uri } };

  function setup() {
    const versions = new Map([[uri, 1]]);
    const logged: string[] = [];
    let calls = 0;
    const handler = guardRequest(
      (u) => versions.get(u),
      (m) => logged.push(m),
      'hover',
      'fallback',
      () => {
        calls++;
        return 'answer';
      },
    );
    return { versions, logged, handler, calls: () => calls };
  }

  async function rejection(p: Promise<unknown>): Promise<ResponseError> {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof ResponseError);
      return e;
    }
    assert.fail('the request was answered');
  }

  it('answers a request that nothing has outdated', async () => {
    const { handler, calls } = setup();
    assert.equal(await handler(params, new CancellationTokenSource().token), 'answer');
    assert.equal(calls(), 1);
  });

  it('answers RequestCancelled, without doing the work, when the token is cancelled after the handler started', async () => {
    const { handler, calls } = setup();
    const source = new CancellationTokenSource();
    const answer = handler(params, source.token);
    source.cancel(); // as the connection does when $/cancelRequest arrives while the handler waits
    assert.equal((await rejection(answer)).code, LSPErrorCodes.RequestCancelled);
    assert.equal(calls(), 0);
  });

  it('answers ContentModified, without doing the work, when the document changed after the request', async () => {
    const { handler, versions, calls } = setup();
    const answer = handler(params, new CancellationTokenSource().token);
    versions.set(uri, 2);
    assert.equal((await rejection(answer)).code, LSPErrorCodes.ContentModified);
    assert.equal(calls(), 0);
  });

  it('lets a cancellation sent right after the request arrive: it waits two turns of the event loop', async () => {
    const { handler } = setup();
    const source = new CancellationTokenSource();
    const answer = handler(params, source.token);
    setImmediate(() => source.cancel()); // one turn later, as the next queued message would be handled
    assert.equal((await rejection(answer)).code, LSPErrorCodes.RequestCancelled);
  });

  it('answers a handler failure with the fallback and logs it; a ResponseError is answered as itself', () => {
    const logged: string[] = [];
    const failing = guard(
      (m) => logged.push(m),
      'hover',
      'fallback',
      () => {
        throw new Error('boom');
      },
    );
    assert.equal(failing(), 'fallback');
    assert.match(logged[0], /^hover failed: Error: boom/);
    const invalid = new ResponseError(-32602, 'bad position');
    const refusing = guard(
      () => {},
      'hover',
      'fallback',
      () => {
        throw invalid;
      },
    );
    assert.equal(refusing(), invalid);
  });
});
