import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { discoverNames } from '../../server/src/service/entities/recognizer';
import { WordSet } from '../../server/src/service/entities/words';
import { gazetteerTrie } from '../../server/src/service/entities/gazetteer';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { extractFeatures, FEATURE_VERSION } from '../../server/src/service/entities/features';
import {
  allowed,
  canEnd,
  encodeModel,
  goldTags,
  loadTagger,
  NTAGS,
  openModel,
  spansFromTags,
  TAGS,
  taggerFromWeights,
  viterbi,
} from '../../server/src/service/entities/tagger';
import { parseBio, trainModel, trainWeights, type TrainingSentence } from '../../scripts/training/trainer';
import { encodeQuantised, modelFingerprint } from '../../server/src/service/entities/modelFormat';
import { decodeLegacyModel } from '../../scripts/training/legacyModel';
import { loadNerModel } from '../../server/src/node/model';
import { modelMemory } from '../../server/src/service/entities/simd';

const fixture = path.join(__dirname, '..', 'fixtures', 'ner');

function f1(model: Uint8Array, sentences: TrainingSentence[]): number {
  const tagger = loadTagger(model);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of sentences) {
    const key = (x: { start: number; end: number; type: string }) => `${x.start}:${x.end}:${x.type}`;
    const pred = new Set(tagger.tag(normalizeForMatching(s.text), undefined).map(key));
    const gold = new Set(spansFromTags(goldTags(s.tags), s.tags.length).map(key));
    for (const p of pred)
      if (gold.has(p)) tp++;
      else fp++;
    for (const g of gold) if (!pred.has(g)) fn++;
  }
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

