// A tree's analysis bundled with esbuild as the product is (scripts/perf/ab-entry.ts, copied from this tree into
// one that has none, e.g. an older checkout), for the perf scripts that load two trees' builds: ab.mjs, gc.mjs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Bundles `root`'s ab-entry.ts into `file` with the esbuild of `here` (this repository's root). */
export function bundleTree(here, root, file) {
  const entry = path.join(root, 'scripts', 'perf', 'ab-entry.ts');
  if (!fs.existsSync(entry)) fs.copyFileSync(path.join(here, 'scripts', 'perf', 'ab-entry.ts'), entry);
  execFileSync(path.join(here, 'node_modules', '.bin', 'esbuild'), [
    entry,
    '--bundle',
    '--platform=node',
    '--target=node20',
    '--format=cjs',
    `--outfile=${file}`,
    '--external:jieba-wasm',
    '--loader:.bin=binary',
    '--log-level=warning',
  ]);
}
