/**
 * The stand-off store on disk: `NAME.ann` (brat) and `NAME.ann.json` (hash, state, rejections) beside
 * `NAME.txt`. Both written atomically (a temporary file renamed over the old one), the sidecar first:
 * a crash between the two leaves an old hash, which only makes the next read re-anchor by text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  emptyAnnotations,
  parseBrat,
  parseMeta,
  reanchor,
  serialiseBrat,
  serialiseMeta,
  textHash,
  type Annotation,
  type ArticleAnnotations,
} from '../service/annotations';

export const annPath = (articleFile: string) => articleFile.replace(/\.(txt|news)$/i, '') + '.ann';
export const metaPath = (articleFile: string) => annPath(articleFile) + '.json';

export function writeAtomic(file: string, content: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  fs.writeFileSync(tmp, content, 'utf8');
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export interface LoadResult {
  annotations: ArticleAnnotations;
  /** Problems to tell the user about: unreadable lines, annotations that moved or could not be placed. */
  problems: string[];
  moved: number;
  orphaned: Annotation[];
  /** Whether anything exists on disk for this article. */
  exists: boolean;
}

const readIf = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * Reads an article's annotations against `text` (the article as it is now). When the stored hash is not
 * the text's, every annotation is re-anchored by its text; what cannot be found is kept as an orphan.
 */
export function loadAnnotations(articleFile: string, text: string): LoadResult {
  const hash = textHash(text);
  const ann = readIf(annPath(articleFile));
  const metaText = readIf(metaPath(articleFile));
  if (ann === undefined && metaText === undefined)
    return { annotations: emptyAnnotations(hash), problems: [], moved: 0, orphaned: [], exists: false };
  const problems: string[] = [];
  const meta = metaText !== undefined ? parseMeta(text, metaText) : { meta: undefined };
  if (meta.error) problems.push(`${path.basename(metaPath(articleFile))}: ${meta.error}`);
  const stored = meta.meta ?? { ...emptyAnnotations(''), state: 'in-progress' as const };
  // Against a changed text brat offsets may not match: read them leniently (text as stored) and re-anchor.
  const parsed = parseBrat(text, ann ?? '');
  const current: ArticleAnnotations = { ...stored, annotations: parsed.annotations };
  if (stored.textHash === hash) {
    for (const e of parsed.errors) problems.push(`${path.basename(annPath(articleFile))}:${e.line}: ${e.message}`);
    return { annotations: current, problems, moved: 0, orphaned: [], exists: true };
  }
  const lenient = parseBratLenient(ann ?? '');
  const r = reanchor({ ...stored, annotations: lenient.annotations }, text, hash);
  for (const e of lenient.errors) problems.push(`${path.basename(annPath(articleFile))}:${e}`);
  return { annotations: r.next, problems, moved: r.moved, orphaned: r.orphaned, exists: true };
}

/**
 * A `.ann` whose article changed: offsets are only hints (code points of the old text, used as UTF-16 ones;
 * re-anchoring searches by text anyway), the stored text is what counts.
 */
function parseBratLenient(ann: string): { annotations: Annotation[]; errors: string[] } {
  // Parse against a text long enough for any offsets, made of the stored span texts placed at their offsets.
  const errors: string[] = [];
  const annotations: Annotation[] = [];
  const lines = ann.split(/\r?\n/);
  const byId = new Map<string, Annotation>();
  lines.forEach((line, i) => {
    const f = line.split('\t');
    const m = /^(\S+) (\d+) .*?(\d+)$/.exec(f[1] ?? '');
    if (f[0].startsWith('T') && m && f[2] !== undefined) {
      const probe = parseBrat(' '.repeat(Number(m[2])) + f[2], `T1\t${m[1]} ${m[2]} ${Number(m[2]) + [...f[2]].length}\t${f[2]}`);
      if (probe.annotations[0]) byId.set(f[0], probe.annotations[0]);
      else errors.push(`${i + 1}: ${probe.errors[0]?.message ?? 'unreadable'}`);
    }
  });
  // Notes: reuse the strict parser on a text that has every span in place.
  for (const [id, a] of byId) {
    const notes = lines.filter((l) => new RegExp(`^#\\S*\\tAnnotatorNotes ${id}\\t`).test(l));
    const probe = parseBrat(
      ' '.repeat(a.start) + a.text,
      [
        `T1\t${a.label === 'DATE' ? 'Date' : a.label} ${a.start} ${a.start + [...a.text].length}\t${a.text}`,
        ...notes.map((n) => n.replace(/AnnotatorNotes \S+/, 'AnnotatorNotes T1')),
      ].join('\n'),
    );
    annotations.push(probe.annotations[0] ?? a);
  }
  return { annotations, errors };
}

/** Writes both files; an article with nothing stored (no decisions) has its files removed. */
export function saveAnnotations(articleFile: string, text: string, a: ArticleAnnotations): void {
  const withHash = { ...a, textHash: textHash(text) };
  if (!a.annotations.length && !a.rejected.length && !a.orphans.length && a.state === 'not-started') {
    fs.rmSync(annPath(articleFile), { force: true });
    fs.rmSync(metaPath(articleFile), { force: true });
    return;
  }
  writeAtomic(metaPath(articleFile), serialiseMeta(text, withHash));
  writeAtomic(annPath(articleFile), serialiseBrat(text, a.annotations));
}
