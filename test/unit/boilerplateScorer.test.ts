import * as assert from 'node:assert/strict';
import { detectLines } from '../../server/src/service/boilerplate/detect';
import { FEATURES, fitLogistic, probability } from '../../server/src/service/boilerplate/scorer';
import { SCORER } from '../../server/src/service/boilerplate/scorerWeights';

describe('boilerplate: the calibrated line scorer', () => {
  it('ships weights fitted for the current feature template', () => {
    assert.ok(SCORER, 'run npm run train:boilerplate');
    assert.deepEqual([...SCORER.features], [...FEATURES]);
    assert.equal(SCORER.weights.length, FEATURES.length);
    assert.ok(SCORER.threshold > 0 && SCORER.threshold < 1);
  });

  it('fits a logistic model that separates a simple rule', () => {
    const at = (name: string) => FEATURES.indexOf(name);
    const xs: Float64Array[] = [];
    const ys: number[] = [];
    for (let k = 0; k < 200; k++) {
      const v = new Float64Array(FEATURES.length);
      v[0] = 1;
      const menu = k % 2;
      v[at('menu.run')] = menu;
      v[at('shape.logLen')] = (k % 7) / 7;
      xs.push(v);
      ys.push(menu);
    }
    const w = fitLogistic(xs, ys);
    const weights = { features: FEATURES, weights: w, threshold: 0.5 };
    assert.ok(probability(weights, xs[1]) > 0.9);
    assert.ok(probability(weights, xs[0]) < 0.1);
  });

  it('only gates: a line the rules leave unsure never becomes removable, and a gated line stays flagged', () => {
    const text = [
      '疫苗明年上市 - 某某网',
      '首页',
      '新闻',
      '财经',
      '体育',
      '娱乐',
      '疫苗明年上市',
      '世界卫生组织4日表示，多款新冠疫苗已进入三期临床试验，预计最早明年初可以大规模上市供应，各国应提前做好准备。',
      '版权所有 某某网',
    ].join('\n');
    const rules = detectLines(text, {}, null).result;
    const low = detectLines(text, {}, { ...SCORER!, threshold: 1.01 }).result;
    const kinds = (r: typeof rules) => r.lineKinds;
    assert.deepEqual(kinds(low), kinds(rules));
    assert.ok(rules.blocks.some((b) => b.confident));
    assert.ok(
      low.blocks.every((b) => !b.confident),
      'a threshold above 1 leaves nothing removable',
    );
    const shipped = detectLines(text, {}, SCORER).result;
    for (const b of shipped.blocks)
      if (b.confident) assert.ok(rules.blocks.some((r) => r.confident && r.startLine <= b.startLine && r.endLine >= b.endLine));
  });
});
