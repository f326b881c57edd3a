/** Per-line shape features: the cheap measurements every other rule reads. */

export interface LineInfo {
  /** The line with surrounding whitespace removed. */
  text: string;
  /** Length of `text` in UTF-16 units (close enough to characters for Chinese). */
  len: number;
  /** Han characters. */
  han: number;
  /** Sentence enders: 。！？!? (and the half-width ones only in Han context). */
  enders: number;
  /** Commas, enumeration commas and semicolons: ，、,；; */
  commas: number;
  /** Ends like a sentence (。！？…” etc.). */
  endsSentence: boolean;
  /** A running-text line: long enough and punctuated like sentences. */
  prose: boolean;
  /** Only digits, punctuation, symbols and spaces (counters, separators, "|", ">"). */
  symbolic: boolean;
  blank: boolean;
}

const SENTENCE_END = /[。！？!?…．”」』"）)]$/u;
const SYMBOLIC = /^[\p{N}\p{P}\p{S}\s]*$/u;

/** Han characters, sentence enders and commas in one pass (this runs on every line of every edit). */
function measure(s: string): { han: number; enders: number; commas: number } {
  let han = 0;
  let enders = 0;
  let commas = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if (c >= 0xd840 && c <= 0xd87f) {
      han++; // a supplementary-plane Han character (Extension B and later): count its high surrogate once
      i++;
    } else if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f)
      enders++; // 。！？!?
    else if (c === 0xff0c || c === 0x3001 || c === 0x2c || c === 0xff1b || c === 0x3b) commas++; // ，、,；;
  }
  return { han, enders, commas };
}

/** Features of one line. Long lines are measured on their first 2,000 units: enough to decide. */
export function lineInfo(raw: string): LineInfo {
  const text = raw.trim();
  const len = text.length;
  if (len === 0) {
    return { text, len, han: 0, enders: 0, commas: 0, endsSentence: false, prose: false, symbolic: true, blank: true };
  }
  const probe = len > 2000 ? text.slice(0, 2000) : text;
  const { han, enders, commas } = measure(probe);
  const endsSentence = SENTENCE_END.test(text) && /[。！？!?…．]/.test(text.slice(-3));
  // Prose: the shape of article sentences. Titles and menu items are short and rarely carry a full stop.
  const prose =
    han >= 8 &&
    ((len >= 16 && enders >= 1 && (endsSentence || enders >= 2 || commas >= 1)) ||
      (len >= 30 && commas >= 2 && han >= len / 2) ||
      (len >= 80 && han >= 30));
  const symbolic = SYMBOLIC.test(probe);
  return { text, len, han, enders, commas, endsSentence, prose, symbolic, blank: false };
}
