/** Page text for the speed scripts and the bench: the .txt files of a folder, and a text of them repeated to a size. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir } from '../eval/corpus';

/** The .txt files of `dir`, read in name order. */
export function readPages(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** `texts` joined by blank lines, repeated in order until the result holds `bytes` of UTF-8. */
export function repeatedTo(texts: readonly string[], bytes: number): string {
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < bytes; i++) text += texts[i % texts.length] + '\n\n';
  return text;
}

/** The unlabelled pages of the shared corpus, repeated until the text holds `bytes` of UTF-8. */
export function unlabelledText(bytes: number): string {
  return repeatedTo(readPages(path.join(corpusDir(), 'pages', 'unlabelled')), bytes);
}
