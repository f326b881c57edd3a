/**
 * abbreviationSpans reads each code unit's roles from one table; these cases and a random comparison with the
 * definition written with sets of strings (the code it replaced) pin what it decides.
 */
import { strict as assert } from 'node:assert';
import { abbreviationSpans, isHan, type Span } from '../../server/src/service/entities/gazetteer';

const PAIRING = new Set([...'中美俄韩朝英德印欧乌台港澳伊京津冀沪深穗莞粤渝']);
const CITY_RE = /[京津冀沪深穗莞粤渝]/u;
const CITY_RUN_RE = /^[京津冀沪深穗莞粤渝港澳台]+$/u;
const AFTER_VERB = new Set([...'华美俄日韩朝英法德台港澳京沪']);
const TRAVEL_VERB = new Set([...'访赴抵驻来离返']);
const PAIR_BLOCKERS = new Set([...'文语字元']);
const PAIR_WORDS = new Set(['美德']);
const MEDIA_SUFFIX_ABBR = new Set([...'美俄日韩港台英法德印伊以澳欧乌朝']);

function reference(norm: string, taken: Uint8Array): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < norm.length; i++) {
    const ch = norm[i];
    if (taken[i] || !(PAIRING.has(ch) || AFTER_VERB.has(ch) || MEDIA_SUFFIX_ABBR.has(ch))) continue;
    if (PAIRING.has(ch)) {
      let j = i;
      while (j < norm.length && j - i < 4 && !taken[j] && PAIRING.has(norm[j])) j++;
      const run = norm.slice(i, j);
      const doubled = norm[i + 1] === ch || (CITY_RE.test(run) && !CITY_RUN_RE.test(run));
      if (
        j - i >= 2 &&
        !doubled &&
        !PAIR_BLOCKERS.has(norm[j]) &&
        !PAIR_WORDS.has(norm.slice(i, j)) &&
        !(j < norm.length && taken[j] === 0 && PAIRING.has(norm[j]))
      ) {
        for (let k = i; k < j; k++) out.push({ start: k, end: k + 1, type: 'LOC' });
        i = j - 1;
        continue;
      }
    }
    if (AFTER_VERB.has(ch) && i > 0 && TRAVEL_VERB.has(norm[i - 1]) && !taken[i - 1] && !PAIR_BLOCKERS.has(norm[i + 1] ?? '')) {
      if (norm[i - 1] === '来' && isHan(norm[i - 2]) && !'前专再首'.includes(norm[i - 2])) continue;
      out.push({ start: i, end: i + 1, type: 'LOC' });
      continue;
    }
    if (MEDIA_SUFFIX_ABBR.has(ch) && norm[i + 1] === '媒') out.push({ start: i, end: i + 1, type: 'LOC' });
  }
  return out;
}

const show = (norm: string, spans: Span[]) => spans.map((s) => norm.slice(s.start, s.end)).join(' ');

describe('one-character place abbreviations', () => {
  it('reads pairs, abbreviations after a travel verb and before 媒, and none in words', () => {
    const cases: [string, string][] = [
      ['中美关系', '中 美'],
      ['京沪高铁', '京 沪'],
      ['中英文', ''],
      ['美德', ''],
      ['深深地', ''],
      ['其中沪指', ''],
      ['总统访华', '华'],
      ['后来华人', ''],
      ['前来华', '华'],
      ['据美媒报道', '美'],
    ];
    for (const [text, want] of cases) assert.equal(show(text, abbreviationSpans(text, new Uint8Array(text.length))), want, text);
    const taken = Uint8Array.of(0, 1, 0, 0);
    assert.equal(show('中美关系', abbreviationSpans('中美关系', taken)), '', 'a pair never takes a covered position');
  });

  it('decides as the definition with sets of strings does, on random texts and covered positions', () => {
    const alphabet = '中美俄京沪港澳台华访来赴前后文元媒德深的国人A1\n';
    let s = 7;
    const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let k = 0; k < 2000; k++) {
      let text = '';
      const n = 1 + Math.floor(rnd() * 12);
      for (let i = 0; i < n; i++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      const taken = new Uint8Array(n).map(() => (rnd() < 0.15 ? 1 : 0));
      assert.deepEqual(abbreviationSpans(text, taken), reference(text, taken), `${text} ${[...taken].join('')}`);
    }
  });
});
