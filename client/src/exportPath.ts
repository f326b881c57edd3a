/** Pure naming of the export file (no `vscode`: unit-tested in node). */

/** Article extensions, longest first, that the export name drops: `a.news.txt` -> `a.annotations.json`. */
const ARTICLE_EXTENSIONS = ['.article.txt', '.news.txt', '.news', '.txt'];

/** `NAME.annotations.json` for an article file name; other extensions (`.md`) are dropped too. */
export function annotationsFileName(articleFileName: string): string {
  const lower = articleFileName.toLowerCase();
  const known = ARTICLE_EXTENSIONS.find((ext) => lower.endsWith(ext) && lower.length > ext.length);
  let stem = known ? articleFileName.slice(0, -known.length) : articleFileName;
  if (!known) {
    const dot = stem.lastIndexOf('.');
    if (dot > 0) stem = stem.slice(0, dot);
  }
  return `${stem}.annotations.json`;
}
