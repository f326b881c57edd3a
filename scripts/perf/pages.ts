/** The unlabelled pages of the shared corpus, repeated in name order until the text holds `bytes` of UTF-8. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir } from '../eval/corpus';

export function unlabelledText(bytes: number): string {
  const dir = path.join(corpusDir(), 'pages', 'unlabelled');
  const pages = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < bytes; i++) text += pages[i % pages.length] + '\n\n';
  return text;
}
