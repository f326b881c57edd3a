/**
 * Cut names (cut-names.ts): a two-character person whose every occurrence in the article goes on with the same
 * given-name character gets it back. The occurrences are read for all names in one pass; these cases pin what the
 * per-name search decided: every occurrence counts (overlapping ones and the one ending the text included).
 */
import * as assert from 'node:assert/strict';
import { completeCutNames } from '../../server/src/service/entities/cut-names';
import type { EntityMention } from '../../server/src/service/types';

const person = (text: string, start: number): EntityMention => ({
  start,
  end: start + 2,
  text: text.slice(start, start + 2),
  type: 'PER',
  confidence: 0.8,
  source: 'model',
});
const run = (text: string, names: string[]) => {
  const starts: number[] = [];
  for (const n of names) starts.push(text.indexOf(n, starts.length ? starts[starts.length - 1] + 1 : 0));
  const out = completeCutNames(
    starts.map((s) => person(text, s)),
    text,
    text,
    () => false,
    new Set(['王', '李']),
    new Set(['说']),
    () => new Set([...'远华'].map((c) => c.charCodeAt(0))),
  );
  return out.map((m) => `${m.text}/${m.source}`);
};

describe('completeCutNames', () => {
  it('gives the third character back where every occurrence of the name goes on with it', () => {
    assert.deepEqual(run('王明远。后来王明远。', ['王明', '王明']), ['王明远/article', '王明远/article']);
  });

  it('keeps the name where another occurrence goes on differently, even one no mention marks', () => {
    assert.deepEqual(run('王明远。后来王明远。王明华', ['王明', '王明']), ['王明/model', '王明/model']);
  });

  it('keeps the name where an occurrence ends the text', () => {
    assert.deepEqual(run('李红远。后来李红远。李红', ['李红', '李红']), ['李红/model', '李红/model']);
  });

  it('decides each name on its own occurrences', () => {
    assert.deepEqual(run('王明远。李红华。王明远。李红远。', ['王明', '李红', '王明', '李红']), [
      '王明远/article',
      '李红/model',
      '王明远/article',
      '李红/model',
    ]);
  });
});
