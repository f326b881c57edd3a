/**
 * `gazetteerTouching` (resolve's question "which gazetteer candidates overlap this one") bisects the sorted gazetteer
 * candidates and answers most questions with one shared empty array: it must give what a test of every gazetteer
 * candidate gives, at touching edges too.
 */
import * as assert from 'node:assert/strict';
import { gazetteerTouching, type Candidate } from '../../server/src/service/entities/recognizer';

const cand = (start: number, end: number, source: Candidate['source'] = 'gazetteer'): Candidate => ({
  start,
  end,
  type: 'LOC',
  source,
  confidence: 1,
  rank: 0,
});

describe('gazetteerTouching', () => {
  it('finds the overlapping gazetteer candidates, not those that only meet the range at an edge', () => {
    const gaz = [cand(5, 7), cand(0, 2), cand(2, 4)];
    const touching = gazetteerTouching([...gaz, cand(0, 9, 'model')]);
    const spans = (c: Candidate) => touching(c).map((g) => [g.start, g.end]);
    assert.deepEqual(spans(cand(2, 5, 'model')), [[2, 4]]);
    assert.deepEqual(spans(cand(4, 5, 'model')), []);
    assert.deepEqual(spans(cand(1, 6, 'model')), [
      [0, 2],
      [2, 4],
      [5, 7],
    ]);
    assert.deepEqual(spans(cand(6, 8, 'model')), [[5, 7]]);
    assert.deepEqual(spans(cand(7, 9, 'model')), []);
  });

  it('answers as a test of every gazetteer candidate for every range over a line of non-overlapping names', () => {
    const gaz = [cand(1, 3), cand(3, 4), cand(6, 9), cand(10, 12)];
    const touching = gazetteerTouching([cand(0, 5, 'pattern'), ...gaz]);
    for (let a = 0; a <= 13; a++)
      for (let b = a + 1; b <= 14; b++) {
        const c = cand(a, b, 'model');
        const want = gaz.filter((g) => g.start < b && g.end > a).sort((x, y) => x.start - y.start);
        assert.deepEqual(touching(c), want, `[${a}, ${b})`);
      }
  });

  it('answers a range nothing touches with the same empty array (no array made per candidate)', () => {
    const touching = gazetteerTouching([cand(0, 2)]);
    assert.equal(touching(cand(4, 6, 'model')), touching(cand(8, 9, 'model')));
    assert.equal(touching(cand(4, 6, 'model')).length, 0);
  });
});
