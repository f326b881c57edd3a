/**
 * The stdio encoder writes publishDiagnostics from each diagnostic's kept JSON: what it writes must be exactly what
 * JSON.stringify writes, after any edit sequence (where the service lends last version's diagnostic objects), and
 * it must serialise only the diagnostics that are new.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Message } from 'vscode-languageserver/node';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { createLanguageService } from '../../server/src/service/index';
import { cachingJsonEncoder, encodeMessage, encoderStats } from '../../server/src/node/diagnosticsEncoder';
import { Rng } from '../../scripts/lib/rng';

const DIR = path.join(__dirname, '..', 'fixtures', 'articles');
const PAGES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

const publish = (uri: string, version: number | undefined, diagnostics: unknown[]): Message =>
  ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } }) as Message;

describe('diagnostics encoder (stdio)', function () {
  this.timeout(60000);

  it('writes what JSON.stringify writes after random edits on the gold pages, serialising only new diagnostics', () => {
    const service = createLanguageService({ recognizer: createEntityRecognizer({}) });
    const r = new Rng(77);
    let fresh = 0;
    let total = 0;
    for (const page of PAGES.slice(0, 8)) {
      let text = fs.readFileSync(path.join(DIR, page), 'utf8');
      const uri = `file:///${page.replace(/ /g, '%20')}`;
      for (let version = 1; version <= 20; version++) {
        const current = text;
        const msg = publish(uri, version, service.diagnostics({ uri, version, getText: () => current }));
        const before = encoderStats.serialised;
        assert.ok(encodeMessage(msg).equals(Buffer.from(JSON.stringify(msg))), `${page}, version ${version}`);
        if (version > 1) {
          fresh += encoderStats.serialised - before;
          total += (msg as unknown as { params: { diagnostics: unknown[] } }).params.diagnostics.length;
        }
        // A keystroke, a pasted line break or a deleted stretch.
        const at = Math.floor(r.next() * (text.length + 1));
        const k = r.next();
        text =
          k < 0.6
            ? text.slice(0, at) + text.charAt(Math.floor(r.next() * text.length)) + text.slice(at)
            : k < 0.8
              ? text.slice(0, at) + '\n' + text.slice(at)
              : text.slice(0, at) + text.slice(at + 1 + Math.floor(r.next() * 20));
      }
      service.close(uri);
    }
    assert.ok(total > 500, `diagnostics published after an edit: ${total}`);
    // Most of a version's diagnostics are the last version's objects, whose JSON is kept.
    assert.ok(fresh < total / 4, `serialised afresh: ${fresh} of ${total}`);
  });

  it('encodes every other message, and odd publish shapes, as JSON.stringify does', async () => {
    const messages = [
      { jsonrpc: '2.0', id: 3, result: { data: [1, 2, 3], resultId: '7' } },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: '中文 "quoted" \\ \u2028' } },
      publish('file:///a%20b.txt', undefined, []),
      publish('file:///x"y.txt', 0, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' }]),
      // Not plain diagnostics: left to JSON.stringify whole.
      publish('file:///c.txt', 2, [null, 3, 'x']),
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///d', diagnostics: [], extra: 1 } },
      { method: 'textDocument/publishDiagnostics', jsonrpc: '2.0', params: { diagnostics: [{}], uri: 'file:///e' } },
    ] as Message[];
    for (const msg of messages) {
      assert.equal(encodeMessage(msg).toString('utf8'), JSON.stringify(msg));
      const bytes = await cachingJsonEncoder.encode(msg, { charset: 'utf-8' });
      assert.equal(Buffer.from(bytes).toString('utf8'), JSON.stringify(msg));
    }
  });
});
