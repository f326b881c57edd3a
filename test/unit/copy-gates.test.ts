/**
 * Issue 11, eighth round (docs/entities.md, "Eighth round: consistency copies"): the gates on what article
 * consistency copies, each pinned on sentences written for this test, in Simplified and Traditional, and each shown
 * to let the wrong copy through when its family is switched off (so the test fails if the mechanism goes).
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import type { CopyTrace, RuleFamily } from '../../server/src/service/entities/recognizer';
import { insideLonger } from '../../server/src/service/entities/copy-gates';
import { toTraditional } from '../../server/src/service/convert';
import type { EntityMention } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';
import { Trie } from '../../server/src/service/entities/trie';
import type { Tagger } from '../../server/src/service/entities/tagger';
import type { EntityType } from '../../server/src/service/types';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}/${m.source}`).join(' ');

describe('insideLonger (copy-gates.ts)', () => {
  const words = new Set(['卫生部门', '高通量']);
  const lex = (norm: string) => ({
    isWord: (a: number, len: number) => words.has(norm.slice(a, a + len)),
    isName: (a: number, len: number) => norm.slice(a, a + len) === '池田大作',
  });
  it('finds a longer word or a longer name around a span, and nothing around a free one', () => {
    const norm = '各地卫生部门和池田大作，高通量的卫生部';
    assert.equal(insideLonger(norm, 2, 5, lex(norm)), true, '卫生部 in 卫生部门');
    assert.equal(insideLonger(norm, 7, 10, lex(norm)), true, '池田大 in 池田大作');
    assert.equal(insideLonger(norm, 12, 14, lex(norm)), true, '高通 in 高通量');
    assert.equal(insideLonger(norm, 17, 20, lex(norm)), false, '卫生部 alone');
  });
  it('reads a word across an edge only when asked (crossing)', () => {
    const norm = '甲乙丙丁';
    const across = { isWord: (a: number, len: number) => norm.slice(a, a + len) === '乙丙丁', isName: () => false };
    assert.equal(insideLonger(norm, 0, 2, across), false);
    assert.equal(insideLonger(norm, 0, 2, across, true), true);
  });
});

describe('seenNames (off as shipped): a string the tagger saw as a name in training, read once here, is not copied', () => {
  // A tagger of our own: it reads 王大明 on the line that opens with him and nowhere else.
  const stub = (seen: string[]): Tagger => {
    const trainingNames = new Trie<EntityType>();
    for (const s of seen) trainingNames.set(s, 'PER');
    return {
      trainingNames,
      tag: (norm: string) => (norm.startsWith('王大明来了') ? [{ start: 0, end: 3, type: 'PER' as const, confidence: 0.3 }] : []),
    };
  };
  const text = '王大明来了。\n后来王大明走了。';
  const copied = (tagger: Tagger, disable: RuleFamily[] = []) =>
    createEntityRecognizer({ tagger, enable: ['seenNames'], disable })
      .recognize(text)
      .filter((m) => m.source === 'consistency').length;
  it('copies a name the tagger never saw in training', () => assert.equal(copied(stub([])), 1));
  it('does not copy one it saw, and does with the family off (as shipped)', () => {
    assert.equal(
      createEntityRecognizer({ tagger: stub(['王大明']) })
        .recognize(text)
        .filter((m) => m.source === 'consistency').length,
      1,
    );
    assert.equal(copied(stub(['王大明'])), 0);
    assert.equal(copied(stub(['王大明']), ['seenNames']), 1);
  });

  it('decides each name by its own text when two are read on one line (the gates remembered per text)', () => {
    const pair = (seen: string[]): Tagger => ({
      ...stub(seen),
      tag: (norm: string) =>
        norm.startsWith('王大明和李小华')
          ? [
              { start: 0, end: 3, type: 'PER' as const, confidence: 0.3 },
              { start: 4, end: 7, type: 'PER' as const, confidence: 0.3 },
            ]
          : [],
    });
    const two = '王大明和李小华来了。\n后来王大明和李小华走了。';
    const copies = (seen: string[]) =>
      createEntityRecognizer({ tagger: pair(seen), enable: ['seenNames'] })
        .recognize(two)
        .filter((m) => m.source === 'consistency')
        .map((m) => m.text);
    assert.deepEqual(copies(['李小华']), ['王大明']);
    assert.deepEqual(copies(['王大明']), ['李小华']);
    assert.deepEqual(copies([]), ['王大明', '李小华']);
  });
});

describe('what article consistency copies (eighth round), with the shipped model, in both scripts', function () {
  this.timeout(60000);
  const { tagger, both, family } = shippedRecognizer();

  it('copies no name onto a place where it is part of a longer word (卫生部 in 卫生部门) (copySites)', () => {
    const sentence = '卫生部发布通知。各地卫生部门要落实，卫生部将派员检查。';
    const at = sentence.indexOf('卫生部门');
    family(
      'copySites',
      sentence,
      (ms, t) => {
        assert.ok(!ms.some((m) => m.start === at), `${t}: ${show(ms)}`);
        // The free occurrences still carry the name.
        assert.equal(ms.filter((m) => m.type === 'ORG').length, 2, `${t}: ${show(ms)}`);
      },
      (ms, t) =>
        assert.ok(
          ms.some((m) => m.start === at && m.source === 'consistency'),
          `without the family: ${t}: ${show(ms)}`,
        ),
      // orgLexicon (eighth round) lists 卫生部, and a listed name is not copied: off too, so the tagger's reading is.
      ['orgLexicon'],
    );
    // With the tagger's reading copied (orgLexicon off), copySites alone keeps 卫生部门 whole.
    const lexiconOff = createEntityRecognizer({ tagger, disable: ['orgLexicon'] });
    for (const t of [sentence, toTraditional(sentence)]) {
      const ms = lexiconOff.recognize(t);
      assert.ok(!ms.some((m) => m.start === at), `${t}: ${show(ms)}`);
    }
  });

  it('copies a company stem named once only when stemNames is switched on (off as shipped)', () => {
    const sentence = '澄星科技发布了新品。澄星表示，澄星将扩大生产。';
    const stems = (ms: readonly EntityMention[]) => ms.filter((m) => m.text === '澄星').length;
    const gated = createEntityRecognizer({ tagger, enable: ['stemNames'] });
    both(sentence, (ms, t) => assert.equal(stems(ms), 2, `shipped: the stem is the company: ${t}: ${show(ms)}`));
    for (const t of [sentence, toTraditional(sentence)]) assert.equal(stems(gated.recognize(t)), 0, t);
    // Named twice in full, the stem is copied with the gate on too.
    const twice = '澄星科技发布了新品。澄星科技表示，澄星将扩大生产。';
    for (const t of [twice, toTraditional(twice)]) assert.equal(stems(gated.recognize(t)), 1, t);
  });

  it('tells a trace of every copy when asked (traceCopies), and nothing changes for it', () => {
    const sentence = '记者张严报道。张严说，明天再谈，张严补充道。';
    const copies: CopyTrace[] = [];
    const traced = createEntityRecognizer({ tagger, traceCopies: (c) => copies.push(c) }).recognize(sentence);
    assert.deepEqual(show(traced), show(createEntityRecognizer({ tagger }).recognize(sentence)));
    const copied = traced.filter((m) => m.source === 'consistency');
    assert.ok(copied.length > 0, show(traced));
    assert.deepEqual(
      copies.filter((c) => c.kind === 'copy').map((c) => `${c.start}:${c.end}`),
      copied.map((m) => `${m.start}:${m.end}`),
    );
    assert.ok(copies.every((c) => c.from.text === '张严'));
  });
});
