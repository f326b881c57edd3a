/**
 * Node-side loader for the shipped NER model (models/ner.bin). The pure service never reads files;
 * the server, the CLI and the dev scripts call this and pass the bytes to createEntityRecognizer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEntityRecognizer, type RecognizerOptions } from '../service/entities';
import { loadTagger, taggerFromWeights, type Tagger } from '../service/entities/tagger';
import { applyOverlay, encodeOverlay, overlayMismatch, type ModelOverlay } from '../service/entities/finetune';
import { memoTagger, type MemoTagger } from '../service/incremental/memoTagger';
import type { EntityRecognizer } from '../service/types';
import { adoptModelMemory, memoryOf, modelMemory } from '../service/entities/simd';
import { noteMemory } from './memory';

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
 * each call, for a tagger that owns them (it reads its tables from them in place, and an overlay changes them),
 * into a WebAssembly memory where the emission kernel runs (simd.ts): the file is read there directly, never copied.
 */
export function loadNerModel(): Uint8Array | undefined {
  return readModel(false);
}

/**
 * models/ner.bin read once into memory every thread of the process can see (a shared WebAssembly memory, or a
 * SharedArrayBuffer where the kernel cannot run), for the workers of `annotate --jobs N`: each opens its views over
 * the same bytes instead of reading and holding its own 30 MB. Undefined when no model file is found.
 */
export function readModelShared(): Uint8Array | undefined {
  return readModel(true);
}

/** The shared memory that `readModelShared`'s bytes live in, for the worker threads to adopt (`useLentModel`). */
export function sharedModelMemory(bytes: Uint8Array): WebAssembly.Memory | undefined {
  return memoryOf(bytes);
}

function readModel(shared: boolean): Uint8Array | undefined {
  if (found === null) return undefined;
  for (const file of found ? [found] : nerModelCandidates()) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      continue; // try the next location
    }
    try {
      const size = fs.fstatSync(fd).size;
      const bytes = modelMemory(size, shared)?.bytes ?? new Uint8Array(shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size));
      for (let at = 0; at < size;) {
        const n = fs.readSync(fd, bytes, at, size - at, at);
        if (n <= 0) throw new Error(`${file}: shorter than its size`);
        at += n;
      }
      found = file;
      return bytes;
    } finally {
      fs.closeSync(fd);
    }
  }
  found = null;
  return undefined;
}

/** Bytes another thread read (readModelShared), used by the shared tagger instead of the file. */
let lent: Uint8Array | undefined;

/**
 * From now on the shared tagger opens `bytes` (read-only: an overlay, which writes into its bytes, reads the file
 * instead). `memory`: the shared WebAssembly memory they live in (sharedModelMemory), so this thread's kernel reads them.
 */
export function useLentModel(bytes: Uint8Array | undefined, memory?: WebAssembly.Memory): void {
  lent = bytes && memory ? adoptModelMemory(memory, bytes.byteLength) : bytes;
  shared = undefined;
  problem = undefined;
}

/** The shipped tagger: loaded at most once per process, shared by every recogniser made after it. */
let shared: MemoTagger | null | undefined;
let problem: string | undefined;

/**
 * The tagger of models/ner.bin with a memo of tagged lines, loaded on the first call (not at start: a server
 * answers `initialize` first). Undefined when there is no model or it cannot be used; `modelProblem()` says why.
 */
export function sharedTagger(): MemoTagger | undefined {
  if (shared === undefined) {
    shared = null;
    const bytes = lent && !overlay ? lent : loadNerModel();
    try {
      if (bytes) shared = memoTagger(withOverlay(loadTagger(bytes)));
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    }
    noteMemory('model loaded');
  }
  return shared ?? undefined;
}

export function modelProblem(): string | undefined {
  return problem;
}

// ---- The workspace's overlay of fine-tuned weight deltas (finetune.ts), over the shipped weights ----

export type OverlayProblem = NonNullable<ReturnType<typeof overlayMismatch>>;
let overlay: { value: ModelOverlay; refused?: (problem: OverlayProblem) => void } | undefined;
let overlayInUse = false;

/** The shipped weights with the overlay added (in place: the bytes were read for this tagger alone), or as they are when it does not fit. */
function withOverlay(tagger: Tagger): Tagger {
  overlayInUse = false;
  if (!overlay) return tagger;
  const problem = overlayMismatch(overlay.value, tagger);
  if (problem) {
    overlay.refused?.(problem);
    return tagger;
  }
  overlayInUse = true;
  return taggerFromWeights(applyOverlay(tagger, overlay.value, true), tagger.fingerprint, tagger);
}

/**
 * Use this overlay from now on (undefined: the shipped model alone). The shared tagger is loaded again at its
 * next use; recognisers made before keep the old one, so the caller makes new ones. An overlay made for another
 * model is refused there, and `refused` hears why.
 */
export function useModelOverlay(value: ModelOverlay | undefined, refused?: (problem: OverlayProblem) => void): void {
  overlay = value ? { value, refused } : undefined;
  generation++;
  forWorker = undefined;
  shared = undefined;
  problem = undefined;
  overlayInUse = false;
}

let generation = 0;
let forWorker: { generation: number; bytes?: Uint8Array } | undefined;

/** The overlay in use as bytes for the large-document process, which applies it to its own copy of the model. */
export function overlayForWorker(): { generation: number; bytes?: Uint8Array } {
  forWorker ??= { generation, bytes: overlay ? encodeOverlay(overlay.value) : undefined };
  return forWorker;
}

/** Whether the tagger loaded last carries an overlay. */
export function modelOverlayInUse(): boolean {
  return overlayInUse;
}

/** A fresh tagger of the shipped model, without any overlay (what fine-tuning starts from). */
export function shippedTagger(): Tagger | undefined {
  const bytes = loadNerModel();
  return bytes ? loadTagger(bytes) : undefined;
}

export interface LazyRecognizer extends EntityRecognizer {
  /** Loads the model now (e.g. once the server has answered `initialize`); later calls cost nothing. */
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
