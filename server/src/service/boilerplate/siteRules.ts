/**
 * Workspace rules from `.news-annotator.json`:
 *
 *   { "boilerplate": {
 *       "always": [ { "pattern": "^更多.*新聞$", "kind": "related" }, { "phrase": "本網記者" } ],
 *       "never":  [ { "phrase": "（完）" } ] } }
 *
 * `phrase` matches a substring, `pattern` a regular expression, both on the trimmed line. Patterns
 * run on RE2 (linear time, see userPattern.ts), so no pattern can hang the server; at most MAX_RULES
 * rules are read, so that a huge list cannot slow every analysis either.
 * `always` flags a matching line confidently with `kind` (default `other`); `never` keeps a matching
 * line as article text whatever else says. `never` wins over `always`.
 */
import type { RE2JS } from 're2js';
import { BOILERPLATE_KINDS, type BoilerplateKind } from '../types';
import { createLocalizer, type Localize } from '../messages';
import type { LineInfo } from './lines';
import { MAX_SUBJECT_LENGTH, PatternSet, compileUserPattern } from './userPattern';

/** Rules read from one settings file (always and never together); the rest are reported and ignored. */
export const MAX_RULES = 1000;

export interface SiteRule {
  /** How the rule was written, for messages. */
  source: string;
  test: (line: string) => boolean;
  kind: BoilerplateKind;
  /** The literal phrase, or the compiled pattern (for testing many rules at once). */
  phrase?: string;
  pattern?: { re: RE2JS; source: string };
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
    return { source: `phrase ${JSON.stringify(p)}`, test: (line) => line.includes(p), kind, phrase: p };
  }
  const pattern = e.pattern;
  if (typeof pattern !== 'string') {
    errors.push(`${where}: "pattern" must be a string`);
    return null;
  }
  const compiled = compileUserPattern(pattern);
  if ('error' in compiled) {
    errors.push(`${where}: pattern ${JSON.stringify(pattern)} rejected: ${compiled.error}`);
    return null;
  }
  const re = compiled.re;
  return {
    source: `pattern ${JSON.stringify(pattern)}`,
    test: (line) => re.test(line.length > MAX_SUBJECT_LENGTH ? line.slice(0, MAX_SUBJECT_LENGTH) : line),
    kind,
    pattern: compiled,
  };
}

/**
 * Validate and compile the parsed `.news-annotator.json`. Bad entries are skipped and reported
 * (naming the entry, e.g. `boilerplate.always[2]`); the good ones still apply. Past MAX_RULES
 * entries the rest are ignored, with a message in the user's language (`t`).
 */
export function parseSiteRules(json: unknown, t: Localize = createLocalizer('en')): { rules: SiteRules; errors: string[] } {
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
  let budget = MAX_RULES;
  let given = 0;
  for (const list of ['always', 'never'] as const) {
    const v = (bp as Record<string, unknown>)[list];
    if (v === undefined) continue;
    if (!Array.isArray(v)) {
      errors.push(`boilerplate.${list}: expected a list`);
      continue;
    }
    given += v.length;
    v.slice(0, Math.max(0, budget)).forEach((entry, i) => {
      const r = compile(entry, `boilerplate.${list}[${i}]`, errors, list === 'always');
      if (r) rules[list].push(r);
    });
    budget -= v.length;
  }
  if (given > MAX_RULES) errors.push(t('rules.tooMany', given, MAX_RULES));
  return { rules, errors };
}

/** One list of rules tested at once: the patterns as one RE2 set, the phrases by substring. */
class ListMatcher {
  private readonly patterns: PatternSet;
  private readonly patternRule: number[] = [];
  private readonly phrases: [number, string][] = [];

  constructor(private readonly list: readonly SiteRule[]) {
    const compiled: { re: RE2JS; source: string }[] = [];
    list.forEach((r, i) => {
      if (r.phrase !== undefined) this.phrases.push([i, r.phrase]);
      else if (r.pattern) {
        compiled.push(r.pattern);
        this.patternRule.push(i);
      } else this.phrases.push([i, '']);
    });
    this.patterns = new PatternSet(compiled);
  }

  /** The first rule of the list that matches the line, in the order the file gives them. */
  first(line: string): SiteRule | undefined {
    let best = Infinity;
    for (const [i, p] of this.phrases) {
      if (i >= best) break;
      if (p ? line.includes(p) : this.list[i].test(line)) best = i;
    }
    if (this.patterns.size > 0) {
      const m = this.patterns.matches(line);
      if (m.length > 0) best = Math.min(best, this.patternRule[m[0]]);
    }
    return best === Infinity ? undefined : this.list[best];
  }
}

/** Compiled once per parsed rules object, not once per analysis. */
const matchers = new WeakMap<SiteRules, { always: ListMatcher; never: ListMatcher }>();

function matcherOf(rules: SiteRules): { always: ListMatcher; never: ListMatcher } {
  let m = matchers.get(rules);
  if (!m) matchers.set(rules, (m = { always: new ListMatcher(rules.always), never: new ListMatcher(rules.never) }));
  return m;
}

/** What the rules say of one (trimmed, non-blank) line: null when a `never` rule keeps it, else the `always` rule that flags it. */
export function siteRuleFor(rules: SiteRules, line: string): SiteRule | null | undefined {
  const m = matcherOf(rules);
  return m.never.first(line) ? null : m.always.first(line);
}

/** Apply rules in place on the detector's per-line flags. */
export function applySiteRules(rules: SiteRules, infos: LineInfo[], flags: ({ kind: BoilerplateKind; confident: boolean } | null)[]): void {
  if (rules.always.length === 0 && rules.never.length === 0) return;
  const m = matcherOf(rules);
  // Menus repeat the same short lines: each distinct line is tested once.
  const seen = new Map<string, SiteRule | null | undefined>();
  for (let i = 0; i < infos.length; i++) {
    const x = infos[i];
    if (x.blank) continue;
    let hit = seen.get(x.text);
    if (hit === undefined && !seen.has(x.text)) {
      hit = m.never.first(x.text) ? null : m.always.first(x.text);
      seen.set(x.text, hit);
    }
    if (hit === null) flags[i] = null;
    else if (hit) flags[i] = { kind: hit.kind, confident: true };
  }
}
