// Bundles the extension client, the language server, the CLI and the dev tools (eval, bench, train)
// into dist/ with esbuild. Type checking is separate (`npm run typecheck`, and `npm test` compiles with tsc).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const entries = {
  client: 'client/src/extension.ts',
  server: 'server/src/server.ts',
  cli: 'server/src/cli/main.ts',
  'cli-worker': 'server/src/cli/worker.ts',
  eval: 'scripts/eval.ts',
  bench: 'scripts/bench.ts',
  train: 'scripts/train.ts',
};
const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

await esbuild.build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  loader: { '.bin': 'binary' },
});
