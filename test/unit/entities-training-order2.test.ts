/**
 * The sixth round's tagger experiments (docs/entities.md, "Sixth round: the tagger"): the second-order Viterbi
 * against brute force, the CRF's fitting, and the perceptron unchanged when they are off.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allowed, canEnd, goldTags, loadTagger, NTAGS, spansFromTags } from '../../server/src/service/entities/tagger';
import { viterbiScores } from '../../server/src/service/entities/decode';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { parseBio, trainModel, trainWeights, type TrainingSentence } from '../../scripts/training/trainer';
import { latticeIds, LATTICE_FEATURES, tri, TRIGRAMS, viterbi2 } from '../../scripts/training/order2';
import { NameLexicon } from '../../server/src/service/entities/lexicon';
import { WordSet } from '../../server/src/service/entities/words';

const sentences = parseBio(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'ner', 'tiny_bio.txt'), 'utf8'));

function f1(model: Uint8Array, data: TrainingSentence[]): number {
  const tagger = loadTagger(model);
  let tp = 0;
  let both = 0;
  for (const s of data) {
    const key = (x: { start: number; end: number; type: string }) => `${x.start}:${x.end}:${x.type}`;
    const pred = new Set(tagger.tag(normalizeForMatching(s.text), undefined).map(key));
    const gold = new Set(spansFromTags(goldTags(s.tags), s.tags.length).map(key));
    for (const p of pred) if (gold.has(p)) tp++;
    both += pred.size + gold.size;
  }
  return tp ? (2 * tp) / both : 0;
}

/** A small deterministic generator for random scores. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

describe('entity tagger: sixth-round experiments (second order, lattice, CRF)', () => {
  it('the second-order Viterbi finds the best legal sequence (brute force), and equals first order with no trigram weights', () => {
    const rnd = lcg(11);
    const T = NTAGS;
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + (trial % 4);
      const em = new Float64Array(n * T).map(() => rnd() * 4 - 2);
      const tw = new Float32Array((T + 1) * T).map(() => rnd() - 0.5);
      const first = new Uint8Array(n);
      const second = new Uint8Array(n);
      viterbiScores(tw, em, n, first);
      viterbi2(em, n, tw, new Float32Array(TRIGRAMS), second);
      assert.deepEqual([...second], [...first]);
      const w3 = new Float32Array(TRIGRAMS).map(() => rnd() * 2 - 1);
      viterbi2(em, n, tw, w3, second);
      let best = -Infinity;
      let bestSeq = '';
      const seq: number[] = [];
      const walk = (i: number, score: number): void => {
        if (i === n) {
          if (canEnd(seq[n - 1]) && score > best) [best, bestSeq] = [score, seq.join()];
          return;
        }
        for (let t = 0; t < T; t++) {
          const p = i ? seq[i - 1] : -1;
          if (!allowed(p, t)) continue;
          seq[i] = t;
          const trigram = i >= 1 ? w3[tri(i >= 2 ? seq[i - 2] : -1, seq[i - 1], t)] : 0;
          walk(i + 1, score + tw[(p + 1) * T + t] + em[i * T + t] + trigram);
        }
      };
      walk(0, 0);
      assert.equal([...second].join(), bestSeq);
    }
  });

  it('the lattice sees every word covering a character, not only the longest', () => {
    // 中国 and 中国银行 both cover 中: with the shorter word gone, the role pattern of 中 (slot 0) changes.
    const text = '中国银行开业';
    const withBoth = latticeIds(text, 20, new WordSet(['中国']), new NameLexicon([['中国银行', 4]]));
    const longestOnly = latticeIds(text, 20, undefined, new NameLexicon([['中国银行', 4]]));
    assert.equal(withBoth.length, text.length * LATTICE_FEATURES);
    assert.notEqual(withBoth[0], longestOnly[0]);
    // 开 is covered by no word in either: same ids.
    assert.equal(withBoth[4 * LATTICE_FEATURES], longestOnly[4 * LATTICE_FEATURES]);
  });

  const base = { epochs: 6, bits: 16, lexiconFolds: 0 };
  const plain = trainModel(sentences, base);

  it('the CRF learns the fixture, deterministically, and is not the perceptron', () => {
    const options = { ...base, crf: { rate: 0.1, l2: 0.001 } };
    const a = trainModel(sentences, options);
    assert.deepEqual(a, trainModel(sentences, options));
    assert.notDeepEqual(a, plain, 'the option changed nothing');
    assert.ok(f1(a, sentences) > 0.8, `F1 ${f1(a, sentences)}`);
  });

  it('the CRF log-likelihood rises epoch after epoch on the fixture', () => {
    const nll: number[] = [];
    trainWeights(sentences, { ...base, crf: { rate: 0.1, l2: 0 }, onEpoch: (_, info) => nll.push(info.mistakes) });
    for (let e = 1; e < nll.length; e++) assert.ok(nll[e] <= nll[e - 1], `epoch ${e + 1}: ${nll[e]} > ${nll[e - 1]}`);
    assert.ok(nll[nll.length - 1] < nll[0] / 10, nll.join(' '));
  });

  it('second order and the lattice change the perceptron only when asked', () => {
    assert.deepEqual(trainModel(sentences, { ...base, order2: false, lattice: false }), plain);
    const w = trainWeights(sentences, { ...base, order2: true });
    assert.ok(w.trigram && w.trigram.some((x) => x !== 0), 'trigram weights were learned');
  });
});
