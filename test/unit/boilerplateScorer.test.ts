import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { detectLines } from '../../server/src/service/boilerplate/detect';
import type { LineInfo } from '../../server/src/service/boilerplate/lines';
import type { PhraseHit } from '../../server/src/service/boilerplate/phrases';
import {
  FEATURES,
  fitLogistic,
  lineFeatures,
  lineScores,
  probability,
  type ScoreInput,
  type ScorerWeights,
} from '../../server/src/service/boilerplate/scorer';
import { SCORER } from '../../server/src/service/boilerplate/scorerWeights';
import { BOILERPLATE_KINDS } from '../../server/src/service/types';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random scorer input: lines of every shape, flags, phrases, menu runs, headline and body anywhere (or none). */
function randomInput(rnd: () => number): ScoreInput {
  const n = 1 + Math.floor(rnd() * 40);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const infos: LineInfo[] = [];
  const phrases: (PhraseHit | null)[] = [];
  const flags: ScoreInput['flags'] = [];
  const menu = new Uint8Array(n);
  const structure: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const blank = rnd() < 0.2;
    const len = blank ? 0 : pick([0, 1, 2, 5, 29, 30, 31, 80, 300]);
    const han = Math.floor(rnd() * (len + 1)) * (rnd() < 0.2 ? 0 : 1);
    const text = blank ? '' : rnd() < 0.3 ? `第${i}版` : '本报讯';
    infos.push({ text, len, han, enders: 0, commas: 0, endsSentence: rnd() < 0.5, prose: rnd() < 0.5, symbolic: rnd() < 0.2, blank });
    phrases.push(
      rnd() < 0.4
        ? { kind: pick(BOILERPLATE_KINDS), heading: rnd() < 0.5, marker: rnd() < 0.5, inBody: rnd() < 0.5, section: rnd() < 0.5 }
        : null,
    );
    flags.push(rnd() < 0.75 ? { kind: pick(BOILERPLATE_KINDS), confident: rnd() < 0.6 } : null);
    menu[i] = pick([0, 0, 1, 2, 3]);
    structure.push(rnd() < 0.2);
  }
  const at = () => Math.floor(rnd() * n);
  const headline = rnd() < 0.3 ? undefined : at();
  let body: ScoreInput['body'] = null;
  if (rnd() < 0.8) {
    const a = at();
    const b = at();
    body = { start: Math.min(a, b), end: Math.max(a, b) };
  }
  const digits = rnd() < 0.5 ? undefined : (i: number) => /\d/u.test(infos[i].text);
  return { infos, phrases, flags, headline, body, menu, structureLike: (i) => structure[i], digits };
}

/** The scores as the feature vectors give them (what lineScores must equal to the last bit). */
function scoresByVector(s: ScoreInput, w: ScorerWeights, confidentOnly: boolean): (number | null)[] {
  return lineFeatures(s).map((v, i) => (v && (!confidentOnly || s.flags[i]!.confident) ? probability(w, v) : null));
}

describe('boilerplate: the calibrated line scorer', () => {
  it('ships weights fitted for the current feature template', () => {
    assert.ok(SCORER, 'run npm run train:boilerplate');
    assert.deepEqual([...SCORER.features], [...FEATURES]);
    assert.equal(SCORER.weights.length, FEATURES.length);
    assert.ok(SCORER.threshold > 0 && SCORER.threshold < 1);
  });

  it('fits a logistic model that separates a simple rule', () => {
    const at = (name: string) => FEATURES.indexOf(name);
    const xs: Float64Array[] = [];
    const ys: number[] = [];
    for (let k = 0; k < 200; k++) {
      const v = new Float64Array(FEATURES.length);
      v[0] = 1;
      const menu = k % 2;
      v[at('menu.run')] = menu;
      v[at('shape.logLen')] = (k % 7) / 7;
      xs.push(v);
      ys.push(menu);
    }
    const w = fitLogistic(xs, ys);
    const weights = { features: FEATURES, weights: w, threshold: 0.5 };
    assert.ok(probability(weights, xs[1]) > 0.9);
    assert.ok(probability(weights, xs[0]) < 0.1);
  });

  it('only gates: a line the rules leave unsure never becomes removable, and a gated line stays flagged', () => {
    const text = [
      '疫苗明年上市 - 某某网',
      '首页',
      '新闻',
      '财经',
      '体育',
      '娱乐',
      '疫苗明年上市',
      '世界卫生组织4日表示，多款新冠疫苗已进入三期临床试验，预计最早明年初可以大规模上市供应，各国应提前做好准备。',
      '版权所有 某某网',
    ].join('\n');
    const rules = detectLines(text, {}, null).result;
    const low = detectLines(text, {}, { ...SCORER!, threshold: 1.01 }).result;
    const kinds = (r: typeof rules) => r.lineKinds;
    assert.deepEqual(kinds(low), kinds(rules));
    assert.ok(rules.blocks.some((b) => b.confident));
    assert.ok(
      low.blocks.every((b) => !b.confident),
      'a threshold above 1 leaves nothing removable',
    );
    const shipped = detectLines(text, {}, SCORER).result;
    for (const b of shipped.blocks)
      if (b.confident) assert.ok(rules.blocks.some((r) => r.confident && r.startLine <= b.startLine && r.endLine >= b.endLine));
  });

  it('scores each line as its feature vector does, to the last bit (random inputs and weights)', () => {
    const rnd = random(14);
    for (let round = 0; round < 500; round++) {
      const s = randomInput(rnd);
      // The shipped weights, and random ones (every feature's weight non-zero and of either sign).
      const weights = round % 2 ? SCORER! : { ...SCORER!, weights: FEATURES.map(() => (rnd() - 0.5) * 8 || 1) };
      for (const confidentOnly of [false, true]) {
        const want = scoresByVector(s, weights, confidentOnly);
        const got = lineScores(s, weights, confidentOnly);
        assert.equal(got.length, want.length);
        for (let i = 0; i < want.length; i++) assert.ok(Object.is(got[i], want[i]), `round ${round}, line ${i}: ${got[i]} != ${want[i]}`);
      }
    }
  });

  it('scores the fixture pages as their feature vectors do', () => {
    const dirs = ['articles', 'boilerplate'].map((d) => path.resolve(__dirname, '../fixtures', d));
    let lines = 0;
    for (const dir of dirs)
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.endsWith('.gold.txt'))) {
        const text = readFileSync(path.join(dir, name), 'utf8');
        // Without features the detection scores the confidently flagged lines straight (lineScores); with them, from
        // the vectors.
        const straight = detectLines(text, {}, SCORER, false).scores;
        const { features, scores } = detectLines(text, {}, SCORER, true);
        for (let i = 0; i < straight.length; i++) {
          if (straight[i] === null) continue;
          lines++;
          assert.ok(features[i], `${name} line ${i}`);
          assert.ok(Object.is(straight[i], scores[i]), `${name} line ${i}: ${straight[i]} != ${scores[i]}`);
        }
      }
    assert.ok(lines > 100, `${lines} lines scored`);
  });
});