describe('entity tagger: training', () => {
  const sentences = parseBio(fs.readFileSync(path.join(fixture, 'tiny_bio.txt'), 'utf8'));

  it('parses the BIO fixture into sentences with one tag per code unit', () => {
    assert.ok(sentences.length >= 10);
    for (const s of sentences) assert.equal(s.tags.length, s.text.length);
  });

  it('learns the fixture: F1 on its own sentences rises from 0 (untrained) to above 0.6', () => {
    const untrained = trainModel(sentences, { epochs: 0, bits: 16, lexiconFolds: 0 });
    const trained = trainModel(sentences, { epochs: 12, bits: 16, lexiconFolds: 0 });
    assert.equal(f1(untrained, sentences), 0);
    assert.ok(f1(trained, sentences) > 0.6, `F1 ${f1(trained, sentences)}`);
  });

  it('is deterministic: the same data and seed give byte-identical models', () => {
    const a = trainModel(sentences, { epochs: 2, bits: 14, lexiconFolds: 2 });
    const b = trainModel(sentences, { epochs: 2, bits: 14, lexiconFolds: 2 });
    assert.deepEqual(a, b);
  });

  it('is deterministic with the external name lexicon too, and ships it inside the model', () => {
    const names: [string, number][] = [
      ['北京', 2],
      ['新华社', 4],
      ['中国', 2],
    ];
    const a = trainModel(sentences, { epochs: 2, bits: 14, lexiconFolds: 2, names });
    const b = trainModel(sentences, { epochs: 2, bits: 14, lexiconFolds: 2, names });
    assert.deepEqual(a, b);
    const lexicon = openModel(a).names!;
    assert.equal(lexicon.size, names.length);
    for (const [w, bits] of names) assert.equal(lexicon.get(w, 0, w.length), bits, w);
    assert.notDeepEqual(a, trainModel(sentences, { epochs: 2, bits: 14, lexiconFolds: 2 }));
  });

  it('round-trips the model format, lexicon included', () => {
    const bytes = trainModel(sentences, { epochs: 1, bits: 14, lexiconFolds: 2 });
    const m = openModel(bytes);
    assert.equal(m.weights.bits, 14);
    assert.ok((m.trainingNames?.size ?? 0) > 0);
    assert.throws(() => openModel(new Uint8Array(64)), /magic/);
  });

  it('opens a model file as views over its bytes: the tables are not copied (but for the emissions outside a model memory)', () => {
    const file = trainModel(sentences, { epochs: 1, bits: 14, lexiconFolds: 2 });
    const memory = modelMemory(file.length);
    // Where the kernel runs, it reads the packed emission table in place; elsewhere it is unpacked for JavaScript.
    for (const bytes of memory ? [file, memory.bytes] : [file]) {
      if (bytes !== file) bytes.set(file);
      const m = openModel(bytes);
      assert.equal(m.weights.transition.buffer, bytes.buffer);
      assert.equal(m.weights.quad!.buffer === bytes.buffer, bytes !== file);
      assert.equal(m.weights.packed, bytes !== file);
      if (bytes === file) assert.equal(m.weights.quad!.length, (1 << 14) * 4);
    }
  });

  it('tags from the file exactly as from the tables built from the training lists', () => {
    const names: [string, number][] = [
      ['北京', 2],
      ['新华社', 4],
      ['国务院', 4],
      ['李强', 1],
    ];
    // The fixture is too small to induce words from: a word list of its own bigrams and trigrams stands in.
    const words = [...new Set(sentences.flatMap((x) => [...x.text].flatMap((_, i) => [x.text.slice(i, i + 2), x.text.slice(i, i + 3)])))];
    const weights = { ...trainWeights(sentences, { epochs: 2, bits: 14, lexiconFolds: 2, names }), words };
    // Built from the lists (what training decodes with) against read from the file.
    const built = taggerFromWeights({ ...weights, ...openModel(encodeModel(weights)).weights });
    const read = loadTagger(encodeModel(weights));
    assert.ok(built.trainingNames && built.words && built.names && read.trainingNames && read.words && read.names);
    let spans = 0;
    for (const s of sentences) {
      const norm = normalizeForMatching(s.text);
      const want = built.tag(norm, gazetteerTrie());
      assert.deepEqual(read.tag(norm, gazetteerTrie()), want, s.text);
      spans += want.length;
    }
    assert.ok(spans > 10, `${spans} names`);
    assert.equal(read.words.size, built.words.size);
    for (const [w] of weights.lexicon!)
      assert.equal(read.trainingNames.longestAt(w, 0)?.value, built.trainingNames.longestAt(w, 0)?.value, w);
  });

  it('refuses a truncated or corrupt file with a message, never reads out of it', () => {
    const bytes = trainModel(sentences, { epochs: 1, bits: 14, lexiconFolds: 2 });
    assert.throws(() => openModel(bytes.slice(0, bytes.length - 1000)), /truncated or corrupt/);
    const bad = bytes.slice();
    new DataView(bad.buffer).setUint32(36, 7, true); // the first table's element type
    assert.throws(() => openModel(bad), /truncated or corrupt/);
  });

  it('refuses a model in the old format NER1 and says how to convert it; the conversion tags as the old model did', () => {
    // tiny-ner1.bin: a small configuration trained by the last build that wrote NER1 (features version 10).
    const old = new Uint8Array(fs.readFileSync(path.join(fixture, 'tiny-ner1.bin')));
    assert.throws(() => openModel(old), /old format NER1.*npm run train.*reencode-model/);
    const legacy = decodeLegacyModel(old);
    const converted = loadTagger(encodeQuantised(legacy));
    // The old model as it was decoded: its weights, and its tables built from its lists.
    const quad = new Int32Array(legacy.buckets.buffer, legacy.buckets.byteOffset, legacy.buckets.length / 4);
    const decoded = taggerFromWeights({ ...legacy, emission: new Float32Array(0), quad });
    let spans = 0;
    for (const s of sentences) {
      const norm = normalizeForMatching(s.text);
      const want = decoded.tag(norm, gazetteerTrie());
      assert.deepEqual(converted.tag(norm, gazetteerTrie()), want, s.text);
      spans += want.length;
    }
    assert.ok(spans > 10, `${spans} names`);
  });

  it('converts an NER1 model to the very bytes training writes now (while the features are those it was trained with)', () => {
    const old = new Uint8Array(fs.readFileSync(path.join(fixture, 'tiny-ner1.bin')));
    const legacy = decodeLegacyModel(old);
    // After a change of the feature templates the fixture's weights are no longer what training gives: only the
    // comparison above still means something then.
    if (legacy.featureVersion !== FEATURE_VERSION) return;
    const options = {
      epochs: 2,
      bits: 14,
      lexiconFolds: 2,
      seed: 20250704,
      names: [
        ['北京', 2],
        ['新华社', 4],
        ['中国', 2],
      ] as [string, number][],
    };
    const trained = trainModel(parseBio(fs.readFileSync(path.join(fixture, 'tiny_bio.txt'), 'utf8')), options);
    assert.deepEqual(
      encodeQuantised(legacy),
      trained,
      'NER1 fixture made with the training of its time: if training changed since, drop this comparison',
    );
  });

  it('stores its fingerprint in the header, so that loading need not read every byte', () => {
    const bytes = trainModel(sentences, { epochs: 1, bits: 14, lexiconFolds: 2 });
    const other = trainModel(sentences, { epochs: 2, bits: 14, lexiconFolds: 2 });
    assert.match(modelFingerprint(bytes), /^[0-9a-f]{16}$/);
    assert.notEqual(modelFingerprint(bytes), modelFingerprint(other));
    assert.equal(loadTagger(bytes.slice()).fingerprint, modelFingerprint(bytes));
    // Read, not computed: a change after the header (an overlay added in place) leaves it as it was.
    const changed = bytes.slice();
    changed[changed.length - 1] ^= 1;
    assert.equal(modelFingerprint(changed), modelFingerprint(bytes));
  });
});

