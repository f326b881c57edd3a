import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  agreement,
  annotationConf,
  exportBrat,
  exportConll,
  exportDoccano,
  exportJsonl,
  exportLabelStudio,
  importBrat,
  importConll,
  importDoccano,
  importJsonl,
  importLabelStudio,
  withoutLines,
  type AnnotatedDocument,
  type Annotation,
  type AnnotationLabel,
} from '../../server/src/service/annotations';

const GOLDEN = path.join(__dirname, '..', 'fixtures', 'annotations', 'golden');
const PAGES = [path.join(__dirname, '..', 'fixtures', 'articles'), path.join(__dirname, '..', 'fixtures', 'annotations', 'pages')];

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it (then read the diff before committing). */
function golden(name: string, actual: string) {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `golden file ${name}`);
}

function annotate(text: string, spans: [string, AnnotationLabel, number?, string?][]): Annotation[] {
  return spans.map(([needle, label, nth = 0, value]) => {
    let start = -1;
    for (let k = 0; k <= nth; k++) start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(needle);
    const a: Annotation = {
      start,
      end: start + needle.length,
      label,
      text: needle,
      status: 'accepted',
      by: 'alice',
      at: '2026-12-05T06:00:00Z',
    };
    if (value) a.value = value;
    return a;
  });
}

// An astral character (U+20000) before the names and CRLF line ends: the two classic causes of drifting offsets.
const TEXT = '𠀀新聞標題\r\n7月3日，習近平在北京會見普京。新華社報道。\r\n\r\n責任編輯：王小明\r\n';
const DOC: AnnotatedDocument = {
  name: 'sample',
  text: TEXT,
  reviewed: true,
  annotations: annotate(TEXT, [
    ['7月3日', 'DATE', 0, '2025-07-03'],
    ['習近平', 'PER'],
    ['北京', 'LOC'],
    ['普京', 'PER'],
    ['新華社', 'MEDIA'],
    ['王小明', 'PER'],
  ]),
};
const key = (xs: readonly Annotation[]) => xs.map((x) => `${x.start}:${x.end}:${x.label}:${x.text}`);

describe('export formats (golden files)', () => {
  it('brat: .txt unchanged, .ann with code point offsets, and an annotation.conf', () => {
    const { files } = exportBrat(DOC);
    assert.equal(files['sample.txt'], TEXT);
    golden('sample.ann', files['sample.ann']);
    golden('annotation.conf', annotationConf());
    // 習近平 starts at UTF-16 offset 13 but code point 12: the astral character counts once.
    assert.match(files['sample.ann'], /^T2\tPER 12 15\t習近平$/m);
  });

  it('CoNLL: one character per line, BIOES, sentence breaks, documents separated', () => {
    const out = exportConll([DOC, { ...DOC, name: 'second' }]);
    golden('sample.conll', out);
    assert.equal(out.split('\n').filter((l) => l.startsWith('-DOCSTART-')).length, 2);
    assert.match(out, /^習\tB-PER\n近\tI-PER\n平\tE-PER$/m);
    assert.match(out, /^𠀀\tO$/m, 'the astral character is one line');
    assert.match(out, /^。\tO\n\n新\tB-MEDIA$/m, 'a sentence ends at 。');
  });

  it('doccano JSONL: UTF-16 code unit offsets (the astral character counts two)', () => {
    const out = exportDoccano([DOC]);
    golden('sample.doccano.jsonl', out);
    const rec = JSON.parse(out);
    const [s, e] = rec.label[1];
    assert.equal(TEXT.slice(s, e), '習近平');
    assert.equal(s, 13);
  });

  it('Label Studio: a reviewed article as annotations, code point offsets, date value in meta', () => {
    const out = exportLabelStudio([DOC]);
    golden('sample.labelstudio.json', out);
    const [task] = JSON.parse(out);
    assert.ok(task.annotations && !task.predictions);
    assert.equal(task.annotations[0].result[1].value.start, 12);
    assert.deepEqual(task.annotations[0].result[0].meta, { text: ['2025-07-03'] });
    const [pred] = JSON.parse(exportLabelStudio([{ ...DOC, reviewed: false }]));
    assert.ok(pred.predictions && !pred.annotations);
  });

  it('jsonl: code point offsets with status, reviewer and value', () => {
    const out = exportJsonl([DOC]);
    golden('sample.jsonl', out);
    assert.equal(JSON.parse(out).entities[0].value, '2025-07-03');
  });

  it('leaves boilerplate lines out, and the offsets of what remains still match', () => {
    const doc = withoutLines(DOC, new Set([3]));
    assert.ok(!doc.text.includes('責任編輯'));
    assert.deepEqual(
      doc.annotations.map((a) => a.text),
      ['7月3日', '習近平', '北京', '普京', '新華社'],
    );
    for (const a of doc.annotations) assert.equal(doc.text.slice(a.start, a.end), a.text);
  });
});

