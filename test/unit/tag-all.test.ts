/**
 * `tagAll` (recognizer.ts): the tagger's names of each line of a paragraph, offsets into it, white space trimmed, each
 * distinct line tagged once, lines without a Han character not tagged at all.
 */
import { strict as assert } from 'node:assert';
import { tagAll } from '../../server/src/service/entities/recognizer';
import type { Tagger } from '../../server/src/service/entities/tagger';
import { Trie } from '../../server/src/service/entities/trie';
import type { EntityType } from '../../server/src/service/types';

/** A tagger that reads every run of 甲 (padded with the spaces around it) as a person, and counts what it tags. */
function fakeTagger(): { tagger: Tagger; tagged: string[] } {
  const tagged: string[] = [];
  const tagger = {
    tag(line: string) {
      tagged.push(line);
      return [...line.matchAll(/ *甲+ */gu)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        type: 'PER' as const,
        confidence: 0.5,
      }));
    },
  } as Tagger;
  return { tagger, tagged };
}

describe('tagAll', () => {
  const gaz = new Trie<EntityType>();
  it('tags each distinct line once, shifts its names into the text and trims their white space', () => {
    const { tagger, tagged } = fakeTagger();
    const norm = '乙 甲甲 乙\nabc 12\n乙 甲甲 乙\n丙甲\n乙 甲甲 乙\n丙甲';
    const got = tagAll(tagger, norm, gaz, false).map((s) => [s.start, s.end, norm.slice(s.start, s.end)]);
    assert.deepEqual(got, [
      [2, 4, '甲甲'],
      [16, 18, '甲甲'],
      [22, 23, '甲'],
      [26, 28, '甲甲'],
      [32, 33, '甲'],
    ]);
    // The Latin line is not tagged (no Han), the repeated ones once each.
    assert.deepEqual(tagged, ['乙 甲甲 乙', '丙甲']);
  });

  it('answers a paragraph of one line, with or without its line break, and a blank line with nothing', () => {
    for (const norm of ['甲乙甲', '甲乙甲\n']) {
      const { tagger, tagged } = fakeTagger();
      assert.deepEqual(
        tagAll(tagger, norm, gaz, false).map((s) => [s.start, s.end]),
        [
          [0, 1],
          [2, 3],
        ],
      );
      assert.deepEqual(tagged, ['甲乙甲']);
    }
    const { tagger, tagged } = fakeTagger();
    assert.deepEqual(tagAll(tagger, '\n\n', gaz, false), []);
    assert.deepEqual(tagged, []);
  });
});
