import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goldTags, spansFromTags, TAGS } from '../../server/src/service/entities/tagger';
import { parseBio, trainModel, trainWeights, type TrainingSentence } from '../../scripts/training/trainer';
import { weakSpans, weakTrainingSentences, type LexiconClasses } from '../../scripts/training/weakLabels';
import { LEX_LOC, LEX_WORD } from '../../server/src/service/entities/lexicon';

// A small stand-in for models/lexicon.tsv: a few everyday words and two places.
const WORDS: Record<string, number> = {
  于是: LEX_WORD,
  物流: LEX_WORD,
  保险: LEX_WORD,
  热门: LEX_WORD,
  话题: LEX_WORD,
  北京: LEX_LOC,
  日本: LEX_LOC,
};
const classes: LexiconClasses = (w) => WORDS[w] ?? 0;
const names = (s: string) => weakSpans(s, classes).map((x) => `${x.pattern}:${s.slice(x.start, x.end)}/${x.type}`);

describe('weak labels: closed patterns on unlabelled news (scripts/training/weakLabels.ts)', () => {
  it('a surname-shaped name before a verb of saying, after an edge or a title', () => {
    assert.deepEqual(names('会上，韩立新表示，明年将扩大生产。'), ['speech:韩立新/PER']);
    assert.deepEqual(names('该公司副总经理欧晓峰介绍，新厂已开工。'), ['speech:欧晓峰/PER']);
    assert.deepEqual(names('据县长罗文山介绍，道路已修通。'), ['according:罗文山/PER']);
  });

  it('not a word that ends in a verb of saying, a function word or a pronoun', () => {
    assert.deepEqual(names('王城小说最近阅读'), []);
    assert.deepEqual(names('，于是他表示同意。'), []);
    assert.deepEqual(names('，林某表示不服。'), []);
  });

  it('bylines, pseudonyms and a bare surname of address', () => {
    assert.deepEqual(names('（本报记者 郑雨桐）'), ['byline:郑雨桐/PER']);
    assert.deepEqual(names('小溪（化名）今年读初二。'), ['pseudonym:小溪/PER']);
    assert.deepEqual(names('在超市工作的冉女士说，价格没变。'), ['honorific:冉/PER']);
    // The last character of a full name before 先生 is not a surname used alone.
    assert.deepEqual(names('向赵紫阳先生致敬！'), []);
  });

  it('outlets named as a source, as organisations for the tagger', () => {
    assert.deepEqual(names('来源：江城晚报'), ['outlet:江城晚报/ORG']);
  });

  it('companies after punctuation, with the registered ending, and not the clause before them', () => {
    assert.deepEqual(names('近日，澄星科技发布了新产品。'), ['company:澄星科技/ORG']);
    assert.deepEqual(names('，北京鲸鱼征信服务有限公司成立于去年。'), ['company:北京鲸鱼征信服务有限公司/ORG']);
    assert.deepEqual(names('，东海重工集团有限公司董事会'), ['company:东海重工集团有限公司/ORG']);
    assert.deepEqual(names('，但物流公司不同意。'), []);
    assert.deepEqual(names('，因为苹果公司调整了政策。'), []);
    assert.deepEqual(names('，热门话题科技动态'), []);
    assert.deepEqual(names('，日本最后一家传呼机公司停止服务'), []);
  });

  it('training sentences: pattern names are the constraints (partial) or the labels with O elsewhere (full)', () => {
    const text = '会上，韩立新表示，明年将扩大生产。';
    const weak = [{ text, spans: weakSpans(text, classes) }];
    const [partial] = weakTrainingSentences(weak, undefined, 0.9, 'partial');
    const [full] = weakTrainingSentences(weak, undefined, 0.9, 'full');
    const at = text.indexOf('韩');
    const only = (k: number) => TAGS.filter((_, t) => partial.allowed![k] & (1 << t));
    assert.deepEqual([only(at), only(at + 1), only(at + 2)], [['B-PER'], ['I-PER'], ['E-PER']]);
    assert.equal(only(0).length, TAGS.length, 'a character outside the names is free');
    assert.equal(full.allowed, undefined);
    // The control: the same sentence with nothing constrained.
    const [free] = weakTrainingSentences(weak, undefined, 0.9, 'free');
    assert.ok(free.allowed!.every((set) => set === (1 << TAGS.length) - 1));
    assert.deepEqual(
      spansFromTags(goldTags(full.tags), text.length).map((s) => text.slice(s.start, s.end)),
      ['韩立新'],
    );
  });
});

describe('weak labels: the perceptron with partial labels (scripts/training/partial.ts)', () => {
  const fixture = parseBio(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'ner', 'tiny_bio.txt'), 'utf8'));
  const base = { epochs: 4, bits: 14, lexiconFolds: 0, words: false };

  it('a sentence with no constraint teaches nothing: its target is the reading it already has', () => {
    const text = '韩立新表示明年将扩大生产';
    const tags = ['B-PER', 'I-PER', 'I-PER', ...new Array<string>(text.length - 3).fill('O')];
    // Its tags say 韩立新 is a name, but nothing is constrained: the tags are not the target.
    const free: TrainingSentence = { text, tags, allowed: new Uint16Array(text.length).fill(0xffff) };
    const w = trainWeights([free], base);
    assert.ok(
      w.emission.every((x) => x === 0),
      'weights moved',
    );
    // The same sentence with its tags as full labels does move them (the control).
    assert.ok(trainWeights([{ text, tags }], base).emission.some((x) => x !== 0));
  });

  it('a constrained sentence is learned where it is constrained, deterministically', () => {
    const text = '会上韩立新表示明年将扩大生产';
    const allowed = new Uint16Array(text.length).fill(0xffff);
    const per = (t: string) => 1 << TAGS.indexOf(t as (typeof TAGS)[number]);
    allowed[2] = per('B-PER');
    allowed[3] = per('I-PER');
    allowed[4] = per('E-PER');
    const weak: TrainingSentence = { text, tags: new Array<string>(text.length).fill('O'), allowed };
    const a = trainModel([...fixture, weak], base);
    assert.deepEqual(a, trainModel([...fixture, weak], base));
    assert.notDeepEqual(a, trainModel(fixture, base), 'the weak sentence changed nothing');
    const w = trainWeights([weak], { ...base, epochs: 3 });
    assert.ok(w.emission.some((x) => x !== 0));
  });
});
