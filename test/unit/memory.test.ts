import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { collectNow } from '../../server/src/node/memory';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/protocol';

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

  it("keep glibc's mmap threshold fixed (SERVER_ENV): buffers below a large one freed before are still mapped, not left in the main heap", function () {
    const glibc = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header?.glibcVersionRuntime;
    if (!glibc || !fs.existsSync('/proc/self/smaps')) this.skip();
    // The main heap's resident KB after a 4 MB buffer came and went and then 24 buffers of 256 KB were made.
    const script = `const heap = () => { const s = require('fs').readFileSync('/proc/self/smaps', 'utf8'); const i = s.indexOf('[heap]'); return i < 0 ? 0 : Number(/Rss:\\s+(\\d+)/.exec(s.slice(i))[1]); };
let big = Buffer.alloc(4 << 20, 1); big = undefined; globalThis.gc();
const before = heap(); const keep = []; for (let i = 0; i < 24; i++) keep.push(Buffer.alloc(256 << 10, 1));
console.log(heap() - before);`;
    const grown = (env: Record<string, string>) =>
      Number(execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env } }).trim());
    const server = grown({ ...SERVER_ENV });
    const plain = grown({});
    assert.ok(server < 2048, `the main heap grew by ${server} KB with the server's environment`);
    assert.ok(plain >= 4096, `and by ${plain} KB without it (glibc's sliding threshold, what the setting stops)`);
  });
});
