/**
 * The pattern scans of patterns.ts that skip positions (companySpans' reach to an ending, dottedNameSpans' dots) must
 * give what the plain scans they replace give: those are written out here and compared on random lines of the
 * characters the patterns read and on every line of the fixture articles.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { companySpans, dottedNameSpans, PATTERN_SCAN_PARTS } from '../../server/src/service/entities/patterns';
import type { Span } from '../../server/src/service/entities/gazetteer';
import { eachMatch } from '../../server/src/service/entities/scan';
import { normalizeForMatching } from '../../server/src/service/normalize';

const { DOTTED, TITLE_END, COMPANY, COMPANY_FIRST, COMPANY_LEFT } = PATTERN_SCAN_PARTS;

/** dottedNameSpans as it was: every match of the global regex. */
function dottedReference(norm: string): Span[] {
  const out: Span[] = [];
  eachMatch(DOTTED, norm, (m) => {
    let start = m.index;
    if (TITLE_END.test(norm.slice(Math.max(0, start - 4), start + 1))) start++;
    out.push({ start, end: m.index + m[0].length, type: 'PER' });
  });
  return out;
}

/** companySpans as it was: three code units tested at every start. */
function companyReference(norm: string, places: Span[]): Span[] {
  const placeEnds = new Set(places.filter((p) => p.type === 'LOC').map((p) => p.end));
  const placeAt = new Map(places.map((p) => [p.start, p]));
  const out: Span[] = [];
  for (let start = 0; start < norm.length - 3; start++) {
    let near = false;
    for (let k = start + 2; k <= start + 4 && k < norm.length; k++) if (COMPANY_FIRST[norm.charCodeAt(k)]) near = true;
    if (!near) continue;
    if (start > 0 && !COMPANY_LEFT.has(norm[start - 1]) && norm[start - 1] !== '\n' && !placeEnds.has(start)) continue;
    COMPANY.lastIndex = start;
    const m = COMPANY.exec(norm);
    if (!m) continue;
    const known = placeAt.get(start);
    if (known && known.end === start + m[1].length) continue;
    out.push({ start, end: start + m[0].length, type: 'ORG' });
    start += m[0].length - 1;
  }
  return out;
}

function lcg(seed: number): (n: number) => number {
  let x = seed >>> 0;
  return (n) => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) >>> 8) % n;
}

const fixtureLines = (): string[] => {
  const dir = path.resolve(__dirname, '../fixtures/articles');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => normalizeForMatching(fs.readFileSync(path.join(dir, f), 'utf8')).split('\n'));
};

describe('pattern scans that skip positions', () => {
  it('dottedNameSpans finds what every match of its regex finds', () => {
    // Transliteration characters, others, dots (doubled, leading, trailing), a title before a name, a surrogate pair.
    const pieces = [
      '唐',
      '纳',
      '德',
      '特',
      '朗',
      '普',
      '穆',
      '罕',
      '默',
      '本',
      '萨',
      '勒',
      '曼',
      '·',
      '·',
      '的',
      '，',
      ' ',
      '总理',
      '总统',
      '𠀋',
    ];
    const rnd = lcg(5);
    let found = 0;
    for (let round = 0; round < 20000; round++) {
      let s = '';
      for (let k = rnd(24); k >= 0; k--) s += pieces[rnd(pieces.length)];
      const want = dottedReference(s);
      found += want.length;
      assert.deepEqual(dottedNameSpans(s), want, s);
    }
    assert.ok(found > 5000, `${found} names found`);
    for (const line of fixtureLines()) assert.deepEqual(dottedNameSpans(line), dottedReference(line), line);
  });

  it('companySpans finds what a test of every start finds, after known places or not', () => {
    const pieces = [
      '集团',
      '通讯',
      '股份',
      '控股',
      '实业',
      '药业',
      '公司',
      '有限',
      '集',
      '通',
      '客',
      '华',
      '星',
      '科',
      '技',
      '的',
      '，',
      '\n',
      '在',
      '北京',
      '海',
    ];
    const rnd = lcg(9);
    let found = 0;
    for (let round = 0; round < 20000; round++) {
      let s = '';
      for (let k = rnd(20); k >= 0; k--) s += pieces[rnd(pieces.length)];
      // A known place at each 北京 in half the rounds.
      const places: Span[] = [];
      if (round % 2)
        for (let i = s.indexOf('北京'); i >= 0; i = s.indexOf('北京', i + 1)) places.push({ start: i, end: i + 2, type: 'LOC' });
      const want = companyReference(s, places);
      found += want.length;
      assert.deepEqual(companySpans(s, places), want, s);
    }
    assert.ok(found > 3000, `${found} names found`);
    for (const line of fixtureLines()) assert.deepEqual(companySpans(line, []), companyReference(line, []), line);
  });
});
