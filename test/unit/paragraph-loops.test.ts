/**
 * Issue 14, eleventh round: the loops of `recognizeParagraph` are functions of their own (recognizer.ts), so that V8
 * cannot compile `recognizeParagraph` at one of its loops (on-stack replacement) and keep re-entering that code after
 * it deoptimises (the "storm" of docs/performance.md). Each helper does what its loop did.
 */
import { strict as assert } from 'node:assert';
import {
  addLexiconOrgs,
  addModelNames,
  addPlaces,
  addUserNames,
  gateBySource,
  markSpans,
  retypeFacilities,
  type Candidate,
} from '../../server/src/service/entities/recognizer';
import { Trie } from '../../server/src/service/entities/trie';
import { RANK } from '../../server/src/service/entities/ranks';
import type { EntityMention, EntityType } from '../../server/src/service/types';
import type { Span } from '../../server/src/service/entities/gazetteer';

const spans = (cands: Candidate[]) => cands.map((c) => [c.start, c.end, c.type, c.source, c.confidence, c.rank, c.gate]);

describe("recognizeParagraph's loops, each in a function (recognizer.ts)", () => {
  it('addUserNames: the longest user name at each place, left to right, none inside another', () => {
    const user = new Trie<EntityType>();
    user.set('新光', 'ORG');
    user.set('新光医院', 'ORG');
    user.set('医院', 'LOC');
    user.set('马偕', 'PER');
    user.set('院及马', 'LOC'); // inside 新光医院: never read
    const cands: Candidate[] = [];
    addUserNames(cands, user, '在新光医院及马偕医院');
    assert.deepEqual(
      cands.map((c) => [c.start, c.end, c.type, c.source, c.confidence]),
      [
        [1, 5, 'ORG', 'user', 1],
        [6, 8, 'PER', 'user', 1],
        [8, 10, 'LOC', 'user', 1],
      ],
    );
    assert.equal(cands[0].rank, RANK.USER);
  });

  it('markSpans: 1 over each extent, nothing else', () => {
    const marks = new Uint8Array(8);
    const s: Span[] = [
      { start: 1, end: 3, type: 'PER' },
      { start: 5, end: 6, type: 'LOC' },
    ];
    markSpans(marks, s);
    assert.deepEqual([...marks], [0, 1, 1, 0, 0, 1, 0, 0]);
  });

  it('addLexiconOrgs: every lexicon organisation with the tagger, only the strong ones without', () => {
    const orgs: Span[] = [
      { start: 0, end: 2, type: 'ORG' },
      { start: 3, end: 5, type: 'ORG', weak: true },
    ];
    const tagged: Candidate[] = [];
    addLexiconOrgs(tagged, orgs, true);
    assert.deepEqual(spans(tagged), [
      [0, 2, 'ORG', 'gazetteer', 0.9, RANK.GAZETTEER, undefined],
      [3, 5, 'ORG', 'gazetteer', 0.9, RANK.GAZETTEER, undefined],
    ]);
    const untagged: Candidate[] = [];
    addLexiconOrgs(untagged, orgs, false);
    assert.deepEqual(spans(untagged), [[0, 2, 'ORG', 'gazetteer', 0.9, RANK.GAZETTEER, undefined]]);
  });

  it('addPlaces: the spans as place-named patterns, their types kept by extent, no map for none', () => {
    const cands: Candidate[] = [];
    assert.equal(addPlaces(cands, [], undefined), undefined);
    const types = addPlaces(cands, [{ start: 0, end: 6, type: 'LOC' }], undefined);
    const same = addPlaces(cands, [{ start: 8, end: 10, type: 'ORG' }], types);
    assert.equal(same, types, 'the second call adds to the first map');
    assert.deepEqual(
      [...types!],
      [
        ['0:6', 'LOC'],
        ['8:10', 'ORG'],
      ],
    );
    assert.deepEqual(spans(cands), [
      [0, 6, 'LOC', 'pattern', 0.7, RANK.PLACE_NAMED, undefined],
      [8, 10, 'ORG', 'pattern', 0.7, RANK.PLACE_NAMED, undefined],
    ]);
  });

  it("addModelNames: a run of names split into its people, an organisation continued, the rest as the model's", () => {
    const norm = '张伟李娜王强出席永康分局盐行派出所会议北京';
    const model = [
      { start: 0, end: 6, type: 'PER' as const, confidence: 0.9 },
      { start: 8, end: 12, type: 'ORG' as const, confidence: 0.8 },
      { start: 19, end: 21, type: 'LOC' as const, confidence: 0.7 },
    ];
    const cands: Candidate[] = [];
    addModelNames(cands, model, norm);
    assert.deepEqual(
      cands.map((c) => [norm.slice(c.start, c.end), c.type, c.source, c.confidence]),
      [
        ['张伟', 'PER', 'model', 0.9],
        ['李娜', 'PER', 'model', 0.9],
        ['王强', 'PER', 'model', 0.9],
        ['永康分局盐行派出所', 'ORG', 'model', 0.8],
        ['北京', 'LOC', 'model', 0.7],
      ],
    );
    assert.equal(model[1].end, 17, "the organisation's span itself is continued, as the loop did");
  });

  it('gateBySource: a gate by the source where a candidate has none, the ones it has kept', () => {
    const c = (source: Candidate['source'], gate?: Candidate['gate']): Candidate => ({
      start: 0,
      end: 1,
      type: 'ORG',
      source,
      confidence: 1,
      rank: 1,
      gate,
    });
    const cands = [c('gazetteer'), c('pattern'), c('model'), c('user'), c('pattern', 'companyAdd')];
    gateBySource(cands);
    assert.deepEqual(
      cands.map((x) => x.gate),
      ['gazetteerAdd', 'patternAdd', undefined, undefined, 'companyAdd'],
    );
  });

  it("retypeFacilities: a facility's type over the reading that won its extent, never over a user name", () => {
    const m = (start: number, end: number, type: EntityType, source: EntityMention['source']): EntityMention => ({
      start,
      end,
      text: 'x',
      type,
      confidence: 1,
      source,
    });
    const resolved = [m(0, 6, 'ORG', 'pattern'), m(8, 10, 'ORG', 'user'), m(12, 14, 'PER', 'model')];
    retypeFacilities(
      resolved,
      new Map<string, EntityType>([
        ['0:6', 'LOC'],
        ['8:10', 'LOC'],
      ]),
    );
    assert.deepEqual(
      resolved.map((r) => r.type),
      ['LOC', 'ORG', 'PER'],
    );
  });
});
