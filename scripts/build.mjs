// Bundles the extension client, the language server, the CLI and the dev tools (eval, bench, train)
// into dist/ with esbuild. Type checking is separate (`npm run typecheck`, and `npm test` compiles with tsc).
// What ships (client, server, CLI) is minified for Node 20; the dev tools stay readable.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const shipped = {
  client: 'client/src/extension.ts',
  server: 'server/src/server.ts',
  cli: 'server/src/cli/main.ts',
};
const tools = {
  eval: 'scripts/eval.ts',
  bench: 'scripts/bench.ts',
  train: 'scripts/train.ts',
};
const present = (entries) => Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.bin': 'binary' },
};

await Promise.all([
  // keepNames: error messages and the output channel still name classes and functions
  esbuild.build({ ...common, entryPoints: present(shipped), minify: !process.argv.includes('--no-minify'), keepNames: true }),
  esbuild.build({ ...common, entryPoints: present(tools), minify: false }),
]);
