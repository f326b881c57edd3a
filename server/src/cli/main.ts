/**
 * `news-annotate`: the language service from the command line, for whole corpora.
 * Exit status: 0 fine, 1 `check` found boilerplate, 2 a bad option or an input that could not be read
 * (every other file of the call is still processed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SiteIndex } from '../service/boilerplate';
import { convertScript } from '../service/convert';
import { removeBlocks } from '../service/edits';
import { createEntityRecognizer } from '../service/entities';
import { createLanguageService } from '../service/index';
import { createLocalizer, kindLabel, toLocale } from '../service/messages';
import { normaliseSettings } from '../service/settings';
import { removableBlocks } from '../service/features/codeActions';
import { loadNerModel } from '../node/model';
import { KeepStore } from '../node/workspaceFiles';
import type { ConvertTarget } from '../protocol';
import { readInput } from './readInput';
import { runAnnotationCommand } from './annotationCommands';

const t = createLocalizer(toLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG));

interface Options {
  command: string;
  files: string[];
  format: 'json' | 'jsonl';
  referenceDate?: string;
  to?: ConvertTarget;
  write: boolean;
  encoding: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const [command, ...rest] = argv;
  const opts: Options = { command, files: [], format: 'json', write: false, encoding: 'utf-8' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(t('cli.badOption', a));
      return v;
    };
    if (a === '--format') {
      const v = value();
      if (v !== 'json' && v !== 'jsonl') throw new UsageError(t('cli.badValue', a, v));
      opts.format = v;
    } else if (a === '--reference-date') {
      const v = value();
      if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(t('cli.badValue', a, v));
      opts.referenceDate = v;
    } else if (a === '--to') {
      const v = value();
      if (!['simplified', 'traditional', 'taiwan', 'hongkong'].includes(v)) throw new UsageError(t('cli.badValue', a, v));
      opts.to = v as ConvertTarget;
    } else if (a === '--encoding') {
      const v = value();
      try {
        new TextDecoder(v);
      } catch {
        throw new UsageError(t('cli.badValue', a, v));
      }
      opts.encoding = v;
    } else if (a === '--write') opts.write = true;
    else if (a === '--') {
      opts.files.push(...rest.slice(i + 1));
      break;
    }
    else if (a.startsWith('--')) throw new UsageError(t('cli.badOption', a));
    else opts.files.push(a);
  }
  if (command === 'convert' && !opts.to) throw new UsageError(t('cli.badOption', '--to'));
  if (!opts.files.length) throw new UsageError(t('cli.noFiles'));
  return opts;
}

function main(argv: string[]): number {
  if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(t('cli.usage'));
    return argv.length ? 0 : 2;
  }
  const annotationStatus = runAnnotationCommand(argv, t);
  if (annotationStatus !== undefined) return annotationStatus;
  if (!['annotate', 'check', 'clean', 'convert'].includes(argv[0])) {
    process.stderr.write(`news-annotate: ${t('cli.unknownCommand', argv[0])}\n\n${t('cli.usage')}`);
    return 2;
  }
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`news-annotate: ${e.message}\n\n${t('cli.usage')}`);
    return 2;
  }

  let status = 0;
  const inputs: { file: string; uri: string; text: string; bom: boolean }[] = [];
  for (const file of opts.files) {
    const read = readInput(file, opts.encoding, t);
    if (!read.ok) {
      process.stderr.write(`news-annotate: ${read.message}\n`);
      status = 2;
      continue;
    }
    inputs.push({ file, uri: pathToFileURL(path.resolve(file)).toString(), text: read.text, bom: read.bom });
  }

  if (opts.command === 'convert') {
    for (const input of inputs) process.stdout.write(convertScript(input.text, opts.to!));
    return status;
  }

  // Files of one call form a corpus: lines that recur across them are a boilerplate signal.
  const siteIndex = new SiteIndex();
  for (const input of inputs) siteIndex.set(input.uri, input.text);
  const keepStore = new KeepStore();
  const service = createLanguageService({
    recognizer: createEntityRecognizer({ model: loadNerModel() }),
    locale: toLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG),
    contextFor: (uri) => {
      const input = inputs.find((i) => i.uri === uri);
      return { version: 0, recurring: siteIndex.recurring(uri), kept: input ? keepStore.kept(path.resolve(input.file)) : undefined };
    },
  });
  service.setSettings(normaliseSettings({ dates: { referenceDate: opts.referenceDate ?? '' } }).settings);

  const results: unknown[] = [];
  for (const input of inputs) {
    const doc = { uri: input.uri, version: 1, getText: () => input.text };
    const article = service.analyse(doc);
    if (opts.command === 'annotate') {
      const annotations = service.exportAnnotations(doc, input.file);
      if (opts.format === 'jsonl') process.stdout.write(JSON.stringify(annotations) + '\n');
      else results.push(annotations);
    } else if (opts.command === 'check') {
      for (const b of article.blocks) {
        const message = t(b.confident ? 'diag.block' : 'diag.blockUnsure', kindLabel(t, b.kind));
        process.stdout.write(`${input.file}:${b.startLine + 1}:1 ${b.kind} ${message}\n`);
      }
      if (article.blocks.length && status === 0) status = 1;
    } else if (opts.command === 'clean') {
      const blocks = removableBlocks(article);
      const cleaned = removeBlocks(input.text, blocks);
      if (opts.write) {
        if (cleaned !== input.text) {
          fs.writeFileSync(input.file, (input.bom ? '\uFEFF' : '') + cleaned, 'utf8');
          const removed = blocks.reduce((n, b) => n + b.endLine - b.startLine + 1, 0);
          process.stderr.write(`${t('cli.written', input.file, removed)}\n`);
        }
      } else process.stdout.write(cleaned);
    }
    service.close(input.uri);
  }
  if (opts.command === 'annotate' && opts.format === 'json') process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  return status;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`news-annotate: internal error: ${(e as Error).message}\n`);
  process.exitCode = 3;
}
