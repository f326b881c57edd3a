/**
 * Stands in for server/src/service/entities/translit-data.ts inside the dist/ bundles: the transliteration table
 * (dist/translit-table.js, built beside the bundles) is loaded on the first name the recogniser scores, so a server
 * that never scores one does not hold it (about 5 MB of RSS when it was bundled in).
 */
import * as path from 'node:path';

interface TableModule {
  TRANSLIT_CHARS: string;
  TRANSLIT_BIGRAMS: string;
}
let table: { chars: string; bigrams: string } | undefined;

export function translitTable(): { chars: string; bigrams: string } {
  if (!table) {
    // A path computed at run time, so esbuild leaves this require to Node instead of bundling the table again.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require(path.join(__dirname, 'translit-table.js')) as TableModule;
    table = { chars: m.TRANSLIT_CHARS, bigrams: m.TRANSLIT_BIGRAMS };
  }
  return table;
}
