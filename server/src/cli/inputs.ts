/** The inputs of one call, read once, and the language service that analyses them together. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SiteIndex } from '../service/boilerplate';
import { createEntityRecognizer } from '../service/entities';
import { createLanguageService, type LanguageService } from '../service/index';
import { normaliseSettings } from '../service/settings';
import { configFilesFor, loadConfig } from '../node/config';
import { loadNerModel } from '../node/model';
import { KeepStore } from '../node/workspaceFiles';
import type { CliIo } from './command';
import { readInput } from './readInput';

export interface Input {
  file: string;
  uri: string;
  text: string;
  bom: boolean;
  /** The encoding the file was decoded from, to write it back in. */
  encoding: string;
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
    inputs.push({ file, uri: pathToFileURL(path.resolve(file)).toString(), text: read.text, bom: read.bom, encoding: read.encoding });
  }
  return { inputs, failed };
}

export interface CliServices {
  /** The service for an input: inputs under the same `.news-annotator.json` files share one. */
  for(input: Input): LanguageService;
}

/**
 * Services over the inputs of the call. The inputs form one corpus (lines that recur across them are a
 * boilerplate signal); each reads the `.news-annotator.json` of its folder and parents, as the editor does.
 */
export function createCliServices(inputs: readonly Input[], io: CliIo, referenceDate?: string): CliServices {
  const siteIndex = new SiteIndex();
  for (const input of inputs) siteIndex.set(input.uri, input.text);
  const keepStore = new KeepStore();
  const settings = normaliseSettings({ dates: { referenceDate: referenceDate ?? '' } }).settings;
  const byConfig = new Map<string, LanguageService>();
  const byUri = new Map<string, LanguageService>();
  const filesByUri = new Map(inputs.map((i) => [i.uri, path.resolve(i.file)]));
  let model: ReturnType<typeof loadNerModel> | undefined;
  for (const input of inputs) {
    const files = configFilesFor(input.file);
    const key = files.join('\0');
    let service = byConfig.get(key);
    if (!service) {
      const config = loadConfig(files, io.t);
      for (const problem of config.problems) io.err(`news-annotate: ${problem}\n`);
      model ??= loadNerModel();
      service = createLanguageService({
        recognizer: createEntityRecognizer({ model, userDictionary: config.dictionary }),
        locale: io.locale,
        contextFor: (uri) => {
          const file = filesByUri.get(uri);
          return { version: 0, recurring: siteIndex.recurring(uri), rules: config.rules, kept: file ? keepStore.kept(file) : undefined };
        },
      });
      service.setSettings(settings);
      byConfig.set(key, service);
    }
    byUri.set(input.uri, service);
  }
  return { for: (input) => byUri.get(input.uri)! };
}

export const documentOf = (input: Input) => ({ uri: input.uri, version: 1, getText: () => input.text });
