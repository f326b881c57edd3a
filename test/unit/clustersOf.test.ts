/**
 * `clustersOf` (article.ts) gives each entity the cluster with a mention starting where it starts (the last such
 * cluster), or one of its own: by binary search when the entities are strictly by start, by a map otherwise. Both
 * must answer as the map did for every entity.
 */
import { strict as assert } from 'node:assert';
import { clustersOf } from '../../server/src/service/article';
import type { EntityCluster } from '../../server/src/service/entities/link';
import type { EntityMention } from '../../server/src/service/types';

const mention = (start: number, text = `名${start}`): EntityMention => ({
  start,
  end: start + 2,
  text,
  type: 'PER',
  confidence: 1,
  source: 'model',
});
const cluster = (id: number, mentions: EntityMention[]): EntityCluster => ({
  id,
  canonical: mentions[0].text,
  type: 'PER',
  aliases: [],
  mentions,
});

/** The former code: a map from each cluster mention's start to its cluster, the last one winning. */
function reference(entities: readonly EntityMention[], clusters: readonly EntityCluster[]): EntityCluster[] {
  const byStart = new Map<number, EntityCluster>();
  for (const c of clusters) for (const m of c.mentions) byStart.set(m.start, c);
  return entities.map((m) => byStart.get(m.start) ?? { id: -1, canonical: m.text, type: m.type, aliases: [m.text], mentions: [m] });
}

describe('clustersOf', () => {
  it('answers as the map did, sorted or not, with starts repeated, missing and in two clusters', () => {
    let seed = 3;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let k = 0; k < 200; k++) {
      const starts = [...new Set(Array.from({ length: 1 + rand(40) }, () => rand(300)))].sort((a, b) => a - b);
      const entities = starts.map((s) => mention(s));
      // Now and then out of order, or with a start twice (the map path).
      if (k % 5 === 1 && entities.length > 2) entities.reverse();
      if (k % 5 === 2 && entities.length > 2) entities.splice(1, 0, mention(entities[0].start, 'again'));
      const clusters: EntityCluster[] = [];
      for (let c = 0; c < 1 + rand(8); c++) {
        const ms = entities.filter(() => rand(3) === 0).map((m) => ({ ...m }));
        if (rand(2)) ms.push(mention(1000 + rand(50))); // a start no entity has
        if (ms.length) clusters.push(cluster(c, ms));
      }
      const got = clustersOf(entities, clusters);
      const want = reference(entities, clusters);
      assert.equal(got.length, entities.length);
      for (let i = 0; i < entities.length; i++) {
        if (want[i].id === -1) assert.deepEqual(got[i], want[i], `case ${k}, entity ${i}`);
        else assert.equal(got[i], want[i], `case ${k}, entity ${i}`);
      }
    }
  });

  it('gives an entity no cluster has one of its own', () => {
    const m = mention(5);
    assert.deepEqual(clustersOf([m], []), [{ id: -1, canonical: m.text, type: 'PER', aliases: [m.text], mentions: [m] }]);
  });
});
