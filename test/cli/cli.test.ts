import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, ensureBuilt } from '../protocol/lspClient';

const BIN = path.join(ROOT, 'bin', 'news-annotate');
const ARTICLES = path.join(ROOT, 'test', 'fixtures', 'articles');
const SEED = path.join(ARTICLES, 'seed_guancha_ttyw.txt');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('news-annotate CLI', function () {
  this.timeout(60000);
  let tmp: string;
  before(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('annotates a file as a JSON array in the documented schema', () => {
    const r = run(['annotate', SEED]);
    assert.equal(r.status, 0, r.stderr);
    const [a] = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(a), ['file', 'script', 'published', 'entities', 'dates', 'boilerplate']);
    assert.equal(a.script, 'traditional');
    assert.equal(a.published, '2025-07-04T09:50');
    const text = fs.readFileSync(SEED, 'utf8');
    const chars = [...text];
    for (const e of a.entities) assert.equal(chars.slice(e.start, e.end).join(''), e.text, 'code point offsets');
    const putin = a.entities.find((e: { text: string }) => e.text === '普京');
    assert.equal(putin.type, 'PER');
    assert.ok(a.dates.some((d: { text: string; value: string }) => d.text.endsWith('7月3日') && d.value === '2025-07-03'));
    assert.ok(a.boilerplate.some((b: { kind: string; startLine: number }) => b.kind === 'copyright' && b.startLine === 47));
  });

  it('loads the transliteration table the bundles keep in their own file (dist/translit-table.js) when a name needs it', () => {
    // The tagger cuts 珍妮杰克逊 to 杰克逊; the translit family gives 珍妮 back only if the table was loaded.
    const file = path.join(tmp, 'translit.txt');
    fs.writeFileSync(file, '歌手珍妮杰克逊发布新专辑。\n');
    const r = run(['annotate', '--format', 'jsonl', file]);
    assert.equal(r.status, 0, r.stderr);
    const people = JSON.parse(r.stdout).entities.filter((e: { type: string }) => e.type === 'PER');
    assert.deepEqual(
      people.map((e: { text: string }) => e.text),
      ['珍妮杰克逊'],
    );
    // A row of the table as esbuild escapes it (克杰 0.6): in dist/translit-table.js, not in the server bundle.
    const row = '\\u514B\\u67700.6';
    assert.ok(fs.readFileSync(path.join(ROOT, 'dist', 'translit-table.js'), 'utf8').includes(row));
    assert.ok(!fs.readFileSync(path.join(ROOT, 'dist', 'server.js'), 'utf8').includes(row), 'the table is not bundled in');
  });

  it('writes one object per line with --format jsonl', () => {
    const other = path.join(ARTICLES, 'tw_chinatimes_2019-07-05_0df4d9c8.txt');
    const r = run(['annotate', '--format', 'jsonl', SEED, other]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.equal(JSON.parse(lines[1]).file, other);
  });

  it('anchors relative dates to --reference-date when the text has no dateline', () => {
    const file = path.join(tmp, 'nodate.txt');
    fs.writeFileSync(file, '外交部長3日表示，雙方將在周五會面。\n');
    const r = run(['annotate', '--reference-date', '2025-07-04', file]);
    const [a] = JSON.parse(r.stdout);
    assert.equal(a.published, null);
    assert.ok(
      a.dates.some((d: { text: string; value: string }) => d.text === '3日' && d.value === '2025-07-03'),
      JSON.stringify(a.dates),
    );
  });

  it('check lists each boilerplate block as file:first-last kind message and exits 1', () => {
    const r = run(['check', SEED]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, new RegExp(`^${SEED.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:47-47 copyright `, 'm'));
    for (const line of r.stdout.trim().split('\n')) {
      const [, first, last] = /:(\d+)-(\d+) /.exec(line) ?? [];
      assert.ok(+first >= 1 && +first <= +last, line);
    }
  });

  it('check exits 0 on a clean article', () => {
    const file = path.join(tmp, 'clean.txt');
    fs.writeFileSync(file, '特朗普與普京通電話\n\n當地時間7月3日，美國總統特朗普與俄羅斯總統普京通電話。\n');
    const r = run(['check', file]);
    assert.equal(r.stdout, '');
    assert.equal(r.status, 0);
  });

  it('clean prints the article without boilerplate and keeps every gold content line', () => {
    const r = run(['clean', SEED]);
    assert.equal(r.status, 0, r.stderr);
    const gold = JSON.parse(fs.readFileSync(SEED.replace(/\.txt$/, '.gold.json'), 'utf8'));
    const lines = fs.readFileSync(SEED, 'utf8').split('\n');
    for (const n of gold.content) assert.ok(r.stdout.split('\n').includes(lines[n - 1]), `lost line ${n}`);
    assert.ok(!r.stdout.includes('本文系觀察者網獨家稿件'));
  });

  it('clean --write rewrites the file in place', () => {
    const file = path.join(tmp, 'seed.txt');
    fs.copyFileSync(SEED, file);
    const r = run(['clean', '--write', file]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(after.length < fs.readFileSync(SEED, 'utf8').length);
    assert.ok(!after.includes('天天要聞'));
  });

  it('treats the files of one call as a corpus: a line every article of the site repeats is flagged', () => {
    const site = path.join(ROOT, 'test', 'fixtures', 'site');
    const files = ['story1.txt', 'story2.txt', 'story3.txt'].map((f) => path.join(site, f));
    assert.equal(run(['check', files[0]]).stdout, '', 'alone, the site line reads as article metadata');
    const r = run(['check', ...files]);
    assert.equal(r.status, 1);
    for (const f of files) assert.match(r.stdout, new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5-5 `));
  });

  it('converts to Simplified', () => {
    const r = run(['convert', '--to', 'simplified', SEED]);
    assert.equal(r.status, 0);
    assert.ok(r.stdout.startsWith('特朗普与普京通电话'));
  });

  it('reports bad inputs clearly, exits 2, and still processes the good file', () => {
    const binary = path.join(tmp, 'blob.txt');
    fs.writeFileSync(binary, Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 1, 2, 3]));
    const latin = path.join(tmp, 'gbk.txt');
    fs.writeFileSync(latin, Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xff, 0xfe, 0x0a]));
    const r = run(['annotate', '--format', 'jsonl', tmp + '/missing.txt', tmp, binary, latin, SEED]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\.txt: no such file/);
    assert.match(r.stderr, /is a directory/);
    assert.match(r.stderr, /blob\.txt: binary file/);
    assert.match(r.stderr, /gbk\.txt: not valid UTF-8/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(r.stdout.trim().split('\n').length, 1, 'the good file is still annotated');
  });

  it('reads a GBK file when told its encoding', () => {
    const gbk = path.join(tmp, 'gbk2.txt');
    // "你好" in GBK
    fs.writeFileSync(gbk, Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a]));
    const r = run(['convert', '--to', 'traditional', '--encoding', 'gbk', gbk]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '你好\n');
  });

  it('rejects unknown options and commands with usage', () => {
    const a = run(['annotate', '--frobnicate', SEED]);
    assert.equal(a.status, 2);
    assert.match(a.stderr, /unknown or incomplete option: --frobnicate/);
    assert.match(a.stderr, /Usage:/);
    const b = run(['explode', SEED]);
    assert.equal(b.status, 2);
    const c = run(['convert', '--to', 'klingon', SEED]);
    assert.equal(c.status, 2);
    assert.match(c.stderr, /invalid value for --to: klingon/);
  });

  it('--help lists every command and option, --encoding included', () => {
    const r = run(['--help']);
    assert.equal(r.status, 0);
    for (const word of ['annotate', 'check', 'clean', 'convert', '--format', '--reference-date', '--to', '--write', '--encoding']) {
      assert.ok(r.stdout.includes(word), word);
    }
    assert.equal(run(['clean', '--help']).stdout, r.stdout);
  });

  it('accepts --option=value and files after --', () => {
    const r = run(['convert', '--to=simplified', '--', SEED]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith('特朗普与普京通电话'));
  });

  it('speaks Traditional Chinese under a zh_TW locale', () => {
    const r = run(['annotate', path.join(tmp, 'nope.txt')], { LANG: 'zh_TW.UTF-8' });
    assert.match(r.stderr, /找不到檔案/);
  });
});
