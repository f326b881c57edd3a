import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Hover, SemanticTokens } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../server/src/service/legend';
import { ANNOTATE_COMMAND, AnnotationNotifications, AnnotationRequests, type ArticleReviewStatus } from '../../server/src/protocol';
import { ROOT, TestClient, ensureBuilt } from './lspClient';

const SEED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8');

function decode(text: string, tokens: SemanticTokens) {
  const doc = TextDocument.create('x', 'x', 0, text);
  const out: { text: string; type: string; modifiers: string[]; start: number }[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, len, type, mods] = tokens.data.slice(i, i + 5);
    line += dl;
    char = dl ? dc : char + dc;
    const start = doc.offsetAt({ line, character: char });
    out.push({
      text: text.slice(start, start + len),
      type: TOKEN_TYPES[type],
      modifiers: TOKEN_MODIFIERS.filter((_m, b) => mods & (1 << b)),
      start,
    });
  }
  return out;
}

describe('language server: the annotation workflow (protocol)', function () {
  this.timeout(60000);
  let client: TestClient;
  let dir: string;
  let file: string;
  let uri: string;
  let doc: TextDocument;
  const changed: string[] = [];
  let waiter: (() => void) | undefined;
  const nextChange = () => new Promise<void>((resolve) => (waiter = resolve));

  before(async () => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annot-lsp-'));
    file = path.join(dir, 'seed.txt');
    fs.writeFileSync(file, SEED);
    // Another article of the workspace where a person confirmed a name the recogniser does not know.
    fs.writeFileSync(path.join(dir, 'other.txt'), '記者王小明報道。\n');
    fs.writeFileSync(path.join(dir, 'other.ann'), 'T1\tPER 0 2\t記者\n#1\tAnnotatorNotes T1\tstatus=corrected\n');
    uri = pathToFileURL(file).toString();
    client = new TestClient();
    client.connection.onNotification(AnnotationNotifications.changed, (p: { uri: string }) => {
      changed.push(p.uri);
      waiter?.();
    });
    await client.initialize(pathToFileURL(dir).toString());
    doc = TextDocument.create(uri, 'news-article', 1, SEED);
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'news-article', version: 1, text: SEED },
    });
    await client.waitForDiagnostics(uri);
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const tokens = async () =>
    decode(doc.getText(), await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }));
  const posOf = (needle: string, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = doc.getText().indexOf(needle, i + 1);
    return { start: doc.positionAt(i), end: doc.positionAt(i + needle.length) };
  };
  const actionsAt = (range: { start: unknown; end: unknown }): Promise<CodeAction[]> =>
    client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
  const run = async (action: CodeAction) => {
    const done = nextChange();
    await client.connection.sendRequest('workspace/executeCommand', action.command);
    await done;
  };

  it('marks every token predicted before anyone reviewed, and uses a name confirmed in another article', async () => {
    const all = await tokens();
    const putin = all.find((t) => t.text === '普京')!;
    assert.deepEqual(
      putin.modifiers.filter((m) => m === 'reviewed' || m === 'predicted'),
      ['predicted'],
    );
    assert.ok(
      all.filter((t) => t.text === '記者').every((t) => t.type === 'person'),
      'the workspace dictionary names 記者 a person',
    );
    assert.ok(all.some((t) => t.text === '記者'));
  });

  it('marks a selection as an organisation: the .ann appears, the token is reviewed, the hover says by whom', async () => {
    const range = posOf('塔斯社');
    const mark = (await actionsAt(range)).find(
      (a) =>
        a.command?.command === ANNOTATE_COMMAND &&
        (a.command.arguments?.[0] as { label?: string }).label === 'ORG' &&
        !(a.command.arguments?.[0] as { everywhere?: boolean }).everywhere,
    )!;
    assert.ok(mark, 'a "mark as Organisation" action');
    await run(mark);
    const ann = fs.readFileSync(path.join(dir, 'seed.ann'), 'utf8');
    assert.match(ann, /^T1\tORG \d+ \d+\t塔斯社$/m);
    assert.match(ann, new RegExp(`status=corrected by=${os.userInfo().username}`));
    const t = (await tokens()).find((x) => x.text === '塔斯社')!;
    assert.equal(t.type, 'organization');
    assert.ok(t.modifiers.includes('reviewed'));
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: range.start });
    assert.match((hover.contents as { value: string }).value, /reviewed: corrected/);
  });

  it('"not an entity" removes a prediction and records the rejection', async () => {
    const range = posOf('普京');
    const reject = (await actionsAt({ start: range.start, end: range.start })).find(
      (a) =>
        (a.command?.arguments?.[0] as { action?: string })?.action === 'reject' &&
        !(a.command?.arguments?.[0] as { everywhere?: boolean }).everywhere,
    )!;
    assert.match(reject.title, /Not an entity/);
    await run(reject);
    const starts = (await tokens()).filter((x) => x.text === '普京').map((x) => x.start);
    assert.ok(!starts.includes(doc.offsetAt(range.start)));
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'seed.ann.json'), 'utf8'));
    assert.equal(meta.rejected[0].text, '普京');
  });

  it('annotations follow an edit above them, and are saved against the new text when the article is closed', async () => {
    const inserted = '插入的一行。\n';
    const text = inserted + doc.getText();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: inserted }],
    });
    doc = TextDocument.create(uri, 'news-article', 2, text);
    const t = (await tokens()).find((x) => x.text === '塔斯社' && x.modifiers.includes('reviewed'));
    assert.ok(t, 'the reviewed span moved with the text');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    fs.writeFileSync(file, text);
    const r: ArticleReviewStatus[] = await client.connection.sendRequest(AnnotationRequests.corpusStatus, { uris: [uri] });
    assert.equal(r[0].state, 'in-progress');
    assert.equal(r[0].reviewedCount, 1);
    const ann = fs.readFileSync(path.join(dir, 'seed.ann'), 'utf8');
    const [, s] = /ORG (\d+) /.exec(ann)!;
    assert.equal([...text].slice(Number(s), Number(s) + 3).join(''), '塔斯社');
  });

  it('accept all marks the article reviewed', async () => {
    const text = doc.getText();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'news-article', version: 3, text },
    });
    doc = TextDocument.create(uri, 'news-article', 3, text);
    const onName = posOf('特朗普');
    const all = (await actionsAt({ start: onName.start, end: onName.start })).find(
      (a) => (a.command?.arguments?.[0] as { action?: string })?.action === 'acceptAll',
    )!;
    assert.ok(all, 'accept all is offered on a name');
    const blank = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.trim() === '');
    const none = await actionsAt({ start: { line: blank, character: 0 }, end: { line: blank, character: 0 } });
    assert.ok(!none.some((a) => a.command?.command === ANNOTATE_COMMAND), 'no review action (and no light bulb) on a blank line');
    await run(all);
    const r: ArticleReviewStatus[] = await client.connection.sendRequest(AnnotationRequests.corpusStatus, { uris: [uri] });
    assert.equal(r[0].state, 'reviewed');
    assert.ok((await tokens()).every((x) => x.modifiers.includes('reviewed')));
  });
});
