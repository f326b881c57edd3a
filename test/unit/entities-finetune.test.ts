import * as assert from 'node:assert/strict';
import { loadNerModel, modelOverlayInUse, sharedTagger, useModelOverlay, type OverlayProblem } from '../../server/src/node/model';
import { FEATURE_VERSION } from '../../server/src/service/entities/features';
import {
  applyOverlay,
  decodeOverlay,
  encodeOverlay,
  fineTune,
  fineTuneSteps,
  overlayMismatch,
  trainingLines,
  type ModelOverlay,
} from '../../server/src/service/entities/finetune';
import { gazetteerTrie } from '../../server/src/service/entities/gazetteer';
import { loadTagger, taggerFromWeights, TAGS, type Tagger } from '../../server/src/service/entities/tagger';
import { normalizeForMatching } from '../../server/src/service/normalize';

/** A sentence whose name (鹄鹚, a person) the shipped tagger misses. */
const MISSED = '昨天鹄鹚表示将加入谈判。';
const names = (t: Tagger, s: string) => t.tag(s, gazetteerTrie()).map((x) => `${s.slice(x.start, x.end)}/${x.type}`);
const tagNames = (tags: Uint8Array) => [...tags].map((t) => TAGS[t]).join(' ');

describe('fine-tuning the tagger from reviewed articles (finetune.ts)', function () {
  this.timeout(60000);
  let base: Tagger;
  let lines: ReturnType<typeof trainingLines>;
  let overlay: ModelOverlay;

  before(() => {
    base = loadTagger(loadNerModel()!);
    lines = trainingLines(MISSED, [{ start: 2, end: 4, label: 'PER' }]);
    overlay = fineTune(base, lines);
  });

  describe('training lines', () => {
    it('tags reviewed names BIOES per code unit, MEDIA as ORG, and leaves dates out', () => {
      const text = '新华社记者王小明报道。\n3月5日，北京\nabc\n';
      const got = trainingLines(text, [
        { start: 0, end: 3, label: 'MEDIA' },
        { start: 5, end: 8, label: 'PER' },
        { start: 12, end: 16, label: 'DATE' },
        { start: 17, end: 19, label: 'LOC' },
      ]);
      // The Latin-only line has nothing the Chinese tagger reads.
      assert.equal(got.length, 2);
      assert.equal(got[0].norm, '新华社记者王小明报道。');
      assert.equal(tagNames(got[0].tags), 'B-ORG I-ORG E-ORG O O B-PER I-PER E-PER O O O');
      assert.equal(tagNames(got[1].tags), 'O O O O O B-LOC E-LOC');
    });

    it('skips lines the caller leaves out (boilerplate, lines no one reviewed) and one-character names are S-', () => {
      const got = trainingLines('京\n沪', [{ start: 0, end: 1, label: 'LOC' }], (line) => line === 0);
      assert.deepEqual(
        got.map((l) => tagNames(l.tags)),
        ['S-LOC'],
      );
    });
  });

  it('finds the name it missed after training on the reviewed sentence, without touching the shipped weights', () => {
    assert.deepEqual(names(base, MISSED), []);
    const before = new Int32Array(base.weights!.quad!);
    const tuned = taggerFromWeights(applyOverlay(base, overlay), base.fingerprint, base);
    assert.deepEqual(names(tuned, MISSED), ['鹄鹚/PER']);
    assert.deepEqual(base.weights!.quad, before, 'the shipped weights are copied, never changed');
    assert.deepEqual(names(base, MISSED), []);
    // A sparse overlay: a handful of buckets, not the model.
    assert.ok(overlay.emission.size > 0 && overlay.emission.size < 200, `${overlay.emission.size} buckets`);
  });

  it('is deterministic: the same lines and settings give the same overlay, byte for byte', () => {
    const again = fineTune(base, lines);
    assert.deepEqual(encodeOverlay(again), encodeOverlay(overlay));
    assert.notDeepEqual(encodeOverlay(fineTune(base, lines, { rate: 1 })), encodeOverlay(overlay));
  });

  it('runs in steps that report progress to the end', () => {
    const it = fineTuneSteps(base, lines, { epochs: 3 });
    const seen: number[] = [];
    let r = it.next();
    while (!r.done) {
      seen.push(r.value.done / r.value.total);
      r = it.next();
    }
    assert.equal(seen.at(-1), 1);
    assert.ok(seen.every((x, i) => i === 0 || x > seen[i - 1]));
    assert.deepEqual(encodeOverlay(r.value), encodeOverlay(fineTune(base, lines, { epochs: 3 })));
  });

  describe('the overlay file', () => {
    it('round-trips through its bytes and applies the same', () => {
      const back = decodeOverlay(encodeOverlay(overlay));
      assert.equal(back.featureVersion, FEATURE_VERSION);
      assert.equal(back.model, base.fingerprint);
      assert.deepEqual([...back.emission.keys()], [...overlay.emission.keys()]);
      assert.deepEqual(back.transition, overlay.transition);
      assert.deepEqual(names(taggerFromWeights(applyOverlay(base, back), base.fingerprint, base), MISSED), ['鹄鹚/PER']);
    });

    it('refuses bytes that are not an overlay, or cut short, with a message', () => {
      assert.throws(() => decodeOverlay(new TextEncoder().encode('hello world')), /not a model overlay/);
      const bytes = encodeOverlay(overlay);
      assert.throws(() => decodeOverlay(bytes.slice(0, bytes.length - 3)), /truncated/);
    });

    it('is refused, never misapplied, for other feature templates or another model', () => {
      assert.equal(overlayMismatch(overlay, base), undefined);
      const stale = { ...overlay, featureVersion: FEATURE_VERSION - 1 };
      assert.deepEqual(overlayMismatch(stale, base), {
        reason: 'featureVersion',
        overlay: String(FEATURE_VERSION - 1),
        current: String(FEATURE_VERSION),
      });
      assert.throws(() => applyOverlay(base, stale), /refused: featureVersion/);
      const other = { ...overlay, model: '0123456789abcdef' };
      assert.equal(overlayMismatch(other, base)?.reason, 'model');
      assert.throws(() => applyOverlay(base, other), /refused: model/);
      assert.equal(overlayMismatch(overlay, undefined)?.reason, 'noModel');
    });
  });

  describe('the process-wide tagger (node/model.ts)', () => {
    after(() => useModelOverlay(undefined));

    it('uses the overlay, refuses a stale one with the reason, and reverts to the shipped model', () => {
      const text = normalizeForMatching(MISSED);
      useModelOverlay(overlay);
      assert.deepEqual(names(sharedTagger()!, text), ['鹄鹚/PER']);
      assert.equal(modelOverlayInUse(), true);

      const heard: OverlayProblem[] = [];
      useModelOverlay({ ...overlay, model: 'ffffffffffffffff' }, (p) => heard.push(p));
      assert.deepEqual(names(sharedTagger()!, text), []);
      assert.equal(heard[0]?.reason, 'model');
      assert.equal(modelOverlayInUse(), false);

      useModelOverlay(overlay);
      assert.deepEqual(names(sharedTagger()!, text), ['鹄鹚/PER']);
      useModelOverlay(undefined);
      assert.deepEqual(names(sharedTagger()!, text), []);
    });
  });
});
