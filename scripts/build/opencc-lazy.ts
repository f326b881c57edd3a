/**
 * Stands in for opencc-js inside the dist/ bundles: its dictionaries are 2.2 MB of what was a 3 MB server bundle,
 * and reading and compiling them on start delayed the answer to `initialize`. The real module (dist/opencc.js,
 * built beside the bundles) is loaded on the first conversion, which the service makes only when it analyses.
 */
import * as path from 'node:path';

type Convert = (text: string) => string;
let real: { Converter(options: unknown): Convert } | undefined;
// A path computed at run time, so esbuild leaves this require to Node instead of bundling opencc-js again.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = () => (real ??= require(path.join(__dirname, 'opencc.js')) as { Converter(options: unknown): Convert });

export function Converter(options: unknown): Convert {
  let convert: Convert | undefined;
  return (text) => (convert ??= load().Converter(options))(text);
}
