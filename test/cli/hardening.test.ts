/** The CLI under hostile or unlucky input (issue 15): odd names, read-only files, encodings, limits, config. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, ensureBuilt } from '../protocol/lspClient';

const BIN = path.join(ROOT, 'bin', 'news-annotate');
const SEED = path.join(ROOT, 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt');
const SEED_TEXT = fs.readFileSync(SEED, 'utf8');

function run(args: string[], options: { uid?: number; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
    cwd: options.cwd,
    uid: options.uid,
    gid: options.uid,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('news-annotate CLI hardening', function () {
  this.timeout(60000);
  let tmp: string;
  before(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-cli-hard-'));
    fs.chmodSync(tmp, 0o777);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('annotates files named like Object.prototype members, and every other file too', () => {
    const dir = path.join(tmp, 'proto');
    fs.mkdirSync(dir);
    const names = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];
    for (const n of names) fs.writeFileSync(path.join(dir, n), SEED_TEXT);
    const r = run(['annotate', '--format', 'jsonl', ...names.map((n) => path.join(dir, n)), SEED]);
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(out.length, names.length + 1);
    for (const a of out) assert.ok(a.entities.length > 10 && a.boilerplate.length > 0, a.file);
    const check = run(['check', path.join(dir, 'constructor')]);
    assert.equal(check.status, 1, check.stderr);
  });

  it('clean --write on a read-only file reports it, exits 2, leaves it as it was and still writes the others', function () {
    const dir = path.join(tmp, 'ro');
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o777);
    const ro = path.join(dir, 'ro.txt');
    const rw = path.join(dir, 'rw.txt');
    fs.writeFileSync(ro, SEED_TEXT);
    fs.writeFileSync(rw, SEED_TEXT);
    fs.chmodSync(rw, 0o666);
    fs.chmodSync(ro, 0o444);
    // root may write anything: run as nobody there so the permission means what it says.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    const r = run(['clean', '--write', ro, rw], { uid });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /ro\.txt: .*(read-only|cannot be written)/);
    assert.doesNotMatch(r.stderr, /internal error/);
    assert.equal(fs.readFileSync(ro, 'utf8'), SEED_TEXT);
    assert.ok(fs.readFileSync(rw, 'utf8').length < SEED_TEXT.length, 'the writable file is cleaned');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['ro.txt', 'rw.txt'], 'no temporary file left behind');
  });

  it('clean --write keeps UTF-16 with its BOM, and GBK as GBK', () => {
    const u16 = path.join(tmp, 'u16.txt');
    fs.writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED_TEXT, 'utf16le')]));
    const r = run(['clean', '--write', u16]);
    assert.equal(r.status, 0, r.stderr);
    const bytes = fs.readFileSync(u16);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'BOM kept');
    const text = bytes.subarray(2).toString('utf16le');
    assert.ok(text.length < SEED_TEXT.length && text.startsWith('特朗普與普京通電話'), text.slice(0, 40));

    // 你好 / 版权所有 in GBK, then a line the cleaner removes.
    const gbkText = '你好世界新闻\n\n当地时间7月3日，美国总统特朗普与俄罗斯总统普京通电话。\n\n版权所有，未经授权不得转载。\n';
    const gbk = path.join(tmp, 'gbk.txt');
    const bytesGbk = encodeGbk(gbkText);
    fs.writeFileSync(gbk, bytesGbk);
    const w = run(['clean', '--write', '--encoding', 'gbk', gbk]);
    assert.equal(w.status, 0, w.stderr);
    const back = new TextDecoder('gbk', { fatal: true }).decode(fs.readFileSync(gbk));
    assert.ok(back.startsWith('你好世界新闻\n'), back);
    assert.ok(!back.includes('版权所有'), 'the copyright line is removed');
    assert.ok(gbkText.split('\n').length > back.split('\n').length);
  });

  it('convert and clean to stdout keep a UTF-8 BOM that was there', () => {
    const file = path.join(tmp, 'bom.txt');
    fs.writeFileSync(file, '\uFEFF' + SEED_TEXT);
    const c = run(['convert', '--to', 'simplified', file]);
    assert.ok(c.stdout.startsWith('\uFEFF特朗普与普京'), JSON.stringify(c.stdout.slice(0, 5)));
    const k = run(['clean', file]);
    assert.ok(k.stdout.startsWith('\uFEFF特朗普與普京'), JSON.stringify(k.stdout.slice(0, 5)));
  });

  it('names the encoding asked for when a file does not decode', () => {
    const file = path.join(tmp, 'notbig5.txt');
    fs.writeFileSync(file, Buffer.from([0xa4, 0x40, 0x81, 0x0a]));
    const r = run(['check', '--encoding', 'big5', file]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /notbig5\.txt: not valid big5 text/);
  });

  it('states the size limit in characters and in bytes, as it applies', () => {
    const file = path.join(tmp, 'big.txt');
    fs.writeFileSync(file, 'abc defg hij klm nop\n'.repeat(Math.ceil(11e6 / 21)));
    const r = run(['check', file]);
    assert.equal(r.status, 2);
    assert.doesNotMatch(r.stderr, /30 MB/);
    assert.match(r.stderr, /big\.txt: 11,000,\d{3} characters, more than the limit of 10,000,000 characters/);
  });

  it('escapes U+2028, U+2029 and U+0085 in --format jsonl, so each record stays on one line', () => {
    // The file name is carried into the record as it is.
    const file = path.join(tmp, 'a\u2028b\u2029c\u0085.txt');
    fs.writeFileSync(file, '特朗普與普京通電話\n');
    const r = run(['annotate', '--format', 'jsonl', file]);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /[\u2028\u2029\u0085]/);
    const lines = r.stdout.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).filter(Boolean);
    assert.equal(lines.length, 1);
    assert.equal(JSON.parse(lines[0]).file, file);
  });

  it("reads .news-annotator.json from the file's folder or a parent, as the editor does", () => {
    const ws = path.join(tmp, 'ws');
    const sub = path.join(ws, 'a', 'b');
    fs.mkdirSync(sub, { recursive: true });
    const file = path.join(sub, 'story.txt');
    fs.writeFileSync(file, '記者王小明報導，今天有人在禾青風說了這件事。\n');
    const before = JSON.parse(run(['annotate', file]).stdout)[0];
    assert.ok(!before.entities.some((e: { text: string }) => e.text === '禾青風'));
    // A BOM at the start is accepted (editors on Windows write one).
    fs.writeFileSync(path.join(ws, '.news-annotator.json'), '\uFEFF' + JSON.stringify({ dictionary: [{ text: '禾青風', type: 'LOC' }] }));
    const r = run(['annotate', file]);
    assert.equal(r.stderr, '');
    const after = JSON.parse(r.stdout)[0];
    assert.ok(
      after.entities.some((e: { text: string; type: string }) => e.text === '禾青風' && e.type === 'LOC'),
      JSON.stringify(after.entities),
    );
  });

  it('rejects a config that is a top-level array, and names the file once in a JSON error', () => {
    const ws = path.join(tmp, 'ws2');
    fs.mkdirSync(ws);
    const file = path.join(ws, 'story.txt');
    fs.writeFileSync(file, '記者王小明報導。\n');
    const config = path.join(ws, '.news-annotator.json');
    fs.writeFileSync(config, '[{"text": "王小明", "type": "PER"}]');
    const a = run(['annotate', file]);
    assert.match(a.stderr, /\.news-annotator\.json: .*object/);
    fs.writeFileSync(config, '{"dictionary": [}');
    const b = run(['annotate', file]);
    assert.equal(b.stderr.split('.news-annotator.json').length - 1, 1, b.stderr);
    assert.equal(a.status, 0, 'a broken config is reported; the article is still annotated');
  });
});

/** GBK bytes by inverting the platform decoder over the two-byte range (enough for the test's characters). */
function encodeGbk(text: string): Buffer {
  const dec = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = dec.decode(Uint8Array.from([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) out.push(c);
    else out.push(...table.get(ch)!);
  }
  return Buffer.from(out);
}