describe('entity tagger: BIOES tags', () => {
  const names = (tags: ArrayLike<number>) => Array.from(tags, (t) => TAGS[t]).join(' ');
  const cases: [string, string][] = [
    ['B-PER I-PER I-PER O', 'B-PER I-PER E-PER O'],
    ['B-LOC O B-ORG I-ORG', 'S-LOC O B-ORG E-ORG'],
    ['B-LOC B-LOC I-LOC', 'S-LOC B-LOC E-LOC'],
    ['B-PER I-ORG I-ORG', 'S-PER B-ORG E-ORG'],
    ['O I-LOC O', 'O S-LOC O'],
  ];
  for (const [bio, bioes] of cases) {
    it(`reads the corpus's BIO ${bio} as ${bioes}`, () => {
      assert.equal(names(goldTags(bio.split(' '))), bioes);
    });
  }

  it('turns every gold sequence into a legal path with the same spans as the BIO reading', () => {
    const bio = 'B-PER I-PER O B-LOC B-ORG I-ORG I-ORG O I-PER'.split(' ');
    const g = goldTags(bio);
    for (let i = 0; i < g.length; i++) assert.ok(allowed(i ? g[i - 1] : -1, g[i]), `${i}: ${names(g)}`);
    assert.ok(canEnd(g[g.length - 1]));
    assert.deepEqual(spansFromTags(g, g.length), [
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 7, type: 'ORG' },
      { start: 8, end: 9, type: 'PER' },
    ]);
  });

  it('forbids I- and E- without an open name of their type, and O, B-, S- inside one', () => {
    const t = (name: string) => TAGS.indexOf(name as (typeof TAGS)[number]);
    assert.ok(!allowed(-1, t('I-PER')));
    assert.ok(!allowed(t('B-PER'), t('E-ORG')));
    assert.ok(!allowed(t('B-PER'), t('O')));
    assert.ok(!allowed(t('E-PER'), t('I-PER')));
    assert.ok(allowed(t('B-PER'), t('E-PER')));
    assert.ok(allowed(t('E-PER'), t('B-LOC')));
    assert.ok(!canEnd(t('B-LOC')) && !canEnd(t('I-LOC')) && canEnd(t('S-LOC')));
  });

  it('decodes the packed int8 weights to exactly the scores of the quantised float weights', () => {
    // Random weights of both signs, so a lane that borrowed from or carried into its neighbour would change a tag.
    const bits = 10;
    let s = 12345;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
    const emission = Float32Array.from({ length: (1 << bits) * NTAGS }, () => rand());
    const transition = Float32Array.from({ length: (NTAGS + 1) * NTAGS }, () => rand());
    const decoded = openModel(encodeModel({ bits, emission, transition })).weights;
    const q = Float32Array.from(emission, (v) => Math.round(v / decoded.scale) * decoded.scale);
    const plain = { bits, emission: q, scale: 1, transition: decoded.transition };
    for (const text of ['新华社北京电国务院总理李强会见了德国总理', '王明表示同意', '在上海浦东新区']) {
      const ids = extractFeatures(text, undefined, bits);
      const a = new Uint8Array(text.length);
      const b = new Uint8Array(text.length);
      viterbi(decoded, ids, text.length, a);
      viterbi(plain, ids, text.length, b);
      assert.deepEqual([...a], [...b], text);
    }
  });
});

