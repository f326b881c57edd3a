/** `news-annotate export`: annotated articles for brat, CoNLL trainers, doccano and Label Studio. */
import { EXPORT_FORMATS, withoutLines, type AnnotatedDocument, type ExportFormat } from '../service/annotations';
import type { Localize } from '../service/messages';
import { exportText, writeExport } from '../node/exportFiles';
import { articleFiles, loadArticles } from './articleSet';
import { parseCommandArgs, UsageError } from './commandArgs';
import { useModelDelta } from './learn';

export function runExport(argv: string[], t: Localize): number {
  const args = parseCommandArgs(argv, t, {
    values: ['--format', '--out', '--labelstudio-as', '--model-delta'],
    flags: ['--exclude-boilerplate', '--reviewed-only', '--no-predictions'],
  });
  const format = args.values['--format'] as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(t('cli.badValue', '--format', format ?? ''));
  const as = args.values['--labelstudio-as'] ?? 'auto';
  if (!['auto', 'annotations', 'predictions'].includes(as)) throw new UsageError(t('cli.badValue', '--labelstudio-as', as));
  const out = args.values['--out'];
  if (format === 'brat' && !out) throw new UsageError(t('annot.needOut'));
  if (!args.files.length) throw new UsageError(t('cli.noFiles'));
  if (!useModelDelta(args.values['--model-delta'], t, (m) => process.stderr.write(m))) return 2;

  const { loaded, failed } = loadArticles(
    articleFiles(args.files),
    t,
    (m) => process.stderr.write(`news-annotate: ${m}\n`),
    !args.flags.has('--no-predictions'),
  );
  let docs: AnnotatedDocument[] = loaded
    .filter((a) => !args.flags.has('--reviewed-only') || a.stored.state === 'reviewed')
    .map((a) => {
      if (!args.flags.has('--exclude-boilerplate')) return a.doc;
      const lines = new Set<number>();
      for (const b of a.article.blocks) for (let l = b.startLine; l <= b.endLine; l++) lines.add(l);
      return withoutLines(a.doc, lines);
    });
  docs = docs.filter(
    (d, i) =>
      docs.findIndex((e) => e.name === d.name) === i ||
      (process.stderr.write(`news-annotate: ${t('annot.problem', d.name, 'duplicate article name, skipped')}\n`), false),
  );

  const count = docs.reduce((n, d) => n + d.annotations.length, 0);
  const lsAs = as as 'auto' | 'annotations' | 'predictions';
  if (out) {
    const files = writeExport(docs, format, out, lsAs);
    process.stderr.write(`${t('annot.wrote', format === 'brat' ? out : files[0], docs.length, count)}\n`);
  } else process.stdout.write(exportText(docs, format as Exclude<ExportFormat, 'brat'>, lsAs));
  return failed ? 2 : 0;
}
