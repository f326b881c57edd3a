/**
 * brat standoff: the store beside each article (`NAME.ann`) and the brat export.
 *
 *     T1<TAB>PER 0 3<TAB>習近平
 *     #1<TAB>AnnotatorNotes T1<TAB>status=accepted by=alice at=2026-12-05T06:01:00Z
 *     T2<TAB>Date 10 14<TAB>7月3日
 *     #2<TAB>AnnotatorNotes T2<TAB>status=corrected value=2025-07-03
 *
 * Offsets are code points (what brat counts, being Python). Status, reviewer, time and a date's value ride
 * in AnnotatorNotes, which brat shows as the annotation's note and every brat reader accepts.
 * What has no annotation to hang on (the article's hash, the review state, rejected predictions) lives in
 * the small JSON sidecar `NAME.ann.json` (see `serialiseMeta`).
 */
import {
  byStart,
  isLabel,
  offsetMaps,
  type Annotation,
  type AnnotationLabel,
  type ArticleAnnotations,
  type Rejection,
  type ReviewState,
} from './model';

/** brat type names: brat's own convention is capitalised words; entity types keep their codes. */
const BRAT_TYPE: Record<AnnotationLabel, string> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', MEDIA: 'MEDIA', DATE: 'Date' };
const FROM_BRAT = new Map<string, AnnotationLabel>(Object.entries(BRAT_TYPE).map(([k, v]) => [v.toLowerCase(), k as AnnotationLabel]));
// Readers of other corpora: the usual long names.
for (const [k, v] of Object.entries({
  person: 'PER',
  organization: 'ORG',
  organisation: 'ORG',
  location: 'LOC',
  gpe: 'LOC',
  time: 'DATE',
  timex: 'DATE',
  timex3: 'DATE',
})) {
  FROM_BRAT.set(k, v as AnnotationLabel);
}

export const labelFromName = (name: string): AnnotationLabel | undefined =>
  FROM_BRAT.get(name.toLowerCase()) ?? (isLabel(name.toUpperCase()) ? (name.toUpperCase() as AnnotationLabel) : undefined);

const oneLine = (s: string) => s.replace(/[\t\r\n]/g, ' ');
const noteValue = (s: string) => encodeURIComponent(s);

/** The `.ann` text for these annotations of `text`. `withNotes: false` writes plain entities (the export for other tools' readers that know only T lines). */
export function serialiseBrat(text: string, annotations: readonly Annotation[], withNotes = true): string {
  const { toCodePoint } = offsetMaps(text);
  const out: string[] = [];
  let n = 0;
  for (const a of [...annotations].sort(byStart)) {
    n++;
    out.push(`T${n}\t${BRAT_TYPE[a.label]} ${toCodePoint(a.start)} ${toCodePoint(a.end)}\t${oneLine(text.slice(a.start, a.end))}`);
    if (!withNotes) continue;
    const note = [`status=${a.status}`];
    if (a.by) note.push(`by=${noteValue(a.by)}`);
    if (a.at) note.push(`at=${noteValue(a.at)}`);
    if (a.value) note.push(`value=${noteValue(a.value)}`);
    out.push(`#${n}\tAnnotatorNotes T${n}\t${note.join(' ')}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}

export interface BratParse {
  annotations: Annotation[];
  /** Lines that could not be read, with their 1-based line number: reported, never guessed at. */
  errors: { line: number; message: string }[];
}

/**
 * Reads a `.ann` against its text. T lines of unknown types, relations, events and attributes are reported
 * as skipped; a discontinuous span (`0 2;3 5`) becomes its covering span. Annotations without a note were
 * written by another tool (or a person in brat): they count as corrected.
 */
export function parseBrat(text: string, ann: string): BratParse {
  const { toUtf16, codePoints } = offsetMaps(text);
  const byId = new Map<string, Annotation>();
  const errors: BratParse['errors'] = [];
  const notes: [string, string, number][] = [];
  ann.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const fields = line.split('\t');
    const id = fields[0];
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1] ?? '');
      if (!m) return errors.push({ line: i + 1, message: `not a text-bound annotation: ${line}` });
      const label = labelFromName(m[1]);
      if (!label) return errors.push({ line: i + 1, message: `unknown type ${m[1]}` });
      const nums = m[2].split(/[ ;]/).map(Number);
      const cpStart = Math.min(...nums);
      const cpEnd = Math.max(...nums);
      if (cpEnd > codePoints || cpStart >= cpEnd)
        return errors.push({ line: i + 1, message: `offsets ${cpStart}-${cpEnd} outside the text (${codePoints} characters)` });
      const start = toUtf16(cpStart);
      const end = toUtf16(cpEnd);
      const spanText = text.slice(start, end);
      if (fields[2] !== undefined && oneLine(spanText) !== fields[2]) {
        return errors.push({ line: i + 1, message: `text "${fields[2]}" differs from the article's "${spanText}" at ${cpStart}-${cpEnd}` });
      }
      byId.set(id, { start, end, label, text: spanText, status: 'corrected' });
    } else if (id.startsWith('#')) {
      const m = /^AnnotatorNotes (\S+)$/.exec(fields[1] ?? '');
      if (m) notes.push([m[1], fields.slice(2).join('\t'), i + 1]);
    } else errors.push({ line: i + 1, message: `skipped (only entities are read): ${line.slice(0, 40)}` });
  });
  for (const [target, note, line] of notes) {
    const a = byId.get(target);
    if (!a) {
      errors.push({ line, message: `note on unknown annotation ${target}` });
      continue;
    }
    for (const kv of note.split(' ')) {
      const eq = kv.indexOf('=');
      if (eq < 0) continue;
      const key = kv.slice(0, eq);
      const value = decodeURIComponent(kv.slice(eq + 1));
      if (key === 'status' && (value === 'accepted' || value === 'corrected' || value === 'predicted')) a.status = value;
      else if (key === 'by') a.by = value;
      else if (key === 'at') a.at = value;
      else if (key === 'value') a.value = value;
    }
  }
  return { annotations: [...byId.values()].sort(byStart), errors };
}

