/**
 * Workspace rules from `.news-annotator.json`:
 *
 *   { "boilerplate": {
 *       "always": [ { "pattern": "^更多.*新聞$", "kind": "related" }, { "phrase": "本網記者" } ],
 *       "never":  [ { "phrase": "（完）" } ] } }
 *
 * `phrase` matches a substring, `pattern` a regular expression (Unicode mode), both on the trimmed line.
 * `always` flags a matching line confidently with `kind` (default `other`); `never` keeps a matching
 * line as article text whatever else says. `never` wins over `always`.
 */
import { BOILERPLATE_KINDS, type BoilerplateKind } from '../types';
import type { LineInfo } from './lines';
import { MAX_SUBJECT_LENGTH, unsafeReason } from './safeRegex';

export interface SiteRule {
  /** How the rule was written, for messages. */
  source: string;
  test: (line: string) => boolean;
  kind: BoilerplateKind;
}

export interface SiteRules {
  always: SiteRule[];
  never: SiteRule[];
}

const ENTRY_KEYS = new Set(['pattern', 'phrase', 'kind']);

function compile(entry: unknown, where: string, errors: string[], needsKind: boolean): SiteRule | null {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    errors.push(`${where}: expected an object like {"phrase": "..."} or {"pattern": "..."}`);
    return null;
  }
  const e = entry as Record<string, unknown>;
  for (const k of Object.keys(e)) {
    if (!ENTRY_KEYS.has(k)) errors.push(`${where}: unknown key "${k}" (allowed: pattern, phrase, kind)`);
  }
  const hasPattern = 'pattern' in e;
  const hasPhrase = 'phrase' in e;
  if (hasPattern === hasPhrase) {
    errors.push(`${where}: give exactly one of "pattern" or "phrase"`);
    return null;
  }
  let kind: BoilerplateKind = 'other';
  if ('kind' in e) {
    if (!needsKind) {
      errors.push(`${where}: "kind" has no meaning in "never"`);
    } else if (typeof e.kind !== 'string' || !(BOILERPLATE_KINDS as readonly string[]).includes(e.kind)) {
      errors.push(`${where}: kind ${JSON.stringify(e.kind)} is not one of ${BOILERPLATE_KINDS.join(', ')}`);
      return null;
    } else {
      kind = e.kind as BoilerplateKind;
    }
  }
  if (hasPhrase) {
    const phrase = e.phrase;
    if (typeof phrase !== 'string' || phrase.trim().length === 0) {
      errors.push(`${where}: "phrase" must be a non-empty string`);
      return null;
    }
    const p = phrase.trim();
    return { source: `phrase ${JSON.stringify(p)}`, test: (line) => line.includes(p), kind };
  }
  const pattern = e.pattern;
  if (typeof pattern !== 'string') {
    errors.push(`${where}: "pattern" must be a string`);
    return null;
  }
  const why = unsafeReason(pattern);
  if (why) {
    errors.push(`${where}: pattern ${JSON.stringify(pattern)} rejected: ${why}`);
    return null;
  }
  const re = new RegExp(pattern, 'u');
  return {
    source: `pattern ${JSON.stringify(pattern)}`,
    test: (line) => re.test(line.length > MAX_SUBJECT_LENGTH ? line.slice(0, MAX_SUBJECT_LENGTH) : line),
    kind,
  };
}

/**
 * Validate and compile the parsed `.news-annotator.json`. Bad entries are skipped and reported
 * (naming the entry, e.g. `boilerplate.always[2]`); the good ones still apply.
 */
export function parseSiteRules(json: unknown): { rules: SiteRules; errors: string[] } {
  const rules: SiteRules = { always: [], never: [] };
  const errors: string[] = [];
  if (json === undefined || json === null) return { rules, errors };
  if (typeof json !== 'object' || Array.isArray(json)) {
    errors.push('settings file: expected a JSON object');
    return { rules, errors };
  }
  const bp = (json as Record<string, unknown>).boilerplate;
  if (bp === undefined) return { rules, errors };
  if (typeof bp !== 'object' || bp === null || Array.isArray(bp)) {
    errors.push('boilerplate: expected an object with "always" and/or "never" lists');
    return { rules, errors };
  }
  for (const k of Object.keys(bp)) {
    if (k !== 'always' && k !== 'never') errors.push(`boilerplate: unknown key "${k}" (allowed: always, never)`);
  }
  for (const list of ['always', 'never'] as const) {
    const v = (bp as Record<string, unknown>)[list];
    if (v === undefined) continue;
    if (!Array.isArray(v)) {
      errors.push(`boilerplate.${list}: expected a list`);
      continue;
    }
    v.forEach((entry, i) => {
      const r = compile(entry, `boilerplate.${list}[${i}]`, errors, list === 'always');
      if (r) rules[list].push(r);
    });
  }
  return { rules, errors };
}

/** Apply rules in place on the detector's per-line flags. */
export function applySiteRules(
  rules: SiteRules,
  infos: LineInfo[],
  flags: ({ kind: BoilerplateKind; confident: boolean } | null)[],
): void {
  if (rules.always.length === 0 && rules.never.length === 0) return;
  for (let i = 0; i < infos.length; i++) {
    const x = infos[i];
    if (x.blank) continue;
    if (rules.never.some((r) => r.test(x.text))) {
      flags[i] = null;
      continue;
    }
    const hit = rules.always.find((r) => r.test(x.text));
    if (hit) flags[i] = { kind: hit.kind, confident: true };
  }
}
