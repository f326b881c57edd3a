/**
 * The emission sums in WebAssembly SIMD (simd.ts, wasm/emissions.wat) against the JavaScript sums they replace:
 * the same doubles bit for bit on real text and on extreme bytes, over plain and shared memories, in slices for
 * long lines; the committed bytes are what the .wat assembles to; the JavaScript path stays for tables outside a
 * model memory.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assemble, WAT_FILE } from '../../scripts/build-wasm';
import { emissionsWat, SMALL_SLOTS } from '../../scripts/emissions-wat';
import { EMISSIONS_WASM, EMISSIONS_WASM_SHARED } from '../../server/src/service/entities/wasm/emissionsWasm';
import { emissions, featureArea, featureIdsBuffer, viterbi } from '../../server/src/service/entities/decode';
import { extractFeatures, FEATURES_PER_CHAR } from '../../server/src/service/entities/features';
import { BUCKET_BYTES, encodeQuantised, LANE_BIAS, openModel, type TaggerWeights } from '../../server/src/service/entities/modelFormat';
import { adoptModelMemory, KERNEL_CHARS, kernelFor, memoryOf, modelMemory, simdAvailable } from '../../server/src/service/entities/simd';
import { loadTagger, NTAGS } from '../../server/src/service/entities/tagger';
import { gazetteerTrie } from '../../server/src/service/entities/gazetteer';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { Worker } from 'node:worker_threads';
import { loadNerModel, readModelShared, sharedModelMemory, sharedTagger, useLentModel } from '../../server/src/node/model';

const F = FEATURES_PER_CHAR;
const T = NTAGS;

function realLines(): string[] {
  const dir = path.join(__dirname, '..', 'fixtures', 'articles');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .map((l) => normalizeForMatching(l))
    .filter((l) => l.trim());
}

/** The emission scores of `ids` under `w` (whichever path `w`'s table takes). */
function scores(w: TaggerWeights, ids: Uint32Array, n: number): Float64Array {
  const em = new Float64Array(n * T);
  emissions(w, ids, n, em);
  return em;
}

/** The first position where two score arrays differ as doubles (-0 and 0 count as different), or -1. */
function firstDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/** A model file's bytes in a fresh model memory (plain or shared), as node/model.ts reads the file. */
function inMemory(file: Uint8Array, shared = false): Uint8Array {
  const bytes = modelMemory(file.byteLength, shared)!.bytes;
  bytes.set(file);
  return bytes;
}

