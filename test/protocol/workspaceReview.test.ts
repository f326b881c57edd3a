import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnnotationRequests } from '../../server/src/protocol';
import { TestClient, ensureBuilt } from './lspClient';

type Progress = { value: { kind: string; percentage?: number; message?: string; cancellable?: boolean } };

describe('language server: apply to every occurrence in the workspace (protocol)', function () {
  this.timeout(60000);
  let client: TestClient;
  let dir: string;
  const progress: Progress[] = [];
  const texts = {
    a: '记者王小明报道。鹄鹚表示，鹄鹚集团将扩大投资。\n',
    b: '鹄鹚今天发表声明。\n',
    c: '上海今天很热。\n',
  };
  const uri = (n: string) => pathToFileURL(path.join(dir, `${n}.txt`)).toString();
  const ann = (n: string) => path.join(dir, `${n}.ann`);

  before(async () => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-ws-review-'));
    for (const [n, t] of Object.entries(texts)) fs.writeFileSync(path.join(dir, `${n}.txt`), t);
    client = new TestClient();
    client.connection.onNotification('$/progress', (p: Progress) => progress.push(p));
    await client.initialize(pathToFileURL(dir).toString());
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri('a'), languageId: 'news-article', version: 1, text: texts.a },
    });
    await client.waitForDiagnostics(uri('a'));
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const doc = () => TextDocument.create(uri('a'), 'news-article', 1, texts.a);
  const rangeOf = (needle: string) => {
    const i = texts.a.indexOf(needle);
    return { start: doc().positionAt(i), end: doc().positionAt(i + needle.length) };
  };
  const all = () => ['a', 'b', 'c'].map(uri);

  it('offers the workspace-wide mark on a selection, as a client command', async () => {
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri('a') },
      range: rangeOf('鹄鹚'),
      context: { diagnostics: [] },
    });
    const ws = actions.find((a) => a.command?.command === 'newsAnnotator.markInWorkspace');
    assert.ok(ws, actions.map((a) => a.title).join(' | '));
    assert.match(ws.title, /every "鹄鹚" in the workspace/);
  });

  it('marks every occurrence in every article that has it, with progress and a count, and leaves the others alone', async () => {
    progress.length = 0;
    const r = await client.connection.sendRequest(AnnotationRequests.annotateWorkspace, {
      uri: uri('a'),
      range: rangeOf('鹄鹚'),
      action: 'mark',
      label: 'PER',
      uris: all(),
    });
    assert.ok(r);
    assert.equal(r.occurrences, 3);
    assert.equal(r.articles, 2);
    assert.equal(r.cancelled, false);
    assert.match(r.message, /Marked "鹄鹚" in 3 places in 2 articles/);
    // The open article and the one on disk each got their .ann; the article without the name got none.
    assert.equal((fs.readFileSync(ann('a'), 'utf8').match(/\tPER \d+ \d+\t鹄鹚/g) ?? []).length, 2);
    assert.equal((fs.readFileSync(ann('b'), 'utf8').match(/\tPER 0 2\t鹄鹚/g) ?? []).length, 1);
    assert.equal(fs.existsSync(ann('c')), false);
    assert.equal(progress[0].value.kind, 'begin');
    assert.equal(progress[0].value.cancellable, true);
    assert.equal(progress.at(-1)!.value.kind, 'end');
    assert.ok(progress.some((p) => p.value.kind === 'report' && /articles/.test(p.value.message ?? '')));
  });

  it('undoes the last workspace-wide change in every article it touched', async () => {
    const u = await client.connection.sendRequest(AnnotationRequests.undoAnnotateWorkspace);
    assert.equal(u.articles, 2);
    assert.doesNotMatch(fs.existsSync(ann('b')) ? fs.readFileSync(ann('b'), 'utf8') : '', /鹄鹚/);
    assert.doesNotMatch(fs.existsSync(ann('a')) ? fs.readFileSync(ann('a'), 'utf8') : '', /鹄鹚/);
    assert.equal((await client.connection.sendRequest(AnnotationRequests.undoAnnotateWorkspace)).articles, 0);
  });

  it('removes a name everywhere in the workspace ("not an entity"), recorded as rejections beside each article', async () => {
    await client.connection.sendRequest(AnnotationRequests.annotateWorkspace, {
      uri: uri('a'),
      range: rangeOf('鹄鹚'),
      action: 'mark',
      label: 'ORG',
      uris: all(),
    });
    const r = await client.connection.sendRequest(AnnotationRequests.annotateWorkspace, {
      uri: uri('a'),
      range: { start: rangeOf('鹄鹚').start, end: rangeOf('鹄鹚').start },
      action: 'reject',
      uris: all(),
    });
    assert.ok(r);
    assert.equal(r.occurrences, 3);
    assert.equal(r.articles, 2);
    for (const n of ['a', 'b']) {
      assert.doesNotMatch(fs.existsSync(ann(n)) ? fs.readFileSync(ann(n), 'utf8') : '', /鹄鹚/);
      assert.match(fs.readFileSync(`${ann(n)}.json`, 'utf8'), /"rejected"[\s\S]*鹄鹚/);
    }
  });

  it('answers null where there is nothing to apply', async () => {
    const r = await client.connection.sendRequest(AnnotationRequests.annotateWorkspace, {
      uri: uri('a'),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      action: 'mark',
      label: 'PER',
      uris: all(),
    });
    assert.equal(r, null);
  });
});
