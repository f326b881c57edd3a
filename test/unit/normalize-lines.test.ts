import { strict as assert } from 'node:assert';
import { converter } from '../../server/src/service/convert';
import { getCharMap, normalizeForMatching } from '../../server/src/service/normalize';

/** The normaliser as it was written before it worked in one buffer: line by line, strings, a join. */
function reference(text: string): string {
  const map = getCharMap();
  const tw = converter('tw', 'cn');
  const mapped = (s: string) =>
    Array.from(s, (ch) => (ch.length === 1 && map[ch.charCodeAt(0)] ? String.fromCharCode(map[ch.charCodeAt(0)]) : ch)).join('');
  const lines = text.split('\n').map((line) => {
    if (mapped(line) === line) return line;
    const phrase = tw(line);
    return mapped(phrase.length === line.length ? phrase : line);
  });
  const fold = (c: number) =>
    c >= 0xff01 && c <= 0xff5e
      ? c - 0xfee0
      : c === 0x3000
        ? 0x20
        : [0x30fb, 0x2022, 0x2027, 0xfe52, 0x2219, 0x00b7, 0x16eb].includes(c)
          ? 0xb7
          : c;
  return Array.from(lines.join('\n'), (ch) => (ch.length === 1 ? String.fromCharCode(fold(ch.charCodeAt(0))) : ch)).join('');
}

const check = (text: string) => {
  const got = normalizeForMatching(text);
  assert.equal(got.length, text.length, JSON.stringify(text));
  assert.equal(got, reference(text), JSON.stringify(text));
};

describe('normalizeForMatching over whole texts', () => {
  it('converts each line by phrases, repeated lines alike, and folds widths after', () => {
    check('乾隆皇帝\n乾隆皇帝\n計程車ＡＢＣ・\n\n');
    check('只有ＡＢＣ全形\n沒有\n');
    check('');
    check('\n\n臺灣');
    // A line whose phrases change its length (二噁英 → 二𫫇英) keeps the per-character map; its neighbours do not.
    check('臺灣二噁英報導\n乾隆年間\n二噁英');
    // Where only the phrases change a character the map keeps (重覆 → 重复: 覆 alone stays), and a line whose phrases
    // change its length before one that keeps it.
    check('請勿重覆刊登\n回覆');
    check('二噁英\n請勿重覆刊登');
    assert.equal(normalizeForMatching('請勿重覆刊登'), '请勿重复刊登');
  });

  it('equals the line-by-line normaliser on random texts', () => {
    const alphabet = [
      '臺',
      '灣',
      '乾',
      '隆',
      '發',
      '現',
      '中',
      '国',
      'Ａ',
      '１',
      '・',
      '\u3000',
      'a',
      '\n',
      '\n',
      '\r',
      '二',
      '噁',
      '英',
      '計',
      '程',
      '車',
      '𠀀',
    ];
    let seed = 11;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let k = 0; k < 400; k++) {
      let t = '';
      for (let i = rand(60); i > 0; i--) t += alphabet[rand(alphabet.length)];
      check(t);
    }
  });
});
