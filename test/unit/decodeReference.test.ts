/**
 * The decoder's speed-ups (packed lanes, dense transition blocks, tables kept per model, reused arrays) must not
 * change a single score: the shipped model's tags and confidences on real text equal those of a plain decoder
 * written from the definitions (sum of the feature weights per tag, Viterbi over every legal pair of tags).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractFeatures, FEATURES_PER_CHAR } from '../../server/src/service/entities/features';
import { LANE_BIAS } from '../../server/src/service/entities/modelFormat';
import { viterbiScores } from '../../server/src/service/entities/decode';
import { allowed, canEnd, loadTagger, NTAGS, openModel, spansFromTags } from '../../server/src/service/entities/tagger';
import { gazetteerTrie } from '../../server/src/service/entities/gazetteer';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { loadNerModel } from '../../server/src/node/model';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function realLines(): string[] {
  const dir = path.join(FIXTURES, 'articles');
  const lines = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'));
  const excerpts = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'ner', 'excerpts.json'), 'utf8')) as { text: string }[];
  return [...lines, ...excerpts.map((e) => e.text)].map((l) => normalizeForMatching(l)).filter((l) => /\p{Script=Han}/u.test(l));
}

describe('entity tagger: the decoder against a plain one', function () {
  this.timeout(120000);
  it('gives the shipped model the same tags and confidences as a decoder written from the definitions', () => {
    const bytes = loadNerModel();
    assert.ok(bytes, 'the shipped model is there');
    const tagger = loadTagger(bytes);
    // The same file opened again: the reference reads the same tables but decodes on its own.
    const { weights: w, trainingNames: lex, words, names } = openModel(bytes.slice());
    const gaz = gazetteerTrie();
    const bytesOf = new Uint8Array(w.quad!.buffer, w.quad!.byteOffset, w.quad!.byteLength);
    const T = NTAGS;
    let lines = 0;
    let spans = 0;
    for (const text of realLines()) {
      const n = text.length;
      const ids = extractFeatures(text, gaz, w.bits, undefined, lex, words, names);
      // Emissions: each feature's 16-byte bucket holds one biased byte per tag.
      const em: number[][] = [];
      for (let i = 0; i < n; i++) {
        const row: number[] = [];
        for (let t = 0; t < T; t++) {
          let sum = 0;
          for (let f = 0; f < FEATURES_PER_CHAR; f++) sum += bytesOf[ids[i * FEATURES_PER_CHAR + f] * 16 + t] - LANE_BIAS;
          row.push(sum * w.scale);
        }
        em.push(row);
      }
      const trans = (p: number, t: number) => (allowed(p, t) ? w.transition[(p + 1) * T + t] : -Infinity);
      let score = em[0].map((e, t) => trans(-1, t) + e);
      const back: number[][] = [];
      for (let i = 1; i < n; i++) {
        const next: number[] = [];
        const from: number[] = [];
        for (let t = 0; t < T; t++) {
          let best = -Infinity;
          let arg = 0;
          for (let p = 0; p < T; p++) {
            const v = score[p] + trans(p, t);
            if (v > best) {
              best = v;
              arg = p;
            }
          }
          next.push(best + em[i][t]);
          from.push(arg);
        }
        score = next;
        back.push(from);
      }
      let arg = -1;
      for (let t = 0; t < T; t++) if (canEnd(t) && (arg < 0 || score[t] > score[arg])) arg = t;
      const tags = new Uint8Array(n);
      for (let i = n - 1; i >= 0; i--) {
        tags[i] = arg;
        if (i > 0) arg = back[i - 1][arg];
      }
      const want = spansFromTags(tags, n).map((s) => {
        let m = Infinity;
        for (let i = s.start; i < s.end; i++) {
          const other = Math.max(...em[i].filter((_, t) => t !== tags[i]));
          m = Math.min(m, Math.fround(em[i][tags[i]] - other));
        }
        return { ...s, confidence: Math.round((1 / (1 + Math.exp(-m / 4))) * 100) / 100 };
      });
      assert.deepEqual(tagger.tag(text, gaz), want, text);
      lines++;
      spans += want.length;
    }
    // The comparison means something only if it covered real text with names in it.
    assert.ok(lines > 300 && spans > 500, `${lines} lines, ${spans} names`);
  });

  it('takes the same path as a plain Viterbi when one closed tag leads by far, by little, or ties', () => {
    // The decoder skips the 7 x 7 maximum where one closed tag leads the others by more than any transition can
    // make up; these emissions put the leads on both sides of that margin, and exact ties, so both ways are taken.
    const { weights: w } = openModel(loadNerModel()!.slice());
    const T = NTAGS;
    const trans = (p: number, t: number) => (allowed(p, t) ? w.transition[(p + 1) * T + t] : -Infinity);
    const values = [-400, -120, -60, -5, 0, 0, 0, 5, 60, 120, 400];
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let run = 0; run < 400; run++) {
      const n = 2 + (run % 50);
      const em = Float64Array.from({ length: n * T }, () => values[Math.floor(random() * values.length)] * (run % 3 ? 1 : random()));
      let score = Array.from({ length: T }, (_, t) => trans(-1, t) + em[t]);
      const back: number[][] = [];
      for (let i = 1; i < n; i++) {
        const from: number[] = [];
        score = Array.from({ length: T }, (_, t) => {
          let best = -Infinity;
          let arg = 0;
          for (let p = 0; p < T; p++)
            if (score[p] + trans(p, t) > best) {
              best = score[p] + trans(p, t);
              arg = p;
            }
          from.push(arg);
          return best + em[i * T + t];
        });
        back.push(from);
      }
      let arg = -1;
      for (let t = 0; t < T; t++) if (canEnd(t) && (arg < 0 || score[t] > score[arg])) arg = t;
      const want = new Uint8Array(n);
      for (let i = n - 1; i >= 0; i--) {
        want[i] = arg;
        if (i > 0) arg = back[i - 1][arg];
      }
      const got = new Uint8Array(n);
      viterbiScores(w.transition, em, n, got, undefined, true);
      assert.deepEqual([...got], [...want], `run ${run}`);
    }
  });
});
