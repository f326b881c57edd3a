/** The inputs of one call, read once, and the language service that analyses them together. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SiteIndex } from '../service/boilerplate';
import { createEntityRecognizer } from '../service/entities';
import { createLanguageService, type LanguageService } from '../service/index';
import { normaliseSettings } from '../service/settings';
import { loadNerModel } from '../node/model';
import { KeepStore } from '../node/workspaceFiles';
import type { CliIo } from './command';
import { readInput } from './readInput';

export interface Input {
  file: string;
  uri: string;
  text: string;
  bom: boolean;
}

/** Reads every file; a file that cannot be read is reported and skipped, the others go on. */
export function readInputs(files: readonly string[], encoding: string, io: CliIo): { inputs: Input[]; failed: boolean } {
  const inputs: Input[] = [];
  let failed = false;
  for (const file of files) {
    const read = readInput(file, encoding, io.t);
    if (!read.ok) {
      io.err(`news-annotate: ${read.message}\n`);
      failed = true;
      continue;
    }
    inputs.push({ file, uri: pathToFileURL(path.resolve(file)).toString(), text: read.text, bom: read.bom });
  }
  return { inputs, failed };
}

/** A service over the inputs of the call: they form one corpus, since lines that recur across them are a boilerplate signal. */
export function createCliService(inputs: readonly Input[], io: CliIo, referenceDate?: string): LanguageService {
  const siteIndex = new SiteIndex();
  for (const input of inputs) siteIndex.set(input.uri, input.text);
  const byUri = new Map(inputs.map((i) => [i.uri, i]));
  const keepStore = new KeepStore();
  const service = createLanguageService({
    recognizer: createEntityRecognizer({ model: loadNerModel() }),
    locale: io.locale,
    contextFor: (uri) => {
      const input = byUri.get(uri);
      return { version: 0, recurring: siteIndex.recurring(uri), kept: input ? keepStore.kept(path.resolve(input.file)) : undefined };
    },
  });
  service.setSettings(normaliseSettings({ dates: { referenceDate: referenceDate ?? '' } }).settings);
  return service;
}

export const documentOf = (input: Input) => ({ uri: input.uri, version: 1, getText: () => input.text });
