import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectScript } from '../../server/src/service/convert';
import { normalizeForMatching, scriptConverted } from '../../server/src/service/normalize';

/** Every page under test/fixtures (articles, gold pages, boilerplate and site pages). */
function fixturePages(dir = path.join(__dirname, '..', 'fixtures')): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? fixturePages(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [path.join(dir, e.name)] : []));
}

describe('script detection read off the normalised text', () => {
  it('gives the answer of opencc’s own passes on every fixture page', () => {
    const pages = fixturePages();
    assert.ok(pages.length > 20);
    const scripts = new Set<string>();
    for (const file of pages) {
      const text = fs.readFileSync(file, 'utf8');
      const expected = detectScript(text);
      scripts.add(expected);
      assert.equal(detectScript(text, normalizeForMatching(text)), expected, file);
    }
    assert.ok(scripts.has('traditional') && scripts.has('simplified'), [...scripts].join());
  });

  it('gives the same answer on short and mixed texts, and where a phrase keeps what the character map changes', () => {
    for (const text of [
      '特朗普與普京通電話,還計劃周五與澤連斯基通話',
      '特朗普与普京通电话,还计划周五与泽连斯基通话',
      '特朗普與普京通電話。特朗普与普京通电话,还计划周五与泽连斯基通话',
      '乾隆皇帝在位六十年，是清朝入关后的第四位皇帝，他的统治时期长达六十余年。',
      '此次的大赛成绩较去年有了显著的提升，这是药剂科全体同仁不断努力的结果。',
      'Ｈｅｌｌｏ　２０２５，臺灣',
    ])
      assert.equal(detectScript(text, normalizeForMatching(text)), detectScript(text), text);
  });

  it('undoes only the width folding of the normalised text', () => {
    const text = 'ＡＢ，臺灣・王';
    assert.equal(scriptConverted(text, normalizeForMatching(text)), 'ＡＢ，台湾・王');
  });
});
