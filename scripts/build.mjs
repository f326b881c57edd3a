// Bundles the extension client, the language server, the CLI and the dev tools (eval, bench, train)
// into dist/ with esbuild. Type checking is separate (`npm run typecheck`, and `npm test` compiles with tsc).
// What ships (client, server, CLI and their workers) is minified for Node 20; the dev tools stay readable.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

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
/**
 * opencc-js's 21 dictionaries (one string literal each, 1.2 MB of text) as files of their own in dist/opencc/, read
 * when dist/opencc.js is loaded. Inside dist/opencc.js they were 2.2 MB of \\u escapes, the source V8 keeps for the
 * life of the process beside the strings themselves: 2 MB of the server's heap once any Traditional text had been
 * normalised (docs/performance.md, eleventh round). The module is built from opencc-js's unbundled parts (core and
 * preset, as its own bundle is), so that each dictionary is a module this plugin can replace.
 */
const openccDictionaries = {
  name: 'opencc-dictionaries',
  setup(build) {
    build.onLoad({ filter: /opencc-js[\\/]dist[\\/]esm-lib[\\/]dict[\\/]\w+\.js$/ }, async (args) => {
      const name = path.basename(args.path, '.js');
      const { default: text } = await import(pathToFileURL(args.path).href);
      if (typeof text !== 'string') throw new Error(`${args.path}: not a dictionary string`);
      mkdirSync('dist/opencc', { recursive: true });
      writeFileSync(`dist/opencc/${name}.txt`, text);
      return {
        contents: `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
export default readFileSync(join(__dirname, 'opencc', ${JSON.stringify(name + '.txt')}), 'utf8');`,
        loader: 'js',
      };
    });
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
      // What opencc-js's own bundle (dist/esm/full.js) exports, made from its parts.
      contents: [
        "import { ConverterBuilder, ConverterFactory } from 'opencc-js/core';",
        "import * as Locale from 'opencc-js/preset';",
        'export const Converter = ConverterBuilder(Locale);',
        'export { ConverterFactory, Locale };',
      ].join('\n'),
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
    plugins: [openccDictionaries],
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
