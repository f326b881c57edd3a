/**
 * Export and import of annotated articles for other tools. Pure: text in, text out.
 *
 * Offsets, per tool (the most common complaint about these tools is offsets that drift after characters
 * outside the BMP such as 𠀀, and after CRLF):
 * - brat: code points (Python string indices), CRLF counted as two characters, as in the file.
 * - doccano: UTF-16 code units (its labelling front end measures JavaScript strings), so 𠀀 counts 2.
 * - Label Studio: code points (its front end converts since label-studio-frontend#308).
 * - jsonl (this project's): code points, like the CLI's `annotate`.
 * - CoNLL: no offsets; one code point per line, aligned back to the text on import.
 */
import { LineIndex } from '../text';
import { annotationConf, parseBrat, serialiseBrat, labelFromName } from './brat';
import { byStart, offsetMaps, type Annotation, type AnnotationLabel } from './model';

export const EXPORT_FORMATS = ['brat', 'conll', 'jsonl', 'doccano', 'labelstudio'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface AnnotatedDocument {
  /** The article's name without extension (`NAME` of `NAME.txt`). */
  name: string;
  text: string;
  /** Sorted, non-overlapping. */
  annotations: Annotation[];
  /** Whether a person reviewed the whole article (Label Studio: annotations rather than predictions). */
  reviewed?: boolean;
}

/** The document without the given lines (0-based; boilerplate), annotations on them dropped and the rest shifted. */
export function withoutLines(doc: AnnotatedDocument, exclude: ReadonlySet<number>): AnnotatedDocument {
  if (!exclude.size) return doc;
  const lines = new LineIndex(doc.text);
  const keep: [number, number][] = [];
  for (let l = 0; l < lines.lineCount; l++) {
    if (exclude.has(l)) continue;
    const from = lines.starts[l];
    const to = l + 1 < lines.lineCount ? lines.starts[l + 1] : doc.text.length;
    const last = keep[keep.length - 1];
    if (last && last[1] === from) last[1] = to;
    else keep.push([from, to]);
  }
  const map = (o: number, isEnd: boolean): number | undefined => {
    let removed = 0;
    for (const [from, to] of keep) {
      if (o >= from && (o < to || (isEnd && o === to))) return o - from + removed;
      removed += to - from;
    }
    return undefined;
  };
  let text = '';
  for (const [from, to] of keep) text += doc.text.slice(from, to);
  const annotations: Annotation[] = [];
  for (const a of doc.annotations) {
    const s = map(a.start, false);
    const e = map(a.end, true);
    if (s !== undefined && e !== undefined && e - s === a.end - a.start) annotations.push({ ...a, start: s, end: e });
  }
  return { ...doc, text, annotations };
}

// ---- brat ----

export function exportBrat(doc: AnnotatedDocument): { files: Record<string, string> } {
  return { files: { [`${doc.name}.txt`]: doc.text, [`${doc.name}.ann`]: serialiseBrat(doc.text, doc.annotations) } };
}
export { annotationConf };

export function importBrat(name: string, text: string, ann: string) {
  const r = parseBrat(text, ann);
  return { doc: { name, text, annotations: r.annotations }, errors: r.errors.map((e) => `${name}.ann:${e.line}: ${e.message}`) };
}

// ---- CoNLL, character level, BIOES ----

/** Sentence-final punctuation: a sentence break follows (as does every line end). */
const SENTENCE_END = /^[。！？!?；;…]$/u;
const TAG_LABEL: Record<AnnotationLabel, string> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', MEDIA: 'MEDIA', DATE: 'DATE' };

/**
 * One code point per line, `CHAR<TAB>TAG` with BIOES tags, a blank line between sentences, and
 * `-DOCSTART-<TAB>O` then a blank line before each document. Whitespace is not written (a trainer cannot
 * read a space as a token); a sentence ends at 。！？；… and at each line end.
 */
export function exportConll(docs: readonly AnnotatedDocument[]): string {
  const out: string[] = [];
  for (const doc of docs) {
    out.push('-DOCSTART-\tO', '');
    const tags = tagArray(doc);
    let inSentence = false;
    let i = 0;
    for (const ch of doc.text) {
      const at = i;
      i += ch.length;
      if (ch === '\n' || ch === '\r') {
        if (inSentence) out.push('');
        inSentence = false;
        continue;
      }
      if (/\s/u.test(ch)) continue;
      out.push(`${ch}\t${tags[at]}`);
      inSentence = true;
      if (SENTENCE_END.test(ch) && tags[at] === 'O') {
        out.push('');
        inSentence = false;
      }
    }
    if (inSentence) out.push('');
  }
  return out.join('\n');
}

/** BIOES tag at each UTF-16 offset where a code point starts; whitespace inside a span does not count as a character. */
function tagArray(doc: AnnotatedDocument): string[] {
  const tags: string[] = new Array(doc.text.length).fill('O');
  for (const a of doc.annotations) {
    const starts: number[] = [];
    for (let i = a.start; i < a.end;) {
      const cp = doc.text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (!/\s/u.test(ch)) starts.push(i);
      i += ch.length;
    }
    const t = TAG_LABEL[a.label];
    starts.forEach((s, k) => {
      tags[s] = starts.length === 1 ? `S-${t}` : k === 0 ? `B-${t}` : k === starts.length - 1 ? `E-${t}` : `I-${t}`;
    });
  }
  return tags;
}

/**
 * Reads CoNLL back onto the texts it came from (in document order): the characters are aligned with the
 * text's non-space code points. BIO and BIOES are both read. A character that does not match is an error.
 */
export function importConll(
  conll: string,
  docs: readonly { name: string; text: string }[],
): { docs: AnnotatedDocument[]; errors: string[] } {
  const errors: string[] = [];
  const blocks: [string, string][][] = [];
  let cur: [string, string][] | undefined;
  for (const line of conll.split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) {
      cur = [];
      blocks.push(cur);
      continue;
    }
    if (!line.trim()) continue;
    if (!cur) blocks.push((cur = []));
    const tab = line.lastIndexOf('\t') >= 0 ? line.lastIndexOf('\t') : line.lastIndexOf(' ');
    cur.push([line.slice(0, tab), line.slice(tab + 1).trim()]);
  }
  if (blocks.length !== docs.length) errors.push(`CoNLL has ${blocks.length} document(s), ${docs.length} text(s) given`);
  const out: AnnotatedDocument[] = [];
  docs.forEach((d, n) => {
    const rows = blocks[n] ?? [];
    const annotations: Annotation[] = [];
    let k = 0;
    let open: { start: number; end: number; label: AnnotationLabel } | undefined;
    const close = () => {
      if (open) annotations.push({ ...open, text: d.text.slice(open.start, open.end), status: 'corrected' });
      open = undefined;
    };
    let i = 0;
    for (const ch of d.text) {
      const at = i;
      i += ch.length;
      if (/\s/u.test(ch)) continue;
      const row = rows[k++];
      if (!row) {
        errors.push(`${d.name}: CoNLL ends before the text (at character "${ch}")`);
        break;
      }
      if (row[0] !== ch) {
        errors.push(`${d.name}: CoNLL character "${row[0]}" does not match the text's "${ch}" at offset ${at}`);
        break;
      }
      const m = /^([BIESU])-(.+)$/.exec(row[1]);
      const label = m ? labelFromName(m[2]) : undefined;
      if (!m || !label) {
        close();
        continue;
      }
      const begins = m[1] === 'B' || m[1] === 'S' || m[1] === 'U' || !open || open.label !== label;
      if (begins) {
        close();
        open = { start: at, end: i, label };
      } else open!.end = i;
      if (m[1] === 'E' || m[1] === 'S' || m[1] === 'U') close();
    }
    close();
    if (k < rows.length && !errors.some((e) => e.startsWith(`${d.name}:`)))
      errors.push(`${d.name}: CoNLL has ${rows.length - k} character(s) more than the text`);
    out.push({ name: d.name, text: d.text, annotations: annotations.sort(byStart) });
  });
  return { docs: out, errors };
}

