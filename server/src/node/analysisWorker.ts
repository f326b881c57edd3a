/**
 * Analyses a large article in a child process of the server (dist/analysisWorker.js, offThread.ts), so that the
 * server keeps answering for every other document meanwhile, and gets back all the memory the analysis took when
 * the process ends. Receives plain data (the text, the user dictionary, the config files, kept lines, recurring
 * counts) and returns the Article; functions and class instances do not cross processes, so the rules are re-read
 * here and the line index rebuilt there.
 */
import { analyseArticle } from '../service/article';
import { createEntityRecognizer } from '../service/entities';
import { createLocalizer } from '../service/messages';
import { isKindEnabled } from '../service/settings';
import type { EntityRecognizer } from '../service/types';
import { loadConfig, dictionaryKey } from './config';
import { sharedTagger, useModelOverlay } from './model';
import { decodeOverlay } from '../service/entities/finetune';
import type { WorkerReply, WorkerRequest } from './offThread';

let recognizer: { key: string; value: EntityRecognizer } | undefined;
let overlayGeneration: number | undefined;

const reply = (m: WorkerReply) => process.send?.(m);
// The server is gone (its end of the channel closed): nothing left to answer.
process.on('disconnect', () => process.exit(0));

process.on('message', (request: WorkerRequest) => {
  try {
    // The same recogniser the server would use: the user's dictionary, and the model unless the setting
    // entities.useModel turned it off. The model is loaded once per process, whatever the dictionary.
    const useModel = request.settings.entities.useModel;
    const overlay = request.modelOverlay;
    const key = `${useModel}\0${dictionaryKey(request.dictionary)}\0${overlay?.generation ?? 0}`;
    if (recognizer?.key !== key) {
      // The improved model (an overlay over the shipped weights) when the server uses one; it reports refusals.
      if (overlay?.generation !== overlayGeneration) {
        overlayGeneration = overlay?.generation;
        useModelOverlay(overlay?.bytes ? decodeOverlay(overlay.bytes) : undefined);
      }
      recognizer = {
        key,
        value: createEntityRecognizer({ tagger: useModel ? sharedTagger() : undefined, userDictionary: request.dictionary }),
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
    // The line index is rebuilt on the other side, and the text is the server's own: sending them would copy the
    // text twice more, and the server would hold a second copy of it.
    reply({ id: request.id, article: { ...article, lines: undefined, text: undefined } });
  } catch (e) {
    reply({ id: request.id, error: (e as Error).stack ?? String(e) });
  }
});
