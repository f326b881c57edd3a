// The recogniser's article-level half pass by pass, for one tree or two alternated: each tree's `server/` is copied
// to a scratch folder, every pass of `recognizeArticle` (and of `articleLevel`) is wrapped in a `performance.now`
// timer there, the copy is bundled as the product is, and each bundle runs the whole analysis of the bench's
// megabyte (two warm-ups, then RUNS) in its own process, PROCESSES times, alternating; the table gives each pass's
// minimum (wall ms per MB). A profile charges inlined passes to their caller and a family switched off changes what
// the later ones read: this times each pass as it runs in the product.
//   node scripts/perf/article-passes.mjs TREE [OTHER_TREE] [PROCESSES] [RUNS]   (NEWS_CORPUS as for `npm run eval`)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const here = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const args = process.argv.slice(2);
const trees = args.filter((a) => !/^\d+$/u.test(a)).map((t) => path.resolve(t));
const [processes = 3, runs = 10] = args.filter((a) => /^\d+$/u.test(a)).map(Number);
if (!trees.length) throw new Error('usage: article-passes.mjs TREE [OTHER_TREE] [PROCESSES] [RUNS]');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'passes-'));

const ENTRY = `
import { analyseArticle } from '../../server/src/service/article';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { loadNerModel } from '../../server/src/node/model';
import { unlabelledText } from './pages';
const text = unlabelledText(1 << 20);
const recognizer = createEntityRecognizer({ model: loadNerModel() });
const acc: Record<string, number> = ((globalThis as any).__passes ??= {});
const best: Record<string, number> = {};
for (let r = 0; r < 2 + ${runs}; r++) {
  for (const k of Object.keys(acc)) acc[k] = 0;
  void analyseArticle(text, { recognizer }).entities.length;
  if (r >= 2) for (const [k, v] of Object.entries(acc)) best[k] = Math.min(best[k] ?? Infinity, v);
}
const mb = Buffer.byteLength(text) / (1 << 20);
console.log(JSON.stringify(Object.fromEntries(Object.entries(best).map(([k, v]) => [k, v / mb]))));
`;
const TIMER = `
const __passes: Record<string, number> = ((globalThis as any).__passes ??= {});
function __time<T>(name: string, f: () => T): T {
  const t0 = performance.now();
  const r = f();
  __passes[name] = (__passes[name] ?? 0) + performance.now() - t0;
  return r;
}
`;

/** recognizer.ts with each `const x = …;` of recognizeArticle, its final return and articleLevel's passes timed. */
function instrument(source) {
  const a = source.indexOf('function recognizeArticle(');
  const b = source.indexOf('\n}\n', a);
  if (a < 0 || b < 0) throw new Error('recognizeArticle not found');
  const head = source.indexOf('): EntityMention[] {', a) + '): EntityMention[] {'.length;
  let body = source
    .slice(head, b)
    .replace(/const (\w+) =([\s\S]*?);\n/gu, (_, name, expr) => `const ${name} = __time('${name}', () =>${expr});\n`);
  body = body.replace(/\n {2}return ([\s\S]*?);$/u, (_, expr) => `\n  return __time('return', () => ${expr});`);
  let s = source.slice(0, head) + body + source.slice(b);
  const c = s.indexOf('function articleLevel(');
  const d = s.indexOf('\n}\n', c);
  if (c >= 0 && d >= 0) {
    const level = s
      .slice(c, d)
      .replace(/out = (\w+)\(([^;]*)\);/gu, (_, f, args) => `out = __time('articleLevel.${f}', () => ${f}(${args}));`)
      .replace(
        /\) (buildingsNotPeople|growCompanyTails|capitalMetonymy)\(([^;]*)\);/gu,
        (_, f, args) => `) __time('articleLevel.${f}', () => ${f}(${args}));`,
      );
    s = s.slice(0, c) + level + s.slice(d);
  }
  return s + TIMER;
}

function bundle(tree, name) {
  const copy = path.join(out, name);
  fs.cpSync(path.join(tree, 'server'), path.join(copy, 'server'), { recursive: true });
  fs.symlinkSync(path.join(here, 'node_modules'), path.join(copy, 'node_modules'));
  fs.mkdirSync(path.join(copy, 'scripts', 'perf'), { recursive: true });
  fs.cpSync(path.join(tree, 'scripts', 'eval'), path.join(copy, 'scripts', 'eval'), { recursive: true });
  fs.copyFileSync(path.join(here, 'scripts', 'perf', 'pages.ts'), path.join(copy, 'scripts', 'perf', 'pages.ts'));
  const rec = path.join(copy, 'server', 'src', 'service', 'entities', 'recognizer.ts');
  fs.writeFileSync(rec, instrument(fs.readFileSync(rec, 'utf8')));
  const entry = path.join(copy, 'scripts', 'perf', 'entry.ts');
  fs.writeFileSync(entry, ENTRY);
  const file = path.join(out, `${name}.js`);
  execFileSync(path.join(here, 'node_modules', '.bin', 'esbuild'), [
    entry,
    '--bundle',
    '--platform=node',
    '--target=node20',
    `--outfile=${file}`,
    '--external:jieba-wasm',
    '--loader:.bin=binary',
    '--log-level=warning',
  ]);
  return file;
}

const files = trees.map((t, i) => bundle(t, `tree${i}`));
const best = trees.map(() => ({}));
for (let p = 0; p < processes; p++)
  for (let i = 0; i < trees.length; i++) {
    // Each tree reads its own models/ner.bin.
    const got = JSON.parse(execFileSync(process.execPath, [files[i]], { cwd: trees[i], encoding: 'utf8' }).trim().split('\n').pop());
    for (const [k, v] of Object.entries(got)) best[i][k] = Math.min(best[i][k] ?? Infinity, v);
  }
const names = Object.keys(best[0]).sort((x, y) => best[0][y] - best[0][x]);
const sum = (b) => Object.entries(b).reduce((s, [k, v]) => (k.startsWith('articleLevel.') ? s : s + v), 0);
console.log(`pass minima over ${processes} processes of ${runs} runs, wall ms per MB; load ${os.loadavg()[0].toFixed(1)}`);
console.log(['pass', ...trees.map((t) => path.basename(t))].join('\t'));
for (const k of names) console.log([k, ...best.map((b) => (b[k] ?? NaN).toFixed(1))].join('\t'));
console.log(['all passes', ...best.map((b) => sum(b).toFixed(1))].join('\t'));
