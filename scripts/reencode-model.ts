/**
 * Converts a model of the previous format (NER1) to the present one (NER2, modelFormat.ts) without retraining:
 * the same quantised weights and the same lexicon lists, laid out as the tables the tagger reads. The output is
 * byte for byte what `npm run train` writes for the same training run, so the manifest's figures stay true; its
 * sha256 and bytes are updated. Usage: `npx tsx scripts/reencode-model.ts [FILE] [--out FILE]` (default
 * models/ner.bin, in place).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { encodeQuantised, openModel } from '../server/src/service/entities/modelFormat';
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
  if (!isLegacyModel(bytes)) {
    openModel(bytes);
    console.log(`${file} is in the present format already`);
    if (target !== file) fs.copyFileSync(file, target);
    return;
  }
  const old = decodeLegacyModel(bytes);
  if (old.featureVersion !== FEATURE_VERSION || old.tags !== NTAGS)
    throw new Error(`${file} has feature version ${old.featureVersion} (this build: ${FEATURE_VERSION}): retrain it (npm run train)`);
  const model = encodeQuantised(old);
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
