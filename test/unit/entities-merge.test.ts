/**
 * Where the rule layer cost F1 against the tagger alone (docs/entities.md, "What the merge cost, fixed"): each fix
 * pinned on sentences written for this test, in Simplified and in Traditional script, both on the rule itself and
 * through the whole recogniser with the shipped model.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { mendTorn, resolve, type Candidate } from '../../server/src/service/entities/recognizer';
import { RANK } from '../../server/src/service/entities/ranks';
import type { Tagger } from '../../server/src/service/entities/tagger';
import { brandSpans, honorificSurnameSpans, paperSpans } from '../../server/src/service/entities/context-names';
import { WordSet } from '../../server/src/service/entities/words';
import { loadNerModel } from '../../server/src/node/model';
import { toTraditional } from '../../server/src/service/convert';
import { normalizeForMatching } from '../../server/src/service/normalize';
import type { EntityMention } from '../../server/src/service/types';

const SURNAMES = new Set([...'王李张刘陈周林赵时和任司']);
const texts = (norm: string, spans: { start: number; end: number; type: string }[]) =>
  spans.map((s) => `${norm.slice(s.start, s.end)}/${s.type}`);
/** Both scripts, normalised as the recogniser reads them (so the Traditional text goes through the same rule). */
const bothNorm = (simplified: string) => [simplified, toTraditional(simplified)].map((t) => normalizeForMatching(t));
const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');

describe('merge fixes on the rules alone', () => {
  it('a business ending after a word, after a function word, or at the start of a longer word is no company', () => {
    const dictionary = new Set(['保险金', '保险柜', '跟风', '鲸鱼']);
    for (const norm of bothNorm('保费涨了，诈取保险金的人多了，也有人跟风买保险；蓝鲸保险今天开业，被他保险了事，鲸鱼征信也来了。')) {
      const isWord = (a: number, len: number) => dictionary.has(norm.slice(a, a + len));
      // A brand stem may itself be a dictionary word (鲸鱼): only the induced lexicon rules a stem out.
      assert.deepEqual(texts(norm, brandSpans(norm, new WordSet([]), isWord)), ['蓝鲸保险/ORG', '鲸鱼征信/ORG'], norm);
    }
  });

  it('a surname before a title is not the second character of a word, a conjunction or a measure', () => {
    const dictionary = new Set(['当时', '公司']);
    for (const norm of bothNorm('当时医生不在，公司董事长和律师来了，第十任校长是李校长，王先生也到了。')) {
      const isWord = (a: number, len: number) => dictionary.has(norm.slice(a, a + len));
      assert.deepEqual(texts(norm, honorificSurnameSpans(norm, SURNAMES, isWord)), ['李/PER', '王/PER'], norm);
    }
  });

  it('an outlet named by a determiner (本报讯) is the paper speaking of itself', () => {
    for (const norm of bothNorm('本报讯 今天上午，青州日报报道，该报记者也在场。\n青州网讯 另一条消息。')) {
      assert.deepEqual(texts(norm, paperSpans(norm)), ['青州日报/MEDIA', '青州网/MEDIA'], norm);
    }
  });

  it('keeps a one-character place the tagger is sure of where it also begins a word (家[中外]合资)', () => {
    const tagger = { words: new WordSet(['一家', '家中', '中外', '合资']) } as unknown as Tagger;
    for (const text of ['他进了一家中外合资工厂。', toTraditional('他进了一家中外合资工厂。')]) {
      const norm = normalizeForMatching(text);
      const at = norm.indexOf('中');
      const single = (confidence: number): EntityMention[] => [
        { start: at, end: at + 1, text: text[at], type: 'LOC', confidence, source: 'model' },
      ];
      assert.equal(mendTorn(single(0.98), text, norm, tagger).length, 1, text);
      // Unsure, it is read as the end of 家中, as before.
      assert.equal(mendTorn(single(0.6), text, norm, tagger).length, 0, text);
    }
  });
});

