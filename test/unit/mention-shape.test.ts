/**
 * Issue 14, eleventh round: the mentions the passes move, cut and retype are made by one literal (entities/mention.ts)
 * instead of a spread per pass, so they share one V8 map (megamorphic property reads and "wrong map"
 * deoptimisations in every pass otherwise). Same fields, same order (the CLI's JSON), as the spreads gave.
 */
import { strict as assert } from 'node:assert';
import * as v8 from 'node:v8';
import { mention, moved, packedMap } from '../../server/src/service/entities/mention';
import { createEntityRecognizer } from '../../server/src/service/entities';
import type { EntityMention } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';

describe('one shape of mention (entities/mention.ts)', function () {
  this.timeout(60000);
  const text = '记者从沙坪坝区公安分局获悉，新光医院及马偕医院今日开业。';
  const m: EntityMention = { start: 3, end: 6, text: '沙坪坝', type: 'LOC', confidence: 0.83, source: 'model' };

  it('moved is the spread it replaces: each field, in the same order', () => {
    const cases: [EntityMention, EntityMention][] = [
      [moved(m, text, 3, 11), { ...m, start: 3, end: 11, text: text.slice(3, 11) }],
      [moved(m, text, 4, 6, 'ORG', 'article'), { ...m, start: 4, end: 6, text: text.slice(4, 6), type: 'ORG', source: 'article' }],
      [moved(m, text, 3, 5, m.type, 'gazetteer'), { ...m, start: 3, end: 5, text: '沙坪', source: 'gazetteer' }],
    ];
    for (const [got, want] of cases) {
      assert.deepEqual(got, want);
      assert.equal(JSON.stringify(got), JSON.stringify(want));
      assert.notEqual(got, m);
    }
    assert.deepEqual(m, { start: 3, end: 6, text: '沙坪坝', type: 'LOC', confidence: 0.83, source: 'model' }, 'm itself is left as it was');
    assert.equal(
      JSON.stringify(mention(1, 2, 'x', 'PER', 1, 'pattern')),
      '{"start":1,"end":2,"text":"x","type":"PER","confidence":1,"source":"pattern"}',
    );
  });

  it('what moved and mention make has one map, whatever the source object was made by', () => {
    v8.setFlagsFromString('--allow-natives-syntax');
    const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
    // A source of another map (made by a spread) gives a mention of the literal's map all the same.
    const spreadSource = { ...m, start: 3 };
    const made = [
      moved(m, text, 3, 5),
      moved(spreadSource, text, 3, 5),
      moved(m, text, 3, 5, 'ORG', 'article'),
      mention(0, 2, '记者', 'PER', 1, 'gazetteer'),
      mention(0, 2, '记者', 'PER', 0.5, 'model'),
    ];
    for (const x of made) assert.ok(sameMap(made[0], x), JSON.stringify(x));
  });

  it('packedMap is map, and makes a packed array in optimised code too (a holey one changed the array map)', () => {
    v8.setFlagsFromString('--allow-natives-syntax');
    const holey = new Function('a', 'return %HasHoleyElements(a)') as (a: unknown[]) => boolean;
    const prepare = new Function('f', '%PrepareFunctionForOptimization(f)') as (f: unknown) => void;
    const optimise = new Function('f', '%OptimizeFunctionOnNextCall(f)') as (f: unknown) => void;
    const xs: EntityMention[] = [m, moved(m, text, 3, 5), moved(m, text, 14, 18, 'ORG')];
    const cut = (x: EntityMention) => (x.type === 'ORG' ? moved(x, text, x.start, x.end - 2) : x);
    const want = xs.map(cut);
    prepare(packedMap);
    assert.deepEqual(packedMap(xs, cut), want);
    assert.ok(!holey(packedMap(xs, cut)), 'packed in the interpreter');
    optimise(packedMap);
    const optimised = packedMap(xs, cut);
    assert.deepEqual(optimised, want);
    assert.ok(!holey(optimised), 'packed in optimised code');
    assert.deepEqual(packedMap([], cut), []);
    assert.deepEqual(
      packedMap(['a', 'b'], (x, i) => `${x}${i}`),
      ['a0', 'b1'],
      'with its index, as map gives',
    );
  });

  it('the recogniser still cuts with it (two organisations joined by a conjunction are two names)', () => {
    const recognizer = createEntityRecognizer({ tagger: shippedRecognizer().tagger });
    const t = '新光医院及马偕医院今日开业。';
    const got = recognizer.recognize(t).map((x) => `${x.start}-${x.end} ${x.text}/${x.type}`);
    for (const want of ['0-4 新光医院/ORG', '5-9 马偕医院/ORG']) assert.ok(got.includes(want), `${want} in ${got.join(' ')}`);
  });
});
