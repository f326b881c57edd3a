/**
 * The transliteration table's text (translit-table.ts, generated). Read through this function so that the dist/
 * bundles can load the table from its own file on first use instead of carrying it (scripts/build/translit-lazy.ts):
 * inside the server bundle its 390 KB of escaped text held about 5 MB of the server's memory from the start.
 */
import { TRANSLIT_BIGRAMS, TRANSLIT_CHARS } from './translit-table';

export function translitTable(): { chars: string; bigrams: string } {
  return { chars: TRANSLIT_CHARS, bigrams: TRANSLIT_BIGRAMS };
}
