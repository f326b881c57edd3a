/**
 * `news-annotate import`: annotations from brat, CoNLL, doccano, Label Studio or jsonl into the stand-off
 * store beside each article. An imported set replaces the article's stored one. When the article on disk
 * differs from the text in the file, the annotations are re-anchored by their text and what cannot be
 * placed is reported (and kept as orphans), never put on other text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  EXPORT_FORMATS,
  importBrat,
  importConll,
  importDoccano,
  importJsonl,
  importLabelStudio,
  reanchor,
  textHash,
  type AnnotatedDocument,
  type ArticleAnnotations,
  type ExportFormat,
} from '../service/annotations';
import type { Localize } from '../service/messages';
import { annPath, saveAnnotations, writeAtomic } from '../node/annotationStore';
import { nameOf } from './articleSet';
import { parseCommandArgs, UsageError } from './commandArgs';
import { readInput } from './readInput';

export function runImport(argv: string[], t: Localize): number {
  const args = parseCommandArgs(argv, t, { values: ['--format', '--out'], flags: [] });
  const format = args.values['--format'] as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(t('cli.badValue', '--format', format ?? ''));
  if (!args.files.length) throw new UsageError(t('cli.noFiles'));
  if (format === 'conll' && !args.rest.length) throw new UsageError(t('annot.noTexts'));
  let status = 0;
  const report = (m: string) => {
    process.stderr.write(`news-annotate: ${m}\n`);
    status = 2;
  };
  const read = (file: string): string | undefined => {
    const r = readInput(file, 'utf-8', t);
    if (!r.ok) report(r.message);
    return r.ok ? r.text : undefined;
  };
  /** [article file it belongs to, document] */
  const targets: [string, AnnotatedDocument][] = [];
  if (format === 'brat') {
    for (const f of args.files) {
      const txt = f.replace(/\.ann$/i, '.txt');
      const text = read(txt);
      const ann = fs.existsSync(f.replace(/\.txt$/i, '.ann')) ? fs.readFileSync(f.replace(/\.txt$/i, '.ann'), 'utf8') : undefined;
      if (text === undefined) continue;
      if (ann === undefined) {
        report(t('cli.notFound', f.replace(/\.txt$/i, '.ann')));
        continue;
      }
      const r = importBrat(nameOf(txt), text, ann);
      r.errors.forEach((e) => report(e));
      targets.push([args.values['--out'] ? path.join(args.values['--out'], path.basename(txt)) : txt, r.doc]);
    }
  } else if (format === 'conll') {
    const texts = args.rest
      .map((f) => ({ file: f, text: read(f) }))
      .filter((x): x is { file: string; text: string } => x.text !== undefined);
    const conll = args.files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const r = importConll(
      conll,
      texts.map((x) => ({ name: nameOf(x.file), text: x.text })),
    );
    r.errors.forEach((e) => report(e));
    r.docs.forEach((d, i) =>
      targets.push([args.values['--out'] ? path.join(args.values['--out'], path.basename(texts[i].file)) : texts[i].file, d]),
    );
  } else {
    for (const f of args.files) {
      let content: string;
      try {
        content = fs.readFileSync(f, 'utf8');
      } catch (e) {
        report(t('cli.unreadable', f, (e as NodeJS.ErrnoException).code ?? String(e)));
        continue;
      }
      const r = format === 'jsonl' ? importJsonl(content) : format === 'doccano' ? importDoccano(content) : importLabelStudio(content);
      r.errors.forEach((e) => report(`${f}: ${e}`));
      const dir = args.values['--out'] ?? path.dirname(f);
      for (const d of r.docs) targets.push([path.join(dir, `${d.name.replace(/[\\/]/g, '_')}.txt`), d]);
    }
  }

  for (const [file, doc] of targets) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    let stored: ArticleAnnotations = {
      textHash: textHash(doc.text),
      state: doc.reviewed ? 'reviewed' : 'in-progress',
      annotations: doc.annotations,
      rejected: [],
      orphans: [],
    };
    let text = doc.text;
    if (!fs.existsSync(file)) writeAtomic(file, doc.text);
    else {
      const onDisk = read(file);
      if (onDisk === undefined) continue;
      if (onDisk !== doc.text) {
        const r = reanchor(stored, onDisk, textHash(onDisk));
        stored = r.next;
        text = onDisk;
        if (r.moved) process.stderr.write(`news-annotate: ${t('annot.moved', file, r.moved)}\n`);
        if (r.orphaned.length) report(t('annot.orphaned', file, r.orphaned.length, r.orphaned.map((o) => o.text).join('、')));
      }
    }
    saveAnnotations(file, text, stored);
    process.stderr.write(`${t('annot.imported', file, stored.annotations.length, annPath(file))}\n`);
  }
  return status;
}