/** The sidecar `NAME.ann.json`: article-level facts that brat has no line for. Offsets of `rejected` are code points. */
export interface StoredMeta {
  format: 1;
  textHash: string;
  state: ReviewState;
  rejected: { start: number; end: number; text: string; label: AnnotationLabel }[];
  orphans: {
    start: number;
    end: number;
    text: string;
    label: AnnotationLabel;
    status: Annotation['status'];
    value?: string;
    by?: string;
    at?: string;
  }[];
}

export function serialiseMeta(text: string, a: ArticleAnnotations): string {
  const { toCodePoint } = offsetMaps(text);
  const cp = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: toCodePoint(x.start), end: toCodePoint(x.end) });
  const meta: StoredMeta = {
    format: 1,
    textHash: a.textHash,
    state: a.state,
    rejected: [...a.rejected].sort(byStart).map(cp),
    // Orphans have no place in this text: their offsets are the old ones, as they were.
    orphans: a.orphans,
  };
  // One rejection per line: diff-friendly.
  const lines = (xs: unknown[]) => (xs.length ? `[\n    ${xs.map((x) => JSON.stringify(x)).join(',\n    ')}\n  ]` : '[]');
  return `{\n  "format": 1,\n  "textHash": ${JSON.stringify(meta.textHash)},\n  "state": ${JSON.stringify(meta.state)},\n  "rejected": ${lines(meta.rejected)},\n  "orphans": ${lines(meta.orphans)}\n}\n`;
}

export function parseMeta(text: string, json: string): { meta?: Omit<ArticleAnnotations, 'annotations'>; error?: string } {
  let raw: Partial<StoredMeta>;
  try {
    raw = JSON.parse(json) as Partial<StoredMeta>;
  } catch (e) {
    return { error: (e as Error).message };
  }
  if (!raw || typeof raw !== 'object' || raw.format !== 1) return { error: 'not a News Annotator sidecar (format 1)' };
  const { toUtf16 } = offsetMaps(text);
  const state: ReviewState = raw.state === 'reviewed' || raw.state === 'in-progress' ? raw.state : 'not-started';
  const rejected: Rejection[] = (Array.isArray(raw.rejected) ? raw.rejected : [])
    .filter((r) => r && Number.isInteger(r.start) && Number.isInteger(r.end) && typeof r.text === 'string' && isLabel(r.label))
    .map((r) => ({ start: toUtf16(r.start), end: toUtf16(r.end), text: r.text, label: r.label }));
  const orphans = (Array.isArray(raw.orphans) ? raw.orphans : []).filter(
    (r) => r && typeof r.text === 'string' && isLabel(r.label),
  ) as Annotation[];
  return { meta: { textHash: typeof raw.textHash === 'string' ? raw.textHash : '', state, rejected, orphans } };
}

/** The `annotation.conf` brat needs to show and edit the exported types. */
export function annotationConf(): string {
  return [
    '# News Annotator entity and date types',
    '[entities]',
    ...Object.values(BRAT_TYPE),
    '',
    '[relations]',
    '',
    '[events]',
    '',
    '[attributes]',
    '',
  ].join('\n');
}
