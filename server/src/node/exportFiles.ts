/** Writing an export to a folder, shared by the CLI's `export --out` and the editor's export command. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  annotationConf,
  exportBrat,
  exportConll,
  exportDoccano,
  exportJsonl,
  exportLabelStudio,
  type AnnotatedDocument,
  type ExportFormat,
} from '../service/annotations';
import { writeAtomic } from './annotationStore';

const EXTENSION: Record<Exclude<ExportFormat, 'brat'>, string> = {
  conll: 'conll',
  jsonl: 'jsonl',
  doccano: 'doccano.jsonl',
  labelstudio: 'labelstudio.json',
};

/** The export of every format but brat as one text. */
export function exportText(
  docs: readonly AnnotatedDocument[],
  format: Exclude<ExportFormat, 'brat'>,
  labelStudioAs: 'auto' | 'annotations' | 'predictions' = 'auto',
): string {
  return format === 'conll'
    ? exportConll(docs)
    : format === 'jsonl'
      ? exportJsonl(docs)
      : format === 'doccano'
        ? exportDoccano(docs)
        : exportLabelStudio(docs, labelStudioAs);
}

/** Writes the export into `out` (created if needed); returns the files written. */
export function writeExport(
  docs: readonly AnnotatedDocument[],
  format: ExportFormat,
  out: string,
  labelStudioAs: 'auto' | 'annotations' | 'predictions' = 'auto',
): string[] {
  fs.mkdirSync(out, { recursive: true });
  if (format === 'brat') {
    const written: string[] = [];
    for (const d of docs) {
      for (const [name, content] of Object.entries(exportBrat(d).files)) {
        writeAtomic(path.join(out, name), content);
        written.push(path.join(out, name));
      }
    }
    writeAtomic(path.join(out, 'annotation.conf'), annotationConf());
    return [...written, path.join(out, 'annotation.conf')];
  }
  const file = path.join(out, `annotations.${EXTENSION[format]}`);
  writeAtomic(file, exportText(docs, format, labelStudioAs));
  return [file];
}
