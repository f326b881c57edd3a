/**
 * The learning curve of the review loop: the reviewed gold of k pages of the shared articles is fed back
 * (as a person reviewing them would leave it: gold annotations confirmed, predictions that touch no gold
 * entity rejected), and entity F1 is measured on the other pages only, with and without what was fed back.
 * k = 0, 2, 5, 10, each averaged over seeded random draws of the reviewed pages.
 * Run through `npm run eval`, or alone: `npx tsx scripts/eval/learning.ts`.
 */
import { analyseArticle, type Article } from '../../server/src/service/article';
import {
  applyDictionary,
  buildDictionary,
  overlaps,
  predictions,
  type Annotation,
  type ArticleAnnotations,
} from '../../server/src/service/annotations';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { loadNerModel } from '../../server/src/node/model';
import { corpusDir, fmt, loadGoldArticles, matchCounts, prf, type GoldArticle, type Prf } from './corpus';
import { Rng } from '../lib/rng';

export const KS = [0, 2, 5, 10];
export const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

const rng = (seed: number) => {
  const r = new Rng(seed);
  return () => r.next();
};

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Gold entities as offsets: each (line, text) taken at its next free occurrence on the line. */
function goldAnnotations(a: GoldArticle, article: Article): Annotation[] {
  const out: Annotation[] = [];
  const next = new Map<string, number>();
  for (const g of a.gold.entities) {
    const lineStart = article.lines.starts[g.line - 1];
    const line = article.lines.line(g.line - 1);
    const key = `${g.line}|${g.text}`;
    const i = line.indexOf(g.text, next.get(key) ?? 0);
    if (i < 0) continue;
    next.set(key, i + g.text.length);
    out.push({ start: lineStart + i, end: lineStart + i + g.text.length, label: g.type, text: g.text, status: 'corrected' });
  }
  return out;
}

interface Page {
  gold: GoldArticle;
  article: Article;
  predicted: Annotation[];
  reviewed: ArticleAnnotations;
}

function score(p: Page, anns: readonly Annotation[]): Prf {
  const content = new Set(p.gold.gold.content);
  const lineOf = (o: number) => p.article.lines.lineAt(o) + 1;
  const keys = anns.filter((x) => x.label !== 'DATE' && content.has(lineOf(x.start))).map((x) => `${lineOf(x.start)}|${x.text}|${x.label}`);
  return matchCounts(
    keys,
    p.gold.gold.entities.map((g) => `${g.line}|${g.text}|${g.type}`),
  );
}

export function run(corpus: string) {
  const recognizer = createEntityRecognizer({ model: loadNerModel() });
  const pages: Page[] = loadGoldArticles(corpus).map((gold) => {
    const article = analyseArticle(gold.text, { recognizer });
    const predicted = predictions(article.entities, article.dates);
    const goldAnns = goldAnnotations(gold, article);
    const content = new Set(gold.gold.content);
    // What a reviewer leaves: the gold confirmed, and each predicted name on a content line that touches no gold name rejected.
    const rejected = predicted
      .filter((x) => x.label !== 'DATE' && content.has(article.lines.lineAt(x.start) + 1) && !goldAnns.some((g) => overlaps(g, x)))
      .map((x) => ({ start: x.start, end: x.end, text: x.text, label: x.label }));
    return { gold, article, predicted, reviewed: { textHash: '', state: 'reviewed', annotations: goldAnns, rejected, orphans: [] } };
  });
  const add = (a: Prf, b: Prf) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
  const lines: string[] = [
    `${pages.length} pages, ${SEEDS.length} seeded draws per k; F1 on the pages not fed back (micro-averaged per draw, then averaged over draws)`,
  ];
  lines.push('k reviewed   F1 without   F1 with   gain     (confirmed-only gain, rejected-only gain)');
  const metrics: Record<string, number> = {};
  for (const k of KS) {
    let without = 0;
    let withAll = 0;
    let withConfirmed = 0;
    let withRejected = 0;
    for (const seed of SEEDS) {
      const order = shuffled(pages, seed * 1000 + k);
      const fed = order.slice(0, k);
      const held = order.slice(k);
      const dict = buildDictionary(fed.map((p) => p.reviewed));
      const onlyConfirmed = { confirmed: dict.confirmed, rejected: new Set<string>() };
      const onlyRejected = { confirmed: new Map(), rejected: dict.rejected };
      let a: Prf = { tp: 0, fp: 0, fn: 0 };
      let b = a;
      let c = a;
      let d = a;
      for (const p of held) {
        a = add(a, score(p, p.predicted));
        b = add(b, score(p, applyDictionary(p.predicted, p.article.text, p.article.normalized, dict)));
        c = add(c, score(p, applyDictionary(p.predicted, p.article.text, p.article.normalized, onlyConfirmed)));
        d = add(d, score(p, applyDictionary(p.predicted, p.article.text, p.article.normalized, onlyRejected)));
      }
      without += prf(a).f1 / SEEDS.length;
      withAll += prf(b).f1 / SEEDS.length;
      withConfirmed += prf(c).f1 / SEEDS.length;
      withRejected += prf(d).f1 / SEEDS.length;
    }
    const pts = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)}`;
    lines.push(
      `k=${String(k).padEnd(9)}  ${fmt(without)}       ${fmt(withAll)}    ${pts(withAll - without).padStart(6)}   (${pts(withConfirmed - without)}, ${pts(withRejected - without)})`,
    );
    metrics[`k${k}.without`] = without;
    metrics[`k${k}.with`] = withAll;
  }
  return { title: 'Learning from reviewed articles (dictionary of confirmed and rejected names)', lines, metrics };
}

if (require.main === module) {
  const s = run(corpusDir());
  console.log(`== ${s.title}`);
  for (const l of s.lines) console.log(`  ${l}`);
}
