/**
 * A text read as if some of its spans were blanked (every code unit in them but the line breaks a space, so offsets
 * stay valid), without making the blanked copy: the dates are read from the article with its boilerplate lines
 * blanked, but of the original text's masked copy (5–6 ms and 2 MB per analysis of a megabyte) only the first lines
 * (`findPublication`), a few slices (the mentions' text) and two questions (a Traditional character, a 臺) were read.
 *
 * `spans` are [start, end) pairs flattened into one array, sorted by start and disjoint (`blankedSpans`).
 */
import { codesToString, getCharMap } from './normalize';
import type { LineIndex } from './text';

/** The spans of the given lines' ranges (`[starts[startLine], lineEnd(endLine))`), sorted and merged. */
export function blankedSpans(lines: LineIndex, blocks: readonly { startLine: number; endLine: number }[]): number[] {
  const pairs: [number, number][] = [];
  for (const b of blocks) {
    const from = lines.starts[b.startLine];
    const to = lines.lineEnd(b.endLine);
    if (to > from) pairs.push([from, to]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const spans: number[] = [];
  for (const [from, to] of pairs) {
    const last = spans.length - 1;
    if (last > 0 && from <= spans[last]) {
      if (to > spans[last]) spans[last] = to;
    } else spans.push(from, to);
  }
  return spans;
}

/** Index (even) of the first span that ends after `at`; spans.length when none does. */
function firstSpanAfter(spans: readonly number[], at: number): number {
  let lo = 0;
  let hi = spans.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[2 * mid + 1] > at) hi = mid;
    else lo = mid + 1;
  }
  return 2 * lo;
}

/** `text.slice(from, to)` with the blanked spans' code units (line breaks kept) made spaces. */
export function blankedSlice(text: string, spans: readonly number[], from: number, to: number): string {
  let k = firstSpanAfter(spans, from);
  if (k >= spans.length || spans[k] >= to) return text.slice(from, to);
  let out = '';
  let at = from;
  for (; k < spans.length && spans[k] < to; k += 2) {
    const a = Math.max(spans[k], from);
    const b = Math.min(spans[k + 1], to);
    out += text.slice(at, a);
    for (let i = a; i < b; i++) {
      const c = text.charCodeAt(i);
      out += c === 10 || c === 13 ? text[i] : ' ';
    }
    at = b;
  }
  return out + text.slice(at, to);
}

/** `hasTraditional` of the blanked text: a code unit outside the spans that the character map changes. */
export function blankedHasTraditional(text: string, spans: readonly number[]): boolean {
  const map = getCharMap();
  let at = 0;
  for (let k = 0; k <= spans.length; k += 2) {
    const end = k < spans.length ? spans[k] : text.length;
    if (keptHasMapped(text, map, at, end)) return true;
    at = spans[k + 1];
  }
  return false;
}

function keptHasMapped(text: string, map: Uint16Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (map[text.charCodeAt(i)]) return true;
  return false;
}

/** Whether the blanked text holds `unit` (one code unit, neither a space nor a line break) outside the spans. */
export function blankedIncludes(text: string, spans: readonly number[], unit: string): boolean {
  let at = text.indexOf(unit);
  while (at >= 0) {
    const k = firstSpanAfter(spans, at);
    if (k >= spans.length || spans[k] > at) return true;
    at = text.indexOf(unit, spans[k + 1]);
  }
  return false;
}

/** The blanked text's first `end` code units, as one string. */
export function blankedPrefix(text: string, spans: readonly number[], end: number): string {
  const codes = new Uint16Array(end);
  copyCodes(text, codes, end);
  for (let k = 0; k < spans.length && spans[k] < end; k += 2) blankCodes(codes, spans[k], Math.min(spans[k + 1], end));
  return codesToString(codes);
}

// Each long loop alone in a function that returns right after it (also maskLines' in article.ts): V8 compiles a long
// loop on its first run (on-stack replacement), before the code after it has run, and a call after the loop with no
// type feedback yet deoptimised that code on every later call (twice a keystroke; docs/performance.md, sixth round).
/** text's first n code units into codes. */
export function copyCodes(text: string, codes: Uint16Array, n: number): void {
  for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
}

/** Every code unit in [from, to) but the line breaks becomes a space. */
export function blankCodes(codes: Uint16Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const c = codes[i];
    if (c !== 10 && c !== 13) codes[i] = 32;
  }
}
