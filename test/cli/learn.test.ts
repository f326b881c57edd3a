import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { saveAnnotations } from '../../server/src/node/annotationStore';
import { ROOT, ensureBuilt } from '../protocol/lspClient';

const BIN = path.join(ROOT, 'bin', 'news-annotate');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** 鹄鹚, a person's name the shipped model misses. */
const REVIEWED = '昨天鹄鹚表示将加入谈判。\n鹄鹚说，我们还会再来。\n';
const OTHER = '昨天鹄鹚表示将加入谈判。\n';

describe('news-annotate learn and --model-delta', function () {
  this.timeout(60000);
  let tmp: string;
  let delta: string;
  before(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-learn-'));
    fs.mkdirSync(path.join(tmp, 'reviewed'));
    const file = path.join(tmp, 'reviewed', 'a.txt');
    fs.writeFileSync(file, REVIEWED);
    const annotations = [];
    for (let i = REVIEWED.indexOf('鹄鹚'); i >= 0; i = REVIEWED.indexOf('鹄鹚', i + 1))
      annotations.push({ start: i, end: i + 2, label: 'PER' as const, text: '鹄鹚', status: 'accepted' as const });
    saveAnnotations(file, REVIEWED, { textHash: '', state: 'reviewed', annotations, rejected: [], orphans: [] });
    // An article with decisions but not reviewed: not learned from.
    fs.writeFileSync(path.join(tmp, 'reviewed', 'b.txt'), '上海很热。\n');
    fs.writeFileSync(path.join(tmp, 'reviewed', 'b.ann'), 'T1\tLOC 0 2\t上海\n');
    fs.writeFileSync(path.join(tmp, 'other.txt'), OTHER);
    delta = path.join(tmp, 'reviewed', '.news-annotator', 'model-delta.bin');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const persons = (stdout: string) =>
    (JSON.parse(stdout) as { entities: { text: string; type: string }[] }[])[0].entities.map((e) => `${e.text}/${e.type}`);

  it('learns from the reviewed articles of a folder and writes the overlay into its .news-annotator folder', () => {
    const r = run(['learn', path.join(tmp, 'reviewed')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /learned from 1 reviewed articles \(2 lines\)/);
    assert.ok(fs.existsSync(delta));
  });

  it('annotate and export use the overlay with --model-delta, and only then', () => {
    const other = path.join(tmp, 'other.txt');
    assert.deepEqual(persons(run(['annotate', '--jobs', '1', other]).stdout), []);
    const r = run(['annotate', '--jobs', '2', '--model-delta', delta, other]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(persons(r.stdout), ['鹄鹚/PER']);
    const e = run(['export', '--format', 'jsonl', '--model-delta', delta, other]);
    assert.equal(e.status, 0, e.stderr);
    assert.match(e.stdout, /"text":"鹄鹚"/);
  });

  it('refuses an overlay made for other feature templates, and a file that is not one, with exit status 2', () => {
    const bytes = fs.readFileSync(delta);
    const len = bytes.readUInt32LE(4);
    const header = JSON.parse(bytes.subarray(8, 8 + len).toString('utf8')) as { featureVersion: number };
    Buffer.from(JSON.stringify({ ...header, featureVersion: header.featureVersion + 1 }).padEnd(len, ' ')).copy(bytes, 8);
    const stale = path.join(tmp, 'stale.bin');
    fs.writeFileSync(stale, bytes);
    const r = run(['annotate', '--model-delta', stale, path.join(tmp, 'other.txt')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /made for feature version \d+, the model uses \d+: learn it again/);
    assert.equal(r.stdout, '');
    const bad = run(['export', '--format', 'jsonl', '--model-delta', path.join(tmp, 'other.txt'), path.join(tmp, 'other.txt')]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /not a model overlay/);
  });

  it('says so when there is no reviewed article (exit status 2), and writes nothing', () => {
    const r = run(['learn', '--out', path.join(tmp, 'x.bin'), path.join(tmp, 'other.txt')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no reviewed article/);
    assert.equal(fs.existsSync(path.join(tmp, 'x.bin')), false);
  });
});