describe('entity recogniser with an unusable model', () => {
  it('falls back to the gazetteer and patterns and says why in its name', () => {
    const r = createEntityRecognizer({ model: new Uint8Array(64) });
    assert.match(r.name, /model not used/);
    assert.deepEqual(
      r.recognize('俄羅斯總統普京').map((m) => m.text),
      ['俄羅斯', '普京'],
    );
  });
});

describe('entity tagger: the shipped model', () => {
  const model = loadNerModel();

  // Load time is a benchmark figure (`npm run bench`), not asserted here.
  it('is found, opens, fits the 32 MB budget and recognises with the model', () => {
    assert.ok(model, 'models/ner.bin not found');
    openModel(model);
    const r = createEntityRecognizer({ model });
    assert.ok(r.recognize('俄罗斯总统普京').some((m) => m.text === '普京'));
    // The tables as the tagger reads them (docs/performance.md); the .vsix compresses them (npm run bench prints it).
    assert.ok(model.length <= 32 * 1024 * 1024);
  });

  // Real sentences (from the article fixtures) with names that no gazetteer lists.
  const excerpts = JSON.parse(fs.readFileSync(path.join(fixture, 'excerpts.json'), 'utf8')) as { text: string; names: string[] }[];
  for (const { text, names } of excerpts) {
    it(`finds ${names.join(', ')} in a real sentence`, () => {
      const gaz = gazetteerTrie();
      for (const name of names) assert.equal(gaz.longestAt(normalizeForMatching(name), 0)?.end, undefined, `${name} is in the gazetteer`);
      const found = createEntityRecognizer({ model }).recognize(text);
      for (const name of names) {
        const hit = found.find((m) => m.text === name);
        assert.ok(hit, `${name} not found in: ${found.map((m) => m.text).join(' ')}`);
        // Found by the tagger (alone or backed by an external lexicon entry) or a pattern (a byline), never by the gazetteer.
        assert.ok(hit.source === 'model' || hit.source === 'lexicon' || hit.source === 'pattern', hit.source);
      }
    });
  }

  it('completes a three-character name that the tagger cut short before its right context (潘振声女儿)', () => {
    const found = createEntityRecognizer({ model }).recognize('潘振声女儿马莉表示，改成这样，唱起来不觉得拗口吗？');
    assert.ok(
      found.some((m) => m.text === '潘振声' && m.type === 'PER'),
      found.map((m) => m.text).join(' '),
    );
  });

  it('reads a name the same way throughout a text: the full form found once is marked where it recurs', () => {
    const text = '潘振声女儿马莉表示，这首歌很有名。\n马莉回忆，潘振声还有了“一分钱爷爷”这个雅号。\n对方开出了收购价，结果潘振声说不要。';
    const found = createEntityRecognizer({ model })
      .recognize(text)
      .filter((m) => m.type === 'PER');
    assert.equal(found.filter((m) => m.text === '潘振声').length, 3, found.map((m) => m.text).join(' '));
    for (const m of found) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('marks no anonymised person (李男, 陳姓男子) as a name', () => {
    const found = createEntityRecognizer({ model }).recognize('李男明白後報警，陳姓男子則被送醫。');
    assert.deepEqual(
      found.filter((m) => m.type === 'PER'),
      [],
    );
  });

  it('finds the same names in the Traditional form of a sentence, at the same offsets', () => {
    const r = createEntityRecognizer({ model });
    const simp = r.recognize('这是最后一位演出者张华荣说的');
    const trad = r.recognize('這是最後一位演出者張華榮說的');
    assert.deepEqual(
      trad.map((m) => [m.start, m.end, m.type]),
      simp.map((m) => [m.start, m.end, m.type]),
    );
  });

  it('stays linear on a large input (200 KB in one line)', () => {
    const r = createEntityRecognizer({ model });
    const big = '新华社北京电，国务院总理李强在人民大会堂会见了来访的德国总理。'.repeat(6000);
    const t0 = Date.now();
    const ms = r.recognize(big);
    assert.ok(ms.length > 6000);
    assert.ok(Date.now() - t0 < 15000, 'super-linear time on one long line');
  });
});

describe('entity recogniser with the model: names that are also common words', () => {
  const model = loadNerModel();

  it('keeps 联想 and 求是 out of sentences where they are a verb and an idiom part', () => {
    const r = createEntityRecognizer({ model });
    assert.deepEqual(
      r.recognize('读了这篇文章，我联想到很多往事。').filter((m) => m.text === '联想'),
      [],
    );
    assert.deepEqual(
      r.recognize('坚持解放思想、实事求是的思想路线。').filter((m) => m.text === '求是'),
      [],
    );
  });

  it("keeps a known medium as MEDIA when the tagger's span runs into the space after it (中国网 + date)", () => {
    const found = createEntityRecognizer({ model }).recognize('中国网 2019-11-25 10:37:31');
    assert.deepEqual(
      found.map((m) => `${m.text}/${m.type}`),
      ['中国网/MEDIA'],
    );
  });

  it('reads 台中報導 as a place before the byline verb and 陳屍 as no person', () => {
    const found = createEntityRecognizer({ model }).recognize('記者陳世宗／台中報導，男子陳屍馬公水仙宮');
    assert.ok(
      found.some((m) => m.text === '台中' && m.type === 'LOC'),
      found.map((m) => m.text).join(' '),
    );
    assert.ok(!found.some((m) => m.type === 'ORG' && m.text.startsWith('台中')));
    assert.ok(!found.some((m) => m.type === 'PER' && m.text.includes('屍')), found.map((m) => m.text).join(' '));
  });

  // Each span below is what the model reads; before the merge let the shorter pattern or gazetteer span win,
  // the recogniser returned 威尔, 长春 and 美 + 中.
  const wholeNames: [string, string][] = [
    ['加州州长威尔逊在宴会上致辞。', '威尔逊/PER'],
    ['加拿大人民的儿子诺尔曼·白求恩不远万里来到中国。', '诺尔曼·白求恩/PER'],
    ['委员李长春、陈云林出席。', '李长春/PER'],
    ['美中贸易全国委员会主席致词。', '美中贸易全国委员会/ORG'],
    // ... and a headquarters after it is a place of the company, not part of its name.
    ['华坚集团东莞总部位于东莞', '华坚集团/ORG'],
    // ... and a span cut inside 党组 ends before it.
    ['1991年调任江苏省文联党组成员、副主席，1995年退休。', '江苏省文联/ORG'],
  ];
  for (const [text, expected] of wholeNames) {
    it(`keeps the model's whole name over a fragment a pattern or the gazetteer found: ${expected}`, () => {
      const found = createEntityRecognizer({ model })
        .recognize(text)
        .map((m) => `${m.text}/${m.type === 'MEDIA' ? 'ORG' : m.type}`);
      assert.ok(found.includes(expected), found.join(' '));
    });
  }

  it('does not read 中国 inside 发展中国家 or 国有 as the country, while keeping the real mention', () => {
    const text = '中国是最大的发展中国家，其中国有企业三十万个。';
    const found = createEntityRecognizer({ model })
      .recognize(text)
      .filter((m) => m.text === '中国');
    assert.deepEqual(
      found.map((m) => m.start),
      [0],
    );
  });

  it('reads 部 before 分 as 部分 (a part of), not as the end of an organisation', () => {
    const found = createEntityRecognizer({ model })
      .recognize('四川盆地东部、贵州东北部等地降大雨，重庆中部和湖北恩施部分地区暴雨。')
      .map((m) => `${m.text}/${m.type}`);
    assert.ok(!found.some((f) => f.endsWith('部/ORG')), found.join(' '));
    assert.ok(found.includes('湖北/LOC'), found.join(' '));
  });

  it('takes a new two-character name from the article itself when it recurs and once speaks or recalls', () => {
    const text = '知道景甜爱吃牛肉干，景甜回忆她在瘦身期间最爱吃的就是牛肉干，主办方为景甜和粉丝们带来了礼物。';
    const found = createEntityRecognizer({ model })
      .recognize(text)
      .filter((m) => m.text === '景甜');
    assert.equal(found.length, 3);
    assert.ok(
      found.every((m) => m.type === 'PER' && m.confidence < 0.5),
      JSON.stringify(found),
    );
  });

  it('never returns two new names that share a character (李王 + 王明)', () => {
    const text = '李王说，李王明说，李王明说，李王明说。';
    const found = discoverNames([], text, text, new WordSet([]));
    for (let i = 1; i < found.length; i++) assert.ok(found[i].start >= found[i - 1].end, JSON.stringify(found));
    assert.ok(found.length >= 3, JSON.stringify(found));
  });

  const notNames: [string, string][] = [
    ['文章中指出，改革要深化。文章中指出，开放要扩大。文章中指出，发展要创新。', '章中'],
    ['雷米小说很好看，我读过雷米小说，他也推荐雷米小说。', '米小'],
    ['他只说了一句。她只说了两句。我只说了三句。', '只说'],
  ];
  for (const [text, pair] of notNames) {
    it(`does not take ${pair} for a name, however often it recurs`, () => {
      const found = createEntityRecognizer({ model })
        .recognize(text)
        .map((m) => m.text);
      assert.ok(!found.includes(pair), found.join(' '));
    });
  }

  it('marks no place in 俄方/美方 (the guidelines), while 美俄 stays two places', () => {
    const r = createEntityRecognizer({ model });
    const side = r.recognize('普京則表示,俄方仍尋求通過政治談判解決問題。美方表示歡迎。').map((m) => m.text);
    assert.ok(!side.includes('俄') && !side.includes('美'), side.join(' '));
    const pair = r.recognize('美俄雙邊關係').map((m) => `${m.text}/${m.type}`);
    assert.ok(pair.includes('美/LOC') && pair.includes('俄/LOC'), pair.join(' '));
  });

  it('ships an induced word lexicon inside the model', () => {
    const words = openModel(model!).words;
    assert.ok((words?.size ?? 0) > 10000, `${words?.size} words`);
    assert.ok(words!.has('经济', 0, 2));
  });
});
