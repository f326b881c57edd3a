/**
 * The recogniser's scan helpers stand in for one-character regex tests and `matchAll`: each must answer exactly as
 * the regex it replaces, on every code unit (lone surrogates included) and on matches of every shape.
 */
import { strict as assert } from 'node:assert';
import { eachMatch, isHanUnit, punctuationInName, SPACE_UNIT, unitPredicate, unitTable } from '../../server/src/service/entities/scan';

const every = (check: (c: number, ch: string) => void) => {
  for (let c = 0; c < 0x10000; c++) check(c, String.fromCharCode(c));
};

describe('recogniser scan helpers', () => {
  it('SPACE_UNIT holds exactly the code units \\s matches', () => {
    every((c, ch) => assert.equal(SPACE_UNIT[c] === 1, /\s/u.test(ch), `U+${c.toString(16)}`));
  });

  it('isHanUnit answers as \\p{Script=Han} on a one-unit string', () => {
    every((c, ch) => assert.equal(isHanUnit(c), /\p{Script=Han}/u.test(ch), `U+${c.toString(16)}`));
  });

  it('unitPredicate remembers the test it was made from, unitTable marks its characters', () => {
    const re = /[^\p{Script=Han}A-Za-z0-9]|[据自]/u;
    const p = unitPredicate((ch) => re.test(ch));
    every((c, ch) => assert.equal(p(c), re.test(ch)));
    every((c, ch) => assert.equal(p(c), re.test(ch)));
    const t = unitTable('报刊a');
    assert.deepEqual([t['报'.charCodeAt(0)], t['刊'.charCodeAt(0)], t[97], t[98]], [1, 1, 1, 0]);
  });

  it('eachMatch yields what matchAll yields, empty matches and astral characters included', () => {
    const texts = ['', '唐纳德·特朗普和普京', 'a𠀋b𠀋𠀋c', '总统普京说，发言人佩斯科夫', 'BBC News and The Washington Post'];
    const regexes = [
      /·/gu,
      /x*/gu,
      /x*/g,
      /(?:总统|发言人)([普京佩斯科夫]{2,6})/gu,
      /\b(?:The\s+)?(?:[A-Z][a-z]*\s+){0,3}(?:News|Post)\b/gu,
      /(?=𠀋)/gu,
    ];
    for (const re of regexes)
      for (const s of texts) {
        const seen: [number, string[]][] = [];
        eachMatch(re, s, (m) => seen.push([m.index, [...m]]));
        assert.deepEqual(
          seen,
          [...s.matchAll(re)].map((m) => [m.index, [...m]]),
          `${re} on ${s}`,
        );
        assert.equal(re.lastIndex, 0);
      }
  });

  it("punctuationInName answers as the resolver's regex on the slice, at every range, surrogate pairs cut or whole", () => {
    const PUNCT_RE = /[，。、；：！？“”‘’「」『』《》〈〉（）()【】[\],;:!?"…+=|#@*<>]|\p{Script=Han}\s|\s\p{Script=Han}/u;
    // Han (BMP, astral 𠀋, a compatibility ideograph), non-Han astral (an emoji), lone halves, white space of several
    // kinds, the name dot and &, Latin, every punctuation mark of the class.
    const alphabet = ['中', '国', '𠀋', '\ufa0e', '😀', '\ud840', '\udc0b', ' ', '\u3000', '\n', '\t', '·', '&', 'a', 'Z', '9'].concat([
      ...'，。、；：！？“”‘’「」『』《》〈〉（）()【】[],;:!?"…+=|#@*<>',
    ]);
    let x = 12345;
    const rnd = (n: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % n;
    let hits = 0;
    for (let round = 0; round < 1500; round++) {
      let s = '';
      const len = 1 + rnd(8);
      // Mostly Han, spaces and surrogates (where the two-character alternatives are decided), some punctuation.
      for (let k = 0; k < len; k++) s += rnd(3) ? alphabet[rnd(16)] : alphabet[rnd(alphabet.length)];
      for (let a = 0; a <= s.length; a++)
        for (let b = a; b <= s.length; b++) {
          const want = PUNCT_RE.test(s.slice(a, b));
          if (want) hits++;
          assert.equal(punctuationInName(s, a, b), want, `${JSON.stringify(s)} [${a}, ${b})`);
        }
    }
    assert.ok(hits > 1000, 'the ranges hold punctuation often enough to test both answers');
  });
});
