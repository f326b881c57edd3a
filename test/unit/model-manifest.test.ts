import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FEATURE_VERSION, FEATURES_PER_CHAR } from '../../server/src/service/entities/features';
import { parseBio, trainModel, type TrainOptions } from '../../scripts/training/trainer';

const ROOT = path.join(__dirname, '..', '..');
const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Manifest {
  model: string;
  sha256: string;
  bytes: number;
  featureVersion: number;
  featuresPerCharacter: number;
  reproducibility: { fixture: string; fixtureSha256: string; options: TrainOptions; sha256: string; bytes: number };
}
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'models', 'ner.manifest.json'), 'utf8')) as Manifest;

describe('the NER model as an artefact (models/ner.manifest.json)', () => {
  it('a small training configuration reproduces the hash recorded in the manifest', () => {
    const r = manifest.reproducibility;
    const text = fs.readFileSync(path.join(ROOT, r.fixture));
    assert.equal(sha256(text), r.fixtureSha256, `${r.fixture} changed: retrain and record its new hash in the manifest on purpose`);
    const model = trainModel(parseBio(text.toString('utf8')), r.options);
    assert.equal(
      sha256(model),
      r.sha256,
      'features, tag scheme, model format or training now give a different model: if that is intended, record the new ' +
        'sha256 and bytes under "reproducibility" in models/ner.manifest.json (and retrain models/ner.bin if the features changed)',
    );
    assert.equal(model.length, r.bytes);
  });

  it('describes the shipped model: its hash, size and feature version', () => {
    const bytes = fs.readFileSync(path.join(ROOT, 'models', manifest.model));
    assert.equal(bytes.length, manifest.bytes);
    assert.equal(sha256(bytes), manifest.sha256, 'models/ner.bin is not the model the manifest describes');
    assert.equal(manifest.featureVersion, FEATURE_VERSION);
    assert.equal(manifest.featuresPerCharacter, FEATURES_PER_CHAR);
  });

  it('ships no training code: the server, CLI and worker bundles hold none of the trainer', () => {
    const trainerOnly = ['trainWeights', 'trainModel', 'parseBio', 'buildLexicon', 'induceWords'];
    const read = (name: string) => {
      const file = path.join(ROOT, 'dist', name);
      assert.ok(fs.existsSync(file), `${file} is missing: npm run build first (npm test does)`);
      return fs.readFileSync(file, 'utf8');
    };
    // The names survive bundling (the dev tools are not minified), so their absence below means something.
    const train = read('train.js');
    for (const id of trainerOnly) assert.ok(train.includes(id), `dist/train.js should contain ${id}`);
    for (const bundle of ['server.js', 'cli.js', 'cli-worker.js', 'analysisWorker.js']) {
      const code = read(bundle);
      for (const id of trainerOnly) assert.ok(!code.includes(id), `dist/${bundle} contains the training-only ${id}`);
    }
  });
});
