/**
 * The idle warm-up types private keystrokes into a copy of a document's caches. It must leave the document's answers
 * and caches exactly as they were: the next real edit is analysed from the document's own last version (as few
 * lines re-read as without a warm-up) and equals a full analysis.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseArticle } from '../../server/src/service/article';
import { createEntityRecognizer } from '../../server/src/service/entities';
import type { EntityRecognizer } from '../../server/src/service/types';
import { createLanguageService } from '../../server/src/service/index';
import { cloneParagraphCaches, paragraphCaches } from '../../server/src/service/incremental/paragraphs';
import { shadowKeystroke, warmUpFraction } from '../../server/src/service/incremental/warmUp';
import { getDiagnostics } from '../../server/src/service/features/diagnostics';
import { getSemanticTokens } from '../../server/src/service/features/semanticTokens';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { createLocalizer } from '../../server/src/service/messages';
import { loadNerModel } from '../../server/src/node/model';
import { Rng } from '../../scripts/lib/rng';

const DIR = path.join(__dirname, '..', 'fixtures', 'articles');
const PAGES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** A keystroke, a line break or a deleted stretch at a random place. */
function edit(text: string, r: Rng): string {
  const at = Math.floor(r.next() * (text.length + 1));
  const k = r.next();
  if (k < 0.6) return text.slice(0, at) + text.charAt(Math.floor(r.next() * text.length)) + text.slice(at);
  if (k < 0.75) return text.slice(0, at) + '\n' + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(r.next() * 20));
}

/** Runs every step; how many there were. */
function drain(steps: Iterator<unknown> | undefined): number {
  let n = 0;
  while (steps && !steps.next().done) n++;
  return n;
}

