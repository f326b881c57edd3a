import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goldTags, loadTagger, NTAGS, openModel, spansFromTags, TAGS } from '../../server/src/service/entities/tagger';
import { quantise, withStacked, encodeQuantised } from '../../server/src/service/entities/modelFormat';
import { STACK_FEATURES, stackedIds } from '../../server/src/service/entities/stacked';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { parseBio, trainModel } from '../../scripts/training/trainer';
import { decodeStacked, firstPass, trainStacked } from '../../scripts/training/stack';

const sentences = parseBio(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'ner', 'tiny_bio.txt'), 'utf8'));
const first = trainModel(sentences, { epochs: 3, bits: 14, lexiconFolds: 0 });

function stackedFrom(emission: Float32Array, transition: Float32Array, bits: number) {
  const { buckets, scale } = quantise(emission, bits);
  return { bits, buckets, scale, transition };
}

describe('entity tagger: the stacked second pass', () => {
  it('a model without it is read as before; withStacked adds it and it is read back as views', () => {
    const m = openModel(first.slice());
    assert.equal(m.weights.stacked, undefined);
    const bits = 10;
    const emission = new Float32Array((1 << bits) * NTAGS);
    emission[5] = 3;
    const bytes = withStacked(first, stackedFrom(emission, m.weights.transition, bits));
    const st = openModel(bytes.slice()).weights.stacked;
    assert.ok(st);
    assert.equal(st.bits, bits);
    assert.deepEqual([...st.transition], [...m.weights.transition]);
    // withStacked writes what the encoder writes for the same tables (one format, one writer).
    const again = withStacked(bytes, stackedFrom(emission, m.weights.transition, bits));
    assert.deepEqual(again, bytes);
    // A file whose second pass is cut short is refused with a message, not misread.
    assert.throws(() => openModel(bytes.slice(0, bytes.length - 64)), /truncated or corrupt/);
    assert.ok(encodeQuantised);
  });

  it('decoding reads the second pass: weights that favour one tag everywhere change every tag', () => {
    const m = openModel(first.slice());
    const bits = 8;
    const emission = new Float32Array((1 << bits) * NTAGS);
    // Every bucket favours S-LOC by far: each character becomes a one-character place.
    const sLoc = TAGS.indexOf('S-LOC');
    for (let b = 0; b < 1 << bits; b++) emission[b * NTAGS + sLoc] = 1000;
    const text = normalizeForMatching('新华社记者在北京报道。');
    const plain = loadTagger(first.slice()).tag(text, undefined);
    const stacked = loadTagger(withStacked(first, stackedFrom(emission, m.weights.transition, bits))).tag(text, undefined);
    assert.notDeepEqual(stacked, plain);
    assert.equal(stacked.length, text.length);
    assert.ok(stacked.every((s) => s.type === 'LOC' && s.end - s.start === 1));
  });

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
