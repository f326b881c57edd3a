/**
 * Analyses a large article on a worker thread (dist/analysisWorker.js), so that the server keeps
 * answering for every other document meanwhile. Receives plain data (the text, the user dictionary,
 * the config files, kept lines, recurring counts) and returns the Article; functions and class
 * instances do not cross threads, so the rules are re-read here and the line index rebuilt there.
 */
import { parentPort } from 'node:worker_threads';
import { analyseArticle } from '../service/article';
import { createEntityRecognizer } from '../service/entities';
import { createLocalizer } from '../service/messages';
import { isKindEnabled } from '../service/settings';
import type { EntityRecognizer } from '../service/types';
import { loadConfig, dictionaryKey } from './config';
import { taggerOfSharedModel } from './model';
import type { WorkerRequest } from './offThread';

let recognizer: { key: string; value: EntityRecognizer } | undefined;

parentPort?.on('message', (request: WorkerRequest) => {
  try {
    // The same recogniser the main thread would use: the user's dictionary, and the model unless the setting
    // entities.useModel turned it off. The model is the main thread's, in shared memory (its overlay included), so
    // nothing is loaded here; a new generation (another overlay) makes a new tagger.
    const useModel = request.settings.entities.useModel;
    const model = useModel ? request.model : undefined;
    const key = `${dictionaryKey(request.dictionary)}\0${model?.generation ?? -1}`;
    if (recognizer?.key !== key) {
      recognizer = {
        key,
        value: createEntityRecognizer({ tagger: model ? taggerOfSharedModel(model) : undefined, userDictionary: request.dictionary }),
      };
    }
    const rules = request.configFiles.length ? loadConfig(request.configFiles, createLocalizer('en')).rules : undefined;
    const recurring = new Map(request.recurring);
    const article = analyseArticle(request.text, {
      recognizer: recognizer.value,
      referenceDate: request.settings.dates.referenceDate,
      isKindEnabled: (kind) => isKindEnabled(request.settings, kind),
      kept: request.kept ? new Set(request.kept) : undefined,
      recurring: (line) => recurring.get(line.trim()) ?? 0,
      rules,
    });
    // The line index is rebuilt on the other side; sending it would copy the text once more.
    parentPort!.postMessage({ id: request.id, article: { ...article, lines: undefined } });
  } catch (e) {
    parentPort!.postMessage({ id: request.id, error: (e as Error).stack ?? String(e) });
  }
});