// ---- jsonl (this project's), doccano, Label Studio ----

interface JsonlRecord {
  name: string;
  text: string;
  reviewed?: boolean;
  entities: {
    start: number;
    end: number;
    type: AnnotationLabel;
    text: string;
    status: Annotation['status'];
    value?: string;
    by?: string;
    at?: string;
  }[];
}

/** One JSON object per line per article: code-point offsets, status, reviewer and date values kept. */
export function exportJsonl(docs: readonly AnnotatedDocument[]): string {
  return docs
    .map((d) => {
      const { toCodePoint } = offsetMaps(d.text);
      const rec: JsonlRecord = {
        name: d.name,
        text: d.text,
        reviewed: !!d.reviewed,
        entities: d.annotations.map((a) => ({
          start: toCodePoint(a.start),
          end: toCodePoint(a.end),
          type: a.label,
          text: a.text,
          status: a.status,
          ...(a.value ? { value: a.value } : {}),
          ...(a.by ? { by: a.by } : {}),
          ...(a.at ? { at: a.at } : {}),
        })),
      };
      return JSON.stringify(rec) + '\n';
    })
    .join('');
}

function jsonLines(s: string, errors: string[]): unknown[] {
  const out: unknown[] = [];
  s.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      errors.push(`line ${i + 1}: ${(e as Error).message}`);
    }
  });
  return out;
}

