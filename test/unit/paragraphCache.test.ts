/**
 * The per-paragraph cache (incremental/paragraphs.ts): `find` answers a paragraph of this or the last version with the
 * same normalised text, `store` records a computed one, and `eachEditedParagraph` reads each distinct line once, its
 * answers shifted into the article as fresh objects.
 */
import { strict as assert } from 'node:assert';
import { eachDistinctParagraph, eachEditedParagraph, ParagraphCache } from '../../server/src/service/incremental/paragraphs';

interface Span {
  start: number;
  end: number;
  text: string;
}

describe('paragraph cache', () => {
  it('finds what this or the last version stored under the same text and normalised text, and counts', () => {
    const cache = new ParagraphCache<string>();
    cache.begin('owner');
    assert.equal(cache.find('甲', 'a'), undefined);
    cache.store('甲', 'a', 'one');
    assert.equal(cache.find('甲', 'a')?.value, 'one');
    assert.equal(cache.find('甲', 'b'), undefined, 'another normalised text');
    cache.end();
    cache.begin('owner');
    assert.equal(cache.find('甲', 'a')?.value, 'one', 'from the last version');
    cache.end();
    cache.begin('owner');
    assert.equal(cache.find('甲', 'a')?.value, 'one', 'kept because the last version read it');
    cache.end();
    cache.begin('owner');
    cache.end();
    cache.begin('owner');
    assert.equal(cache.find('甲', 'a'), undefined, 'a version that did not read it let it go');
    cache.store('乙', 'b', 'two');
    cache.end();
    cache.begin('another owner');
    assert.equal(cache.find('乙', 'b'), undefined, 'a new owner starts empty');
    assert.deepEqual(cache.stats, { hits: 3, misses: 2 });
  });

  it('eachEditedParagraph reads each distinct line once and shifts fresh copies of its answers', () => {
    const read: string[] = [];
    const paragraph = (text: string, norm: string): Span[] => {
      read.push(text);
      return [{ start: 0, end: 1, text: norm.slice(0, 1) }];
    };
    const text = '菜单\n正文一\n\n菜单\n正文二';
    const cache = new ParagraphCache<readonly Span[]>();
    const out = eachEditedParagraph(text, text, paragraph, cache, 'owner');
    assert.deepEqual(read, ['菜单\n', '正文一\n', '正文二']);
    assert.deepEqual(
      out.map((m) => [m.start, m.end, m.text]),
      [
        [0, 1, '菜'],
        [3, 4, '正'],
        [8, 9, '菜'],
        [11, 12, '正'],
      ],
    );
    assert.notEqual(out[0], out[2]);
    assert.deepEqual(cache.stats, { hits: 1, misses: 3 });
    assert.deepEqual(cache.find('菜单\n', '菜单\n')?.value, [{ start: 0, end: 1, text: '菜' }], 'the cache keeps the answer unshifted');
  });

  it('eachDistinctParagraph reads each distinct line once, shifts its own answers in place and copies a repeat', () => {
    const read: string[] = [];
    const made: Span[] = [];
    const paragraph = (text: string, norm: string): Span[] => {
      read.push(text);
      const answer = [
        { start: 0, end: 1, text: norm.slice(0, 1) },
        { start: 1, end: 2, text: norm.slice(1, 2) },
      ];
      made.push(...answer);
      return answer;
    };
    const text = '菜单\n正文一\n\n菜单\n正文二\n菜单';
    // The last 菜单 has no line break: another line. The 菜单 before it has another normalised text: read again.
    const norm = '菜单\n正文一\n\n菜里\n正文二\n菜单';
    const out = eachDistinctParagraph(text, norm, paragraph);
    assert.deepEqual(read, ['菜单\n', '正文一\n', '菜单\n', '正文二\n', '菜单']);
    assert.deepEqual(
      out.map((m) => [m.start, m.end, m.text]),
      [
        [0, 1, '菜'],
        [1, 2, '单'],
        [3, 4, '正'],
        [4, 5, '文'],
        [8, 9, '菜'],
        [9, 10, '里'],
        [11, 12, '正'],
        [12, 13, '文'],
        [15, 16, '菜'],
        [16, 17, '单'],
      ],
    );
    // First readings are the paragraph's own objects.
    assert.equal(out[0], made[0]);
    assert.equal(out[3], made[3]);
    assert.equal(out[4], made[4]);
    // A repeat is a copy of the first reading, shifted.
    made.length = 0;
    const again = eachDistinctParagraph('甲乙\n丙\n甲乙\n', '甲乙\n丙\n甲乙\n', paragraph);
    assert.deepEqual(
      again.map((m) => [m.start, m.end, m.text]),
      [
        [0, 1, '甲'],
        [1, 2, '乙'],
        [3, 4, '丙'],
        [4, 5, '\n'],
        [5, 6, '甲'],
        [6, 7, '乙'],
      ],
    );
    assert.equal(made.length, 4);
    assert.equal(made.includes(again[4]), false);
    assert.equal(again[0].start, 0, 'the first reading is not moved by its repeat');
  });
});
