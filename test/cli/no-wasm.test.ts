import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { simdAvailable } from '../../server/src/service/entities/simd';
import { ROOT, ensureBuilt } from '../protocol/lspClient';

const BIN = path.join(ROOT, 'bin', 'news-annotate');
const ARTICLES = path.join(ROOT, 'test', 'fixtures', 'articles');

function annotate(nodeArgs: string[], files: string[]) {
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, 'annotate', '--format', 'jsonl', ...files], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

// The tagger's emission sums run in a WebAssembly SIMD kernel where the runtime has one, in TypeScript elsewhere
// (simd.ts). A runtime without WebAssembly (node --jitless has none) must give the same answers, byte for byte.
describe('news-annotate on a runtime without WebAssembly', function () {
  this.timeout(180000);
  before(() => ensureBuilt());

  it('gives the same annotations as with the WebAssembly kernel', () => {
    assert.ok(simdAvailable(), 'this runtime runs the kernel, so the two runs take different paths');
    const probe = spawnSync(process.execPath, ['--jitless', '-e', 'process.stdout.write(typeof WebAssembly)'], { encoding: 'utf8' });
    assert.equal(probe.stdout, 'undefined');
    const files = fs
      .readdirSync(ARTICLES)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, 4)
      .map((f) => path.join(ARTICLES, f));
    const withKernel = annotate([], files);
    assert.ok(
      withKernel
        .split('\n')
        .filter(Boolean)
        .every((line) => JSON.parse(line).entities.length > 0),
    );
    assert.equal(annotate(['--jitless'], files), withKernel);
  });
});
