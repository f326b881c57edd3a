/** Spans over UTF-16 text that begin and end on code point boundaries, and text with invisible marks blanked for analysis. */

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Does offset fall between the two halves of a surrogate pair? */
export const insidePair = (text: string, offset: number) => isLow(text.charCodeAt(offset)) && isHigh(text.charCodeAt(offset - 1));

/**
 * The spans moved inward to code point boundaries (a recogniser working on code units may cut an
 * astral character in half); spans left empty are dropped; text is re-read from the span.
 */
export function onCodePoints<T extends { start: number; end: number; text: string }>(text: string, spans: readonly T[]): T[] {
  const out: T[] = [];
  for (const s of spans) {
    const start = insidePair(text, s.start) ? s.start + 1 : s.start;
    const end = insidePair(text, s.end) ? s.end - 1 : s.end;
    if (start === s.start && end === s.end) out.push(s);
    else if (end > start) out.push({ ...s, start, end, text: text.slice(start, end) });
  }
  return out;
}

/**
 * Zero-width and direction marks (ZWSP, ZWNJ, ZWJ, LRM, RLM, bidi embeddings and isolates, word joiner,
 * BOM) are invisible but defeat tests such as "the line ends in 。". For analysis they become spaces,
 * which keeps every offset; the document keeps them.
 */
const INVISIBLE = '[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]';
const HAS_INVISIBLE = new RegExp(INVISIBLE);
const ALL_INVISIBLE = new RegExp(INVISIBLE, 'g');
export const blankInvisibles = (text: string) => (HAS_INVISIBLE.test(text) ? text.replace(ALL_INVISIBLE, ' ') : text);
