/**
 * The per-line arrays carried across versions (server/src/service/incremental/lineArrays.ts): the arrays after an
 * edit that keeps the number of lines (a keystroke) or changes it, against a full pass over the new text.
 */
import * as assert from 'node:assert/strict';
import { LineArrays, lineEndAt } from '../../server/src/service/incremental/lineArrays';
import { LineIndex } from '../../server/src/service/text';
import { Rng } from '../../scripts/lib/rng';

/** A text of short lines over a small alphabet, so prefixes and suffixes overlap often. */
function randomText(r: Rng, lines: number): string {
  const alphabet = ['a', 'b', '的', '\n', '\r\n', '\r'];
  let t = '';
  for (let i = 0; i < lines; i++) {
    const n = Math.floor(r.next() * 5);
    for (let k = 0; k < n; k++) t += alphabet[Math.floor(r.next() * 3)];
    t += alphabet[3 + Math.floor(r.next() * (r.next() < 0.8 ? 1 : 3))];
  }
  return t;
}

function edit(r: Rng, text: string): string {
  const at = Math.floor(r.next() * (text.length + 1));
  const remove = r.next() < 0.5 ? 0 : Math.floor(r.next() * 3);
  const inserts = ['a', 'b', '的', 'ab', '\n', 'a\n', ''];
  return text.slice(0, at) + inserts[Math.floor(r.next() * inserts.length)] + text.slice(at + remove);
}

/** Every line's text by a full pass, as the values the arrays carry. */
const lineTexts = (t: string, starts: readonly number[], first: number, last: number) =>
  Array.from({ length: last - first }, (_, k) => t.slice(starts[first + k], lineEndAt(t, starts, first + k)));

describe('per-line arrays after an edit', () => {
  it('equals a full pass after keystrokes that keep the number of lines, and after ones that change it', () => {
    const r = new Rng(7);
    for (const newlineOnly of [false, true]) {
      let text = randomText(r, 40);
      const lines = new LineArrays<string>(newlineOnly);
      const ends = newlineOnly ? /\n/ : /\r\n|\r|\n/;
      let kept = 0;
      for (let version = 0; version < 400; version++) {
        const old = text;
        if (version > 0) text = r.next() < 0.8 ? keystroke(r, text) : edit(r, text);
        const oldCount = old.split(ends).length;
        const got = lines.update(text, lineTexts);
        const where = `version ${version}: ${JSON.stringify(text)}`;
        const full = newlineOnly ? [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)] : new LineIndex(text).starts;
        assert.deepEqual(got.starts, full, where);
        assert.deepEqual(got.values, lineTexts(text, full, 0, full.length), where);
        if (version > 0 && got.values.length === oldCount) {
          kept++;
          const c = lines.lastChange!;
          assert.equal(c.made, c.removed, where);
          // The lines outside the change are the previous version's values, the same strings.
          assert.equal(c.before.length, got.values.length, where);
          for (let k = 0; k < got.values.length; k++)
            if (k < c.first || k >= c.first + c.made) assert.equal(got.values[k], c.before[k], where);
        }
      }
      assert.ok(kept > 200, `keystrokes that kept the number of lines: ${kept}`);
    }
  });
});

/** One character typed into or deleted from a line (no line break). */
function keystroke(r: Rng, text: string): string {
  const at = Math.floor(r.next() * (text.length + 1));
  if (r.next() < 0.3 && at < text.length && !/[\r\n]/.test(text[at])) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + (r.next() < 0.5 ? 'a' : '的') + text.slice(at);
}