/** Checks a span read from a file against the text; returns the annotation or records why not. */
function spanOf(
  text: string,
  start: unknown,
  end: unknown,
  label: unknown,
  errors: string[],
  where: string,
  convert: (n: number) => number,
  limit: number,
) {
  const l = typeof label === 'string' ? labelFromName(label) : undefined;
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    (start as number) < 0 ||
    (end as number) > limit ||
    (start as number) >= (end as number)
  ) {
    errors.push(`${where}: bad offsets ${String(start)}-${String(end)}`);
    return undefined;
  }
  if (!l) {
    errors.push(`${where}: unknown label ${String(label)}`);
    return undefined;
  }
  const s = convert(start as number);
  const e = convert(end as number);
  return { start: s, end: e, label: l, text: text.slice(s, e) };
}

export function importJsonl(s: string): { docs: AnnotatedDocument[]; errors: string[] } {
  const errors: string[] = [];
  const docs: AnnotatedDocument[] = [];
  jsonLines(s, errors).forEach((raw, n) => {
    const r = raw as Partial<JsonlRecord>;
    if (typeof r?.text !== 'string') return errors.push(`record ${n + 1}: no text`);
    const { toUtf16, codePoints } = offsetMaps(r.text);
    const name = typeof r.name === 'string' && r.name ? r.name : `doc${n + 1}`;
    const annotations: Annotation[] = [];
    for (const e of Array.isArray(r.entities) ? r.entities : []) {
      const sp = spanOf(r.text, e.start, e.end, e.type, errors, name, toUtf16, codePoints);
      if (!sp) continue;
      const a: Annotation = { ...sp, status: e.status === 'predicted' || e.status === 'accepted' ? e.status : 'corrected' };
      if (typeof e.value === 'string') a.value = e.value;
      if (typeof e.by === 'string') a.by = e.by;
      if (typeof e.at === 'string') a.at = e.at;
      annotations.push(a);
    }
    docs.push({ name, text: r.text, annotations: annotations.sort(byStart), reviewed: !!r.reviewed });
  });
  return { docs, errors };
}

/** doccano sequence labelling JSONL: `{"text", "label": [[start, end, "PER"], ...]}`, offsets in UTF-16 code units. */
export function exportDoccano(docs: readonly AnnotatedDocument[]): string {
  return docs
    .map((d) => JSON.stringify({ text: d.text, label: d.annotations.map((a) => [a.start, a.end, a.label]), name: d.name }) + '\n')
    .join('');
}

