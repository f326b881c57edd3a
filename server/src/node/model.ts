/**
 * Node-side loader for the shipped NER model (models/ner.bin). The pure service never reads files;
 * the server, the CLI and the dev scripts call this and pass the bytes to createEntityRecognizer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

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
