import { strict as assert } from 'node:assert';
import { normalizeForMatching, normalizeVariant } from '../../server/src/service/normalize';
import { blankInvisibles } from '../../server/src/service/spans';

const check = (text: string, variant = blankInvisibles(text)) =>
  assert.equal(normalizeVariant(variant, text, normalizeForMatching(text)), normalizeForMatching(variant), JSON.stringify(variant));

describe('normalizeVariant', () => {
  it('equals normalising the blanked text, whatever lines the invisible characters sit on', () => {
    check('臺灣\u200b政府\n第二行ＡＢＣ\n');
    check('\u200b開頭\n中間\u200d\u200d行\n結尾\ufeff');
    check('只有簡體\n沒有\u2060看不見\r\n的字\u200b');
    check('no invisible characters at all 臺灣');
    check('');
  });

  it('equals a full normalisation on random texts of Traditional, width and invisible characters', () => {
    const alphabet = ['臺', '灣', '發', '現', '中', '国', 'Ａ', '１', '・', ' ', 'a', '\n', '\r', '\u200b', '\u202a', '\ufeff', '國', '際'];
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let k = 0; k < 300; k++) {
      let t = '';
      for (let i = rand(40); i > 0; i--) t += alphabet[rand(alphabet.length)];
      check(t);
    }
  });

  it('finds invisible characters anywhere in a long text, at block edges too', () => {
    const line = '臺灣的國際新聞，ＡＢＣ１２３・報導\n';
    const long = line.repeat(400);
    for (const at of [0, 1023, 1024, 1025, 2047, 5000, long.length - 1]) check(long.slice(0, at) + '\u200b' + long.slice(at + 1));
    check(long.slice(0, 1024) + '\u200b' + long.slice(1025, 4096) + '\ufeff' + long.slice(4097));
  });

  it('falls back to a full normalisation when the line breaks differ', () => {
    check('一行\n兩行', '一行 兩行');
    check('一行 兩行', '一行\n兩行');
    check('短', '長一點');
  });
});
