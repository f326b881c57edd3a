import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextEdit } from 'vscode-languageserver-types';
import { detectBoilerplate } from '../../server/src/service/boilerplate';
import { removalEdits, removeBlocks } from '../../server/src/service/edits';
import { LineIndex, isBlank } from '../../server/src/service/text';
import type { BoilerplateBlock } from '../../server/src/service/types';

/** Every gold page the tests carry: the shared articles and cwced pages copied into test/fixtures. */
const FIXTURES = path.join(__dirname, '..', 'fixtures');
const pages = ['articles', 'gold-pages', 'boilerplate'].flatMap((dir) =>
  fs
    .readdirSync(path.join(FIXTURES, dir))
    .filter((f) => f.endsWith('.txt') && !f.endsWith('.gold.txt'))
    .map((f) => ({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8') })),
);

/** The same page with the blank-line and end-of-file shapes that broke the edits. */
const variants: [string, (t: string) => string][] = [
  ['as is', (t) => t],
  ['no final newline', (t) => t.replace(/\s+$/u, '')],
  ['two final newlines', (t) => t.replace(/\s+$/u, '') + '\n\n'],
  ['blank lines doubled', (t) => t.replace(/\n\n/g, '\n\n\n')],
  ['blank lines doubled, no final newline', (t) => t.replace(/\n\n/g, '\n\n\n').replace(/\s+$/u, '')],
  ['a blank line between all lines, no final newline', (t) => t.replace(/\n/g, '\n\n').replace(/\s+$/u, '')],
  ['CRLF, blank lines tripled, no final newline', (t) => t.replace(/\n\n/g, '\n\n\n\n').replace(/\s+$/u, '').replace(/\n/g, '\r\n')],
  ['blank lines of spaces', (t) => t.replace(/\n\n/g, '\n  \n\u3000\n')],
];

/** A small deterministic generator, so a failure names a reproducible case. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Random blocks over the non-blank lines: runs of 1-4 lines, blank lines between runs or not. */
function randomBlocks(lines: LineIndex, seed: number): BoilerplateBlock[] {
  const r = rng(seed);
  const p = 0.1 + 0.6 * r();
  const out: BoilerplateBlock[] = [];
  for (let l = 0; l < lines.lineCount; l++) {
    if (isBlank(lines.line(l)) || r() > p) continue;
    let end = l;
    while (end + 1 < lines.lineCount && !isBlank(lines.line(end + 1)) && r() < 0.5) end++;
    out.push({ startLine: l, endLine: end, kind: 'other', confident: true });
    l = end;
  }
  // The last line is where the end-of-file cases live: take it often.
  const last = lines.lineCount - 1;
  if (r() < 0.5 && !isBlank(lines.line(last)) && !out.some((b) => b.endLine >= last))
    out.push({ startLine: last, endLine: last, kind: 'other', confident: true });
  return out;
}

/** What an editor does: check that no two edits overlap, then apply them from the last to the first. */
function applyAsEditor(text: string, lines: LineIndex, edits: readonly TextEdit[]): string {
  const spans = edits
    .map((e) => ({ from: lines.offsetAt(e.range.start), to: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => a.from - b.from);
  for (let i = 1; i < spans.length; i++) {
    assert.ok(
      spans[i - 1].to <= spans[i].from,
      `edits overlap: [${spans[i - 1].from}, ${spans[i - 1].to}) and [${spans[i].from}, ${spans[i].to})`,
    );
  }
  let out = text;
  for (const s of [...spans].reverse()) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return out;
}

function check(text: string, blocks: readonly BoilerplateBlock[], what: string) {
  const lines = new LineIndex(text);
  const edits = removalEdits(lines, blocks);
  const edited = applyAsEditor(text, lines, edits);
  assert.equal(edited, removeBlocks(text, blocks), `${what}: the edits and clean disagree`);
  // Independently of how the edits are cut: the kept lines are exactly the unflagged non-blank
  // lines, in order, and no new blank lines appear.
  const flagged = new Set<number>();
  for (const b of blocks) for (let l = b.startLine; l <= b.endLine; l++) flagged.add(l);
  const expected: string[] = [];
  for (let l = 0; l < lines.lineCount; l++) if (!flagged.has(l) && !isBlank(lines.line(l))) expected.push(lines.line(l));
  const kept = edited.split(/\r\n|\r|\n/).filter((l) => !isBlank(l));
  assert.deepEqual(kept, expected, `${what}: lines kept`);
  const longestBlankRun = (t: string) => Math.max(0, ...(t.match(/(?:\r?\n[ \t\u3000]*)+/g) ?? []).map((m) => m.split('\n').length - 1));
  assert.ok(longestBlankRun(edited) <= longestBlankRun(text), `${what}: blank lines added`);
}

describe('removing boilerplate: edits over every gold page', () => {
  it(`covers the ${pages.length} gold pages the tests carry`, () => assert.ok(pages.length >= 26, `${pages.length}`));

  for (const page of pages) {
    it(`${page.name}: edits never overlap and give what clean gives`, () => {
      for (const [vname, make] of variants) {
        const text = make(page.text);
        const detected = detectBoilerplate(text).blocks;
        check(
          text,
          detected.filter((b) => b.confident),
          `${vname}, confident blocks`,
        );
        check(text, detected, `${vname}, all blocks`);
        const lines = new LineIndex(text);
        for (let seed = 1; seed <= 12; seed++)
          check(text, randomBlocks(lines, seed * 7919 + page.name.length), `${vname}, random blocks #${seed}`);
      }
    });
  }

  it('a block, two blank lines, then a block to the end of a file without a final newline: one edit', () => {
    const text = '正文。\n\n甲\n乙\n\n\n丙\n丁';
    const lines = new LineIndex(text);
    const blocks: BoilerplateBlock[] = [
      { startLine: 2, endLine: 3, kind: 'related', confident: true },
      { startLine: 6, endLine: 7, kind: 'footer', confident: true },
    ];
    const edits = removalEdits(lines, blocks);
    assert.equal(edits.length, 1);
    assert.equal(applyAsEditor(text, lines, edits), '正文。');
  });
});
