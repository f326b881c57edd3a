/** A short seeded run of the fuzzers (`npm run fuzz` runs them for minutes): service, CLI and LSP framing. */
import * as assert from 'node:assert/strict';
import { ensureBuilt } from '../protocol/lspClient';
import { Report, applyChecked, checkExport, isLineSubsequence } from '../../scripts/fuzz/common';
import { fuzzService } from '../../scripts/fuzz/service';
import { fuzzCli } from '../../scripts/fuzz/cli';
import { fuzzLsp } from '../../scripts/fuzz/lsp';

const describeFindings = (r: Report) => r.findings.map((f) => `${f.kind} ${f.target}:${f.index} (seed ${r.seed}): ${f.message}`).join('\n');

describe('fuzzing, short seeded run', function () {
  this.timeout(180000);
  before(() => ensureBuilt());

  it('the service keeps its invariants on 12 mutated articles', () => {
    const report = new Report(15);
    fuzzService(report, 0, 12);
    assert.equal(report.inputsBy.service, 12);
    assert.equal(report.findings.length, 0, describeFindings(report));
  });

  it('the CLI keeps its invariants on 3 runs over odd files', async () => {
    const report = new Report(15);
    await fuzzCli(report, 0, 3);
    assert.equal(report.inputsBy.cli, 3);
    assert.equal(report.findings.length, 0, describeFindings(report));
  });

  it('the server survives a storm of messages and broken framing', async () => {
    const report = new Report(15);
    await fuzzLsp(report, 0, 1);
    assert.ok(report.inputsBy.lsp >= 20);
    assert.equal(report.findings.length, 0, describeFindings(report));
  });

  it('the invariants catch what they are meant to', () => {
    assert.ok(!isLineSubsequence('a\nb\nc\n', 'a\nc\nb\n'));
    assert.ok(!isLineSubsequence('ab\ncd\n', 'ad\n'), 'a removal that joins two half lines');
    assert.ok(isLineSubsequence('a\r\nb\rc\n', 'a\nc\n'));
    const edit = (l1: number, c1: number, l2: number, c2: number) => ({
      range: { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } },
      newText: '',
    });
    assert.ok('problem' in applyChecked('abc\ndef\n', [edit(0, 0, 1, 1), edit(1, 0, 1, 2)]), 'overlap');
    assert.ok('problem' in applyChecked('abc\n', [edit(0, 1.5, 0, 2)]), 'invalid position');
    assert.match(checkExport('a😀b', { entities: [{ start: 1, end: 3, text: '😀b' }], dates: [] }) ?? '', /^$/);
    assert.match(checkExport('a😀b', { entities: [{ start: 1, end: 3, text: '\ud83d' }], dates: [] }) ?? '', /slice/);
  });
});