describe('merge fixes through the recogniser with the shipped model', function () {
  this.timeout(60000);
  const model = loadNerModel();
  const recognizer = createEntityRecognizer({ model });
  const both = (simplified: string, check: (ms: EntityMention[], text: string) => void) => {
    for (const text of [simplified, toTraditional(simplified)]) check(recognizer.recognize(text), text);
  };

  before(function () {
    if (!model) assert.fail('models/ner.bin is missing');
  });

  it('marks no company in 诈骗保险金 and no organisation in 本报讯, and no surname out of 当时', () => {
    both('本报讯 警方说，几名男子编造交通事故诈骗保险金，当时医生也被蒙在鼓里。', (ms, t) => {
      assert.ok(!ms.some((m) => m.type === 'ORG' || m.type === 'MEDIA' || m.type === 'PER'), `${show(ms)} (${t})`);
    });
  });

  it('keeps 中 in 一家中外合资 as the abbreviation the tagger reads', () => {
    both('他毕业后进了一家中外合资企业当工程师。', (ms, t) => {
      assert.ok(
        ms.some((m) => m.start === t.indexOf('中外') && m.end === m.start + 1 && m.type === 'LOC'),
        `${show(ms)} (${t})`,
      );
    });
  });
});

describe('a pattern name at the tail of a longer model organisation', () => {
  it('is not promoted over the known place it starts with (东方[中山路], 中保人寿保险[武汉市分公司])', () => {
    const norm = '东方中山路管理处和中山路';
    const pattern = (start: number): Candidate => ({
      start,
      end: start + 3,
      type: 'LOC',
      source: 'pattern',
      confidence: 0.7,
      rank: RANK.PLACE_NAMED,
    });
    const inside = pattern(2);
    const alone = pattern(9);
    const cands: Candidate[] = [
      // The model's organisation ends with the road (a second one ends elsewhere and starts later).
      { start: 0, end: 5, type: 'ORG', source: 'model', confidence: 0.9, rank: RANK.MODEL },
      { start: 5, end: 8, type: 'ORG', source: 'model', confidence: 0.9, rank: RANK.MODEL },
      inside,
      alone,
      { start: 2, end: 4, type: 'LOC', source: 'gazetteer', confidence: 1, rank: RANK.GAZETTEER },
      { start: 9, end: 11, type: 'LOC', source: 'gazetteer', confidence: 1, rank: RANK.GAZETTEER },
    ];
    resolve(cands, norm, norm, () => false);
    assert.equal(inside.rank, RANK.PLACE_NAMED, 'the tail keeps its rank');
    assert.equal(alone.rank, RANK.PATTERN_FULLER, 'the same road alone is the fuller name');
  });
});

describe('a split place hierarchy', () => {
  // The model reads 合肥铁路 / 台州公路 as one place; the gazetteer knows 合肥 / 台州. The rest is made a place of its
  // own only when it is no everyday word of the lexicon (铁路 and 公路 are; 东区 in 台南东区 is a place).
  const common = new Set(['铁路', '公路']);
  const resolved = (norm: string, whole: [number, number], known: [number, number]) => {
    const cands: Candidate[] = [
      { start: whole[0], end: whole[1], type: 'LOC', source: 'model', confidence: 0.9, rank: RANK.MODEL },
      { start: known[0], end: known[1], type: 'LOC', source: 'gazetteer', confidence: 1, rank: RANK.GAZETTEER },
    ];
    const commonWord = (a: number, len: number) => common.has(norm.slice(a, a + len));
    return resolve(cands, norm, norm, commonWord).map((m) => `${norm.slice(m.start, m.end)}/${m.type}`);
  };
  it('keeps the place and leaves an everyday word after it unmarked (合肥 + 铁路), in both scripts', () => {
    for (const norm of bothNorm('他在合肥铁路枢纽检查工作，台州公路也在修。')) {
      assert.deepEqual(resolved(norm, [2, 6], [2, 4]), ['合肥/LOC'], norm);
      assert.deepEqual(resolved(norm, [13, 17], [13, 15]), ['台州/LOC'], norm);
    }
  });
  it('still makes a named rest a place of its own (台南 + 东区)', () => {
    for (const norm of bothNorm('台南东区今天停水。')) assert.deepEqual(resolved(norm, [0, 4], [0, 2]), ['台南/LOC', '东区/LOC'], norm);
  });
});
