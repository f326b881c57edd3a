/**
 * What the server reads from disk besides the open documents: the folder's other articles (for the
 * recurring-line signal), the user's "keep" marks, and the workspace file `.news-annotator.json`
 * (user dictionary and site rules). Node-only; the pure service receives the results.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENTITY_TYPES, type EntityType } from '../service/types';

export const CONFIG_FILE = '.news-annotator.json';
export const KEEP_FILE = '.news-annotator-keep.json';
const ARTICLE_FILE = /\.(txt|news)$/i;
const MAX_SIBLINGS = 300;
const MAX_SIBLING_BYTES = 2 * 1024 * 1024;

/** Sibling article files of a folder, as [path, text]; unreadable or oversized ones are skipped. */
export async function readSiblingArticles(dir: string): Promise<[string, string][]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return [];
  }
  const out: [string, string][] = [];
  for (const name of names.filter((n) => ARTICLE_FILE.test(n)).sort().slice(0, MAX_SIBLINGS)) {
    const file = path.join(dir, name);
    try {
      const stat = await fs.promises.stat(file);
      if (!stat.isFile() || stat.size > MAX_SIBLING_BYTES) continue;
      const text = await fs.promises.readFile(file, 'utf8');
      if (!text.includes('\u0000')) out.push([file, text]);
    } catch {
      // A file that vanished or cannot be read just does not contribute.
    }
  }
  return out;
}

/** Kept blocks, stored by line text per file name in `.news-annotator-keep.json` beside the article. */
export class KeepStore {
  private readonly cache = new Map<string, Record<string, string[]>>();

  private load(dir: string): Record<string, string[]> {
    let data = this.cache.get(dir);
    if (!data) {
      data = {};
      try {
        const parsed: unknown = JSON.parse(fs.readFileSync(path.join(dir, KEEP_FILE), 'utf8'));
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          for (const [k, v] of Object.entries(parsed)) if (Array.isArray(v)) data[k] = v.filter((x): x is string => typeof x === 'string');
        }
      } catch {
        // No file yet, or a broken one: start empty; the next write replaces a broken file.
      }
      this.cache.set(dir, data);
    }
    return data;
  }

  kept(file: string): Set<string> {
    return new Set(this.load(path.dirname(file))[path.basename(file)] ?? []);
  }

  add(file: string, lines: string[]): string {
    const dir = path.dirname(file);
    const data = this.load(dir);
    const name = path.basename(file);
    data[name] = [...new Set([...(data[name] ?? []), ...lines])];
    const target = path.join(dir, KEEP_FILE);
    fs.writeFileSync(target, JSON.stringify(data, null, 2) + '\n', 'utf8');
    return target;
  }
}

export interface WorkspaceConfig {
  dictionary: { text: string; type: EntityType }[];
  rules: unknown;
  errors: string[];
}

/** Reads `.news-annotator.json`; every problem is reported, never thrown. */
export function readWorkspaceConfig(file: string): WorkspaceConfig | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const errors: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return { dictionary: [], rules: undefined, errors: [`${path.basename(file)}: ${(e as Error).message}`] };
  }
  const obj = (json && typeof json === 'object' && !Array.isArray(json) ? json : {}) as Record<string, unknown>;
  const dictionary: WorkspaceConfig['dictionary'] = [];
  if (obj.dictionary !== undefined) {
    if (!Array.isArray(obj.dictionary)) errors.push('dictionary: expected an array of {"text", "type"}');
    else
      obj.dictionary.forEach((e: unknown, i) => {
        const entry = e as { text?: unknown; type?: unknown };
        if (entry && typeof entry.text === 'string' && entry.text.trim() && (ENTITY_TYPES as readonly unknown[]).includes(entry.type)) {
          dictionary.push({ text: entry.text.trim(), type: entry.type as EntityType });
        } else errors.push(`dictionary[${i}]: expected {"text": "…", "type": "PER|ORG|LOC|MEDIA"}`);
      });
  }
  return { dictionary, rules: obj, errors };
}
