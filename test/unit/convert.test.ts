import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { convertScript, detectScript } from '../../server/src/service/convert';

describe('script conversion', () => {
  const table: [string, Parameters<typeof convertScript>[1], string][] = [
    ['特朗普與普京通電話', 'simplified', '特朗普与普京通电话'],
    ['特朗普与普京通电话', 'traditional', '特朗普與普京通電話'],
    ['里面的后来干净', 'taiwan', '裡面的後來乾淨'],
    ['里面的后来干净', 'hongkong', '裏面的後來乾淨'],
    ['衞生 綫', 'simplified', '卫生 线'],
  ];
  for (const [input, target, expected] of table) {
    it(`converts ${input} to ${target}`, () => assert.equal(convertScript(input, target), expected));
  }

  it('round-trips a Traditional paragraph through Simplified and back to Taiwan Traditional', () => {
    const tw = '俄總統助理烏沙科夫在一份聲明中稱,通話持續近一個小時。';
    assert.equal(convertScript(convertScript(tw, 'simplified'), 'taiwan'), tw);
  });

  it('detects the script of a text', () => {
    assert.equal(detectScript('特朗普與普京通電話,還計劃周五與澤連斯基通話'), 'traditional');
    assert.equal(detectScript('特朗普与普京通电话,还计划周五与泽连斯基通话'), 'simplified');
    assert.equal(detectScript('特朗普與普京通電話。特朗普与普京通电话,还计划周五与泽连斯基通话'), 'mixed');
    assert.equal(detectScript('Hello world 2025'), 'none');
  });
});

describe('script detection on real pages', () => {
  const dir = `${__dirname}/../fixtures/articles`;
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    it(`reads ${name} as its gold script`, () => {
      const gold = JSON.parse(fs.readFileSync(`${dir}/${name.replace(/\.txt$/, '.gold.json')}`, 'utf8'));
      assert.equal(detectScript(fs.readFileSync(`${dir}/${name}`, 'utf8')), gold.script);
    });
  }

  it('ignores a single variant character in a long Simplified sentence', () => {
    assert.equal(detectScript('此次的大赛成绩较去年有了显著的提升，这是药剂科全体同仁不断努力的结果。'), 'simplified');
  });
});
