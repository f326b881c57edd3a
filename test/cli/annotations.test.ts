import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, ensureBuilt } from '../protocol/lspClient';

const BIN = path.join(ROOT, 'bin', 'news-annotate');
const SEED = path.join(ROOT, 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('news-annotate export / import / agree', function () {
  this.timeout(60000);
  let tmp: string;
  let article: string;
  beforeEach(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annot-'));
    fs.mkdirSync(path.join(tmp, 'corpus'));
    article = path.join(tmp, 'corpus', 'seed.txt');
    fs.copyFileSync(SEED, article);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("exports brat with an annotation.conf, and a person's stored correction wins over the prediction", () => {
    const text = fs.readFileSync(article, 'utf8');
    const i = [...text].join('').indexOf('普京');
    const cp = [...text.slice(0, i)].length;
    fs.writeFileSync(
      path.join(tmp, 'corpus', 'seed.ann'),
      `T1\tORG ${cp} ${cp + 2}\t普京\n#1\tAnnotatorNotes T1\tstatus=corrected by=bob\n`,
    );
    const r = run(['export', '--format', 'brat', '--out', path.join(tmp, 'out'), path.join(tmp, 'corpus')]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(fs.existsSync(path.join(tmp, 'out', 'annotation.conf')));
    assert.equal(fs.readFileSync(path.join(tmp, 'out', 'seed.txt'), 'utf8'), text);
    const ann = fs.readFileSync(path.join(tmp, 'out', 'seed.ann'), 'utf8');
    assert.match(ann, new RegExp(`^T\\d+\\tORG ${cp} ${cp + 2}\\t普京$`, 'm'));
    assert.doesNotMatch(ann, new RegExp(`^T\\d+\\tPER ${cp} ${cp + 2}\\t`, 'm'), 'the prediction on the corrected span is gone');
    assert.match(ann, /status=corrected by=bob/);
  });

  it('a name confirmed in one article of the call is predicted in the others (the workspace dictionary)', () => {
    const other = path.join(tmp, 'corpus', 'other.txt');
    // The recogniser alone does not know 澄星 (an airline nobody lists): a person confirmed it in another article.
    fs.writeFileSync(other, '澄星航空今日宣布新航線。\n');
    fs.writeFileSync(path.join(tmp, 'corpus', 'other.ann'), 'T1\tORG 0 2\t澄星\n#1\tAnnotatorNotes T1\tstatus=corrected\n');
    fs.writeFileSync(article, '澄星宣布漲價，華航跟進。\n');
    const names = (files: string[]) => {
      const r = run(['export', '--format', 'jsonl', ...files]);
      assert.equal(r.status, 0, r.stderr);
      const seed = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .find((d) => d.name === 'seed');
      return seed.entities.map((e: { text: string; type: string }) => `${e.text}:${e.type}`);
    };
    assert.ok(!names([article]).includes('澄星:ORG'), 'alone, the recogniser misses it');
    assert.ok(names([path.join(tmp, 'corpus')]).includes('澄星:ORG'));
  });

  it('exports character-level CoNLL without the boilerplate when asked', () => {
    const all = run(['export', '--format', 'conll', article]);
    const clean = run(['export', '--format', 'conll', '--exclude-boilerplate', article]);
    assert.equal(all.status, 0, all.stderr);
    assert.ok(clean.stdout.length < all.stdout.length);
    assert.match(clean.stdout, /^普\tB-PER\n京\tE-PER$/m);
    assert.ok(
      clean.stdout.split('\n').every((l) => l === '' || /^\S+\t[BIESO](-[A-Z]+)?$/u.test(l)),
      'one character and a tag per line',
    );
  });

  it('imports doccano into the store beside the article, and agree finds the two sets identical', () => {
    const doccano = run(['export', '--format', 'doccano', article]);
    const file = path.join(tmp, 'x.jsonl');
    fs.writeFileSync(file, doccano.stdout);
    const imp = run(['import', '--format', 'doccano', '--out', path.join(tmp, 'imported'), file]);
    assert.equal(imp.status, 0, imp.stderr);
    assert.ok(fs.existsSync(path.join(tmp, 'imported', 'seed.ann')));
    const brat = run(['export', '--format', 'brat', '--out', path.join(tmp, 'brat'), article]);
    assert.equal(brat.status, 0, brat.stderr);
    const agree = run(['agree', '--format', 'json', path.join(tmp, 'brat'), path.join(tmp, 'imported')]);
    assert.equal(agree.status, 0, agree.stderr);
    const r = JSON.parse(agree.stdout);
    assert.equal(r.kappa, 1);
    assert.equal(r.overall.f1, 1);
    assert.ok(r.overall.a > 50);
  });

  it('agree reports disagreement per label', () => {
    run(['export', '--format', 'brat', '--out', path.join(tmp, 'a'), article]);
    fs.cpSync(path.join(tmp, 'a'), path.join(tmp, 'b'), { recursive: true });
    const ann = path.join(tmp, 'b', 'seed.ann');
    fs.writeFileSync(ann, fs.readFileSync(ann, 'utf8').replace(/\tPER (\d+ \d+\t普京)/g, '\tLOC $1'));
    const r = run(['agree', path.join(tmp, 'a'), path.join(tmp, 'b')]);
    assert.equal(r.status, 0, r.stderr);
    const per = r.stdout.split('\n').find((l) => l.startsWith('PER'))!;
    assert.ok(!/100\.0\s+100\.0\s+100\.0$/.test(per), per);
    assert.match(r.stdout, /Cohen's kappa on \d+ characters: 0\.9/);
  });

  it('import re-anchors onto an article that changed, and reports what it cannot place', () => {
    const out = run(['export', '--format', 'jsonl', article]);
    const file = path.join(tmp, 'x.jsonl');
    fs.writeFileSync(file, out.stdout);
    const target = path.join(tmp, 'corpus', 'seed.txt');
    fs.writeFileSync(target, '新增的第一行。\n' + fs.readFileSync(target, 'utf8').replace(/普京/g, '蒲亭'));
    const r = run(['import', '--format', 'jsonl', '--out', path.join(tmp, 'corpus'), file]);
    assert.equal(r.status, 2, 'orphans are an error to look at');
    assert.match(r.stderr, /found again by their text/);
    assert.match(r.stderr, /could not be found .*普京/);
    const meta = JSON.parse(fs.readFileSync(path.join(tmp, 'corpus', 'seed.ann.json'), 'utf8'));
    assert.ok(meta.orphans.some((o: { text: string }) => o.text === '普京'));
  });

  it('refuses a bad format and brat without --out, with usage', () => {
    const r = run(['export', '--format', 'xml', article]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /invalid value for --format: xml/);
    const b = run(['export', '--format', 'brat', article]);
    assert.equal(b.status, 2);
    assert.match(b.stderr, /--out DIR/);
    const c = run(['import', '--format', 'conll', 'x.conll']);
    assert.match(c.stderr, /conll carries no text/);
  });
});
