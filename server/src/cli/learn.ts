/**
 * `news-annotate learn [--out FILE] [--epochs N] [--rate R] PATH...`: the CLI's "Improve the Model from Reviewed
 * Articles". Writes the same overlay file as the editor; `annotate` and `export` use it with `--model-delta FILE`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fineTune, FINE_TUNE_DEFAULTS } from '../service/entities/finetune';
import type { Localize } from '../service/messages';
import { checkedOverlay, linesOf, overlayPath, reviewedArticles, writeOverlay } from '../node/modelDelta';
import { loadNerModel, shippedTagger, useModelOverlay } from '../node/model';
import { parseCommandArgs, UsageError } from './commandArgs';

export function runLearn(argv: string[], t: Localize): number {
  const args = parseCommandArgs(argv, t, { values: ['--out', '--epochs', '--rate'], flags: [] });
  if (!args.files.length) throw new UsageError(t('cli.noFiles'));
  const num = (name: string, fallback: number, ok: (v: number) => boolean) => {
    const raw = args.values[name];
    if (raw === undefined) return fallback;
    const v = Number(raw);
    if (!Number.isFinite(v) || !ok(v)) throw new UsageError(t('cli.badValue', name, raw));
    return v;
  };
  const epochs = num('--epochs', FINE_TUNE_DEFAULTS.epochs, (v) => Number.isInteger(v) && v >= 1 && v <= 100);
  const rate = num('--rate', FINE_TUNE_DEFAULTS.rate, (v) => v > 0 && v <= 64);
  const first = args.files[0];
  const out = args.values['--out'] ?? overlayPath(isDirectory(first) ? first : path.dirname(first));
  const articles = reviewedArticles(args.files);
  if (!articles.length) {
    process.stderr.write(`news-annotate: ${t('cli.learn.none', args.files.join(' '))}\n`);
    return 2;
  }
  const base = shippedTagger();
  if (!base) {
    process.stderr.write(`news-annotate: ${t('model.improve.noModel')}\n`);
    return 2;
  }
  const lines = linesOf(articles);
  const overlay = fineTune(base, lines, { epochs, rate, articles: articles.length });
  overlay.info.created = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  writeOverlay(out, overlay);
  process.stdout.write(`${t('cli.learn.done', out, articles.length, lines.length)}\n`);
  return 0;
}

const isDirectory = (p: string) => {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** `--model-delta FILE` of annotate and export: use the overlay in this process, or say why not (exit status 2). */
export function useModelDelta(file: string | undefined, t: Localize, err: (text: string) => void): boolean {
  if (file === undefined) return true;
  const r = checkedOverlay(file, loadNerModel());
  if ('problem' in r) {
    err(`news-annotate: ${t('cli.modelDelta.refused', file, r.problem)}\n`);
    return false;
  }
  useModelOverlay(r.overlay);
  return true;
}
