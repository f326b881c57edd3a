/**
 * The articles of an `export` or `agree` call: files and folders expanded to NAME.txt files, each
 * analysed once (the recogniser's predictions) and merged with the person's annotations stored beside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SiteIndex } from '../service/boilerplate';
import { createEntityRecognizer } from '../service/entities';
import { analyseArticle, type Article } from '../service/article';
import {
  applyDictionary,
  buildDictionary,
  effectiveAnnotations,
  predictions,
  type AnnotatedDocument,
  type ArticleAnnotations,
} from '../service/annotations';
import type { Localize } from '../service/messages';
import { sharedTagger } from '../node/model';
import { loadAnnotations } from '../node/annotationStore';
import { readInput } from './readInput';

export const ARTICLE_FILE = /\.(txt|news)$/i;

/** Article files under these paths (folders recursively, hidden folders skipped), sorted, each once. */
export function articleFiles(paths: readonly string[]): string[] {
  const out = new Set<string>();
  const walk = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      out.add(p); // readInput reports it
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort())
        if (!name.startsWith('.')) {
          const child = path.join(p, name);
          if (fs.statSync(child).isDirectory() || ARTICLE_FILE.test(name)) walk(child);
        }
    } else out.add(p);
  };
  for (const p of paths) walk(p);
  return [...out];
}

export const nameOf = (file: string) => path.basename(file).replace(ARTICLE_FILE, '');

export interface LoadedArticle {
  file: string;
  text: string;
  article: Article;
  stored: ArticleAnnotations;
  doc: AnnotatedDocument;
}

/** Reads, analyses and merges; every problem goes to `report` and the file is skipped or read as far as it can be. */
export function loadArticles(
  files: readonly string[],
  t: Localize,
  report: (message: string) => void,
  withPredictions = true,
): { loaded: LoadedArticle[]; failed: boolean } {
  const inputs: { file: string; text: string }[] = [];
  let failed = false;
  for (const file of files) {
    const r = readInput(file, 'utf-8', t);
    if (!r.ok) {
      report(r.message);
      failed = true;
    } else inputs.push({ file, text: r.text });
  }
  const siteIndex = new SiteIndex();
  for (const i of inputs) siteIndex.set(pathToFileURL(path.resolve(i.file)).toString(), i.text);
  // The shared tagger: with `--model-delta`, the shipped weights with the overlay (cli/learn.ts).
  const recognizer = createEntityRecognizer({ tagger: sharedTagger() });
  const analysed = inputs.map(({ file, text }) => {
    const article = analyseArticle(text, { recognizer, recurring: siteIndex.recurring(pathToFileURL(path.resolve(file)).toString()) });
    const store = loadAnnotations(file, text);
    for (const p of store.problems) report(t('annot.problem', file, p));
    if (store.moved) report(t('annot.moved', file, store.moved));
    if (store.orphaned.length) report(t('annot.orphaned', file, store.orphaned.length, store.orphaned.map((o) => o.text).join('、')));
    return { file, text, article, stored: store.annotations };
  });
  // The files of one call are a workspace: names confirmed or rejected in one are predicted (or not) in the others, as in the editor.
  const dictionary = buildDictionary(analysed.map((a) => a.stored));
  const loaded = analysed.map(({ file, text, article, stored }) => {
    const predicted = withPredictions
      ? applyDictionary(predictions(article.entities, article.dates), text, article.normalized, dictionary)
      : [];
    const annotations = effectiveAnnotations(predicted, stored);
    return { file, text, article, stored, doc: { name: nameOf(file), text, annotations, reviewed: stored.state === 'reviewed' } };
  });
  return { loaded, failed };
}
