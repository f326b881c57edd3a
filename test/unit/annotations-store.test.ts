import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  accept,
  acceptAll,
  applyChange,
  effectiveAnnotations,
  emptyAnnotations,
  mark,
  markEverywhere,
  parseBrat,
  reanchor,
  reject,
  serialiseBrat,
  textHash,
  type Annotation,
} from '../../server/src/service/annotations';
import { annPath, loadAnnotations, metaPath, saveAnnotations } from '../../server/src/node/annotationStore';

const TEXT = '𠀀習近平訪問台灣。\r\n台灣新聞網報道，7月3日習近平抵達。\r\n';
const at = (needle: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = TEXT.indexOf(needle, i + 1);
  return { start: i, end: i + needle.length };
};
const who = { by: 'alice', at: '2026-12-05T06:00:00Z' };
const keys = (xs: readonly Annotation[]) => xs.map((x) => `${x.start}:${x.end}:${x.label}:${x.text}:${x.status}`);

describe('annotation store (brat .ann)', () => {
  it('writes code point offsets: the astral character before a name counts one', () => {
    const a = mark(emptyAnnotations(), TEXT, at('習近平'), 'PER', who);
    const ann = serialiseBrat(TEXT, a.annotations);
    assert.equal(ann, 'T1\tPER 1 4\t習近平\n#1\tAnnotatorNotes T1\tstatus=corrected by=alice at=2026-12-05T06%3A00%3A00Z\n');
    assert.equal([...TEXT].slice(1, 4).join(''), '習近平');
  });

  it('reads back what it wrote, status, reviewer and date value included', () => {
    let a = mark(emptyAnnotations(), TEXT, at('習近平', 1), 'PER', who);
    a = mark(a, TEXT, at('7月3日'), 'DATE', who, '2025-07-03');
    a = accept(a, [{ ...at('台灣新聞網'), label: 'MEDIA', text: '台灣新聞網', status: 'predicted' }], who);
    const back = parseBrat(TEXT, serialiseBrat(TEXT, a.annotations));
    assert.deepEqual(back.errors, []);
    assert.deepEqual(back.annotations, a.annotations);
    assert.equal(back.annotations.find((x) => x.label === 'DATE')?.value, '2025-07-03');
    assert.equal(back.annotations.find((x) => x.label === 'MEDIA')?.status, 'accepted');
  });

  it('reports lines it cannot read instead of guessing', () => {
    const r = parseBrat(TEXT, 'T1\tPER 1 4\t習近平\nT2\tWEAPON 5 7\t訪問\nT3\tPER 1 3\t台灣\nR1\tRel Arg1:T1 Arg2:T2\nT4\tLOC 90 99\tx\n');
    assert.equal(r.annotations.length, 1);
    assert.deepEqual(
      r.errors.map((e) => e.line),
      [2, 3, 4, 5],
    );
    assert.match(r.errors[1].message, /differs/);
  });

  it('saves atomically beside the article and loads the same set', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ann-'));
    try {
      const file = path.join(dir, 'a.txt');
      fs.writeFileSync(file, TEXT);
      let a = mark(emptyAnnotations(textHash(TEXT)), TEXT, at('習近平'), 'PER', who);
      a = reject(a, { ...at('台灣'), text: '台灣', label: 'LOC' });
      saveAnnotations(file, TEXT, a);
      assert.ok(fs.existsSync(annPath(file)) && fs.existsSync(metaPath(file)));
      assert.deepEqual(
        fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
        [],
        'no temporary file left',
      );
      const loaded = loadAnnotations(file, TEXT);
      assert.deepEqual(loaded.problems, []);
      assert.deepEqual(loaded.annotations.annotations, a.annotations);
      assert.deepEqual(loaded.annotations.rejected, a.rejected);
      assert.equal(loaded.annotations.state, 'in-progress');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('re-anchors by text when the article changed outside the editor, and keeps what it cannot place as orphans', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ann-'));
    try {
      const file = path.join(dir, 'a.txt');
      let a = mark(emptyAnnotations(), TEXT, at('習近平', 1), 'PER', who);
      a = mark(a, TEXT, at('台灣新聞網'), 'MEDIA', who);
      saveAnnotations(file, TEXT, a);
      const changed = '前言一行。\n' + TEXT.replace('台灣新聞網', '中央社');
      const loaded = loadAnnotations(file, changed);
      assert.deepEqual(
        keys(loaded.annotations.annotations).map((k) => k.split(':').slice(2, 4).join(':')),
        ['PER:習近平'],
      );
      const per = loaded.annotations.annotations[0];
      assert.equal(changed.slice(per.start, per.end), '習近平');
      assert.equal(per.start, changed.lastIndexOf('習近平'), 'the second 習近平, as stored, not the first');
      assert.equal(loaded.orphaned.length, 1);
      assert.equal(loaded.annotations.orphans[0].text, '台灣新聞網');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('annotations follow edits', () => {
  const base = mark(mark(emptyAnnotations(), TEXT, at('習近平'), 'PER', who), TEXT, at('台灣新聞網'), 'MEDIA', who);
  const edit = (text: string, change: { start: number; end: number; text: string }) => {
    const after = text.slice(0, change.start) + change.text + text.slice(change.end);
    return { after, ...applyChange(base, change, after) };
  };

  it('shifts annotations after an insertion and leaves those before alone', () => {
    const p = TEXT.indexOf('\r\n') + 2;
    const { after, next, removed } = edit(TEXT, { start: p, end: p, text: '插入一行\r\n' });
    assert.equal(removed.length, 0);
    for (const x of next.annotations) assert.equal(after.slice(x.start, x.end), x.text);
    assert.equal(next.annotations[0].start, base.annotations[0].start);
  });

  it('keeps a span whose characters were converted in place (same length) with its new text', () => {
    const s = at('台灣新聞網');
    const { next } = edit(TEXT, { start: s.start, end: s.start + 2, text: '台湾' });
    assert.equal(next.annotations[1].text, '台湾新聞網');
  });

  it('keeps spans through a script conversion whose one edit covers them and their neighbours', () => {
    const s = at('習近平');
    const t = at('台灣新聞網');
    // one edit from 習 to 網 across both names, as a line conversion with a common prefix and suffix makes
    const converted = TEXT.slice(s.start, t.end).replace(/習/g, '习').replace(/灣/g, '湾').replace(/聞/g, '闻').replace(/網/g, '网');
    const { next, removed } = edit(TEXT, { start: s.start, end: t.end, text: converted });
    assert.equal(removed.length, 0);
    assert.deepEqual(
      next.annotations.map((x) => x.text),
      ['习近平', '台湾新闻网'],
    );
  });

  it('drops a span whose line was deleted, and reports it', () => {
    const l = TEXT.indexOf('\r\n') + 2;
    const { next, removed } = edit(TEXT, { start: l, end: TEXT.length, text: '' });
    assert.deepEqual(
      removed.map((x) => x.text),
      ['台灣新聞網'],
    );
    assert.equal(next.annotations.length, 1);
  });

  it('does not grow a span when text is typed right after it', () => {
    const s = at('習近平');
    const { next } = edit(TEXT, { start: s.end, end: s.end, text: '主席' });
    assert.equal(next.annotations[0].end, s.end);
  });

  it('re-anchoring a text that did not change moves nothing', () => {
    const r = reanchor(base, TEXT, textHash(TEXT));
    assert.equal(r.moved, 0);
    assert.deepEqual(r.next.annotations, base.annotations);
  });
});

describe('review operations', () => {
  const predicted: Annotation[] = [
    { ...at('習近平'), label: 'PER', text: '習近平', status: 'predicted' },
    { ...at('台灣'), label: 'LOC', text: '台灣', status: 'predicted' },
    { ...at('台灣新聞網'), label: 'LOC', text: '台灣新聞', status: 'predicted' },
  ];

  it('a mark replaces the predictions and reviewed annotations it overlaps', () => {
    const a = mark(emptyAnnotations(), TEXT, at('台灣新聞網'), 'MEDIA', who);
    const eff = effectiveAnnotations(predicted, a);
    assert.deepEqual(
      eff.map((x) => `${x.text}:${x.label}:${x.status}`),
      ['習近平:PER:predicted', '台灣:LOC:predicted', '台灣新聞網:MEDIA:corrected'],
    );
  });

  it('a rejection removes the prediction on that span only', () => {
    const a = reject(emptyAnnotations(), predicted[1]);
    assert.deepEqual(
      effectiveAnnotations(predicted, a).map((x) => x.text),
      ['習近平', '台灣新聞'],
    );
  });

  it('accept all confirms every prediction left and marks the article reviewed', () => {
    const a = acceptAll(emptyAnnotations(), effectiveAnnotations(predicted, emptyAnnotations()), who);
    assert.equal(a.state, 'reviewed');
    assert.ok(a.annotations.every((x) => x.status === 'accepted' && x.by === 'alice'));
    assert.equal(a.annotations.length, 3);
  });

  it('marks every occurrence in the article', () => {
    const a = markEverywhere(emptyAnnotations(), TEXT, '習近平', 'PER', who);
    assert.deepEqual(
      a.annotations.map((x) => x.start),
      [at('習近平').start, at('習近平', 1).start],
    );
  });
});
