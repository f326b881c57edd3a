// Bundles the extension client, the language server, the CLI and the dev tools (eval, bench, train)
// into dist/ with esbuild. Type checking is separate (`npm run typecheck`, and `npm test` compiles with tsc).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const entries = {
  client: 'client/src/extension.ts',
  server: 'server/src/server.ts',
  analysisWorker: 'server/src/node/analysisWorker.ts',
  cli: 'server/src/cli/main.ts',
  'cli-worker': 'server/src/cli/worker.ts',
  eval: 'scripts/eval.ts',
  bench: 'scripts/bench.ts',
  train: 'scripts/train.ts',
  'train-boilerplate': 'scripts/train-boilerplate.ts',
};
const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

/** opencc-js as its own file, loaded on first use (see scripts/build/opencc-lazy.ts). */
const lazyOpencc = {
  name: 'lazy-opencc',
  setup(build) {
    build.onResolve({ filter: /^opencc-js$/ }, (args) =>
      args.importer.endsWith('opencc-entry.mjs') ? undefined : { path: new URL('./build/opencc-lazy.ts', import.meta.url).pathname },
    );
  },
};

await esbuild.build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  // jieba-wasm (the bench's peer, a dev dependency) loads its .wasm beside its own file.
  external: ['vscode', 'jieba-wasm'],
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  loader: { '.bin': 'binary' },
  plugins: [lazyOpencc],
});

await esbuild.build({
  stdin: { contents: "export { Converter } from 'opencc-js';", resolveDir: process.cwd(), sourcefile: 'opencc-entry.mjs' },
  outfile: 'dist/opencc.js',
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
});
