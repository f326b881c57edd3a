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

let cached: Uint8Array | null | undefined;

/** The model bytes, or undefined when no model file is found (the recogniser then runs without it). */
export function loadNerModel(): Uint8Array | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  for (const file of nerModelCandidates()) {
    try {
      const buf = fs.readFileSync(file);
      cached = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      break;
    } catch {
      // try the next location
    }
  }
  return cached ?? undefined;
}
