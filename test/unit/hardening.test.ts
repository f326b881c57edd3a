/** Offsets and invisible characters (issue 15, items 4 and 8), on the pure service. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { createLanguageService } from '../../server/src/service/index';
import { codePointOffsets, LineIndex } from '../../server/src/service/text';
import { removalEdits, removeBlocks } from '../../server/src/service/edits';
import { applyChecked } from '../../scripts/fuzz/common';
import { loadNerModel } from '../../server/src/node/model';

const SEED = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8');
const service = createLanguageService({ recognizer: createEntityRecognizer({ model: loadNerModel() }) });
let version = 0;
const doc = (text: string) => ({ uri: 'untitled:x', version: ++version, getText: () => text });
const isLoneSurrogateAt = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return (
    (c >= 0xdc00 && c <= 0xdfff && !(s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) ||
    (c >= 0xd800 && c <= 0xdbff && !(s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff))
  );
};

describe('offsets past the BMP', () => {
  it('ends an entity on a code point boundary, not inside a surrogate pair', () => {
    const text = '记者陳誼😀表示。\n记者陳誼😀😀表示，王小明𠀋说。\n';
    const article = service.analyse(doc(text));
    assert.ok(article.entities.length > 0);
    for (const span of [...article.entities, ...article.dates]) {
      assert.equal(text.slice(span.start, span.end), span.text);
      assert.ok(!isLoneSurrogateAt(span.text, 0) && !isLoneSurrogateAt(span.text, span.text.length - 1), JSON.stringify(span.text));
    }
    const out = service.exportAnnotations(doc(text), 'x');
    const chars = [...text];
    for (const e of out.entities) assert.equal(chars.slice(e.start, e.end).join(''), e.text);
  });

  it('counts a lone surrogate as one code point, so the offsets after it stay right', () => {
    const text = 'a\ud83db\udc00c😀d';
    const cp = codePointOffsets(text);
    const chars = [...text];
    assert.equal(chars.length, 7);
    // Every UTF-16 offset at a code point boundary maps to the index of that code point.
    let at = 0;
    chars.forEach((ch, i) => {
      assert.equal(cp(at), i, `offset ${at}`);
      at += ch.length;
    });
    assert.equal(cp(text.length), chars.length);
  });

  it('exports offsets that slice to the text with lone surrogates, CRLF and lone CR', () => {
    const text = '特朗普\ud83d與普京通電話\r\n\r\n美國總統特朗普\udc00與俄羅斯總統普京\r通電話。😀記者王小明報導。\n';
    const out = service.exportAnnotations(doc(text), 'x');
    const chars = [...text];
    assert.ok(out.entities.length >= 3);
    for (const e of [...out.entities, ...out.dates]) assert.equal(chars.slice(e.start, e.end).join(''), e.text);
  });
});

describe('invisible characters at line ends', () => {
  it('detect the same boilerplate with an RLM or ZWSP at each line end, and keep them in the text', () => {
    const plain = service.analyse(doc(SEED)).blocks.map((b) => `${b.kind}:${b.startLine}-${b.endLine}`);
    assert.ok(plain.some((b) => b.startsWith('site-title')) && plain.some((b) => b.startsWith('image-caption')), plain.join());
    for (const mark of ['\u200f', '\u200b', '\u200e\u200b', '\ufeff']) {
      const marked = SEED.split('\n')
        .map((l) => (l ? l + mark : l))
        .join('\n');
      const article = service.analyse(doc(marked));
      assert.equal(article.text, marked);
      assert.deepEqual(
        article.blocks.map((b) => `${b.kind}:${b.startLine}-${b.endLine}`),
        plain,
        JSON.stringify(mark),
      );
    }
  });
});

describe('removal edits found by the fuzzer', () => {
  it('never overlap when a block is followed by blank lines and a block that runs to the end', () => {
    for (const text of ['A\n\nB\n\n\nC\nD', 'A\n\nB\n\n\nC\nD\n', 'A\r\n\r\nB\r\n\r\n\r\nC\r\nD\r\n']) {
      const blocks = [
        { startLine: 2, endLine: 2, kind: 'copyright' as const, confident: true },
        { startLine: 5, endLine: 6, kind: 'related' as const, confident: true },
      ];
      const edits = removalEdits(new LineIndex(text), blocks);
      const applied = applyChecked(text, edits);
      assert.ok(!('problem' in applied), JSON.stringify(edits));
      assert.equal(removeBlocks(text, blocks).replace(/\r?\n$/, ''), 'A');
    }
  });
});
