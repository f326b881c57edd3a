import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OffThreadAnalysis } from '../../server/src/node/offThread';
import { modelForWorker, type SharedModel } from '../../server/src/node/model';
import { NTAGS } from '../../server/src/service/entities/tagger';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { ROOT, ensureBuilt } from '../protocol/lspClient';

// A stand-in worker that answers every request at once: what is tested is the pool's life cycle, not the analysis.
const ECHO = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, article: { text: m.text } }));`;

describe('off-thread analysis of large documents', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-offthread-'));
  const script = path.join(dir, 'echo-worker.js');
  fs.writeFileSync(script, ECHO);
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const request = (text: string) => ({ text, dictionary: [], configFiles: [], settings: {} as never, recurring: [] });
  const until = async (cond: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!cond() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return cond();
  };

  it('stops its worker (and the model it holds) once idle, and starts a new one for the next document', async () => {
    const pool = new OffThreadAnalysis(script, 50);
    try {
      assert.equal((await pool.analyse(request('一'))).text, '一');
      assert.ok(await until(() => !pool.running, 5000), 'the idle worker is stopped');
      assert.equal((await pool.analyse(request('二'))).text, '二');
      assert.ok(pool.running, 'a new worker answered');
    } finally {
      pool.dispose();
    }
  });

  it('keeps the worker while requests follow each other', async () => {
    const pool = new OffThreadAnalysis(script, 2000);
    try {
      for (const t of ['一', '二', '三']) assert.equal((await pool.analyse(request(t))).text, t);
      assert.ok(pool.running);
    } finally {
      pool.dispose();
    }
  });
});

describe('off-thread analysis with the real worker', function () {
  this.timeout(120000);
  before(() => ensureBuilt());
  const text = '當地時間7月3日，美國總統特朗普與俄羅斯總統普京通電話。烏沙科夫表示，雙方討論了中東局勢。\n';
  // `model` null: none given.
  const modelFound = async (useModel: boolean, model: SharedModel | null = modelForWorker() ?? null) => {
    const pool = new OffThreadAnalysis(path.join(ROOT, 'dist', 'analysisWorker.js'));
    try {
      const settings = { ...DEFAULT_SETTINGS, entities: { ...DEFAULT_SETTINGS.entities, useModel } };
      const article = await pool.analyse({ text, dictionary: [], configFiles: [], settings, recurring: [], model: model ?? undefined });
      // 'lexicon': found by the model with its name-lexicon features
      return article.entities.some((e) => e.source === 'model' || e.source === 'lexicon');
    } finally {
      pool.dispose();
    }
  };

  it('uses the model only when the setting entities.useModel allows it, as the main thread does', async () => {
    assert.ok(await modelFound(true), 'the model finds a name (烏沙科夫) with useModel on');
    assert.ok(!(await modelFound(false)), 'no name comes from the model with useModel off');
  });

  it("tags with the main thread's model in shared memory (overlay included), never a copy of its own", async () => {
    const model = modelForWorker();
    assert.ok(model, 'the shipped model is there');
    assert.ok(model.bytes.buffer instanceof SharedArrayBuffer, 'the model file is read into shared memory');
    // The same bytes with transitions that make every name tag ruinous, as another generation (an overlay would
    // come the same way): the worker's tags follow what it is given, so it reads no model file of its own.
    const transition = model.transition.map((v, i) => (i % NTAGS ? -1e6 : v));
    assert.ok(!(await modelFound(true, { ...model, generation: model.generation + 1000, transition })));
    assert.ok(await modelFound(true, model), 'and the model as it is, again');
    assert.ok(!(await modelFound(true, null)), 'no model given: the worker analyses without one');
  });
});