export function importDoccano(s: string): { docs: AnnotatedDocument[]; errors: string[] } {
  const errors: string[] = [];
  const docs: AnnotatedDocument[] = [];
  jsonLines(s, errors).forEach((raw, n) => {
    const r = raw as { text?: unknown; label?: unknown; entities?: unknown; name?: unknown; meta?: { name?: unknown } };
    if (typeof r?.text !== 'string') return errors.push(`record ${n + 1}: no text`);
    const text = r.text;
    const name = typeof r.name === 'string' ? r.name : typeof r.meta?.name === 'string' ? r.meta.name : `doc${n + 1}`;
    const annotations: Annotation[] = [];
    // doccano writes `label` as triples; its newer exports `entities` as objects.
    const items = Array.isArray(r.label) ? r.label : Array.isArray(r.entities) ? r.entities : [];
    for (const it of items as unknown[]) {
      const [start, end, label] = Array.isArray(it)
        ? it
        : [(it as { start_offset?: unknown }).start_offset, (it as { end_offset?: unknown }).end_offset, (it as { label?: unknown }).label];
      const sp = spanOf(text, start, end, label, errors, name, (x) => x, text.length);
      if (!sp) continue;
      const code = (o: number) => text.charCodeAt(o);
      if ((code(sp.start) & 0xfc00) === 0xdc00 || (code(sp.end) & 0xfc00) === 0xdc00) {
        errors.push(`${name}: offsets ${sp.start}-${sp.end} cut a character outside the BMP in two (doccano counts UTF-16 code units)`);
        continue;
      }
      annotations.push({ ...sp, status: 'corrected' });
    }
    docs.push({ name, text, annotations: annotations.sort(byStart) });
  });
  return { docs, errors };
}

type LsResult = {
  id: string;
  from_name: string;
  to_name: string;
  type: 'labels';
  value: { start: number; end: number; text: string; labels: string[] };
  meta?: { text: string[] };
};

/**
 * Label Studio tasks (a JSON array, for the "Named Entity Recognition" template: `<Labels name="label" toName="text">`).
 * A reviewed article's annotations go in `annotations` (ground truth); the rest in `predictions` (pre-annotations).
 */
export function exportLabelStudio(docs: readonly AnnotatedDocument[], mode: 'auto' | 'annotations' | 'predictions' = 'auto'): string {
  const tasks = docs.map((d) => {
    const { toCodePoint } = offsetMaps(d.text);
    const result: LsResult[] = d.annotations.map((a, i) => ({
      id: `${d.name}-${i + 1}`,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      value: { start: toCodePoint(a.start), end: toCodePoint(a.end), text: a.text, labels: [a.label] },
      ...(a.value ? { meta: { text: [a.value] } } : {}),
    }));
    const asAnnotations = mode === 'annotations' || (mode === 'auto' && !!d.reviewed);
    return asAnnotations
      ? { data: { text: d.text, name: d.name }, annotations: [{ result }] }
      : { data: { text: d.text, name: d.name }, predictions: [{ model_version: 'news-annotator', result }] };
  });
  return JSON.stringify(tasks, null, 1) + '\n';
}

export function importLabelStudio(s: string): { docs: AnnotatedDocument[]; errors: string[] } {
  const errors: string[] = [];
  let tasks: unknown;
  try {
    tasks = JSON.parse(s);
  } catch (e) {
    return { docs: [], errors: [(e as Error).message] };
  }
  const docs: AnnotatedDocument[] = [];
  (Array.isArray(tasks) ? tasks : [tasks]).forEach((raw, n) => {
    const t = raw as {
      data?: { text?: unknown; name?: unknown };
      annotations?: { result?: LsResult[] }[];
      predictions?: { result?: LsResult[] }[];
    };
    const text = t?.data?.text;
    if (typeof text !== 'string') return errors.push(`task ${n + 1}: no data.text`);
    const name = typeof t.data?.name === 'string' ? t.data.name : `task${n + 1}`;
    const fromAnnotations = !!t.annotations?.length;
    const result = (fromAnnotations ? t.annotations![0].result : t.predictions?.[0]?.result) ?? [];
    const { toUtf16, codePoints } = offsetMaps(text);
    const annotations: Annotation[] = [];
    for (const r of result) {
      if (r?.type !== 'labels' || !r.value) continue;
      const sp = spanOf(text, r.value.start, r.value.end, r.value.labels?.[0], errors, name, toUtf16, codePoints);
      if (!sp) continue;
      const a: Annotation = { ...sp, status: fromAnnotations ? 'corrected' : 'predicted' };
      if (r.meta?.text?.[0]) a.value = r.meta.text[0];
      annotations.push(a);
    }
    docs.push({ name, text, annotations: annotations.sort(byStart), reviewed: fromAnnotations });
  });
  return { docs, errors };
}
