/**
 * `detectScript` reads its sentences in place and counts their Han characters from a table; the answers must be those
 * of the way it was written before, with a regular expression's matches and a string per character.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { countHan, detectScript, toSimplified } from '../../server/src/service/convert';
import { hasTraditional, normalizeForMatching, scriptConverted } from '../../server/src/service/normalize';
import type { Script } from '../../server/src/service/types';

const HAN = /\p{Script=Han}/gu;
const SENTENCE = /[^。！？!?\n]+/g;

/** detectScript as it was (before the twelfth round): matchAll over the sentences, match(HAN) to count, strings compared. */
function reference(text: string, normalized?: string): Script {
  const sample = text.length > 50_000 ? text.slice(0, 50_000) : text;
  const hint =
    normalized !== undefined && normalized.length === text.length ? scriptConverted(sample, normalized.slice(0, sample.length)) : undefined;
  const simplified = hint ?? (hasTraditional(sample) ? toSimplified(sample) : sample);
  let traditionalSentences = 0;
  let simplifiedSentences = 0;
  let han = 0;
  for (const m of sample.matchAll(SENTENCE)) {
    const sentence = m[0];
    const hanCount = sentence.match(HAN)?.length ?? 0;
    if (!hanCount) continue;
    han += hanCount;
    let converted = simplified.length === sample.length ? simplified.slice(m.index, m.index + sentence.length) : toSimplified(sentence);
    let changed = 0;
    for (let i = 0; i < sentence.length && changed < 3; i++) if (converted[i] !== sentence[i]) changed++;
    if (hint !== undefined && (changed === 1 || changed === 2)) {
      converted = toSimplified(sentence);
      changed = 0;
      for (let i = 0; i < sentence.length && changed < 2; i++) if (converted[i] !== sentence[i]) changed++;
    }
    if (changed >= 2 || (changed === 1 && hanCount < 12)) traditionalSentences++;
    else if (changed === 0 && hanCount >= 12) simplifiedSentences++;
  }
  if (han === 0) return 'none';
  const decided = traditionalSentences + simplifiedSentences;
  if (decided === 0) return 'simplified';
  const share = traditionalSentences / decided;
  return share >= 0.9 ? 'traditional' : share <= 0.1 ? 'simplified' : 'mixed';
}

function fixturePages(dir = path.join(__dirname, '..', 'fixtures')): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? fixturePages(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [path.join(dir, e.name)] : []));
}

describe('detectScript against its former self', () => {
  it('counts Han code points as the regular expression does: pairs once, unpaired surrogates and punctuation not', () => {
    for (const s of [
      '',
      'abc 123',
      '中文，漢字。',
      '〇々〆〻⺀⼀豈𠀀𪜀',
      '\ud840\udc00\ud840',
      '\udc00中\ud800',
      'ＡＢ・王（台灣）',
      '丹尼·波爾說：「好！」',
    ]) {
      const expected = s.match(HAN)?.length ?? 0;
      assert.equal(countHan(s, 0, s.length), expected, JSON.stringify(s));
      assert.equal(countHan(`xx${s}yy`, 2, s.length + 2), expected, JSON.stringify(s));
    }
  });

  it('gives the former answers on every fixture page, with and without the normalised text, and on short texts', () => {
    const texts = [
      ...fixturePages().map((f) => fs.readFileSync(f, 'utf8')),
      '特朗普與普京通電話,還計劃周五與澤連斯基通話',
      '特朗普與普京通電話。特朗普与普京通电话,还计划周五与泽连斯基通话',
      '乾隆皇帝在位六十年。乾隆。',
      '！？他說：臺灣\n\n𠀀𠀁。\ud840',
      'Hello world 2025',
    ];
    const seen = new Set<Script>();
    for (const text of texts) {
      const expected = reference(text);
      seen.add(expected);
      assert.equal(detectScript(text), expected, text.slice(0, 40));
      assert.equal(detectScript(text, normalizeForMatching(text)), reference(text, normalizeForMatching(text)), text.slice(0, 40));
    }
    assert.deepEqual([...seen].sort(), ['mixed', 'none', 'simplified', 'traditional']);
  });
});
