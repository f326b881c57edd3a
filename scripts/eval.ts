/**
 * `npm run eval`: accuracy on the shared corpus (../shared/corpus, or NEWS_CORPUS), measured as the corpus
 * README says. First each recogniser on its own (given the gold publication time where it needs one),
 * then the whole product pipeline as a user gets it (publication time found by the analyser itself).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseArticle } from '../server/src/service/article';
import { createEntityRecognizer } from '../server/src/service/entities';
import { loadNerModel } from '../server/src/node/model';
import { corpusDir, fmt, loadGoldArticles, matchCounts, prf, type Prf } from './eval/corpus';
import * as boilerplate from './eval/boilerplate';
import * as dates from './eval/dates';
import * as entities from './eval/entities';
import * as learning from './eval/learning';
import * as silver from './eval/silver';

type Section = { title: string; lines: string[]; metrics: Record<string, number> };

function pipeline(corpus: string): Section {
  const recognizer = createEntityRecognizer({ model: loadNerModel() });
  const add = (a: Prf, b: Prf) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
  let bp: Prf = { tp: 0, fp: 0, fn: 0 };
  let ent: Prf = { tp: 0, fp: 0, fn: 0 };
  let dt: Prf = { tp: 0, fp: 0, fn: 0 };
  let lost = 0;
  let contentChars = 0;
  let valueOk = 0;
  let valueN = 0;
  let publishedOk = 0;
  const lines: string[] = [];
  const articles = loadGoldArticles(corpus);
  for (const a of articles) {
    const article = analyseArticle(a.text, { recognizer });
    const flagged = new Set<number>();
    for (const b of article.blocks) for (let l = b.startLine; l <= b.endLine; l++) if (a.lines[l]?.trim()) flagged.add(l + 1);
    const content = new Set(a.gold.content);
    const goldBp = new Set(a.gold.boilerplate);
    let tp = 0;
    for (const l of flagged) if (goldBp.has(l)) tp++;
    bp = add(bp, { tp, fp: flagged.size - tp, fn: goldBp.size - tp });
    for (const l of a.gold.content) {
      contentChars += [...a.lines[l - 1]].length;
      if (flagged.has(l)) lost += [...a.lines[l - 1]].length;
    }
    const lineOf = (offset: number) => article.lines.lineAt(offset) + 1;
    const ents = article.entities.filter((m) => content.has(lineOf(m.start))).map((m) => `${lineOf(m.start)}|${m.text}|${m.type}`);
    ent = add(
      ent,
      matchCounts(
        ents,
        a.gold.entities.map((g) => `${g.line}|${g.text}|${g.type}`),
      ),
    );
    const predictedDates = article.dates.filter((d) => content.has(lineOf(d.start)));
    dt = add(
      dt,
      matchCounts(
        predictedDates.map((d) => `${lineOf(d.start)}|${d.text}`),
        a.gold.dates.map((g) => `${g.line}|${g.text}`),
      ),
    );
    const pool = new Map<string, string[]>();
    for (const d of predictedDates) {
      const k = `${lineOf(d.start)}|${d.text}`;
      pool.set(k, [...(pool.get(k) ?? []), d.value]);
    }
    for (const g of a.gold.dates) {
      const vs = pool.get(`${g.line}|${g.text}`);
      if (!vs?.length) continue;
      const v = vs.shift()!;
      if (g.value === 'UNKNOWN') continue;
      valueN++;
      if (v === g.value) valueOk++;
    }
    if ((article.published?.value ?? null) === a.gold.published) publishedOk++;
  }
  const b = prf(bp);
  const e = prf(ent);
  const d = prf(dt);
  lines.push(
    `boilerplate lines   P ${fmt(b.p)}  R ${fmt(b.r)}  F1 ${fmt(b.f1)}  content lost ${((100 * lost) / contentChars).toFixed(3)}%`,
  );
  lines.push(`entities (content)  P ${fmt(e.p)}  R ${fmt(e.r)}  F1 ${fmt(e.f1)}`);
  lines.push(
    `dates (content)     P ${fmt(d.p)}  R ${fmt(d.r)}  F1 ${fmt(d.f1)}  value accuracy ${fmt(valueN ? valueOk / valueN : 0)} (${valueOk}/${valueN})`,
  );
  lines.push(`publication time    ${publishedOk}/${articles.length} articles exact`);
  return {
    title: 'Product pipeline on the shared articles (everything found by the analyser itself)',
    lines,
    metrics: {
      boilerplateF1: b.f1,
      contentLost: lost / contentChars,
      entityF1: e.f1,
      dateF1: d.f1,
      dateValueAccuracy: valueN ? valueOk / valueN : 0,
      publishedExact: publishedOk / articles.length,
    },
  };
}

async function main() {
  const corpus = corpusDir();
  const started = Date.now();
  const sections: Section[] = [];
  for (const [name, run] of [
    ['boilerplate', boilerplate.run],
    ['dates', dates.run],
    ['entities', entities.run],
    ['learning', learning.run],
    ['silver', (dir: string) => silver.run(dir, loadNerModel(), { ablate: true })],
  ] as const) {
    try {
      sections.push(await run(corpus));
    } catch (e) {
      sections.push({ title: `${name}: FAILED`, lines: [String((e as Error).stack ?? e)], metrics: {} });
    }
  }
  sections.push(pipeline(corpus));
  for (const s of sections) {
    console.log(`\n== ${s.title}`);
    for (const l of s.lines) console.log(`  ${l}`);
  }
  const out = path.resolve(__dirname, '..', 'test-output');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'eval.json'), JSON.stringify(Object.fromEntries(sections.map((s) => [s.title, s.metrics])), null, 2));
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s; metrics also in test-output/eval.json)`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
