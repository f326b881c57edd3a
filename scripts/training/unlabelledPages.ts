/**
 * The lines of the shared corpus's unlabelled pages (`pages/unlabelled`, `pages/cwced`), trimmed, in file order:
 * what self-training (`train.ts --self-train`) and the weak labels (`weakLabels.ts`) read. A page that is also a
 * gold article (same file name in `articles/`) is left out, and so are the gold, date and author files beside
 * the pages, so no label of any page is read and the page figures of `npm run eval` stay free of their text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function unlabelledPageLines(corpus: string): string[] {
  const gold = new Set(fs.readdirSync(path.join(corpus, 'articles')).filter((f) => f.endsWith('.txt')));
  const out: string[] = [];
  for (const sub of ['unlabelled', 'cwced']) {
    const dir = path.join(corpus, 'pages', sub);
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.txt') && !/\.(gold|date|author)\.txt$/.test(f) && !gold.has(f))
      .sort();
    for (const f of files) for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/)) out.push(line.trim());
  }
  return out;
}
