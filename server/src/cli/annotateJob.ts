/**
 * One article in, its annotations out: the unit of work of `annotate`, run in a worker thread or in the main
 * thread alike, so the output does not depend on how many workers there are.
 */
import { lazyRecognizer, useModelOverlay } from '../node/model';
import { readOverlay } from '../node/modelDelta';
import { loadConfig } from '../node/config';
import { createLanguageService, type LanguageService } from '../service/index';
import { createLocalizer, toLocale, type Locale } from '../service/messages';
import { normaliseSettings } from '../service/settings';
import type { ArticleAnnotations } from '../protocol';

export interface AnnotateJob {
  /** Written as `file` in the output (file modes). */
  file?: string;
  /** Written as `id` in the output instead of `file` (JSON lines mode); any JSON value. */
  id?: unknown;
  uri: string;
  text: string;
  /** Lines of this file that recur in other files of the call, with how many: the corpus signal. */
  recurring?: [string, number][];
  /** Lines the user marked "not boilerplate" for this file. */
  kept?: string[];
  /** The `.news-annotator.json` files that apply to this file (its folder and parents), nearest first. */
  configFiles?: string[];
}

export interface AnnotatorOptions {
  referenceDate?: string;
  /** An overlay file checked already (`--model-delta`): every worker uses it over the shipped weights. */
  modelDelta?: string;
  locale?: Locale;
}

export type Annotations = ArticleAnnotations | (Omit<ArticleAnnotations, 'file'> & { id: unknown });

export function createAnnotator(options: AnnotatorOptions): (job: AnnotateJob) => Annotations {
  let job: AnnotateJob | undefined;
  let recurring = new Map<string, number>();
  const locale = options.locale ?? toLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  if (options.modelDelta) useModelOverlay(readOverlay(options.modelDelta).overlay);
  const settings = normaliseSettings({ dates: { referenceDate: options.referenceDate ?? '' } }).settings;
  // One service per set of config files (most corpora have none or one): the dictionary and rules differ.
  const services = new Map<string, LanguageService>();
  const serviceFor = (configFiles: readonly string[]) => {
    const key = configFiles.join('\0');
    let service = services.get(key);
    if (!service) {
      const config = configFiles.length ? loadConfig(configFiles, createLocalizer(locale)) : undefined;
      service = createLanguageService({
        recognizer: lazyRecognizer(config?.dictionary.length ? { userDictionary: config.dictionary } : {}),
        locale,
        contextFor: () => ({
          version: 0,
          recurring: job?.recurring ? (line: string) => recurring.get(line.trim()) ?? 0 : undefined,
          kept: job?.kept ? new Set(job.kept) : undefined,
          rules: config?.rules,
        }),
      });
      service.setSettings(settings);
      services.set(key, service);
    }
    return service;
  };
  return (next) => {
    job = next;
    recurring = new Map(next.recurring ?? []);
    const service = serviceFor(next.configFiles ?? []);
    const doc = { uri: next.uri, version: 1, getText: () => next.text };
    try {
      const annotations = service.exportAnnotations(doc, next.file ?? '');
      if (!('id' in next)) return annotations;
      const rest: Partial<ArticleAnnotations> = { ...annotations };
      delete rest.file;
      return { id: next.id ?? null, ...(rest as Omit<ArticleAnnotations, 'file'>) };
    } finally {
      service.close(next.uri);
      job = undefined;
    }
  };
}

/** The recurring lines of one file, as `annotate FILE...` has always counted them (in the other files of the call). */
export function recurringPairs(text: string, recurring: (line: string) => number): [string, number][] {
  const out = new Map<string, number>();
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const t = raw.trim();
    if (!t || out.has(t)) continue;
    const c = recurring(t);
    if (c > 0) out.set(t, c);
  }
  return [...out];
}

export { createLocalizer };