describe('import', () => {
  it('doccano: refuses offsets that cut an astral character in two, with a message', () => {
    const r = importDoccano(
      JSON.stringify({
        text: TEXT,
        label: [
          [1, 5, 'PER'],
          [13, 16, 'PER'],
        ],
      }),
    );
    assert.deepEqual(key(r.docs[0].annotations), ['13:16:PER:習近平']);
    assert.match(r.errors[0], /BMP/);
  });

  it('CoNLL: reports a character that does not match the text', () => {
    const r = importConll(exportConll([DOC]), [{ name: 'sample', text: TEXT.replace('普京', '普丁') }]);
    assert.match(r.errors[0], /does not match/);
  });

  it('brat: reads the long type names other corpora use', () => {
    const r = importBrat('x', TEXT, 'T1\tPerson 12 15\t習近平\nT2\tLocation 16 18\t北京\n');
    assert.deepEqual(key(r.doc.annotations), ['13:16:PER:習近平', '17:19:LOC:北京']);
  });
});

interface Gold {
  entities: { line: number; text: string; type: AnnotationLabel }[];
  dates: { line: number; text: string; value: string }[];
}

/** A gold page with an astral character added to every line's start and CRLF line ends, and its gold as offsets. */
function goldDocument(dir: string, name: string): AnnotatedDocument {
  const raw = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8').split(/\r?\n/);
  const gold = JSON.parse(fs.readFileSync(path.join(dir, `${name}.gold.json`), 'utf8')) as Gold;
  const lines = raw.map((l) => (l.trim() ? `𠀀${l}` : l));
  const starts: number[] = [];
  let text = '';
  for (const l of lines) {
    starts.push(text.length);
    text += l + '\r\n';
  }
  const taken: Annotation[] = [];
  const seen = new Map<string, number>();
  const items = [
    ...gold.entities.map((e) => ({ ...e, label: e.type, value: undefined as string | undefined })),
    ...gold.dates.map((d) => ({ ...d, label: 'DATE' as const })),
  ];
  for (const g of items) {
    const line = lines[g.line - 1];
    const k = `${g.line}|${g.text}`;
    let from = seen.get(k) ?? 0;
    let i = line.indexOf(g.text, from);
    while (i >= 0) {
      const s = starts[g.line - 1] + i;
      if (!taken.some((t) => s < t.end && t.start < s + g.text.length)) break;
      i = line.indexOf(g.text, i + 1);
    }
    if (i < 0) continue;
    from = i + g.text.length;
    seen.set(k, from);
    const a: Annotation = {
      start: starts[g.line - 1] + i,
      end: starts[g.line - 1] + i + g.text.length,
      label: g.label,
      text: g.text,
      status: 'accepted',
    };
    if (g.value) a.value = g.value;
    taken.push(a);
  }
  return { name, text, annotations: taken.sort((a, b) => a.start - b.start), reviewed: true };
}

describe('round trips on every gold page (astral characters and CRLF added)', () => {
  const docs = PAGES.flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.gold.json'))
      .map((f) => goldDocument(dir, f.replace(/\.gold\.json$/, ''))),
  );

  it('has the 21 gold pages, each with annotations', () => {
    assert.equal(docs.length, 21);
    for (const d of docs) assert.ok(d.annotations.length > 5, d.name);
  });

  for (const format of ['brat', 'conll', 'jsonl', 'doccano', 'labelstudio'] as const) {
    it(`${format}: export then import gives the same set`, () => {
      for (const d of docs) {
        let back: AnnotatedDocument;
        if (format === 'brat') back = importBrat(d.name, d.text, exportBrat(d).files[`${d.name}.ann`]).doc;
        else if (format === 'conll') back = importConll(exportConll([d]), [d]).docs[0];
        else if (format === 'jsonl') back = importJsonl(exportJsonl([d])).docs[0];
        else if (format === 'doccano') back = importDoccano(exportDoccano([d])).docs[0];
        else back = importLabelStudio(exportLabelStudio([d])).docs[0];
        assert.equal(back.text, d.text, d.name);
        assert.deepEqual(key(back.annotations), key(d.annotations), `${format} ${d.name}`);
        if (format === 'jsonl' || format === 'brat' || format === 'labelstudio') {
          assert.deepEqual(
            back.annotations.map((a) => a.value ?? ''),
            d.annotations.map((a) => a.value ?? ''),
            `${format} keeps date values`,
          );
        }
      }
    });
  }
});

describe('agreement', () => {
  it('per-label P/R/F1 and kappa on characters', () => {
    const a = DOC.annotations;
    // B misses 普京, calls 新華社 an ORG, and adds 標題 as LOC.
    const b = [
      ...a.filter((x) => x.text !== '普京' && x.text !== '新華社'),
      { ...a.find((x) => x.text === '新華社')!, label: 'ORG' as const },
      ...annotate(TEXT, [['標題', 'LOC']]),
    ];
    const r = agreement([{ text: TEXT, a, b }]);
    assert.deepEqual([r.perLabel.PER.a, r.perLabel.PER.b, r.perLabel.PER.both], [3, 2, 2]);
    assert.equal(r.perLabel.PER.p, 1);
    assert.equal(r.perLabel.MEDIA.r, 0);
    assert.equal(r.perLabel.LOC.p, 0.5);
    assert.equal(r.overall.both, 4);
    assert.ok(r.kappa > 0.5 && r.kappa < 1, String(r.kappa));
    const same = agreement([{ text: TEXT, a, b: a }]);
    assert.equal(same.kappa, 1);
    assert.equal(same.overall.f1, 1);
  });
});
