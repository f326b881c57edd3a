import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { saveAnnotations } from '../../server/src/node/annotationStore';
import { overlayPath } from '../../server/src/node/modelDelta';
import { decodeOverlay } from '../../server/src/service/entities/finetune';
import { ModelRequests, type ImproveModelResult } from '../../server/src/protocol';
import { TestClient, ensureBuilt } from './lspClient';

type Progress = {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; cancellable?: boolean; percentage?: number };
};

/** A reviewed article long enough that learning from it takes many slices (so a cancel arrives in the middle). */
function writeReviewedArticle(dir: string, name: string) {
  const lines = Array.from({ length: 400 }, (_, i) => `第${i + 1}段：昨天鹄鹚表示将加入第${i + 1}轮谈判。`);
  const text = lines.join('\n') + '\n';
  const file = path.join(dir, `${name}.txt`);
  fs.writeFileSync(file, text);
  const annotations = [];
  for (let i = text.indexOf('鹄鹚'); i >= 0; i = text.indexOf('鹄鹚', i + 1))
    annotations.push({ start: i, end: i + 2, label: 'PER' as const, text: '鹄鹚', status: 'accepted' as const, by: 'test' });
  saveAnnotations(file, text, { textHash: '', state: 'reviewed', annotations, rejected: [], orphans: [] });
}

describe('language server: improve the model from reviewed articles, and revert (protocol)', function () {
  this.timeout(60000);
  let client: TestClient;
  let dir: string;
  const progress: Progress[] = [];
  let onBegin: ((token: string | number) => void) | undefined;

  before(async () => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-model-lsp-'));
    client = new TestClient();
    client.connection.onNotification('$/progress', (p: Progress) => {
      progress.push(p);
      if (p.value.kind === 'begin') onBegin?.(p.token);
    });
    await client.initialize(pathToFileURL(dir).toString());
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const improve = () => client.connection.sendRequest(ModelRequests.improve) as Promise<ImproveModelResult>;

  it('says there is nothing to learn from when no article is reviewed, and writes nothing', async () => {
    const r = await improve();
    assert.equal(r.outcome, 'none');
    assert.match(r.message, /No reviewed article/);
    assert.equal(fs.existsSync(overlayPath(dir)), false);
  });

  it('stops when the user cancels the progress, leaving the model and the workspace as they were', async () => {
    writeReviewedArticle(dir, 'a');
    progress.length = 0;
    onBegin = (token) => void client.connection.sendNotification('window/workDoneProgress/cancel', { token });
    const r = await improve();
    onBegin = undefined;
    assert.equal(r.outcome, 'cancelled');
    assert.equal(fs.existsSync(overlayPath(dir)), false);
    assert.equal(progress[0].value.kind, 'begin');
    assert.equal(progress[0].value.cancellable, true);
    assert.equal(progress.at(-1)!.value.kind, 'end');
    assert.ok(client.messages.some((m) => /cancelled/.test(m)));
  });

  it('learns with progress to the end, saves the overlay in the workspace, and reverts', async () => {
    progress.length = 0;
    const r = await improve();
    assert.equal(r.outcome, 'improved', r.message);
    assert.equal(r.articles, 1);
    assert.equal(r.lines, 400);
    assert.ok(r.buckets! > 0);
    const file = overlayPath(dir);
    const overlay = decodeOverlay(new Uint8Array(fs.readFileSync(file)));
    assert.equal(overlay.info.articles, 1);
    assert.match(overlay.info.created, /^\d{4}-\d\d-\d\dT/);
    const kinds = progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    const percents = progress.filter((p) => p.value.kind === 'report').map((p) => p.value.percentage!);
    assert.ok(percents.length >= 2, `reports: ${percents}`);
    assert.ok(percents.every((x, i) => i === 0 || x > percents[i - 1]));
    assert.ok(client.messages.some((m) => /learned from 1 reviewed articles \(400 lines\)/.test(m)));

    const reverted = await client.connection.sendRequest(ModelRequests.revert);
    assert.equal(reverted.reverted, true);
    assert.equal(fs.existsSync(file), false);
    assert.equal((await client.connection.sendRequest(ModelRequests.revert)).reverted, false);
  });

  it('refuses a stale overlay at start with a clear message, and keeps the file', async () => {
    // An overlay made for other feature templates: the server must warn and use the shipped model.
    fs.mkdirSync(path.dirname(overlayPath(dir)), { recursive: true });
    const r = await improve();
    assert.equal(r.outcome, 'improved');
    const bytes = fs.readFileSync(overlayPath(dir));
    const len = bytes.readUInt32LE(4);
    const header = JSON.parse(bytes.subarray(8, 8 + len).toString('utf8')) as { featureVersion: number };
    const stale = Buffer.from(JSON.stringify({ ...header, featureVersion: header.featureVersion - 1 }).padEnd(len, ' '));
    assert.equal(stale.length, len);
    stale.copy(bytes, 8);
    fs.writeFileSync(overlayPath(dir), bytes);
    const second = new TestClient();
    try {
      await second.initialize(pathToFileURL(dir).toString());
      const uri = pathToFileURL(path.join(dir, 'a.txt')).toString();
      await second.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'news-article', version: 1, text: fs.readFileSync(path.join(dir, 'a.txt'), 'utf8') },
      });
      await second.waitForDiagnostics(uri);
      const warning = second.messages.find((m) => /feature version/.test(m));
      assert.ok(warning, second.messages.join('\n'));
      assert.match(warning, new RegExp(`version ${header.featureVersion - 1}.*version ${header.featureVersion}`));
      assert.ok(fs.existsSync(overlayPath(dir)), 'a refused overlay is left for the user to redo, never deleted');
    } finally {
      await second.stop();
    }
  });
});
