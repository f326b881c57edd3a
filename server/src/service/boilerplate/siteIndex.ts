/**
 * The workspace-level signal: lines that recur across the article files of one folder are the site's
 * menus, footers and notices. Each file contributes the set of its distinct trimmed lines of a
 * reasonable length; a global count says in how many files a line occurs. Updating one file costs
 * its own lines only, and updating a file that was set before (an open document, after an edit) costs
 * only the lines the edit changed.
 */
import { changedLines } from '../incremental/lineArrays';

/** Lines shorter or longer than this never count (single characters; article paragraphs). */
const MIN_LEN = 2;
const MAX_LEN = 200;

/** Each counted line of `text` (trimmed, of a reasonable length), once per occurrence. */
function eachLine(text: string, use: (line: string) => void): void {
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const t = raw.trim();
    if (t.length >= MIN_LEN && t.length <= MAX_LEN) use(t);
  }
}

interface FileLines {
  /** How many times each counted line occurs in the file (its distinct lines are the keys). */
  lines: Map<string, number>;
  /** The text, kept once a file is set a second time (an edited document), so the next update reads only the edit. */
  text?: string;
}

/** Counts, per distinct line, the files (uris) that contain it. */
export class SiteIndex {
  private readonly files = new Map<string, FileLines>();
  private readonly counts = new Map<string, number>();
  /** Files set or deleted, in all and per uri (`versionFor`). */
  private changes = 0;
  private readonly changesOf = new Map<string, number>();

  /**
   * A number that changes whenever `recurring(uri)` may answer differently for some line: when a file other than
   * `uri` was set or deleted. Changes to `uri` itself leave it (they cannot change in how many OTHER files a line is).
   */
  versionFor(uri: string): number {
    return this.changes - (this.changesOf.get(uri) ?? 0);
  }

  private changed(uri: string): void {
    this.changes++;
    this.changesOf.set(uri, (this.changesOf.get(uri) ?? 0) + 1);
  }

  /** Add or replace the lines of one file. */
  set(uri: string, text: string): void {
    this.changed(uri);
    const old = this.files.get(uri);
    if (old?.text !== undefined) {
      // Only the lines the edit changed leave and enter the file's count (as whole `\n`-lines, so a line cut by
      // the edit is counted out whole and its new form counted in).
      const change = changedLines(old.text, text);
      eachLine(old.text.slice(change.from, change.oldTo), (l) => this.remove(old.lines, l));
      eachLine(text.slice(change.from, change.newTo), (l) => this.add(old.lines, l));
      old.text = text;
      return;
    }
    this.delete(uri);
    const file: FileLines = { lines: new Map(), text: old ? text : undefined };
    this.files.set(uri, file);
    eachLine(text, (l) => this.add(file.lines, l));
  }

  private add(lines: Map<string, number>, line: string): void {
    const n = lines.get(line) ?? 0;
    lines.set(line, n + 1);
    if (n === 0) this.counts.set(line, (this.counts.get(line) ?? 0) + 1);
  }

  private remove(lines: Map<string, number>, line: string): void {
    const n = lines.get(line) ?? 0;
    if (n > 1) return void lines.set(line, n - 1);
    lines.delete(line);
    const c = (this.counts.get(line) ?? 0) - 1;
    if (c > 0) this.counts.set(line, c);
    else this.counts.delete(line);
  }

  /** Forget a file. */
  delete(uri: string): void {
    this.changed(uri);
    const old = this.files.get(uri);
    if (!old) return;
    this.files.delete(uri);
    for (const l of old.lines.keys()) {
      const c = (this.counts.get(l) ?? 0) - 1;
      if (c > 0) this.counts.set(l, c);
      else this.counts.delete(l);
    }
  }

  /** Number of files indexed. */
  get size(): number {
    return this.files.size;
  }

  /**
   * Whether a file other than `uri` is indexed: without one, `recurring(uri)` answers 0 for every line, which is what
   * detection does without the signal (so an editor's folder of one article need not ask it of every line).
   */
  hasOthers(uri: string): boolean {
    return this.files.size > (this.files.has(uri) ? 1 : 0);
  }

  /** For `uri`: in how many OTHER files a (trimmed) line occurs. */
  recurring(uri: string): (line: string) => number {
    const own = this.files.get(uri);
    return (line: string) => {
      const t = line.trim();
      const c = this.counts.get(t) ?? 0;
      return own && own.lines.has(t) ? c - 1 : c;
    };
  }
}
