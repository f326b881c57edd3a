/**
 * A phrase rule rewritten for the normalised text (normalize.ts): its Han characters in Simplified and
 * its full-width punctuation half-width, so a rule written as `[會会]員` also matches `注册成为会员`
 * and every rule is tested once, on the normalised line, whatever the script of the page.
 */
import { normalizeForMatching } from '../normalize';

/** Characters that mean something in a pattern: a full-width one folded to them must be escaped. */
const SYNTAX = new Set('^$\\.*+?()[]{}|/');

export function normalizedPattern(re: RegExp): RegExp {
  const src = re.source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      out += c + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    const folded = normalizeForMatching(c);
    if (folded === c || /[\p{Script=Han}]/u.test(c)) {
      out += c;
      continue;
    }
    // A full-width character became ASCII: keep it literal.
    if (SYNTAX.has(folded)) out += `\\${folded}`;
    else if (folded === '-') out += inClass ? '\\-' : '-';
    else out += folded;
  }
  // Han characters last, all at once: Traditional ones become their Simplified form.
  return new RegExp(normalizeForMatching(out), re.flags);
}
