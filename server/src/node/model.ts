/**
 * Node-side loader for the shipped NER model (models/ner.bin). The pure service never reads files;
 * the server, the CLI and the dev scripts call this and pass the bytes to createEntityRecognizer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEntityRecognizer, type RecognizerOptions } from '../service/entities';
import { loadTagger } from '../service/entities/tagger';
import { memoTagger, type MemoTagger } from '../service/incremental/memoTagger';
import type { EntityRecognizer } from '../service/types';

/** Where models/ner.bin can be: beside dist/ when bundled, or at the repository root when run from source. */
export function nerModelCandidates(): string[] {
  return [
    path.join(__dirname, '..', 'models', 'ner.bin'),
    path.join(__dirname, '..', '..', '..', 'models', 'ner.bin'),
    path.join(process.cwd(), 'models', 'ner.bin'),
  ];
}

/** The file found by the first call (null: none); the bytes themselves are not kept, see loadNerModel. */
let found: string | null | undefined;

/**
 * The model bytes, or undefined when no model file is found (the recogniser then runs without it). Read afresh on
 * each call: the recogniser decodes them into its own weight table, so keeping the file's 5 MB alive in the server
 * for the rare re-creation (a changed user dictionary) would only add to its memory.
 */
export function loadNerModel(): Uint8Array | undefined {
  if (found === null) return undefined;
  for (const file of found ? [found] : nerModelCandidates()) {
    try {
      const buf = fs.readFileSync(file);
      found = file;
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    } catch {
      // try the next location
    }
  }
  found = null;
  return undefined;
}

/** The shipped tagger: decoded at most once per process, shared by every recogniser made after it. */
let shared: MemoTagger | null | undefined;
let problem: string | undefined;

/**
 * The tagger of models/ner.bin with a memo of tagged lines, decoded on the first call (not at start: a server
 * answers `initialize` first). Undefined when there is no model or it cannot be used; `modelProblem()` says why.
 */
export function sharedTagger(): MemoTagger | undefined {
  if (shared === undefined) {
    shared = null;
    const bytes = loadNerModel();
    try {
      if (bytes) shared = memoTagger(loadTagger(bytes));
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    }
  }
  return shared ?? undefined;
}

export function modelProblem(): string | undefined {
  return problem;
}

export interface LazyRecognizer extends EntityRecognizer {
  /** Decodes the model now (e.g. once the server has answered `initialize`); later calls cost nothing. */
  warm(): void;
}

/**
 * A recogniser that loads the model on first use. A model that cannot be used degrades to the gazetteer and
 * patterns, and `onProblem` hears why once.
 */
export function lazyRecognizer(
  options: Omit<RecognizerOptions, 'model' | 'tagger'> = {},
  onProblem?: (message: string) => void,
): LazyRecognizer {
  let inner: EntityRecognizer | undefined;
  const get = () => {
    if (!inner) {
      const tagger = sharedTagger();
      if (!tagger && modelProblem()) onProblem?.(modelProblem()!);
      inner = createEntityRecognizer({ ...options, tagger });
    }
    return inner;
  };
  return {
    get name() {
      return get().name;
    },
    recognize: (text, normalized) => get().recognize(text, normalized),
    paragraph: (text, normalized) => get().paragraph!(text, normalized),
    article: (mentions, text, normalized) => get().article!(mentions, text, normalized),
    warm: () => void get(),
  };
}
