import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fork } from 'node:child_process';
import { OffThreadAnalysis, type WorkerReply, type WorkerRequest } from '../../server/src/node/offThread';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { ROOT, ensureBuilt } from '../protocol/lspClient';

// A stand-in process that answers every request at once: what is tested is the life cycle, not the analysis.
const ECHO = `process.on('message', (m) => process.send({ id: m.id, article: { text: m.text, pid: process.pid } }));
process.on('disconnect', () => process.exit(0));`;

describe('off-thread analysis of large documents', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-offthread-'));
  const script = path.join(dir, 'echo-worker.js');
  fs.writeFileSync(script, ECHO);
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const request = (text: string) => ({ text, dictionary: [], configFiles: [], settings: {} as never, recurring: [] });
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const until = async (cond: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!cond() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return cond();
  };

  it('stops its process (and the model it holds) once idle, and starts a new one for the next document', async () => {
    const pool = new OffThreadAnalysis(script, 50);
    try {
      assert.equal((await pool.analyse(request('一'))).text, '一');
      const first = pool.pid!;
      assert.ok(await until(() => !pool.running, 5000), 'the idle process is stopped');
      assert.ok(await until(() => !alive(first), 5000), 'and has exited, so all of its memory is back');
      assert.equal((await pool.analyse(request('二'))).text, '二');
      assert.ok(pool.running && pool.pid !== first, 'a new process answered');
    } finally {
      pool.dispose();
    }
  });

  it("gives back the article with the request's own text, which the process does not send", async () => {
    const silent = path.join(dir, 'no-text-worker.js');
    fs.writeFileSync(silent, `process.on('message', (m) => process.send({ id: m.id, article: { blocks: [] } }));`);
    const pool = new OffThreadAnalysis(silent, 50);
    try {
      const text = '新聞'.repeat(1000);
      const article = await pool.analyse(request(text));
      assert.equal(article.text, text);
      assert.deepEqual(article.blocks, []);
    } finally {
      pool.dispose();
    }
  });

  it('keeps the process while requests follow each other', async () => {
    const pool = new OffThreadAnalysis(script, 2000);
    try {
      for (const t of ['一', '二', '三']) assert.equal((await pool.analyse(request(t))).text, t);
      assert.ok(pool.running);
    } finally {
      pool.dispose();
    }
  });
});

describe('off-thread analysis with the real analysis process', function () {
  this.timeout(120000);
  before(() => ensureBuilt());
  const text = '當地時間7月3日，美國總統特朗普與俄羅斯總統普京通電話。烏沙科夫表示，雙方討論了中東局勢。\n';
  const modelFound = async (useModel: boolean) => {
    const pool = new OffThreadAnalysis(path.join(ROOT, 'dist', 'analysisWorker.js'));
    try {
      const settings = { ...DEFAULT_SETTINGS, entities: { ...DEFAULT_SETTINGS.entities, useModel } };
      const article = await pool.analyse({ text, dictionary: [], configFiles: [], settings, recurring: [] });
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

  it('sends the article back without its text and line index, which the server has', async () => {
    const child = fork(path.join(ROOT, 'dist', 'analysisWorker.js'), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    try {
      const reply = new Promise<WorkerReply>((resolve) => child.once('message', (m: WorkerReply) => resolve(m)));
      child.send({ id: 7, text, dictionary: [], configFiles: [], settings: DEFAULT_SETTINGS, recurring: [] } satisfies WorkerRequest);
      const { id, article, error } = await reply;
      assert.equal(error, undefined);
      assert.equal(id, 7);
      assert.ok(article && article.entities.length > 0 && article.normalized.length === text.length);
      assert.equal('text' in article && article.text !== undefined, false);
      assert.equal(article.lines, undefined);
    } finally {
      child.kill();
    }
  });

  it('ends when the server goes away (its channel closes), leaving nothing behind', async () => {
    const child = fork(path.join(ROOT, 'dist', 'analysisWorker.js'), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise((resolve) => child.on('spawn', resolve));
    child.disconnect();
    assert.equal(await exited, 0);
  });
});
