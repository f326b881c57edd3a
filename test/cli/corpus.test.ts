import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { annotateCorpus } from '../../server/src/cli/stream';
import { Progress } from '../../server/src/cli/progress';
import { createLocalizer } from '../../server/src/service/messages';
import { ROOT, ensureBuilt } from '../protocol/lspClient';

const BIN = path.join(ROOT, 'bin', 'news-annotate');
const ARTICLES = path.join(ROOT, 'test', 'fixtures', 'articles');
const files = fs
  .readdirSync(ARTICLES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => path.join(ARTICLES, f));
const t = createLocalizer('en');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('news-annotate annotate over corpora', function () {
  this.timeout(180000);
  let tmp: string;
  let jsonl: string;
  before(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-corpus-'));
    jsonl = files.map((f) => JSON.stringify({ id: path.basename(f), text: fs.readFileSync(f, 'utf8') })).join('\n') + '\n';
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('gives the same bytes on 1 and 2 worker threads, in input order (json and jsonl)', () => {
    for (const format of ['json', 'jsonl']) {
      const one = run(['annotate', '--format', format, '--jobs', '1', ...files]);
      const two = run(['annotate', '--format', format, '--jobs', '2', ...files]);
      assert.equal(one.status, 0, one.stderr);
      assert.equal(two.stdout, one.stdout);
      assert.equal(one.stderr + two.stderr, '', 'no progress bar when stderr is not a terminal');
    }
    const parsed = JSON.parse(run(['annotate', '--jobs', '2', ...files]).stdout) as { file: string }[];
    assert.deepEqual(
      parsed.map((a) => a.file),
      files,
    );
  });

  it('--stdin-jsonl writes one {"id", …annotations} line per input line, and the same annotations as a file', () => {
    const r = run(['annotate', '--stdin-jsonl', '--jobs', '2'], jsonl);
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      out.map((o) => o.id),
      files.map((f) => path.basename(f)),
    );
    assert.deepEqual(Object.keys(out[0]), ['id', 'script', 'published', 'entities', 'dates', 'boilerplate']);
    // A document on its own (no corpus signal): the same as annotating that one file.
    const single = JSON.parse(run(['annotate', '--format', 'jsonl', files[3]]).stdout);
    delete single.file;
    const rest = { ...out[3] };
    delete rest.id;
    assert.deepEqual(rest, single);
  });

  it('--stdin-jsonl answers a bad line with an error line in its place, a message on stderr, and exit 2', () => {
    const input = ['{"id":"a","text":"外交部長3日表示"}', 'not json', '{"id":"c"}', '{"id":"d","text":"普京說"}'].join('\n');
    const r = run(['annotate', '--stdin-jsonl'], input);
    assert.equal(r.status, 2);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      out.map((o) => o.id),
      ['a', null, 'c', 'd'],
    );
    assert.ok(out[1].error.includes('stdin line 2'), out[1].error);
    assert.ok(out[2].error.includes('stdin line 3'), out[2].error);
    assert.ok(out[3].entities.some((e: { text: string }) => e.text === '普京'));
    assert.match(r.stderr, /stdin line 2: not a JSON object/);
  });

  it('--stdin-files reads paths from stdin and reports an unreadable one without losing the rest', () => {
    const r = run(
      ['annotate', '--stdin-files', '--format', 'jsonl'],
      [files[0], path.join(tmp, 'missing.txt'), files[1]].join('\n') + '\n',
    );
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\.txt: no such file/);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      out.map((o) => o.file),
      [files[0], files[1]],
    );
  });

  it('GNU parallel --pipe over a local corpus gives the single-process output byte for byte', () => {
    const which = spawnSync('parallel', ['--version'], { encoding: 'utf8' });
    assert.ok(!which.error && which.status === 0, 'GNU parallel is needed for this test: apt-get install parallel');
    const corpus = path.join(tmp, 'corpus.jsonl');
    fs.writeFileSync(corpus, jsonl.repeat(2));
    const single = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" annotate --stdin-jsonl --jobs 1 < "${corpus}"`], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    // Chunks of 3 records, 2 at a time, reassembled in input order (-k): what a cluster run does with --sshlogin.
    const piped = spawnSync(
      'sh',
      ['-c', `parallel --will-cite --pipe -k -N 3 -j 2 "${process.execPath}" "${BIN}" annotate --stdin-jsonl --jobs 1 < "${corpus}"`],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      },
    );
    assert.equal(single.status, 0, single.stderr);
    assert.equal(piped.status, 0, piped.stderr);
    assert.equal(single.stdout.split('\n').length, files.length * 2 + 1);
    assert.equal(piped.stdout, single.stdout);
  });

  it('streams with a bounded window: memory does not grow with the input', async () => {
    let produced = 0;
    let written = 0;
    let lead = 0;
    const total = 3000;
    const stdin = Readable.from(
      (function* () {
        for (produced = 0; produced < total;) {
          produced++;
          yield JSON.stringify({ id: produced, text: `張${produced % 7}說，台北市政府3日表示。` }) + '\n';
        }
      })(),
      { objectMode: false, highWaterMark: 1 },
    );
    const stdout = new Writable({
      write(chunk, _enc, cb) {
        written += String(chunk).split('\n').length - 1;
        lead = Math.max(lead, produced - written);
        cb();
      },
    });
    const status = await annotateCorpus(
      [],
      { jobs: 1, format: 'jsonl', encoding: 'utf-8', stdinJsonl: true, locale: 'en' },
      { stdin, stdout, stderr: new PassThrough(), t },
    );
    assert.equal(status, 0);
    assert.equal(written, total);
    assert.ok(lead < 64, `at most a window of records read ahead of the output, saw ${lead}`);
  });

  it('draws a progress bar only on a terminal', () => {
    const chunks: string[] = [];
    const tty = Object.assign(new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) }), { isTTY: true });
    const bar = new Progress(tty, t, 2);
    bar.tick(1e6);
    bar.tick(1e6);
    bar.clear();
    assert.match(chunks.join(''), /2\/2 files, [\d.]+ MB\/s, 0 s left/);
    const pipe: string[] = [];
    const quiet = new Progress(new Writable({ write: (c, _e, cb) => (pipe.push(String(c)), cb()) }), t, 2);
    quiet.tick(1e6);
    quiet.clear();
    assert.deepEqual(pipe, []);
  });
});
