/**
 * Converts a model of an earlier format (NER1: the lexicons as lists; NER2: the name lexicon's table with every slot
 * stored) to the present one (NER3, modelFormat.ts) without retraining: the same quantised weights and the same
 * lexicons, laid out as the tables the tagger reads. The output is byte for byte what `npm run train` writes for the
 * same training run, so the manifest's figures stay true; its sha256 and bytes are updated. An NER2 file keeps its
 * fingerprint, and so the overlays of fine-tuned weights made on it. Usage: `npx tsx scripts/reencode-model.ts [FILE] [--out FILE]` (default
 * models/ner.bin, in place).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { encodeQuantised, isFullLayout, openModel, packModel } from '../server/src/service/entities/modelFormat';
import { FEATURE_VERSION } from '../server/src/service/entities/features';
import { NTAGS } from '../server/src/service/entities/tagScheme';
import { decodeLegacyModel, isLegacyModel } from './training/legacyModel';

function main(): void {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args.splice(outAt, 2)[1] : undefined;
  const file = path.resolve(args[0] ?? path.join('models', 'ner.bin'));
  const target = path.resolve(out ?? file);
  const bytes = new Uint8Array(fs.readFileSync(file));
  if (!isLegacyModel(bytes) && !isFullLayout(bytes)) {
    openModel(bytes);
    console.log(`${file} is in the present format already`);
    if (target !== file) fs.copyFileSync(file, target);
    return;
  }
  let model: Uint8Array;
  if (isFullLayout(bytes)) model = packModel(bytes);
  else {
    const old = decodeLegacyModel(bytes);
    if (old.featureVersion !== FEATURE_VERSION || old.tags !== NTAGS)
      throw new Error(`${file} has feature version ${old.featureVersion} (this build: ${FEATURE_VERSION}): retrain it (npm run train)`);
    model = encodeQuantised(old);
  }
  openModel(model.slice());
  fs.writeFileSync(target, model);
  console.log(`wrote ${target}: ${(model.length / 1e6).toFixed(2)} MB (was ${(bytes.length / 1e6).toFixed(2)} MB)`);
  const manifestFile = target.replace(/\.bin$/, '') + '.manifest.json';
  if (!fs.existsSync(manifestFile)) return;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  if (manifest.model !== path.basename(target)) return;
  manifest.sha256 = createHash('sha256').update(model).digest('hex');
  manifest.bytes = model.length;
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  console.log(`updated ${manifestFile}`);
}

main();
