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
import { loadTagger, taggerFromWeights, type Tagger } from '../../server/src/service/entities/tagger';
import {
  applyOverlay,
  FINE_TUNE_DEFAULTS,
  fineTune,
  prepareLines,
  trainingLines,
  type PreparedLine,
} from '../../server/src/service/entities/finetune';
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
  /** The reviewed content lines as fine-tuning examples (features and shipped scores computed once). */
  lines: PreparedLine[];
}

/** Fine-tuning settings the cross-validation chooses from: [epochs, rate]; [0, 0] is "do not fine-tune". */
export const GRID: readonly [number, number][] = [
  [0, 0],
  [2, 1],
  [4, 2],
  [8, 2],
];
/** At most this many folds inside the fed-back pages (leave-one-page-out up to five pages, then pages grouped). */
const MAX_FOLDS = 5;

/** The recogniser with the tagger fine-tuned on these pages' lines (the shipped one for epochs 0). */
function tunedRecognizer(base: Tagger, pages: readonly Page[], epochs: number, rate: number) {
  if (!epochs) return createEntityRecognizer({ tagger: base });
  const overlay = fineTune(
    base,
    pages.flatMap((p) => p.lines),
    { epochs, rate },
  );
  return createEntityRecognizer({ tagger: taggerFromWeights(applyOverlay(base, overlay), base.fingerprint, base) });
}

function predict(p: Page, recognizer: ReturnType<typeof createEntityRecognizer>): Annotation[] {
  const a = analyseArticle(p.gold.text, { recognizer });
  return predictions(a.entities, a.dates);
}