describe('emission sums in WebAssembly SIMD (simd.ts)', function () {
  this.timeout(120000);

  it('runs here: Node 20 has WebAssembly SIMD, so the product must not fall back silently', () => {
    assert.ok(simdAvailable());
  });

  it('keeps emissions.wat as scripts/emissions-wat.ts writes it (the unrolled kernel is edited there)', () => {
    assert.ok(fs.readFileSync(WAT_FILE, 'utf8') === emissionsWat(), 'edit scripts/emissions-wat.ts and run npm run build:wasm');
  });

  it('ships the bytes that emissions.wat assembles to, over a plain and over a shared memory', async () => {
    const built = await assemble(fs.readFileSync(WAT_FILE, 'utf8'));
    assert.deepEqual(Array.from(EMISSIONS_WASM), Array.from(built.plain), 'run npm run build:wasm');
    assert.deepEqual(Array.from(EMISSIONS_WASM_SHARED), Array.from(built.shared), 'run npm run build:wasm');
  });

  it('reads the shipped model into a model memory, where the kernel sums its table; a copy is summed in JavaScript', () => {
    const bytes = loadNerModel()!;
    assert.ok(memoryOf(bytes), 'the file was read into a WebAssembly memory');
    const w = loadTagger(bytes).weights!;
    assert.ok(kernelFor(w.quad!.buffer), 'the tagger reads its table where the kernel can');
    assert.equal(kernelFor(openModel(bytes.slice()).weights.quad!.buffer), undefined);
  });

  it('gives the same scores and tags as the JavaScript sums on every line of the fixture articles', () => {
    const bytes = loadNerModel()!;
    const wasm = openModel(bytes);
    const js = openModel(bytes.slice());
    const gaz = gazetteerTrie();
    const lines = realLines();
    assert.ok(lines.length > 100);
    let chars = 0;
    for (const line of lines) {
      const n = line.length;
      const ids = extractFeatures(line, gaz, wasm.weights.bits, undefined, wasm.trainingNames, wasm.words, wasm.names);
      assert.equal(firstDifference(scores(wasm.weights, ids, n), scores(js.weights, ids, n)), -1, line);
      // Viterbi reads the kernel's scores in place; the tags and margins must be those of the JavaScript path.
      const tags = [new Uint8Array(n), new Uint8Array(n)];
      const margins = [new Float32Array(n), new Float32Array(n)];
      viterbi(wasm.weights, ids, n, tags[0], margins[0]);
      viterbi(js.weights, ids, n, tags[1], margins[1]);
      assert.deepEqual(tags[0], tags[1], line);
      assert.deepEqual(margins[0], margins[1], line);
      chars += n;
    }
    assert.ok(chars > 10000);
  });

  it("hashes every slot in WebAssembly to features.ts's ids: every line of the fixtures, odd lengths", () => {
    const bytes = loadNerModel()!;
    const model = openModel(bytes);
    const w = loadTagger(bytes).weights!;
    const area = featureArea(w, 100)!;
    assert.ok(area, 'the shipped model has a work area');
    assert.equal(featureArea(w, KERNEL_CHARS + 1), undefined);
    const gaz = gazetteerTrie();
    // Lengths 1 to 9 (a turn of four characters and its tails), Latin letters and digits (folded), and whole lines.
    const alphabet = '张伟在北京市AbZ09xy 。的中国人民银行';
    let seed = 7;
    const random = Array.from({ length: 300 }, (_, i) =>
      Array.from({ length: 1 + (i % 9) + (i > 200 ? i : 0) }, () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return alphabet[(seed >>> 16) % alphabet.length];
      }).join(''),
    );
    for (const line of [...realLines(), ...random]) {
      const n = line.length;
      const args = [gaz, model.weights.bits] as const;
      const js = extractFeatures(line, ...args, undefined, model.trainingNames, model.words, model.names);
      const wasm = extractFeatures(line, ...args, area.ids, model.trainingNames, model.words, model.names, area);
      assert.equal(wasm, area.ids);
      assert.deepEqual(wasm.subarray(0, n * F), js, line);
    }
  });

  describe('on extreme bytes', () => {
    const bits = 10;
    const buckets = new Uint8Array((1 << bits) * BUCKET_BYTES);
    // Bucket 0: every byte 0 (weight -128); bucket 1: every byte 255 (weight +127); then one tag per bucket at 255
    // and the rest 0 (a lane that carried into its neighbour would show); the rest pseudo-random, padding included.
    buckets.fill(255, BUCKET_BYTES, 2 * BUCKET_BYTES);
    for (let t = 0; t < T; t++) buckets[(2 + t) * BUCKET_BYTES + t] = 255;
    let seed = 12345;
    for (let i = (2 + T) * BUCKET_BYTES; i < buckets.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      buckets[i] = seed >>> 24;
    }
    // Every third bucket after those all zero weights (LANE_BIAS), and a run of them: the packed table does not store
    // them (modelFormat.ts packEmissions), and the kernel reads its one zero bucket for them.
    for (let b = 2 + T; b < 1 << bits; b++)
      if (b % 3 === 0 || (b >= 600 && b < 700)) buckets.fill(LANE_BIAS, b * BUCKET_BYTES, (b + 1) * BUCKET_BYTES);
    const transition = new Float32Array((T + 1) * T);
    const file = encodeQuantised({ bits, buckets, scale: 0.0123456789, transition });

    /** n characters of ids: all-0 buckets, all-255 buckets, single lanes, random ids, and mixtures. */
    function extremeIds(n: number): Uint32Array {
      const ids = new Uint32Array(n * F);
      for (let i = 0; i < n; i++)
        for (let f = 0; f < F; f++) {
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
          const kind = i % 5;
          // The slots that hash into the first buckets only (features.ts `small`) never reach beyond them.
          const range = SMALL_SLOTS.includes(f) ? 1 << (bits - 2) : 1 << bits;
          ids[i * F + f] = kind === 0 ? 0 : kind === 1 ? 1 : kind === 2 ? 2 + (i % T) : kind === 3 ? (seed >>> 8) & (range - 1) : f % 2;
        }
      return ids;
    }

    for (const shared of [false, true])
      it(`gives the JavaScript sums' doubles over a ${shared ? 'shared' : 'plain'} memory, lines longer than one call included`, () => {
        const wasm = openModel(inMemory(file, shared)).weights;
        const js = openModel(file.slice()).weights;
        assert.ok(kernelFor(wasm.quad!.buffer));
        assert.equal(kernelFor(js.quad!.buffer), undefined);
        for (const n of [1, 5, 97, KERNEL_CHARS, KERNEL_CHARS + 3, 2 * KERNEL_CHARS + 1]) {
          const ids = extremeIds(n);
          const a = scores(wasm, ids, n);
          const b = scores(js, ids, n);
          assert.equal(firstDifference(a, b), -1, `${n} characters`);
          // The extremes are there: 30 x (0 - 128) and 30 x (255 - 128) in every lane.
          assert.equal(a[0], -128 * F * wasm.scale);
          if (n > 1) assert.equal(a[T], 127 * F * wasm.scale);
        }
      });

    it("decodes in WebAssembly to the JavaScript Viterbi's tags and margins: tied scores and transitions, any length", () => {
      // Zero transitions and these bytes tie often (the first of equals must win, as in JavaScript); transitions of
      // -1, 0 and 1 tie some; random ones rarely. Lines of one character, a few, and as many as one call takes.
      const kinds: ((i: number) => number)[] = [
        () => 0,
        () => {
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
          return (seed >>> 30) - 1;
        },
        () => {
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
          return (seed / 2 ** 32 - 0.5) * 8;
        },
      ];
      let tagged = 0;
      for (const kind of kinds) {
        const tr = Float32Array.from({ length: (T + 1) * T }, (_, i) => kind(i));
        const f = encodeQuantised({ bits, buckets, scale: 0.0123456789, transition: tr });
        const wasm = openModel(inMemory(f)).weights;
        const js = openModel(f.slice()).weights;
        assert.ok(kernelFor(wasm.quad!.buffer));
        for (const n of [1, 2, 5, 97, 1000, KERNEL_CHARS]) {
          const ids = extremeIds(n);
          const tags = [new Uint8Array(n), new Uint8Array(n)];
          const margins = [new Float32Array(n), new Float32Array(n)];
          viterbi(wasm, ids, n, tags[0], margins[0]);
          viterbi(js, ids, n, tags[1], margins[1]);
          assert.deepEqual(tags[0], tags[1], `${n} characters`);
          assert.deepEqual(margins[0], margins[1], `${n} characters`);
          tagged += tags[0].filter((t) => t).length;
        }
      }
      assert.ok(tagged > 1000, 'names were found, so their margins were compared');
    });

    it('sums in JavaScript, to the same doubles, in a thread that finds the shared memory grown to its maximum', () => {
      const bytes = inMemory(file, true);
      const memory = memoryOf(bytes)!;
      // Other threads took every work area there is.
      assert.throws(() => {
        for (;;) memory.grow(1);
      }, RangeError);
      const wasm = openModel(bytes).weights;
      assert.equal(kernelFor(wasm.quad!.buffer), undefined);
      const ids = extremeIds(50);
      assert.equal(firstDifference(scores(wasm, ids, 50), scores(openModel(file.slice()).weights, ids, 50)), -1);
    });

    it('sums ids written straight into the work area (featureIdsBuffer) as it sums a copy', () => {
      const wasm = openModel(inMemory(file)).weights;
      const js = openModel(file.slice()).weights;
      const n = 300;
      const ids = extremeIds(n);
      const own = featureIdsBuffer(wasm, n)!;
      assert.ok(own, 'a line that fits a call gets the work area');
      assert.equal(featureIdsBuffer(wasm, KERNEL_CHARS + 1), undefined);
      assert.equal(featureIdsBuffer(js, n), undefined);
      own.set(ids);
      const tags = [new Uint8Array(n), new Uint8Array(n)];
      const margins = [new Float32Array(n), new Float32Array(n)];
      viterbi(wasm, own, n, tags[0], margins[0]);
      viterbi(js, ids, n, tags[1], margins[1]);
      assert.deepEqual(tags[0], tags[1]);
      assert.deepEqual(margins[0], margins[1]);
    });
  });

  it('shares one model memory between threads: readModelShared hands out the memory, a thread adopts it', () => {
    const bytes = readModelShared()!;
    const memory = sharedModelMemory(bytes)!;
    assert.ok(memory, 'the shared bytes live in a WebAssembly memory');
    assert.ok(bytes.buffer instanceof SharedArrayBuffer);
    const adopted = adoptModelMemory(memory, bytes.byteLength);
    assert.equal(adopted.byteLength, bytes.byteLength);
    assert.equal(adopted[100], bytes[100]);
    assert.throws(() => adoptModelMemory(memoryOf(loadNerModel()!)!, 10), /shared/);
  });

  it('lets a worker thread adopt the shared memory: it grows its own work area there and tags as this thread does', async () => {
    const bytes = readModelShared()!;
    const memory = sharedModelMemory(bytes)!;
    const before = memory.buffer.byteLength;
    const line = normalizeForMatching('新华社北京3日电 外交部发言人赵立坚表示，臺北市長柯文哲昨天在市議會說');
    useLentModel(undefined);
    const here = sharedTagger()!.tag(line, undefined);
    assert.ok(here.length >= 3);
    // The worker runs the TypeScript sources as the tests do (tsx), as the CLI's bundled worker runs them.
    const code = [
      "require('tsx/cjs');",
      "const { workerData, parentPort } = require('node:worker_threads');",
      `const model = require(${JSON.stringify(path.join(__dirname, '..', '..', 'server', 'src', 'node', 'model.ts'))});`,
      'model.useLentModel(workerData.bytes, workerData.memory);',
      'parentPort.postMessage(model.sharedTagger().tag(workerData.line, undefined));',
    ].join('\n');
    const worker = new Worker(code, { eval: true, workerData: { bytes, memory, line } });
    try {
      const there = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      assert.deepEqual(there, here);
    } finally {
      await worker.terminate();
    }
    // The worker's kernel took its work area from the shared memory (and so summed over the lent table).
    assert.ok(memory.buffer.byteLength > before, 'the worker grew the shared memory');
  });
});
