/**
 * Stands in for opencc-js inside the dist/ bundles: its dictionaries are 2.2 MB of what was a 3 MB server bundle,
 * and reading and compiling them on start delayed the answer to `initialize`. The real module (dist/opencc.js,
 * built beside the bundles) is loaded on the first conversion, which the service makes only when it analyses.
 */
import * as path from 'node:path';

type Convert = (text: string) => string;
interface OpenCCModule {
  Converter(options: unknown): Convert;
  ConverterFactory(...dictionaries: unknown[]): Convert;
  Locale: { from: Record<string, unknown[][]>; to: Record<string, unknown[]>; configs: Record<string, unknown> };
}
let real: OpenCCModule | undefined;
// A path computed at run time, so esbuild leaves this require to Node instead of bundling opencc-js again.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = () => (real ??= require(path.join(__dirname, 'opencc.js')) as OpenCCModule);

export function Converter(options: unknown): Convert {
  let convert: Convert | undefined;
  return (text) => (convert ??= load().Converter(options))(text);
}

/** Everything the service uses of opencc-js must be here: a name it imports that this file lacks is undefined in the bundles. */
export function ConverterFactory(...dictionaries: unknown[]): Convert {
  return load().ConverterFactory(...dictionaries);
}

/** The dictionaries, read from the real module when first asked for. */
export const Locale = {
  get from() {
    return load().Locale.from;
  },
  get to() {
    return load().Locale.to;
  },
  /** The converters' configurations (chains and segmentation), which convert.ts compiles (convertTrie.ts). */
  get configs() {
    return load().Locale.configs;
  },
};
