/**
 * The workspace-level signal: lines that recur across the article files of one folder are the site's
 * menus, footers and notices. Each file contributes the set of its distinct trimmed lines of a
 * reasonable length; a global count says in how many files a line occurs. Updating one file costs
 * its own lines only.
 */

/** Lines shorter or longer than this never count (single characters; article paragraphs). */
const MIN_LEN = 2;
const MAX_LEN = 200;

function distinctLines(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const t = raw.trim();
    if (t.length >= MIN_LEN && t.length <= MAX_LEN) out.add(t);
  }
  return out;
}

/** Counts, per distinct line, the files (uris) that contain it. */
export class SiteIndex {
  private readonly files = new Map<string, Set<string>>();
  private readonly counts = new Map<string, number>();

  /** Add or replace the lines of one file. */
  set(uri: string, text: string): void {
    this.delete(uri);
    const lines = distinctLines(text);
    this.files.set(uri, lines);
    for (const l of lines) this.counts.set(l, (this.counts.get(l) ?? 0) + 1);
  }

  /** Forget a file. */
  delete(uri: string): void {
    const old = this.files.get(uri);
    if (!old) return;
    this.files.delete(uri);
    for (const l of old) {
      const c = (this.counts.get(l) ?? 0) - 1;
      if (c > 0) this.counts.set(l, c);
      else this.counts.delete(l);
    }
  }

  /** Number of files indexed. */
  get size(): number {
    return this.files.size;
  }

  /** For `uri`: in how many OTHER files a (trimmed) line occurs. */
  recurring(uri: string): (line: string) => number {
    const own = this.files.get(uri);
    return (line: string) => {
      const t = line.trim();
      const c = this.counts.get(t) ?? 0;
      return own && own.has(t) ? c - 1 : c;
    };
  }
}
