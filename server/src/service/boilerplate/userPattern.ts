/**
 * User-written patterns run on RE2 (re2js, pure JavaScript, MIT): matching is linear in the line
 * whatever the pattern, so `.*.*.*x` or `(a+)+$` in a workspace's `.news-annotator.json` cannot
 * hang the server. Nothing is guessed about which patterns backtrack; what RE2 cannot express
 * (backreferences, lookaround) is refused with the reason.
 */
import { RE2JS, RE2Set } from 're2js';

export const MAX_PATTERN_LENGTH = 200;
/** User rules never see more of a line than this: boilerplate lines are short, and it bounds the cost per line. */
export const MAX_SUBJECT_LENGTH = 400;

/** JavaScript's `\p{Script=Han}` / `\p{sc=Han}` is RE2's `\p{Han}`; the rest of the syntax is translated by re2js. */
function toRe2(pattern: string): string {
  return RE2JS.translateRegExp(pattern.replace(/\\([pP])\{(?:Script|sc|Script_Extensions|scx)=(\w+)\}/g, '\\$1{$2}'));
}

export type Compiled = { re: RE2JS; source: string } | { error: string };

/** Compile a user pattern, or say why it cannot be used. */
export function compileUserPattern(pattern: string): Compiled {
  if (pattern.length === 0) return { error: 'pattern is empty' };
  if (pattern.length > MAX_PATTERN_LENGTH) return { error: `pattern is longer than ${MAX_PATTERN_LENGTH} characters` };
  if (/\\[1-9]|\\k</.test(pattern)) return { error: 'backreferences are not supported (patterns run on a linear-time engine)' };
  if (/\(\?<?[=!]/.test(pattern)) return { error: 'lookahead and lookbehind are not supported (patterns run on a linear-time engine)' };
  try {
    const source = toRe2(pattern);
    return { re: RE2JS.compile(source), source };
  } catch (e) {
    return { error: `not a valid regular expression: ${(e as Error).message}` };
  }
}

/** Why the pattern cannot be used, or null when it compiles. */
export function unsafeReason(pattern: string): string | null {
  const c = compileUserPattern(pattern);
  return 'error' in c ? c.error : null;
}

/**
 * Many patterns tested at once: one RE2 set (one automaton for all of them), or, when the set is too
 * big to compile, each pattern in turn. Returns the indices of the patterns that match, in order.
 */
export class PatternSet {
  private readonly set: RE2Set | null = null;

  constructor(private readonly compiled: { re: RE2JS; source: string }[]) {
    if (compiled.length < 2) return;
    try {
      const set = new RE2Set();
      for (const c of compiled) set.add(c.source);
      set.compile();
      this.set = set;
    } catch {
      this.set = null;
    }
  }

  get size(): number {
    return this.compiled.length;
  }

  /** Indices of the matching patterns, ascending. */
  matches(line: string): number[] {
    const s = line.length > MAX_SUBJECT_LENGTH ? line.slice(0, MAX_SUBJECT_LENGTH) : line;
    if (this.set) return this.set.match(s).sort((a, b) => a - b);
    const out: number[] = [];
    this.compiled.forEach((c, i) => {
      if (c.re.test(s)) out.push(i);
    });
    return out;
  }
}
