/**
 * Script normalisation for matching: Traditional (Taiwan / Hong Kong) text becomes Simplified with opencc-js,
 * full-width ASCII becomes half-width, and name dots unify to U+00B7 — always keeping the string the SAME
 * LENGTH, so an offset into the normalised text is the offset into the original text.
 */
import { CHAR_MAP_PAIRS } from './charMapTable';
import { simplifier } from './convert';

/** Per-code-unit fallback (BMP only): original char code -> Simplified char code. */
let charMap: Uint16Array | undefined;

/**
 * Built once from the table opencc-js's own per-character conversion gives (charMapTable.ts, generated and tested
 * equal to it): decoding 2,978 pairs instead of running opencc over every BMP Han character twice at start.
 */
function buildCharMap(): Uint16Array {
  const map = new Uint16Array(0x10000);
  for (let i = 0; i + 1 < CHAR_MAP_PAIRS.length; i += 2) map[CHAR_MAP_PAIRS.charCodeAt(i)] = CHAR_MAP_PAIRS.charCodeAt(i + 1);
  return map;
}

/** The per-character map (code unit → Simplified code unit, 0 where the character stays); shared, do not write. */
export function getCharMap(): Uint16Array {
  if (!charMap) charMap = buildCharMap();
  return charMap;
}

/** Full-width ASCII, ideographic space and the various name dots, each mapped to one code unit. */
function foldWidth(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000) return 0x20;
  if (code === 0x30fb || code === 0x2022 || code === 0x2027 || code === 0xfe52 || code === 0x2219 || code === 0x00b7 || code === 0x16eb)
    return 0x00b7;
  return code;
}

/**
 * `normalized` (normalizeForMatching of `text`) with the width folding undone: `text` as opencc simplified it,
 * position for position. Width folding only touches characters outside the Han script, which opencc leaves.
 */
export function scriptConverted(text: string, normalized: string): string {
  // The first folded character: `normalized`'s code units, with each folded one put back (one array, one string,
  // where a string grown by slices made a rope of two parts per full-width comma). Each loop alone in a function
  // that returns right after it (on-stack replacement: the code after a loop deoptimised on later calls).
  const first = firstFolded(text);
  if (first < 0) return normalized;
  const codes = new Uint16Array(normalized.length);
  copyCodes(normalized, codes);
  unfoldFrom(text, codes, first);
  return codesToString(codes);
}

/** The offset of the first code unit width folding changes; -1 when none does. */
function firstFolded(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (foldWidth(c) !== c) return i;
  }
  return -1;
}

/** From `from` on, every code unit of `text` width folding changes written back into `codes`. */
function unfoldFrom(text: string, codes: Uint16Array, from: number): void {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (foldWidth(c) !== c) codes[i] = c;
  }
}

/** True if any character would change under the per-character Traditional->Simplified map. */
export function hasTraditional(text: string): boolean {
  const map = getCharMap();
  for (let i = 0; i < text.length; i++) if (map[text.charCodeAt(i)]) return true;
  return false;
}

/**
 * `text` in Simplified script with half-width ASCII, exactly as long as `text`, position for position.
 * Phrase-level opencc conversion is used per line when it keeps the line's length; otherwise (a phrase changed
 * length) that line falls back to the per-character map. The per-character map also applies to what opencc left
 * (Hong Kong variants the Taiwan converter keeps).
 */
export function normalizeForMatching(text: string): string {
  const map = getCharMap();
  const needs = scriptAndWidthNeeds(text, map);
  if (!needs) return text;
  // One buffer for the whole text: the converted lines are written into a copy of its code units, widths folded in
  // place, and one string made at the end (no array of lines, no string per converted line, no join).
  const codes = new Uint16Array(text.length);
  copyCodes(text, codes);
  if (needs & NEEDS_SCRIPT) convertLines(text, codes, map);
  foldWidths(codes);
  return codesToString(codes);
}

/**
 * Each `\n`-line with a character of the map goes through opencc's Taiwan phrases (convert.ts `simplifier`, opencc-js's
 * converter compiled: it reads the line's code units in `codes` and writes its own buffer), written over its place in
 * `codes` with the map applied to what opencc left; a line whose phrases changed its length gets the map alone.
 */
function convertLines(text: string, codes: Uint16Array, map: Uint16Array): void {
  const tw = simplifier('tw');
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (hasMapped(codes, start, end, map)) {
      const n = tw.convertUnits(codes, start, end);
      // opencc's line where it kept the length, else the line itself; the map over either.
      if (n === end - start) writeMapped(tw.result, codes, start, n, map);
      else mapInPlace(codes, start, end, map);
    }
    start = end + 1;
  }
}