describe('idle warm-up of the edit path', function () {
  this.timeout(120000);
  const recognizer = createEntityRecognizer({ model: loadNerModel() });

  it('types one character into the middle of a non-empty line, never inside a surrogate pair', () => {
    const cases: [string, number, string | undefined][] = [
      ['', 0.5, undefined],
      ['\n\n\r\n', 0.5, undefined],
      ['abcd', 0, 'ab的cd'],
      ['ab\n\ncdef\n', 0.5, 'ab\n\ncd的ef\n'],
      // Past the last non-empty line: wraps round to the first.
      ['xyzw\n\n\n\n\n\n', 0.9, 'xy的zw\n\n\n\n\n\n'],
      ['a\u{20000}b\r\n', 0, 'a的\u{20000}b\r\n'],
      ['甲乙\r\n丙丁戊\r\n', 0.6, '甲乙\r\n丙丁的戊\r\n'],
    ];
    for (const [text, fraction, want] of cases) assert.equal(shadowKeystroke(text, fraction), want, JSON.stringify(text));
  });

  it('types the first keystroke into the first line, the others spread through the text in order', () => {
    assert.equal(warmUpFraction(0, 12), 0);
    const rest = Array.from({ length: 11 }, (_, k) => warmUpFraction(k + 1, 12));
    rest.forEach((f, k) => {
      assert.ok(f > 0 && f < 1, `keystroke ${k + 1}: ${f}`);
      if (k > 0) assert.ok(f > rest[k - 1], `keystroke ${k + 1} after keystroke ${k}`);
    });
    // Evenly: the gaps are equal, and the last is as far from the end as the first from 0.
    assert.ok(Math.abs(rest[0] - (1 - rest[10])) < 1e-9);
    assert.equal(shadowKeystroke('\n标题一行\n正文\n', warmUpFraction(0, 12)), '\n标题的一行\n正文\n');
  });

  it('the first keystroke runs the whole boilerplate detection on the copy (the title line), on every gold page', () => {
    for (const page of PAGES) {
      const text = fs.readFileSync(path.join(DIR, page), 'utf8');
      const caches = paragraphCaches();
      // Blocks are detected on first read.
      const blocks = analyseArticle(text, { recognizer, paragraphs: caches }).blocks;
      const copy = cloneParagraphCaches(caches);
      const shadow = analyseArticle(shadowKeystroke(text, warmUpFraction(0, 12))!, { recognizer, paragraphs: copy }).blocks;
      assert.ok(blocks.length > 0 && shadow.length > 0, page);
      assert.deepEqual(copy.boilerplate.decided, { reused: 0, full: 1, wording: 0 }, page);
    }
  });

  it("a private keystroke on a copy of the caches leaves the document's caches as they were, on every gold page", () => {
    for (const [p, page] of PAGES.entries()) {
      let text = fs.readFileSync(path.join(DIR, page), 'utf8');
      const warmed = paragraphCaches();
      const plain = paragraphCaches();
      assert.ok(analyseArticle(text, { recognizer, paragraphs: warmed }).entities.length > 0);
      assert.ok(analyseArticle(text, { recognizer, paragraphs: plain }).entities.length > 0);
      const r = new Rng(500 + p);
      for (let k = 0; k < 6; k++) {
        // The warm-up's keystroke, everything read, on a copy (the first into the title line: a whole detection).
        const shadow = analyseArticle(shadowKeystroke(text, k === 0 ? warmUpFraction(0, 6) : r.next())!, {
          recognizer,
          paragraphs: cloneParagraphCaches(warmed),
        });
        getDiagnostics(shadow, DEFAULT_SETTINGS, createLocalizer('en'));
        getSemanticTokens(shadow, DEFAULT_SETTINGS);
        text = edit(text, r);
        const made = [warmed.boilerplate.stats.made, plain.boilerplate.stats.made];
        const misses = [warmed.entities.stats.misses, plain.entities.stats.misses];
        const got = analyseArticle(text, { recognizer, paragraphs: warmed });
        const want = analyseArticle(text, { recognizer, paragraphs: plain });
        assert.deepEqual(got.blocks, want.blocks);
        assert.deepEqual(got.entities, want.entities, `${page}, edit ${k}`);
        assert.equal(got.normalized, want.normalized);
        // The same lines re-read as without the warm-up: the copy moved on, the document's caches did not.
        assert.equal(warmed.boilerplate.stats.made - made[0], plain.boilerplate.stats.made - made[1], `${page}, edit ${k}: lines measured`);
        assert.equal(
          warmed.entities.stats.misses - misses[0],
          plain.entities.stats.misses - misses[1],
          `${page}, edit ${k}: paragraphs read`,
        );
      }
    }
  });

  it("the service's warm-up changes none of the document's answers, then or after edits", () => {
    // Two services, one warmed, that count the paragraphs their recogniser reads: an edit costs both the same.
    const reads = [0, 0];
    const counted = (i: number): EntityRecognizer => ({
      name: recognizer.name,
      recognize: (text, norm) => recognizer.recognize(text, norm),
      paragraph: (text, norm) => {
        reads[i]++;
        return recognizer.paragraph!(text, norm);
      },
      article: (mentions, text, norm) => recognizer.article!(mentions, text, norm),
    });
    const service = createLanguageService({ recognizer: counted(0) });
    const twin = createLanguageService({ recognizer: counted(1) });
    const fresh = createEntityRecognizer({ model: loadNerModel() });
    const t = createLocalizer('en');
    for (const [p, page] of PAGES.slice(0, 6).entries()) {
      let text = fs.readFileSync(path.join(DIR, page), 'utf8');
      const uri = `file:///${page}`;
      let version = 1;
      const doc = () => {
        const current = text;
        return { uri, version, getText: () => current };
      };
      // Nothing analysed yet: nothing to warm from.
      assert.equal(service.warmUp(doc(), 0.5), undefined);
      const diagnostics = service.diagnostics(doc());
      const tokens = service.semanticTokens(doc());
      twin.semanticTokens(doc());
      const article = service.analyse(doc());
      const r = new Rng(900 + p);
      for (let k = 0; k < 4; k++) assert.equal(drain(service.warmUp(doc(), k === 0 ? warmUpFraction(0, 4) : r.next())), 4);
      assert.equal(service.analyse(doc()), article, 'the same analysed article');
      const again = service.diagnostics(doc());
      assert.equal(again.length, diagnostics.length);
      again.forEach((d, i) => assert.equal(d, diagnostics[i], 'the same diagnostic objects, none of a shadow version'));
      assert.deepEqual(service.semanticTokens(doc()), tokens);
      for (let k = 0; k < 8; k++) {
        text = edit(text, r);
        version++;
        // A version the service has not analysed yet: no warm-up from it.
        assert.equal(service.warmUp(doc(), r.next()), undefined);
        const before = [...reads];
        twin.semanticTokens(doc());
        const full = analyseArticle(text, { recognizer: fresh });
        assert.deepEqual(service.diagnostics(doc()), getDiagnostics(full, DEFAULT_SETTINGS, t), `${page}, edit ${k}`);
        assert.deepEqual(service.semanticTokens(doc()), getSemanticTokens(full, DEFAULT_SETTINGS), `${page}, edit ${k}`);
        assert.equal(reads[0] - before[0], reads[1] - before[1], `${page}, edit ${k}: paragraphs read, warmed and not`);
        // Begun, then left half done when the user types on: harmless too.
        assert.ok(service.warmUp(doc(), r.next())?.next().done === false);
      }
      service.close(uri);
      twin.close(uri);
    }
  });
});
