/** The Node-side readers: the sibling index is capped by bytes; the keep store is keyed by a Map. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BOILERPLATE_KINDS, ENTITY_TYPES } from '../../server/src/service/types';
import { KEEP_FILE, KeepStore, MAX_SIBLING_TOTAL_BYTES, readSiblingArticles } from '../../server/src/node/workspaceFiles';

describe('workspace files', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-ws-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops reading sibling articles at the byte cap', async () => {
    const sib = path.join(dir, 'sib');
    fs.mkdirSync(sib);
    for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(sib, `a${i}.txt`), '新'.repeat(300) + '\n'); // 901 bytes each
    assert.equal((await readSiblingArticles(sib, 1e6)).length, 6);
    assert.equal((await readSiblingArticles(sib, 2000)).length, 2);
    assert.ok(MAX_SIBLING_TOTAL_BYTES <= 32 * 1024 * 1024, 'the default cap bounds the index');
  });

  it('keeps lines of files named like Object.prototype members', () => {
    const store = new KeepStore();
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      assert.equal(store.kept(path.join(dir, name)).size, 0, name);
      assert.ok(store.add(path.join(dir, name), [`kept in ${name}`], [dir]).ok);
    }
    const fresh = new KeepStore();
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty'])
      assert.deepEqual([...fresh.kept(path.join(dir, name))], [`kept in ${name}`]);
    assert.deepEqual(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, KEEP_FILE), 'utf8'))).sort(), [
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'toString',
    ]);
  });
});

describe('the published schema of .news-annotator.json', () => {
  const ROOT = path.join(__dirname, '..', '..');
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'news-annotator.schema.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  it('is contributed for the config file and shipped in the package', () => {
    const entry = manifest.contributes.jsonValidation.find((j: { fileMatch: string }) => j.fileMatch === '.news-annotator.json');
    assert.equal(entry.url, './schema/news-annotator.schema.json');
    assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!schema\/news-annotator\.schema\.json$/m);
  });

  it('names the same entity types and boilerplate kinds as the loader', () => {
    assert.deepEqual(schema.properties.dictionary.items.properties.type.enum, [...ENTITY_TYPES]);
    assert.deepEqual(schema.properties.boilerplate.properties.always.items.properties.kind.enum, [...BOILERPLATE_KINDS]);
    assert.equal(schema.type, 'object', 'a top-level array is not a config');
  });
});
