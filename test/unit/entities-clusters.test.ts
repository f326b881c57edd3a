import { strict as assert } from 'node:assert';
import { clusterTable, parseClusters, serializeClusters } from '../../server/src/service/entities/clusters';
import { extractFeatures, FEATURES_PER_CHAR } from '../../server/src/service/entities/features';
import { decodeModel, encodeModel } from '../../server/src/service/entities/tagger';
import { induceClusters } from '../../scripts/training/clusters';

describe('entity tagger: character clusters from unlabelled text', () => {
  // 甲 and 乙 are always followed by 省/市, 丙 and 丁 by 说/讲; 省 and 市 always follow 甲/乙, 说 and 讲 follow 丙/丁.
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) lines.push(`${'甲乙'[i % 2]}${'省市'[(i >> 1) % 2]}${'丙丁'[(i >> 2) % 2]}${'说讲'[(i >> 3) % 2]}`);
  const classes = (cl: [string, number, number][]) => new Map(cl.map(([c, r, l]) => [c, { r, l }]));

  it('puts characters followed by the same characters in one right-context class, and others apart', () => {
    const c = classes(induceClusters(lines, { classes: 4, minCount: 2 }));
    assert.equal(c.get('甲')!.r, c.get('乙')!.r);
    assert.equal(c.get('丙')!.r, c.get('丁')!.r);
    assert.notEqual(c.get('甲')!.r, c.get('丙')!.r);
  });

  it('puts characters preceded by the same characters in one left-context class', () => {
    const c = classes(induceClusters(lines, { classes: 4, minCount: 2 }));
    assert.equal(c.get('省')!.l, c.get('市')!.l);
    assert.equal(c.get('说')!.l, c.get('讲')!.l);
    assert.notEqual(c.get('省')!.l, c.get('说')!.l);
  });

  it('is deterministic and leaves rare characters out (class 0 at run time)', () => {
    const a = induceClusters([...lines, '罕'], { classes: 4, minCount: 2 });
    assert.deepEqual(a, induceClusters([...lines, '罕'], { classes: 4, minCount: 2 }));
    assert.ok(!a.some(([c]) => c === '罕'));
    assert.equal(clusterTable(a)!['罕'.charCodeAt(0)], 0);
  });

  it('round-trips through the model file and changes the cluster features of a character', () => {
    const cl = induceClusters(lines, { classes: 4, minCount: 2 });
    assert.deepEqual(parseClusters(serializeClusters(cl)), cl);
    const bytes = encodeModel({
      bits: 12,
      emission: new Float32Array((1 << 12) * 13),
      transition: new Float32Array(14 * 13),
      clusters: cl,
    });
    assert.deepEqual(decodeModel(bytes).clusters, cl);
    const F = FEATURES_PER_CHAR;
    const plain = extractFeatures('甲省', undefined, 20);
    const withClusters = extractFeatures('甲省', undefined, 20, undefined, undefined, undefined, undefined, clusterTable(cl));
    // The 30 templates before the cluster ones are untouched; the three cluster templates see the classes.
    for (let f = 0; f < 30; f++) assert.equal(withClusters[f], plain[f]);
    for (let f = 30; f < F; f++) assert.notEqual(withClusters[f], plain[f], `template ${f}`);
  });
});
