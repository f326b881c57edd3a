/**
 * `news-annotate agree A B`: how far two annotators (or an annotator and the recogniser) agree.
 * A and B: folders of annotated articles (NAME.txt with NAME.ann beside), or jsonl / doccano / Label Studio
 * files. Articles are paired by name; A is the reference for precision and recall.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  agreement,
  ANNOTATION_LABELS,
  importDoccano,
  importJsonl,
  importLabelStudio,
  parseBrat,
  type AnnotatedDocument,
} from '../service/annotations';
import type { Localize } from '../service/messages';
import { articleFiles, nameOf } from './articleSet';
import { parseCommandArgs, UsageError } from './commandArgs';
import { annPath } from '../node/annotationStore';

function readSet(p: string, report: (m: string) => void): Map<string, AnnotatedDocument> {
  const out = new Map<string, AnnotatedDocument>();
  if (fs.existsSync(p) && fs.statSync(p).isFile() && /\.(jsonl|json)$/i.test(p)) {
    const content = fs.readFileSync(p, 'utf8');
    const r = /\.json$/i.test(p)
      ? importLabelStudio(content)
      : /"label"\s*:/.test(content.slice(0, 100_000)) && !/"entities"\s*:/.test(content.slice(0, 100_000))
        ? importDoccano(content)
        : importJsonl(content);
    r.errors.forEach((e) => report(`${p}: ${e}`));
    for (const d of r.docs) out.set(d.name, d);
    return out;
  }
  for (const file of articleFiles([p])) {
    const ann = annPath(file);
    if (!fs.existsSync(ann)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const r = parseBrat(text, fs.readFileSync(ann, 'utf8'));
    r.errors.forEach((e) => report(`${ann}:${e.line}: ${e.message}`));
    out.set(nameOf(file), { name: nameOf(file), text, annotations: r.annotations });
  }
  return out;
}

export function runAgree(argv: string[], t: Localize): number {
  const args = parseCommandArgs(argv, t, { values: ['--format'], flags: [] });
  const format = args.values['--format'] ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(t('cli.badValue', '--format', format));
  if (args.files.length !== 2) throw new UsageError(t('cli.noFiles'));
  const [pa, pb] = args.files;
  let status = 0;
  const report = (m: string) => {
    process.stderr.write(`news-annotate: ${m}\n`);
    status = 2;
  };
  for (const p of [pa, pb]) if (!fs.existsSync(p)) report(t('cli.notFound', p));
  if (status) return status;
  const a = readSet(pa, report);
  const b = readSet(pb, report);
  const pairs = [...a.keys()]
    .filter((k) => b.has(k))
    .sort()
    .map((k) => {
      const x = a.get(k)!;
      const y = b.get(k)!;
      if (x.text !== y.text) report(t('annot.problem', k, "the two texts differ; compared on A's text"));
      return { text: x.text, a: x.annotations, b: x.text === y.text ? y.annotations : [] };
    });
  if (!pairs.length) {
    report(t('annot.noPairs', pa, pb));
    return 2;
  }
  const r = agreement(pairs);
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ articles: pairs.length, ...r }, null, 2) + '\n');
    return status;
  }
  const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
  const lines = [
    t('annot.agreeHeader', path.basename(pa), path.basename(pb), pairs.length),
    '',
    'label        A      B   both      P      R     F1',
  ];
  for (const l of ANNOTATION_LABELS) {
    const s = r.perLabel[l];
    if (!s.a && !s.b) continue;
    lines.push(
      `${l.padEnd(6)} ${String(s.a).padStart(6)} ${String(s.b).padStart(6)} ${String(s.both).padStart(6)} ${pct(s.p)} ${pct(s.r)} ${pct(s.f1)}`,
    );
  }
  const o = r.overall;
  lines.push(
    `${'all'.padEnd(6)} ${String(o.a).padStart(6)} ${String(o.b).padStart(6)} ${String(o.both).padStart(6)} ${pct(o.p)} ${pct(o.r)} ${pct(o.f1)}`,
    '',
  );
  lines.push(t('annot.kappa', r.kappa.toFixed(4), r.observed.toFixed(4), r.characters));
  process.stdout.write(lines.join('\n') + '\n');
  return status;
}