function copyCodes(text: string, codes: Uint16Array): void {
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
}

function hasMapped(codes: Uint16Array, from: number, to: number, map: Uint16Array): boolean {
  for (let i = from; i < to; i++) if (map[codes[i]]) return true;
  return false;
}

/** from[0, n) with the per-character map applied, written into `codes` from `at` on. */
function writeMapped(from: Uint16Array, codes: Uint16Array, at: number, n: number, map: Uint16Array): void {
  for (let i = 0; i < n; i++) {
    const c = from[i];
    codes[at + i] = map[c] || c;
  }
}

/** codes[from, to) with the per-character map applied. */
function mapInPlace(codes: Uint16Array, from: number, to: number, map: Uint16Array): void {
  for (let i = from; i < to; i++) codes[i] = map[codes[i]] || codes[i];
}

function foldWidths(codes: Uint16Array): void {
  for (let i = 0; i < codes.length; i++) codes[i] = foldWidth(codes[i]);
}

const NEEDS_SCRIPT = 1;
const NEEDS_WIDTH = 2;

/*
 * The loops of normalizeForMatching, each alone in a function that returns right after it. V8 compiles a long
 * loop on its first run (on-stack replacement), before the code after the loop has ever run, and keeps that code for
 * later calls: a call after the loop, with no type feedback yet, deoptimised it on every later call (about 60 times
 * in 30 keystrokes on the 100 KB article, in some processes; `--trace-deopt`), the rest running in the interpreter.
 */

/** NEEDS_SCRIPT if a character is in the Traditional map, NEEDS_WIDTH if one folds to another width. */
function scriptAndWidthNeeds(text: string, map: Uint16Array): number {
  let needs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (map[c]) needs |= NEEDS_SCRIPT;
    else if (foldWidth(c) !== c) needs |= NEEDS_WIDTH;
    if (needs === (NEEDS_SCRIPT | NEEDS_WIDTH)) break;
  }
  return needs;
}

/**
 * `normalizeForMatching(variant)`, given `normalized = normalizeForMatching(text)` for a text of the same length
 * whose line breaks stand where `variant`'s do (the text with its invisible characters blanked): normalisation
 * never looks across a line break, so a line the two texts share normalises alike, and only the lines that
 * differ are normalised again (on a page with a zero-width space somewhere, one line rather than the page).
 */
export function normalizeVariant(variant: string, text: string, normalized: string): string {
  if (variant === text) return normalized;
  if (variant.length !== text.length || normalized.length !== text.length) return normalizeForMatching(variant);
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    // Whole blocks at a time while they agree (a string comparison is a memory compare; charCodeAt is not).
    if (i % 1024 === 0) while (i + 1024 <= text.length && variant.slice(i, i + 1024) === text.slice(i, i + 1024)) i += 1024;
    if (i >= text.length) break;
    if (variant.charCodeAt(i) === text.charCodeAt(i)) continue;
    const start = text.lastIndexOf('\n', i) + 1;
    const end = lineEnd(text, i);
    if (variant.lastIndexOf('\n', i) + 1 !== start || lineEnd(variant, i) !== end) return normalizeForMatching(variant);
    parts.push(normalized.slice(at, start), normalizeForMatching(variant.slice(start, end)));
    at = end;
    i = end;
  }
  parts.push(normalized.slice(at));
  return parts.join('');
}

function lineEnd(s: string, i: number): number {
  const end = s.indexOf('\n', i);
  return end < 0 ? s.length : end;
}

/**
 * A string of UTF-16 code units. A UTF-16LE TextDecoder makes it in one native pass with no garbage but the string
 * (`String.fromCharCode.apply` over 8,192-unit chunks copied each chunk into an argument list, 64 KB each, and joined
 * the chunks into a rope that its first reader had to flatten: about 4.5 MB of garbage per call on the bench's
 * megabyte, three calls an analysis). The decoder would turn an unpaired surrogate into U+FFFD, so codes holding one
 * take the chunked way, which keeps every code unit as it is.
 */
export function codesToString(codes: Uint16Array): string {
  return hasLoneSurrogate(codes) ? chunkedString(codes) : utf16.decode(codes);
}

/** `ignoreBOM`: a leading U+FEFF is a code unit of the text like any other, never dropped. */
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** True if a high surrogate lacks its low one after it, or a low one its high one before it. */
export function hasLoneSurrogate(codes: Uint16Array): boolean {
  const n = codes.length;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff || i + 1 >= n) return true;
    const d = codes[i + 1];
    if (d < 0xdc00 || d > 0xdfff) return true;
    i++;
  }
  return false;
}

function chunkedString(codes: Uint16Array): string {
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < codes.length; i += CHUNK) s += String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]);
  return s;
}
