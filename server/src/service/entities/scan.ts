/**
 * Cheap building blocks for the recogniser's scans, which run once per line on every line of a corpus: a match
 * loop that does not clone its regex per call (as `String.prototype.matchAll` does), and code-unit tables that
 * answer "is this character one of …" with one array read instead of a one-character string and a regex.
 */

/**
 * Calls `fn` with each match of the global regex `re` in `s`, in order, exactly as `s.matchAll(re)` yields them.
 * `re` must not be used by `fn` (it is the same object, not a clone).
 */
export function eachMatch(re: RegExp, s: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const at = re.lastIndex;
    // An empty match advances by one character (a code point with the u flag), as matchAll does.
    if (m[0] === '')
      re.lastIndex = re.unicode && isHighSurrogate(s.charCodeAt(at)) && isLowSurrogate(s.charCodeAt(at + 1)) ? at + 2 : at + 1;
    fn(m);
  }
  re.lastIndex = 0;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

const HAN_CHAR = /^\p{Script=Han}$/u;

/** True if the code unit `c`, as a one-character string, matches `\p{Script=Han}` (a lone surrogate does not). */
export function isHanUnit(c: number): boolean {
  // The unified ideographs are all Han, and nothing below the CJK radicals is: the regex decides the rest.
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  if (c < 0x2e80) return false;
  return HAN_CHAR.test(String.fromCharCode(c));
}

/** A table over code units with 1 for each code unit of `chars`. */
export function unitTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/**
 * `test` of a one-character string, remembered per code unit: for character classes with Unicode properties
 * (`\p{Script=Han}`), whose table would cost tens of thousands of regex calls to build up front.
 */
export function unitPredicate(test: (ch: string) => boolean): (c: number) => boolean {
  const known = new Uint8Array(0x10000);
  return (c: number) => {
    let v = known[c];
    if (!v) known[c] = v = test(String.fromCharCode(c)) ? 2 : 1;
    return v === 2;
  };
}

/** The code units `\s` matches (ECMAScript WhiteSpace and LineTerminator), as a table. */
export const SPACE_UNIT = unitTable(
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
);

/** occurrencesOf's table of first code units: all 0 between calls. */
const FIRST_GROUP = new Int32Array(0x10000);

/**
 * The occurrences of each of `names` in `text`, each list left to right and without overlaps between occurrences of
 * one name: what `for (i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length))` gives, for all of
 * them in one pass over the text instead of one per name; with `overlapping`, every occurrence (the loop stepping
 * by `i + 1`). Empty names are left out (indexOf loops on them).
 */
export function occurrencesOf(text: string, names: Iterable<string>, overlapping = false): Map<string, number[]> {
  const out = new Map<string, number[]>();
  // The distinct names, and each one's list (the values of `out`) and the first offset its next occurrence may take.
  const list: string[] = [];
  const found: number[][] = [];
  // Names grouped by first code unit: `group[c]` is 1 + the index in `members` of the names that begin with c, so a
  // position costs one typed-array read, and a candidate position an array read, not a Map look-up. The table is
  // kept between calls and its entries set back to 0 before returning (`firsts` lists them): a new one of 256 KB a
  // call, zeroed, cost a short document more than the scan itself.
  const group = FIRST_GROUP;
  const members: number[][] = [];
  const firsts: number[] = [];
  try {
    for (const name of names) {
      if (!name || out.has(name)) continue;
      const at: number[] = [];
      out.set(name, at);
      const c = name.charCodeAt(0);
      if (!group[c]) {
        group[c] = members.push([]);
        firsts.push(c);
      }
      members[group[c] - 1].push(list.length);
      list.push(name);
      found.push(at);
    }
    if (list.length) scanOccurrences(text, group, members, list, found, overlapping);
  } finally {
    for (let k = 0; k < firsts.length; k++) group[firsts[k]] = 0;
  }
  return out;
}

function scanOccurrences(
  text: string,
  group: Int32Array,
  members: readonly number[][],
  list: readonly string[],
  found: number[][],
  overlapping: boolean,
): void {
  const nextFree = new Float64Array(list.length);
  for (let i = 0; i < text.length; i++) {
    const g = group[text.charCodeAt(i)];
    if (!g) continue;
    const these = members[g - 1];
    for (let m = 0; m < these.length; m++) {
      const k = these[m];
      const name = list[k];
      if ((!overlapping && i < nextFree[k]) || !text.startsWith(name, i)) continue;
      found[k].push(i);
      if (!overlapping) nextFree[k] = i + name.length;
    }
  }
}

/** Punctuation that never stands inside a name (the name dot · and the & of Latin names can). */
const NAME_PUNCTUATION = unitTable('，。、；：！？“”‘’「」『』《》〈〉（）()【】[],;:!?"…+=|#@*<>');

/**
 * Whether s[start, end) holds punctuation no name holds, or white space beside a Han character: what
 * `/[，。、；：！？“”‘’「」『』《》〈〉（）()【】[\],;:!?"…+=|#@*<>]|\p{Script=Han}\s|\s\p{Script=Han}/u` answers
 * for `s.slice(start, end)`, read in place (the resolver asks it of every candidate of every line). As in the slice,
 * a surrogate pair is one code point only when both halves are inside the range.
 */
export function punctuationInName(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (NAME_PUNCTUATION[c]) return true;
    if (SPACE_UNIT[c] && (hanEndingAt(s, start, i) || hanStartingAt(s, i + 1, end))) return true;
  }
  return false;
}

/** Is the code point of s[from, to) that ends at `to` Han? */
function hanEndingAt(s: string, from: number, to: number): boolean {
  if (to - 1 < from) return false;
  const c = s.charCodeAt(to - 1);
  if (isLowSurrogate(c) && to - 2 >= from && isHighSurrogate(s.charCodeAt(to - 2))) return HAN_CHAR.test(s.slice(to - 2, to));
  return isHanUnit(c);
}

/** Is the code point of s[from, to) that starts at `from` Han? */
function hanStartingAt(s: string, from: number, to: number): boolean {
  if (from >= to) return false;
  const c = s.charCodeAt(from);
  if (isHighSurrogate(c) && from + 1 < to && isLowSurrogate(s.charCodeAt(from + 1))) return HAN_CHAR.test(s.slice(from, from + 2));
  return isHanUnit(c);
}
