/**
 * Guard for user-written patterns: JavaScript regexes backtrack, so `(a+)+$` can take exponential
 * time on a line of "aaaa…b". Reject the constructs that make backtracking explode (a quantified
 * group that itself contains a quantifier or an alternation, backreferences) and cap the pattern
 * length; the caller also caps the length of the lines a user pattern runs on.
 */

export const MAX_PATTERN_LENGTH = 200;
/** User patterns never see more of a line than this. */
export const MAX_SUBJECT_LENGTH = 400;
const MAX_UNBOUNDED = 3;

/** Why the pattern is unsafe or invalid, or null when it may be compiled and run. */
export function unsafeReason(pattern: string): string | null {
  if (pattern.length === 0) return 'pattern is empty';
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences are not allowed';
  try {
    new RegExp(pattern, 'u');
  } catch (e) {
    return `not a valid regular expression: ${(e as Error).message}`;
  }
  // Walk the pattern once, tracking for each open group whether it holds a quantifier or '|'.
  const stack: { quantified: boolean; alternation: boolean }[] = [];
  let unbounded = 0;
  let inClass = false;
  let lastGroup: { quantified: boolean; alternation: boolean } | null = null;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      lastGroup = null;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      lastGroup = null;
      continue;
    }
    if (c === '(') {
      stack.push({ quantified: false, alternation: false });
      lastGroup = null;
      continue;
    }
    if (c === ')') {
      lastGroup = stack.pop() ?? null;
      if (lastGroup && stack.length > 0) {
        const parent = stack[stack.length - 1];
        parent.quantified ||= lastGroup.quantified;
        parent.alternation ||= lastGroup.alternation;
      }
      continue;
    }
    if (c === '|') {
      if (stack.length > 0) stack[stack.length - 1].alternation = true;
      continue;
    }
    const q = quantifierAt(pattern, i);
    if (q) {
      if (q.unbounded) unbounded++;
      if (lastGroup && q.repeats && (lastGroup.quantified || lastGroup.alternation)) {
        return 'nested quantifiers (a repeated group that itself repeats or alternates) can hang the server';
      }
      if (stack.length > 0 && q.repeats) stack[stack.length - 1].quantified = true;
      i += q.length - 1;
      lastGroup = null;
      continue;
    }
    lastGroup = null;
  }
  if (unbounded > MAX_UNBOUNDED) return `more than ${MAX_UNBOUNDED} unbounded quantifiers (*, +, {n,})`;
  return null;
}

function quantifierAt(p: string, i: number): { length: number; repeats: boolean; unbounded: boolean } | null {
  const c = p[i];
  let len: number;
  let repeats = false;
  let unbounded = false;
  if (c === '*' || c === '+') {
    len = 1;
    repeats = true;
    unbounded = true;
  } else if (c === '?') {
    len = 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
    if (!m) return null;
    len = m[0].length;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    repeats = max > 1;
    unbounded = max === Infinity;
  } else {
    return null;
  }
  if (p[i + len] === '?') len++; // lazy
  return { length: len, repeats, unbounded };
}
