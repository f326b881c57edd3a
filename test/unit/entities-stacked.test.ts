import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goldTags, NTAGS, openModel, spansFromTags, TAGS } from '../../server/src/service/entities/tagger';
import { STACK_FEATURES, stackedIds } from '../../scripts/training/stackFeatures';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { parseBio, trainModel, trainSeedAverage } from '../../scripts/training/trainer';
import { decodeStacked, firstPass, trainStacked } from '../../scripts/training/stack';

const sentences = parseBio(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'ner', 'tiny_bio.txt'), 'utf8'));
const first = trainModel(sentences, { epochs: 3, bits: 14, lexiconFolds: 0 });

describe('entity tagger: the stacked second pass (experiment, scripts/train-stack.ts)', () => {
  it('features read the first pass: a name on the right changes the ids of the character before it', () => {
    const norm = normalizeForMatching('在北京工作');
    const n = norm.length;
    const em = new Float32Array(n * NTAGS);
    const none = new Uint8Array(n);
    const place = Uint8Array.from([0, TAGS.indexOf('B-LOC'), TAGS.indexOf('E-LOC'), 0, 0]);
    const a = stackedIds(norm, none, em, n, 16, new Uint32Array(n * STACK_FEATURES));
    const b = stackedIds(norm, place, em, n, 16, new Uint32Array(n * STACK_FEATURES));
    // 在 (position 0) is O in both, but sees the place after it in the second.
    assert.notDeepEqual(a.slice(0, STACK_FEATURES), b.slice(0, STACK_FEATURES));
    // 作 (the last) sees the same tags within two positions but a name two to its left: its span features differ.
    assert.notDeepEqual(a.slice(4 * STACK_FEATURES), b.slice(4 * STACK_FEATURES));
  });

  it('training learns the fixture over a first pass, deterministically', () => {
    const m = openModel(first.slice());
    const norms = sentences.map((s) => normalizeForMatching(s.text));
    const gold = sentences.map((s) => goldTags(s.tags));
    const passes = norms.map((n) => firstPass(m, n, undefined));
    const train = () => trainStacked(norms, gold, passes, { bits: 12, epochs: 4, transition: m.weights.transition });
    const w = train();
    assert.deepEqual(w.emission, train().emission);
    assert.ok(
      w.emission.some((x) => x !== 0),
      'no weight of the second pass was learned',
    );
    const correct = (tagsOf: (k: number) => Uint8Array) => {
      let ok = 0;
      let all = 0;
      for (let k = 0; k < norms.length; k++) {
        const key = (x: { start: number; end: number; type: string }) => `${x.start}:${x.end}:${x.type}`;
        const pred = new Set(spansFromTags(tagsOf(k), norms[k].length).map(key));
        for (const g of spansFromTags(gold[k], gold[k].length)) {
          all++;
          if (pred.has(key(g))) ok++;
        }
      }
      return ok / all;
    };
    const before = correct((k) => passes[k].tags);
    const after = correct((k) => {
      const tags = new Uint8Array(norms[k].length);
      decodeStacked(w, norms[k], passes[k], tags);
      return tags;
    });
    // On its own training sentences the second pass must fix what an under-trained first pass missed.
    assert.ok(after > before, `recall ${before} -> ${after}`);
  });
});

describe('entity tagger: training-name lexicon jackknifed by blocks (--block-folds, experiment)', () => {
  it('changes the model, deterministically, and is off unless asked for', () => {
    const base = { epochs: 2, bits: 14, lexiconFolds: 2 };
    const blocks = trainModel(sentences, { ...base, blockFolds: true });
    assert.deepEqual(blocks, trainModel(sentences, { ...base, blockFolds: true }));
    assert.notDeepEqual(blocks, trainModel(sentences, base), 'the option changed nothing');
    assert.deepEqual(trainModel(sentences, { ...base, blockFolds: false }), trainModel(sentences, base));
  });
});

describe('entity tagger: seed-averaged weights (--ensemble K, experiment)', () => {
  const base = { epochs: 2, bits: 14, lexiconFolds: 0 };
  it('one seed is the plain training; two are deterministic and differ from it', () => {
    // One seed: (w / 1) is w, so the bytes are trainModel's, which is what keeps npm run train unchanged.
    assert.deepEqual(trainSeedAverage(sentences, base, 1), trainModel(sentences, base));
    const two = trainSeedAverage(sentences, base, 2);
    assert.deepEqual(two, trainSeedAverage(sentences, base, 2));
    assert.notDeepEqual(two, trainModel(sentences, base), 'the second seed changed nothing');
  });
});
