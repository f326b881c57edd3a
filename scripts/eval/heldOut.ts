/**
 * The held-out slice of MSRA train that merge-cost.ts and merge-diff.ts read: the last N train sentences (`--dev N`,
 * default 3,000), which a model trained with `npx tsx scripts/train.ts --dev N` never saw, and that model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { corpusDir } from './corpus';
import { readBio } from './entities';

export function heldOutSlice(argv: readonly string[]) {
  const devIdx = argv.indexOf('--dev');
  const devN = devIdx > 0 ? Number(argv[devIdx + 1]) : 3000;
  const model = new Uint8Array(fs.readFileSync(argv[2]));
  const all = readBio(path.join(corpusDir(), 'ner', 'msra_train_bio.txt'));
  return { model, dev: all.slice(all.length - devN), tagger: loadTagger(model) };
}
