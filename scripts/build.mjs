// Bundles the extension client, the language server, the CLI and the dev tools (eval, bench, train)
// into dist/ with esbuild. Type checking is separate (`npm run typecheck`, and `npm test` compiles with tsc).
// What ships (client, server, CLI and their workers) is minified for Node 20; the dev tools stay readable.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const shipped = {
  client: 'client/src/extension.ts',
};
// The server, its analysis process and the CLI keep their identifiers instead of minifying them under keepNames
// (so stack traces and logs still name functions): keepNames wraps every function expression in a call that sets
// its name each time the closure is made (an Object.defineProperty in the hot loops of the recogniser and of the
// keystroke path), which cost the corpus CLI several per cent of its CPU.
const hot = {
  server: 'server/src/server.ts',
  analysisWorker: 'server/src/node/analysisWorker.ts',
  cli: 'server/src/cli/main.ts',
  'cli-worker': 'server/src/cli/worker.ts',
};
const tools = {
  eval: 'scripts/eval.ts',
  bench: 'scripts/bench.ts',
  train: 'scripts/train.ts',
  'train-boilerplate': 'scripts/train-boilerplate.ts',
};
const present = (entries) => Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

/** opencc-js as its own file, loaded on first use (see scripts/build/opencc-lazy.ts). */
const lazyOpencc = {
  name: 'lazy-opencc',
  setup(build) {
    build.onResolve({ filter: /^opencc-js$/ }, (args) =>
      args.importer.endsWith('opencc-entry.mjs') ? undefined : { path: new URL('./build/opencc-lazy.ts', import.meta.url).pathname },
    );
  },
};
/** The transliteration table as its own file, loaded on first use (see scripts/build/translit-lazy.ts). */
const lazyTranslit = {
  name: 'lazy-translit',
  setup(build) {
    build.onResolve({ filter: /^\.\/translit-data$/ }, () => ({ path: new URL('./build/translit-lazy.ts', import.meta.url).pathname }));
  },
};

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jieba-wasm (the bench's peer, a dev dependency) loads its .wasm beside its own file.
  external: ['vscode', 'jieba-wasm'],
  sourcemap: true,
  logLevel: 'warning',
  // A name imported from a module that lacks it is undefined at run time (the lazy opencc-js stand-in): fail the build.
  logOverride: { 'import-is-undefined': 'error' },
  loader: { '.bin': 'binary' },
  plugins: [lazyOpencc, lazyTranslit],
};
const minify = !process.argv.includes('--no-minify');

await Promise.all([
  // keepNames: error messages and the output channel still name classes and functions (the client is not hot)
  esbuild.build({ ...common, entryPoints: present(shipped), minify, keepNames: true }),
  esbuild.build({ ...common, entryPoints: present(hot), minifyWhitespace: minify, minifySyntax: minify }),
  esbuild.build({ ...common, entryPoints: present(tools), minify: false }),
  esbuild.build({
    stdin: {
      contents: "export { Converter, ConverterFactory, Locale } from 'opencc-js';",
      resolveDir: process.cwd(),
      sourcefile: 'opencc-entry.mjs',
    },
    outfile: 'dist/opencc.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify,
    logLevel: 'warning',
  }),
  esbuild.build({
    entryPoints: ['server/src/service/entities/translit-table.ts'],
    outfile: 'dist/translit-table.js',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  }),
]);
