/**
 * What the server reads from disk besides the open documents: the folder's other articles (for the
 * recurring-line signal) and the user's "keep" marks. Node-only; the pure service receives the results.
 * The workspace config `.news-annotator.json` has its own loader (config.ts), shared with the CLI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './writeText';

export { CONFIG_FILE } from './config';
export const KEEP_FILE = '.news-annotator-keep.json';
const ARTICLE_FILE = /\.(txt|news)$/i;
const MAX_SIBLINGS = 300;
const MAX_SIBLING_BYTES = 2 * 1024 * 1024;
/** All the siblings of one folder together: the index holds their text, so it is capped by bytes, not count alone. */
export const MAX_SIBLING_TOTAL_BYTES = 24 * 1024 * 1024;

/** Sibling article files of a folder, as [path, text]; unreadable or oversized ones are skipped, and reading stops at the byte cap. */
export async function readSiblingArticles(dir: string, maxTotalBytes = MAX_SIBLING_TOTAL_BYTES): Promise<[string, string][]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return [];
  }
  const out: [string, string][] = [];
  let total = 0;
  for (const name of names
    .filter((n) => ARTICLE_FILE.test(n))
    .sort()
    .slice(0, MAX_SIBLINGS)) {
    const file = path.join(dir, name);
    try {
      const stat = await fs.promises.stat(file);
      if (!stat.isFile() || stat.size > MAX_SIBLING_BYTES) continue;
      if (total + stat.size > maxTotalBytes) break;
      const text = await fs.promises.readFile(file, 'utf8');
      if (text.includes('\u0000')) continue;
      total += stat.size;
      out.push([file, text]);
    } catch {
      // A file that vanished or cannot be read just does not contribute.
    }
  }
  return out;
}

/** A keep file as read: its entries by article file name, and what is wrong with it if anything. */
interface KeepFile {
  entries: Map<string, string[]>;
  /** Set when the file exists but is not a JSON object of string arrays: it is then never overwritten. */
  problem?: string;
}

export type KeepResult =
  { ok: true; file: string } | { ok: false; reason: 'outside' | 'badLines' | 'malformed' | 'failed'; file: string; detail?: string };

function readKeepFile(dir: string): KeepFile {
  const entries = new Map<string, string[]>();
  let raw: string;
  try {
    raw = fs.readFileSync(path.join(dir, KEEP_FILE), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { entries } : { entries, problem: code ?? String(e) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { entries, problem: (e as Error).message };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { entries, problem: 'expected a JSON object' };
  let problem: string | undefined;
  for (const [name, lines] of Object.entries(parsed)) {
    if (Array.isArray(lines) && lines.every((l) => typeof l === 'string')) entries.set(name, lines);
    else problem ??= `"${name}": expected a list of lines (strings)`;
  }
  return { entries, problem };
}

/** Is file inside one of roots (after resolving links of the folders that exist)? */
export function isInside(file: string, roots: readonly string[]): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const dir = real(path.dirname(path.resolve(file)));
  return roots.some((root) => {
    const rel = path.relative(real(root), dir);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

/** Kept blocks, stored by line text per file name in `.news-annotator-keep.json` beside the article. */
export class KeepStore {
  private readonly cache = new Map<string, KeepFile>();

  private load(dir: string): KeepFile {
    let data = this.cache.get(dir);
    if (!data) this.cache.set(dir, (data = readKeepFile(dir)));
    return data;
  }

  kept(file: string): Set<string> {
    return new Set(this.load(path.dirname(file)).entries.get(path.basename(file)) ?? []);
  }

  /** What is wrong with the keep file beside file, if anything (the server reports it). */
  problem(file: string): string | undefined {
    return this.load(path.dirname(file)).problem;
  }

  /** Forget what was read for the folder of a changed keep file (the watcher calls this). */
  invalidate(keepFile: string) {
    this.cache.delete(path.dirname(keepFile));
  }

  /**
   * Adds lines to the entry of file. Refuses a file outside roots (when given), lines that are not
   * strings, and a keep file that does not read as one (it is left as it is). Reads the file afresh,
   * so an entry the user deleted meanwhile is not written back.
   */
  add(file: string, lines: unknown, roots?: readonly string[]): KeepResult {
    const dir = path.dirname(path.resolve(file));
    const target = path.join(dir, KEEP_FILE);
    if (roots && !isInside(file, roots)) return { ok: false, reason: 'outside', file: target };
    if (!Array.isArray(lines) || !lines.every((l) => typeof l === 'string')) return { ok: false, reason: 'badLines', file: target };
    const data = readKeepFile(dir);
    this.cache.set(dir, data);
    if (data.problem) return { ok: false, reason: 'malformed', file: target, detail: data.problem };
    const name = path.basename(file);
    data.entries.set(name, [...new Set([...(data.entries.get(name) ?? []), ...lines])]);
    const problem = writeFileAtomic(target, Buffer.from(JSON.stringify(Object.fromEntries(data.entries), null, 2) + '\n', 'utf8'));
    if (problem) {
      this.cache.delete(dir);
      return { ok: false, reason: 'failed', file: target, detail: problem.reason === 'failed' ? problem.code : 'read-only' };
    }
    return { ok: true, file: target };
  }
}
