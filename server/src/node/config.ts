/**
 * The one loader of `.news-annotator.json` (user dictionary and site rules), shared by the server
 * (the workspace folders' files) and the CLI (the file's folder and its parents). Every problem is
 * reported as a message, never thrown; a problem in one entry leaves the others in force.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSiteRules, type SiteRules } from '../service/boilerplate';
import type { Localize } from '../service/messages';
import { ENTITY_TYPES, type EntityType } from '../service/types';

export const CONFIG_FILE = '.news-annotator.json';

export interface DictionaryEntry {
  text: string;
  type: EntityType;
}

export interface LoadedConfig {
  /** The files that exist and were read, in the order given. */
  files: string[];
  dictionary: DictionaryEntry[];
  rules: SiteRules;
  /** Localised, each naming its file once. */
  problems: string[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** One file: undefined when it does not exist; otherwise its entries and its problems. */
export function readConfigFile(
  file: string,
  t: Localize,
): { dictionary: DictionaryEntry[]; rules: SiteRules; problems: string[] } | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return { dictionary: [], rules: { always: [], never: [] }, problems: [t('cli.unreadable', file, code ?? String(e))] };
  }
  const empty = { dictionary: [], rules: { always: [], never: [] } };
  let json: unknown;
  try {
    // Editors on Windows save JSON with a byte order mark; JSON.parse does not accept one.
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ...empty, problems: [t('config.invalidJson', file, (e as Error).message)] };
  }
  if (!isObject(json)) return { ...empty, problems: [t('config.notObject', file)] };
  const problems: string[] = [];
  const dictionary: DictionaryEntry[] = [];
  if (json.dictionary !== undefined) {
    if (!Array.isArray(json.dictionary)) problems.push(t('config.problem', file, 'dictionary: expected an array of {"text", "type"}'));
    else
      json.dictionary.forEach((e: unknown, i) => {
        if (isObject(e) && typeof e.text === 'string' && e.text.trim() && (ENTITY_TYPES as readonly unknown[]).includes(e.type)) {
          dictionary.push({ text: e.text.trim(), type: e.type as EntityType });
        } else problems.push(t('config.problem', file, `dictionary[${i}]: expected {"text": "…", "type": "PER|ORG|LOC|MEDIA"}`));
      });
  }
  const parsed = parseSiteRules(json, t);
  for (const err of parsed.errors) problems.push(t('config.problem', file, err));
  return { dictionary, rules: parsed.rules, problems };
}

/** Several files merged: dictionaries and rule lists concatenated (a nearer or earlier file first). */
export function loadConfig(files: readonly string[], t: Localize): LoadedConfig {
  const out: LoadedConfig = { files: [], dictionary: [], rules: { always: [], never: [] }, problems: [] };
  for (const file of files) {
    const one = readConfigFile(file, t);
    if (!one) continue;
    out.files.push(file);
    out.dictionary.push(...one.dictionary);
    out.rules.always.push(...one.rules.always);
    out.rules.never.push(...one.rules.never);
    out.problems.push(...one.problems);
  }
  return out;
}

/** The config files that apply to a file on disk: in its folder and each parent, nearest first. */
export function configFilesFor(file: string): string[] {
  const out: string[] = [];
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(candidate)) out.push(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) return out;
    dir = parent;
  }
}

/** A stable key of a dictionary, to rebuild the recogniser only when it changed (an emptied one included). */
export const dictionaryKey = (d: readonly DictionaryEntry[]) => JSON.stringify(d);
