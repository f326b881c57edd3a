import { strict as assert } from 'node:assert';
import { classifyCedict } from '../../scripts/training/cedict';

describe('lexicon build: CC-CEDICT proper nouns classed by their gloss', () => {
  // Lines in the CC-CEDICT format, written for this test.
  const text = [
    '# CC-CEDICT comment line',
    '王大明 王大明 [Wang2 Da4 ming2] /Wang Daming (1901-1980), made-up painter/',
    '史密斯 史密斯 [Shi3 mi4 si1] /Smith (name)/',
    '青石縣 青石县 [Qing1 shi2 Xian4] /Qingshi county in a made-up province/',
    '青石 青石 [Qing1 shi2] /see 青石縣|青石县[Qing1 shi2 Xian4]/',
    '藍鯨銀行 蓝鲸银行 [Lan2 jing1 Yin2 hang2] /Blue Whale Bank, a made-up company/',
    '明朝 明朝 [Ming2 chao2] /Ming Dynasty (1368-1644)/',
    '藍鯨記 蓝鲸记 [Lan2 jing1 Ji4] /The Blue Whale (novel)/',
    '銀行 银行 [yin2 hang2] /bank/',
  ].join('\n');

  it('classes persons by a lifetime or "(name)", places and organisations by their first keyword', () => {
    const { names } = classifyCedict(text);
    const m = new Map(names);
    assert.equal(m.get('王大明'), 'PER');
    assert.equal(m.get('史密斯'), 'PER');
    assert.equal(m.get('青石县'), 'LOC');
    assert.equal(m.get('蓝鲸银行'), 'ORG');
  });

  it('gives a "see X" entry the class of X, and skips dynasties and works', () => {
    const m = new Map(classifyCedict(text).names);
    assert.equal(m.get('青石'), 'LOC');
    assert.ok(!m.has('明朝'));
    assert.ok(!m.has('蓝鲸记'));
  });

  it('keeps lower-case-pinyin entries as common words only', () => {
    const { names, words } = classifyCedict(text);
    assert.deepEqual(words, ['银行']);
    assert.ok(!names.some(([w]) => w === '银行'));
  });
});
