/**
 * blanked.ts reads a text as if some of its lines were blanked (article.ts: the dates of the article without its
 * boilerplate) without making the blanked copy; each answer must be the blanked copy's (`maskLines`).
 */
import * as assert from 'node:assert/strict';
import { maskLines } from '../../server/src/service/article';
import { blankedHasTraditional, blankedIncludes, blankedPrefix, blankedSlice, blankedSpans } from '../../server/src/service/blanked';
import { findPublication, recognizeDates } from '../../server/src/service/dates';
import { PUBLICATION_LINES, firstLines } from '../../server/src/service/dates/publication';
import { hasTraditional, normalizeForMatching } from '../../server/src/service/normalize';
import { LineIndex } from '../../server/src/service/text';
import type { BoilerplateBlock } from '../../server/src/service/types';
import { Rng } from '../../scripts/lib/rng';

const block = (startLine: number, endLine: number): BoilerplateBlock => ({ startLine, endLine, kind: 'navigation', confident: true });

/** The project's seeded generator (scripts/lib/rng.ts), as a function. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

const PIECES = ['臺北', '台北', '2019年3月5日', '98年3月', '國', '国', ' ', '\r', '記者', '發佈', 'abc', '\ud800', '，', '5日'];

function randomText(next: () => number, lineCount: number): string {
  const lines: string[] = [];
  for (let l = 0; l < lineCount; l++) {
    let line = '';
    const parts = Math.floor(next() * 6);
    for (let p = 0; p < parts; p++) line += PIECES[Math.floor(next() * PIECES.length)];
    lines.push(line);
  }
  return lines.join(next() < 0.3 ? '\r\n' : '\n');
}

function randomBlocks(next: () => number, lineCount: number): BoilerplateBlock[] {
  const blocks: BoilerplateBlock[] = [];
  const count = Math.floor(next() * 5);
  for (let b = 0; b < count; b++) {
    const start = Math.floor(next() * lineCount);
    blocks.push(block(start, Math.min(lineCount - 1, start + Math.floor(next() * 3))));
  }
  return blocks; // unsorted, overlapping and adjacent blocks included
}

describe('blanked', () => {
  it('merges the blocks into sorted disjoint spans, empty lines dropped', () => {
    const text = 'aa\nbb\n\ncc\ndd\nee';
    const lines = new LineIndex(text);
    assert.deepEqual(blankedSpans(lines, [block(4, 4), block(0, 0), block(1, 1), block(3, 3), block(2, 2)]), [0, 2, 3, 5, 7, 9, 10, 12]);
    assert.deepEqual(blankedSpans(lines, [block(0, 3), block(1, 2), block(4, 5)]), [0, 9, 10, 15]);
    assert.deepEqual(blankedSpans(lines, []), []);
  });

  it('answers as the blanked copy does: slices, prefixes, a Traditional character, a code unit', () => {
    const next = random(14);
    for (let round = 0; round < 400; round++) {
      const lineCount = 1 + Math.floor(next() * 12);
      const text = randomText(next, lineCount);
      const lines = new LineIndex(text);
      const blocks = randomBlocks(next, lines.starts.length);
      const masked = maskLines(text, lines, blocks);
      const spans = blankedSpans(lines, blocks);
      assert.equal(blankedPrefix(text, spans, text.length), masked, `round ${round}`);
      for (let k = 0; k < 10; k++) {
        const from = Math.floor(next() * (text.length + 1));
        const to = from + Math.floor(next() * (text.length + 1 - from));
        assert.equal(blankedSlice(text, spans, from, to), masked.slice(from, to), `round ${round} slice ${from}-${to}`);
        assert.equal(blankedPrefix(text, spans, to), masked.slice(0, to), `round ${round} prefix ${to}`);
      }
      assert.equal(blankedHasTraditional(text, spans), hasTraditional(masked), `round ${round}`);
      for (const unit of ['臺', '國', 'a', '5'])
        assert.equal(blankedIncludes(text, spans, unit), masked.includes(unit), `round ${round} ${unit}`);
    }
  });

  it('finds a character after a blanked one and none inside the spans', () => {
    const text = '臺\n臺\n台';
    const lines = new LineIndex(text);
    assert.equal(blankedIncludes(text, blankedSpans(lines, [block(0, 1)]), '臺'), false);
    assert.equal(blankedIncludes(text, blankedSpans(lines, [block(0, 0)]), '臺'), true);
    assert.equal(blankedHasTraditional(text, blankedSpans(lines, [block(0, 1)])), false);
    assert.equal(blankedHasTraditional(text, blankedSpans(lines, [block(1, 2)])), true);
  });

  it('recognizes the dates of the blanked copy, with the normalised blanked text given or not', () => {
    const text = [
      '首頁 > 新聞 2020年1月2日',
      '臺北市政府98年3月5日公布',
      '記者2019年3月5日報導，98年3月起實施，次日公佈',
      '相關新聞：2018年5月6日 3日',
      '2019年\r',
      '3月5日  5日',
    ].join('\n');
    const lines = new LineIndex(text);
    for (const blocks of [[block(0, 0)], [block(1, 1), block(3, 3)], [block(4, 4)], [], [block(0, 5)], [block(1, 1)]]) {
      const masked = maskLines(text, lines, blocks);
      const spans = blankedSpans(lines, blocks);
      const normalized = maskLines(normalizeForMatching(text), lines, blocks);
      const expected = recognizeDates(masked, { reference: '2020-01-02', normalized });
      assert.deepEqual(recognizeDates(text, { reference: '2020-01-02', normalized, blanked: spans }), expected);
      assert.deepEqual(recognizeDates(text, { reference: '2020-01-02', blanked: spans }), expected);
    }
  });

  it('counts ROC years only from the lines kept: a 臺 or the Traditional characters in a blanked line do not', () => {
    const lines3 = (first: string, second: string) => `${first}\n${second}\n98年3月5日实施`;
    const cases: [string, string, BoilerplateBlock[], string][] = [
      ['臺北', '報導', [block(0, 0)], '1998-03-05'], // 臺 only in a blanked line
      ['臺北', '報導', [], '2009-03-05'],
      ['臺北', '报道', [block(1, 1)], '2009-03-05'],
      ['臺北', '報導', [block(1, 1)], '2009-03-05'],
      ['台北', '報導', [block(1, 1)], '1998-03-05'], // the only Traditional character in a blanked line
      ['立法院', '報導', [block(1, 1)], '1998-03-05'], // Taiwanese evidence, but no Traditional character kept
      ['立法院', '報導', [], '2009-03-05'],
    ];
    for (const [first, second, blocks, day] of cases) {
      const text = lines3(first, second);
      const lines = new LineIndex(text);
      const normalized = maskLines(normalizeForMatching(text), lines, blocks);
      const got = recognizeDates(text, { normalized, blanked: blankedSpans(lines, blocks) });
      assert.deepEqual(got, recognizeDates(maskLines(text, lines, blocks), { normalized }), `${first} ${second}`);
      assert.equal(got.at(-1)?.value, day, `${first} ${second}`);
    }
  });

  it('gives findPublication the lines it reads', () => {
    const body = Array.from({ length: PUBLICATION_LINES + 5 }, (_, k) => (k === 1 ? '2021年4月5日 10:00 來源：中央社' : `第${k}行`));
    const text = body.join('\n');
    const lines = new LineIndex(text);
    const end = firstLines(text, PUBLICATION_LINES).length;
    assert.ok(end < text.length);
    for (const blocks of [[], [block(1, 1)], [block(0, 0), block(PUBLICATION_LINES, PUBLICATION_LINES + 3)]]) {
      const spans = blankedSpans(lines, blocks);
      assert.deepEqual(findPublication(blankedPrefix(text, spans, end)), findPublication(maskLines(text, lines, blocks)));
    }
  });
});
