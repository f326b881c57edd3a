/** Digits and numerals as Chinese news text writes them: ASCII, full-width, and Chinese characters. */

/**
 * Full-width ASCII (U+FF01..U+FF5E) and the ideographic space mapped to ASCII, one code unit for one,
 * so that offsets into the result are offsets into the original.
 */
export function normalizeWidth(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let r = -1;
    if (c >= 0xff01 && c <= 0xff5e) r = c - 0xfee0;
    else if (c === 0x3000) r = 0x20;
    if (r >= 0) {
      out += text.slice(last, i) + String.fromCharCode(r);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  '0': 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * The value of an Arabic or Chinese numeral: `25`, `二十五`, `廿五`, `十`, `一百一十四`, and digit-by-digit
 * forms such as `二〇二五` or `一九八九`. undefined when the string is not a numeral.
 */
export function parseNumeral(s: string): number | undefined {
  if (!s) return undefined;
  if (/^[0-9]+$/.test(s)) return Number(s);
  // Digit-by-digit years: no 十/百 in them.
  if (/^[〇零一二三四五六七八九]{2,}$/.test(s)) {
    let v = 0;
    for (const ch of s) v = v * 10 + DIGIT[ch];
    return v;
  }
  let total = 0;
  let cur = 0;
  let seen = false;
  for (const ch of s) {
    if (ch in DIGIT) {
      cur = DIGIT[ch];
      seen = true;
    } else if (ch === '十') {
      total += (seen && cur ? cur : 1) * 10;
      cur = 0;
      seen = false;
    } else if (ch === '百') {
      total += (seen && cur ? cur : 1) * 100;
      cur = 0;
      seen = false;
    } else if (ch === '廿') {
      total += 20;
      cur = 0;
    } else if (ch === '卅') {
      total += 30;
      cur = 0;
    } else return undefined;
  }
  return total + cur;
}

/** Chinese numeral characters that can start or continue a number. */
export const CN_NUMERAL_CHARS = '〇零一二两兩三四五六七八九十廿卅百';
