// Two builds of the analysis in one process, alternated: this tree against another checkout, each bundled with
// esbuild as the product is. On a shared machine two processes minutes apart see different loads; alternating in
// one process they see the same, so a change of a few per cent shows as "faster in k of N rounds" (a tree against
// itself gives about N / 2). Outputs are compared first; a difference stops the script. The order alternates each
// round (the second of a pair runs on caches the first warmed).
//   node scripts/perf/ab.mjs OTHER_CHECKOUT [ROUNDS] [PARTS]   (NEWS_CORPUS as for `npm run eval`)
// PARTS (comma-separated): whole (analyseArticle, every field read), dates (analyseArticle, only its boilerplate
// blocks, publication and dates read: no entities), entities (recognize), paragraphs (the
// per-line half), article (the article-level half over the paragraphs' mentions), linking, boilerplate
// (detectBoilerplate over the text as it is, with its normalised text), short (`analyseArticle` over 2,000 documents
// of 40 characters cut from the megabyte, every field read: a short document's fixed cost; its line gives µs per
// document, not ms per MB).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { bundleTree } from './bundle-tree.mjs';

const here = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const other = process.argv[2];
if (!other) throw new Error('usage: ab.mjs OTHER_CHECKOUT [ROUNDS] [PARTS]');
const rounds = Number(process.argv[3] ?? 20);
const parts = (process.argv[4] ?? 'whole,entities,paragraphs,article').split(',');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ab-'));
const require = createRequire(import.meta.url);

function bundle(root, name) {
  const file = path.join(out, `${name}.js`);
  bundleTree(here, root, file);
  const cwd = process.cwd();
  process.chdir(root); // each tree reads its own models/ner.bin
  const api = require(file);
  const recognizer = api.createEntityRecognizer({ model: api.loadNerModel() });
  process.chdir(cwd);
  return { name, api, recognizer };
}

const trees = [bundle(path.resolve(other), 'other'), bundle(here, 'this')];
const text = trees[0].api.unlabelledText(1 << 20);
const mb = Buffer.byteLength(text) / (1 << 20);
const norm = trees[0].api.normalizeForMatching(text);

function job(t, part) {
  const { api, recognizer } = t;
  // What `recognize` runs for its per-line half in this tree: eachDistinctParagraph since the thirteenth round,
  // eachParagraph with a fresh cache before it.
  // (An older tree's own ab-entry.ts exports eachParagraph and ParagraphCache themselves.)
  const p = api.paragraphs ?? api;
  const paragraphs = p.eachDistinctParagraph
    ? () => p.eachDistinctParagraph(text, norm, recognizer.paragraph)
    : () => p.eachParagraph(text, norm, recognizer.paragraph, new p.ParagraphCache());
  switch (part) {
    case 'whole':
      return {
        run() {
          const a = api.analyseArticle(text, { recognizer });
          return [a.entities, a.dates, a.clusters.map((c) => c.mentions.length), a.script, a.blocks];
        },
      };
    case 'dates':
      return {
        run() {
          const a = api.analyseArticle(text, { recognizer });
          return [a.dates, a.published, a.blocks];
        },
      };
    case 'entities':
      return { run: () => recognizer.recognize(text, norm) };
    case 'paragraphs':
      return { run: paragraphs };
    case 'article': {
      const base = paragraphs();
      // The passes change mentions in place: each run reads a fresh copy, made before its clock starts.
      return { prepare: () => base.map((m) => ({ ...m })), run: (copy) => recognizer.article(copy, text, norm) };
    }
    case 'boilerplate':
      return { run: () => api.detectBoilerplate(text, { normalized: norm }) };
    case 'short': {
      const docs = [];
      for (let k = 0; k < 2000; k++) docs.push(text.slice(k * 500, k * 500 + 40));
      return {
        perDocument: docs.length,
        run() {
          const out = [];
          for (const d of docs) {
            const a = api.analyseArticle(d, { recognizer });
            out.push([a.entities, a.dates, a.clusters.map((c) => c.mentions.length), a.script, a.blocks]);
          }
          return out;
        },
      };
    }
    case 'linking': {
      const entities = recognizer.recognize(text, norm);
      return { run: () => api.linkEntities(text, entities, norm) };
    }
    default:
      throw new Error(`unknown part ${part}`);
  }
}

function cpuMs(j) {
  const input = j.prepare?.();
  const c0 = process.cpuUsage();
  j.run(input);
  const c = process.cpuUsage(c0);
  return j.perDocument ? (c.user + c.system) / j.perDocument : (c.user + c.system) / 1000 / mb;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`${mb.toFixed(2)} MB, ${rounds} rounds; load ${os.loadavg()[0].toFixed(1)} at start`);
for (const part of parts) {
  const jobs = trees.map((t) => job(t, part));
  const outs = jobs.map((j) => JSON.stringify(j.run(j.prepare?.())));
  if (outs[0] !== outs[1]) throw new Error(`${part}: the two trees' outputs differ`);
  for (const j of jobs) cpuMs(j); // warm-up
  const times = [[], []];
  let faster = 0;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [1, 0] : [0, 1];
    const t = [0, 0];
    for (const k of order) t[k] = cpuMs(jobs[k]);
    times[0].push(t[0]);
    times[1].push(t[1]);
    if (t[1] < t[0]) faster++;
  }
  const f = (xs) => `${Math.min(...xs).toFixed(1)} / ${median(xs).toFixed(1)}`;
  console.log(
    `${part.padEnd(11)} other ${f(times[0])}   this ${f(times[1])}  ${jobs[0].perDocument ? 'µs per document' : 'ms per MB'} (min / median); this faster in ${faster} of ${rounds}; load ${os.loadavg()[0].toFixed(1)}`,
  );
}
fs.rmSync(out, { recursive: true, force: true });
