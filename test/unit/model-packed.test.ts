/**
 * Model format NER3 (issue #14, twelfth round): the name lexicon's open-addressed table stored as its used slots
 * only, found by a rank over an occupancy bitmap (lexicon.ts `packNameTables`), with the fingerprint of the full
 * layout (NER2) kept, so that overlays of fine-tuned weights made on an NER2 model still apply.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildNameTables, MAX_LEXICON_WORD, NameLexicon, packNameTables, popcount32 } from '../../server/src/service/entities/lexicon';
import {
  encodeFullLayout,
  encodeQuantised,
  isFullLayout,
  modelFingerprint,
  openModel,
  packModel,
  quantise,
} from '../../server/src/service/entities/modelFormat';
import { loadTagger, NTAGS } from '../../server/src/service/entities/tagger';
import { BUCKET_BYTES, LANE_BIAS, packEmissions, unpackEmissions } from '../../server/src/service/entities/modelFormat';
import { kernelFor, modelMemory } from '../../server/src/service/entities/simd';
import { emissions } from '../../server/src/service/entities/decode';
import { extractFeatures, FEATURE_VERSION, FEATURES_PER_CHAR } from '../../server/src/service/entities/features';
import { applyOverlay } from '../../server/src/service/entities/finetune';
import { SMALL_SLOTS } from '../../scripts/emissions-wat';
import { parseBio, trainWeights, type TrainOptions } from '../../scripts/training/trainer';

const ROOT = path.join(__dirname, '..', '..');

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ALPHABET = '中国人民银行日报新华社北京上海天津省市县';
function randomWord(rnd: () => number, min: number, max: number): string {
  const n = min + Math.floor(rnd() * (max - min + 1));
  let w = '';
  for (let i = 0; i < n; i++) w += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
  return w;
}

describe('model format NER3: the name lexicon packed', () => {
  it('popcount32 counts the bits of any 32-bit word', () => {
    const rnd = random(7);
    for (let k = 0; k < 2000; k++) {
      const x = (rnd() * 2 ** 32) >>> 0;
      let want = 0;
      for (let j = 0; j < 32; j++) want += (x >>> j) & 1;
      assert.equal(popcount32(x), want, x.toString(16));
    }
    assert.equal(popcount32(0xffffffff), 32);
    assert.equal(popcount32(-1), 32);
    assert.equal(popcount32(0x80000000), 1);
  });

  it('finds what the full table finds: every entry and prefix, nothing else, across 32-slot words and the table’s end', () => {
    let wrapped = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = random(seed);
      const entries = new Map<string, number>();
      const count = 5 + Math.floor(rnd() * 120);
      for (let k = 0; k < count; k++) entries.set(randomWord(rnd, 2, MAX_LEXICON_WORD), 1 + Math.floor(rnd() * 15));
      const list = [...entries];
      const full = buildNameTables(list);
      const packed = packNameTables(full);
      const val = full[3];
      // A run of used slots that goes on from the last slot to the first: the probe wraps round.
      if (val[val.length - 1] && val[0]) wrapped++;
      assert.equal(packed[3].length, val.filter((v) => v).length, 'one stored slot per used slot');
      const lex = new NameLexicon(packed);
      assert.equal(lex.size, full[0][0]);
      const prefixes = new Set<string>();
      for (const [w] of list) for (let L = 2; L < w.length; L++) prefixes.add(w.slice(0, L));
      for (const [w, bits] of list) assert.equal(lex.get(w, 0, w.length), bits, `${seed}: ${w}`);
      for (const p of prefixes) if (!entries.has(p)) assert.equal(lex.get(p, 0, p.length), 0, `${seed}: prefix ${p}`);
      for (let k = 0; k < 300; k++) {
        const w = randomWord(rnd, 2, MAX_LEXICON_WORD);
        assert.equal(lex.get(w, 0, w.length), entries.get(w) ?? 0, `${seed}: ${w}`);
      }
      // The walk over a text agrees with the lexicon built from the entries (and so with walks.test.ts's reference).
      const text = list.map(([w]) => w).join('') + randomWord(rnd, 20, 40);
      const marks = (l: NameLexicon) => {
        const m = new Uint8Array(text.length);
        const len = new Uint8Array(text.length);
        l.marks(text, m, len, new Uint8Array(text.length * 4));
        return [...m, ...len];
      };
      assert.deepEqual(marks(lex), marks(new NameLexicon(list)));
    }
    assert.ok(wrapped >= 3, `${wrapped} of the tables have a run over their end`);
  });

  it('refuses a packed lexicon whose occupancy is inconsistent (a bitmap with no empty slot would probe for ever)', () => {
    const packed = packNameTables(
      buildNameTables([
        ['中国人民', 1],
        ['北京日报', 4],
        ['上海', 2],
      ]),
    );
    assert.equal(new NameLexicon(packed).get('北京日报', 0, 4), 4);
    const allUsed = packed.map((t) => t.slice()) as typeof packed;
    for (let w = 0; w < allUsed[1].length; w += 2) allUsed[1][w] = -1;
    assert.throws(() => new NameLexicon(allUsed), /inconsistent/);
    const wrongCount = packed.map((t) => t.slice()) as typeof packed;
    wrongCount[1][wrongCount[1].length - 1] += 1;
    assert.throws(() => new NameLexicon(wrongCount), /inconsistent/);
  });

  it('stores about a third of the full table’s bytes for the shipped lexicon’s load', () => {
    const text = fs.readFileSync(path.join(ROOT, 'models', 'lexicon.tsv'), 'utf8');
    const entries = text
      .split('\n')
      .filter((l) => l.includes('\t'))
      .map((l) => [l.slice(l.indexOf('\t') + 1), Number(l.slice(0, l.indexOf('\t')))] as [string, number]);
    const full = buildNameTables(entries);
    const packed = packNameTables(full);
    const bytes = (ts: ArrayBufferView[]) => ts.reduce((s, t) => s + t.byteLength, 0);
    assert.ok(bytes(packed) < bytes(full) / 2.5, `${bytes(packed)} of ${bytes(full)} bytes`);
  });

  const options: TrainOptions = {
    epochs: 1,
    bits: 14,
    lexiconFolds: 2,
    names: [
      ['北京', 2],
      ['新华社', 4],
      ['中国', 2],
      ['中国人民银行', 4],
    ],
  };
  const sentences = parseBio(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'ner', 'tiny_bio.txt'), 'utf8'));
  const w = trainWeights(sentences, options);
  const quantised = { ...w, ...quantise(w.emission as Float32Array, w.bits) };

  it('the file is the full layout packed, with the full layout’s fingerprint; the full layout (NER2) is refused and says how to convert', () => {
    const full = encodeFullLayout(quantised);
    const file = encodeQuantised(quantised);
    assert.ok(isFullLayout(full) && !isFullLayout(file));
    assert.deepEqual(packModel(full), file, 're-encoding an NER2 file gives the bytes training writes');
    assert.equal(modelFingerprint(file), modelFingerprint(full));
    assert.throws(() => openModel(full.slice()), /format NER2.*reencode-model/);
    assert.throws(() => packModel(file), /bad magic/);
    // The packed file tags as the model of the lists does.
    const tagger = loadTagger(file.slice());
    assert.equal(tagger.fingerprint, modelFingerprint(full));
    assert.equal(tagger.names?.get('中国人民银行', 0, 6), 4);
    assert.equal(tagger.names?.get('中国人民', 0, 4), 0);
  });

  it('the shipped model keeps the fingerprint of the NER2 file it was converted from (overlays made on it apply)', () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, 'models', 'ner.bin')));
    assert.ok(!isFullLayout(bytes));
    // models/ner.bin before the conversion (sha256 8caba109…, 29,711,104 bytes) stored this fingerprint: retraining
    // changes it on purpose (and then this figure).
    assert.equal(modelFingerprint(bytes), '59b55c23526aaabd');
  });

  it('packs the emission buckets losslessly: only the non-zero ones (and the dense head) are stored', () => {
    const rnd = random(3);
    for (const bits of [2, 5, 10, 14]) {
      const full = new Uint8Array((1 << bits) * BUCKET_BYTES).fill(LANE_BIAS);
      let nonZero = 0;
      for (let b = 0; b < 1 << bits; b++) {
        if (rnd() < 0.6) continue;
        nonZero++;
        // One byte off the bias is enough to make a bucket non-zero: a padding byte, or a tag's.
        full[b * BUCKET_BYTES + Math.floor(rnd() * BUCKET_BYTES)] = Math.floor(rnd() * 256) || 1;
        if (rnd() < 0.5) for (let t = 0; t < NTAGS; t++) full[b * BUCKET_BYTES + t] = Math.floor(rnd() * 256);
      }
      const packed = packEmissions(full, bits);
      assert.deepEqual(unpackEmissions(packed, bits), full, `${bits} bits`);
      const dense = Math.min(1 << bits, 1 << Math.min(Math.max(bits - 2, 0), 15));
      assert.ok(packed[1] <= nonZero + dense + 1, `${bits} bits: ${packed[1]} stored`);
      assert.throws(() => unpackEmissions(packed.subarray(0, packed.length - 4), bits), /corrupt/);
      // An occupancy count off by one, or a bucket of the dense head (read without a rank) marked absent: refused.
      const wrongCount = packed.slice();
      wrongCount[16 + 1] += 1;
      assert.throws(() => unpackEmissions(wrongCount, bits), /corrupt/, `${bits} bits: count`);
      const denseGap = packed.slice();
      denseGap[16] &= ~1;
      assert.throws(() => unpackEmissions(denseGap, bits), /corrupt/, `${bits} bits: dense head`);
    }
  });

  it('the slots the kernel reads without a rank hash into the dense head only (features.ts `small`)', () => {
    const text = '新华社北京十二月六日电 国务院总理李强在人民大会堂会见了来访的法国外长让-诺埃尔·巴罗。';
    for (const bits of [14, 20]) {
      const ids = extractFeatures(text, undefined, bits);
      const dense = 1 << Math.min(bits - 2, 15);
      let beyond = 0;
      for (let i = 0; i < text.length; i++)
        for (let f = 0; f < FEATURES_PER_CHAR; f++) {
          const id = ids[i * FEATURES_PER_CHAR + f];
          if (SMALL_SLOTS.includes(f)) assert.ok(id < dense, `slot ${f}: ${id}`);
          else if (id >= dense) beyond++;
        }
      assert.ok(beyond > 0, 'the other slots spread over the table');
    }
  });

  it('an overlay that makes a zero bucket non-zero scores as the full table with the same deltas, in the kernel where it runs', () => {
    const file = encodeQuantised(quantised);
    const memory = modelMemory(file.length);
    const bytes = memory ? memory.bytes : file.slice();
    bytes.set(file);
    const tagger = loadTagger(bytes);
    const w = tagger.weights!;
    const full = unpackEmissions(packEmissions(quantised.buckets, w.bits), w.bits);
    // Zero buckets beyond the dense head, and one within it.
    const zero: number[] = [];
    for (let b = (1 << w.bits) - 1; b >= 0 && zero.length < 5; b -= 7)
      if (full.subarray(b * BUCKET_BYTES, (b + 1) * BUCKET_BYTES).every((x) => x === LANE_BIAS)) zero.push(b);
    assert.ok(zero.length === 5);
    const emission = new Map<number, Int8Array>(zero.map((b, k) => [b, Int8Array.from({ length: NTAGS }, (_, t) => ((t + k) % 5) - 2)]));
    const overlay = {
      featureVersion: FEATURE_VERSION,
      model: tagger.fingerprint!,
      bits: w.bits,
      emission,
      transition: new Float32Array((NTAGS + 1) * NTAGS),
      info: { articles: 0, lines: 0, epochs: 0, rate: 0, margin: 0, created: '' },
    };
    const tuned = applyOverlay(tagger, overlay, true);
    assert.equal(tuned.packed, !!memory && !!kernelFor(bytes.buffer));
    if (tuned.packed) assert.notEqual(tuned.quad!.buffer, bytes.buffer, 'packed again into a memory of its own');
    // The reference: the full table with the deltas added, summed in JavaScript.
    for (const [b, d] of emission) for (let t = 0; t < NTAGS; t++) full[b * BUCKET_BYTES + t] += d[t];
    const reference = { ...w, quad: new Int32Array(full.buffer), packed: false };
    const n = 40;
    const ids = new Uint32Array(n * FEATURES_PER_CHAR);
    const dense = 1 << Math.min(w.bits - 2, 15);
    for (let i = 0; i < ids.length; i++) {
      const f = i % FEATURES_PER_CHAR;
      ids[i] = SMALL_SLOTS.includes(f) ? (zero.find((b) => b < dense) ?? i % dense) : zero[i % zero.length];
    }
    const got = new Float64Array(n * NTAGS);
    const want = new Float64Array(n * NTAGS);
    emissions(tuned, ids, n, got);
    emissions(reference, ids, n, want);
    assert.deepEqual(got, want);
    assert.ok(
      want.some((x) => x !== 0),
      'the deltas show in the scores',
    );
  });
});