/** Leave-one-fed-page-out (grouped into at most MAX_FOLDS folds) over GRID: the setting with the best pooled F1. */
function chooseByCrossValidation(base: Tagger, fed: readonly Page[]): [number, number] {
  if (fed.length < 2) return GRID[0];
  const folds = Math.min(MAX_FOLDS, fed.length);
  let best: [number, number] = GRID[0];
  let bestF1 = -1;
  for (const [epochs, rate] of GRID) {
    let total: Prf = { tp: 0, fp: 0, fn: 0 };
    for (let f = 0; f < folds; f++) {
      const train = fed.filter((_, i) => i % folds !== f);
      const test = fed.filter((_, i) => i % folds === f);
      const rec = tunedRecognizer(base, train, epochs, rate);
      for (const p of test) {
        const r = score(p, epochs ? predict(p, rec) : p.predicted);
        total = { tp: total.tp + r.tp, fp: total.fp + r.fp, fn: total.fn + r.fn };
      }
    }
    const f1 = prf(total).f1;
    // Ties keep the smaller change (GRID is ordered from none to most).
    if (f1 > bestF1 + 1e-9) {
      bestF1 = f1;
      best = [epochs, rate];
    }
  }
  return best;
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
  const base = loadTagger(loadNerModel()!);
  const recognizer = createEntityRecognizer({ tagger: base });
  const pages: Page[] = loadGoldArticles(corpus).map((gold) => {
    const article = analyseArticle(gold.text, { recognizer });
    const predicted = predictions(article.entities, article.dates);
    const goldAnns = goldAnnotations(gold, article);
    const content = new Set(gold.gold.content);
    // What a reviewer leaves: the gold confirmed, and each predicted name on a content line that touches no gold name rejected.
    const rejected = predicted
      .filter((x) => x.label !== 'DATE' && content.has(article.lines.lineAt(x.start) + 1) && !goldAnns.some((g) => overlaps(g, x)))
      .map((x) => ({ start: x.start, end: x.end, text: x.text, label: x.label }));
    const lines = prepareLines(
      base,
      trainingLines(article.normalized, goldAnns, (l) => content.has(l + 1)),
    );
    return { gold, article, predicted, reviewed: { textHash: '', state: 'reviewed', annotations: goldAnns, rejected, orphans: [] }, lines };
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
  lines.push(...fineTuningCurve(base, pages, metrics));
  return { title: 'Learning from reviewed articles (dictionary of confirmed and rejected names)', lines, metrics };
}

/** Draws of the fine-tuning curve (the first of SEEDS: each draw fine-tunes and re-analyses the held pages). */
export const FT_SEEDS = SEEDS.slice(0, 5);

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
};

/**
 * The weight update beside the dictionary: for each draw, the fine-tuning settings are chosen by cross-validation
 * inside the fed-back pages only, the tagger is fine-tuned on all of them, and the other pages are scored with
 * the dictionary only, the fine-tuned tagger only, and both.
 */
function fineTuningCurve(base: Tagger, pages: Page[], metrics: Record<string, number>): string[] {
  const out = [
    '',
    `Fine-tuning the tagger (News: Improve the Model), ${FT_SEEDS.length} draws per k; settings [epochs, rate] chosen per draw by`,
    `cross-validation inside the fed-back pages only; gain in points over no feedback, mean ± sd over the draws`,
    `"fixed": always fine-tuned at the defaults (${FINE_TUNE_DEFAULTS.epochs} epochs, rate ${FINE_TUNE_DEFAULTS.rate}), not chosen; "fed pages": F1 on the fed-back pages themselves before -> after (in-sample)`,
    'k reviewed   F1 without   dictionary      fine-tuning     both            fixed           fed pages         settings chosen',
  ];
  const pts = (xs: number[]) => `${mean(xs) >= 0 ? '+' : ''}${(100 * mean(xs)).toFixed(2)} ± ${(100 * sd(xs)).toFixed(2)}`;
  for (const k of KS.filter((x) => x > 0)) {
    const without: number[] = [];
    const gains = { dict: [] as number[], tune: [] as number[], both: [] as number[], fixed: [] as number[] };
    const fedBefore: number[] = [];
    const fedAfter: number[] = [];
    const chosen: string[] = [];
    for (const seed of FT_SEEDS) {
      const order = shuffled(pages, seed * 1000 + k);
      const fed = order.slice(0, k);
      const held = order.slice(k);
      const [epochs, rate] = chooseByCrossValidation(base, fed);
      chosen.push(`${epochs}/${rate}`);
      const rec = tunedRecognizer(base, fed, epochs, rate);
      const dict = buildDictionary(fed.map((p) => p.reviewed));
      const zero: Prf = { tp: 0, fp: 0, fn: 0 };
      const acc = { none: zero, dict: zero, tune: zero, both: zero };
      const add = (a: Prf, b: Prf) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
      for (const p of held) {
        const tuned = epochs ? predict(p, rec) : p.predicted;
        acc.none = add(acc.none, score(p, p.predicted));
        acc.dict = add(acc.dict, score(p, applyDictionary(p.predicted, p.article.text, p.article.normalized, dict)));
        acc.tune = add(acc.tune, score(p, tuned));
        acc.both = add(acc.both, score(p, applyDictionary(tuned, p.article.text, p.article.normalized, dict)));
      }
      const fixed = tunedRecognizer(base, fed, FINE_TUNE_DEFAULTS.epochs, FINE_TUNE_DEFAULTS.rate);
      let fx: Prf = zero;
      for (const p of held) fx = add(fx, score(p, predict(p, fixed)));
      let fb: Prf = zero;
      let fa: Prf = zero;
      for (const p of fed) {
        fb = add(fb, score(p, p.predicted));
        fa = add(fa, score(p, predict(p, fixed)));
      }
      fedBefore.push(prf(fb).f1);
      fedAfter.push(prf(fa).f1);
      const f0 = prf(acc.none).f1;
      gains.fixed.push(prf(fx).f1 - f0);
      without.push(f0);
      gains.dict.push(prf(acc.dict).f1 - f0);
      gains.tune.push(prf(acc.tune).f1 - f0);
      gains.both.push(prf(acc.both).f1 - f0);
    }
    out.push(
      `k=${String(k).padEnd(9)}  ${fmt(mean(without))}       ${pts(gains.dict).padEnd(14)}  ${pts(gains.tune).padEnd(14)}  ${pts(gains.both).padEnd(14)}  ${pts(gains.fixed).padEnd(14)}  ${fmt(mean(fedBefore))} -> ${fmt(mean(fedAfter))}  ${chosen.join(' ')}`,
    );
    metrics[`k${k}.fixedGain`] = mean(gains.fixed);
    metrics[`k${k}.fedInSampleGain`] = mean(fedAfter) - mean(fedBefore);
    metrics[`k${k}.fineTuneGain`] = mean(gains.tune);
    metrics[`k${k}.bothGain`] = mean(gains.both);
  }
  return out;
}

if (require.main === module) {
  const s = run(corpusDir());
  console.log(`== ${s.title}`);
  for (const l of s.lines) console.log(`  ${l}`);
}
