import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { collectNow } from '../../server/src/node/memory';
import { SERVER_EXEC_ARGV } from '../../server/src/protocol';

describe('giving memory back (node/memory.ts)', () => {
  const g = globalThis as { gc?: () => void };
  const had = g.gc;
  afterEach(() => {
    if (had) g.gc = had;
    else delete g.gc;
  });

  it('collects once at once when gc is exposed (--expose-gc), and does nothing without it', () => {
    let calls = 0;
    g.gc = () => void calls++;
    assert.equal(collectNow(), true);
    assert.equal(calls, 1);
    delete g.gc;
    assert.equal(collectNow(), false);
    assert.equal(calls, 1);
  });
});

describe("the server's start-up options (SERVER_EXEC_ARGV)", () => {
  /** The threads of a node process started with `args`, counted once its platform is up. */
  const threads = (args: string[]) =>
    Number(
      execFileSync(
        process.execPath,
        [...args, '-e', "setTimeout(() => console.log(require('fs').readdirSync('/proc/self/task').length), 100)"],
        { encoding: 'utf8' },
      ).trim(),
    );

  it('start fewer V8 worker threads than node does by default (each compiling thread keeps a malloc arena)', function () {
    if (!fs.existsSync('/proc/self/task')) this.skip();
    const plain = threads(SERVER_EXEC_ARGV.filter((a) => !a.startsWith('--v8-pool-size')));
    const server = threads(SERVER_EXEC_ARGV);
    // Node starts four platform workers by default; the server's options leave one.
    assert.ok(server <= plain - 3, `${server} threads with the server's options, ${plain} without the pool size`);
  });
});
