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

const ENDERS = /[。！？!?]/g;
const COMMAS = /[，、,；;]/g;
const HAN = /\p{Script=Han}/gu;
const SENTENCE_END = /[。！？!?…．”」』"）)]$/u;
const SYMBOLIC = /^[\p{N}\p{P}\p{S}\s]*$/u;

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/** Features of one line. Long lines are measured on their first 2,000 units: enough to decide. */
export function lineInfo(raw: string): LineInfo {
  const text = raw.trim();
  const len = text.length;
  if (len === 0) {
    return { text, len, han: 0, enders: 0, commas: 0, endsSentence: false, prose: false, symbolic: true, blank: true };
  }
  const probe = len > 2000 ? text.slice(0, 2000) : text;
  const han = count(HAN, probe);
  const enders = count(ENDERS, probe);
  const commas = count(COMMAS, probe);
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
