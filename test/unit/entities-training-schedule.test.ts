import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goldTags, loadTagger, spansFromTags } from '../../server/src/service/entities/tagger';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { parseBio, trainModel, type TrainingSentence } from '../../scripts/training/trainer';

const sentences = parseBio(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'ner', 'tiny_bio.txt'), 'utf8'));

function f1(model: Uint8Array, data: TrainingSentence[]): number {
  const tagger = loadTagger(model);
  let tp = 0;
  let wrong = 0;
  for (const s of data) {
    const key = (x: { start: number; end: number; type: string }) => `${x.start}:${x.end}:${x.type}`;
    const pred = new Set(tagger.tag(normalizeForMatching(s.text), undefined).map(key));
    const gold = new Set(spansFromTags(goldTags(s.tags), s.tags.length).map(key));
    for (const p of pred) if (gold.has(p)) tp++;
    wrong += pred.size + gold.size;
  }
  return tp ? (2 * tp) / wrong : 0;
}

describe('entity tagger: training-schedule experiments (--cost, --pa)', () => {
  const base = { epochs: 12, bits: 16, lexiconFolds: 0 };
  const plain = trainModel(sentences, base);

  for (const [label, extra] of [
    ['cost-augmented decoding', { cost: 1 }],
    ['passive-aggressive steps', { pa: 1 }],
  ] as const) {
    it(`${label}: learns the fixture, deterministically, and is not the plain perceptron`, () => {
      const a = trainModel(sentences, { ...base, ...extra });
      assert.deepEqual(a, trainModel(sentences, { ...base, ...extra }));
      assert.notDeepEqual(a, plain, 'the option changed nothing');
      assert.ok(f1(a, sentences) > 0.6, `F1 ${f1(a, sentences)}`);
    });
  }

  it('with both off, training is the plain perceptron (what npm run train ships)', () => {
    assert.deepEqual(trainModel(sentences, { ...base, cost: 0, pa: 0 }), plain);
  });
});
