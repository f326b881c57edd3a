/**
 * Fitting and validating the boilerplate line scorer (server/src/service/boilerplate/scorer.ts) on the
 * gold of ../shared/corpus: articles/ (gold content line numbers) and pages/cwced/ (a line is content
 * when its text occurs in the hand-made main content). Used by `npm run train:boilerplate` and by
 * `npm run eval` for the leave-one-page-out figures.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectLines } from '../../server/src/service/boilerplate/detect';
import { FEATURES, fitLogistic, probability, type ScorerWeights } from '../../server/src/service/boilerplate/scorer';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { loadGoldArticles } from '../eval/corpus';

/** Target precision of the removable lines, pooled over the held-out folds. */
export const TARGET_PRECISION = 0.995;
/** The Wikipedia page whose gold drops most table cells (docs/boilerplate.md): its labels are not used for fitting. */
export const NOISY = 'd5bced5e';

/** Below this many characters a cwced line must be a whole gold line to count as content for fitting. */
const SHORT = 8;

export interface GoldPage {
  name: string;
  set: 'articles' | 'cwced';
  text: string;
  lines: string[];
  /** Content as `npm run eval` counts it (the corpus README's definition). */
  isContent: (i: number) => boolean;
  /**
   * Content as the scorer is fitted on. On cwced a short line counts as content only when it is a
   * whole line of the gold: a menu word (教育, 中国, 日) occurs inside almost any article's text, and
   * the substring rule would teach the scorer that menus are articles.
   */
  isContentForFit: (i: number) => boolean;
}

export function loadPages(corpus: string): GoldPage[] {
  const pages: GoldPage[] = loadGoldArticles(corpus).map((a) => {
    const content = new Set(a.gold.content.map((l) => l - 1));
    const isContent = (i: number) => content.has(i);
    return { name: a.name, set: 'articles', text: a.text, lines: a.text.split(/\r\n|\r|\n/), isContent, isContentForFit: isContent };
  });
  const cw = path.join(corpus, 'pages', 'cwced');
  if (fs.existsSync(cw)) {
    for (const f of fs
      .readdirSync(cw)
      .filter((x) => x.endsWith('.gold.txt'))
      .sort()) {
      const id = f.replace(/\.gold\.txt$/, '');
      const text = fs.readFileSync(path.join(cw, `${id}.txt`), 'utf8');
      const gold = fs.readFileSync(path.join(cw, f), 'utf8');
      const lines = text.split(/\r\n|\r|\n/);
      const goldLines = new Set(gold.split(/\r\n|\r|\n/).map((l) => l.trim()));
      const isContent = (i: number) => gold.includes(lines[i].trim());
      const isContentForFit = (i: number) => isContent(i) && (lines[i].trim().length >= SHORT || goldLines.has(lines[i].trim()));
      pages.push({ name: id, set: 'cwced', text, lines, isContent, isContentForFit });
    }
  }
  return pages;
}

/** A flagged line of a page: its features, whether gold says boilerplate, and its length. */
export interface Row {
  line: number;
  v: Float64Array;
  y: number;
}

export interface PageRows {
  page: GoldPage;
  rows: Row[];
}

/** The rules' flags and their features, before any scorer. */
export function pageRows(page: GoldPage): PageRows {
  const { features } = detectLines(page.text, { normalized: normalizeForMatching(page.text) }, null);
  const rows: Row[] = [];
  features.forEach((v, i) => {
    if (v && page.lines[i].trim()) rows.push({ line: i, v, y: page.isContentForFit(i) ? 0 : 1 });
  });
  return { page, rows };
}

const trainable = (p: PageRows) => !p.page.name.startsWith(NOISY);

export function fit(pages: PageRows[]): number[] {
  const xs: Float64Array[] = [];
  const ys: number[] = [];
  for (const p of pages) {
    if (!trainable(p)) continue;
    for (const r of p.rows) {
      xs.push(r.v);
      ys.push(r.y);
    }
  }
  return fitLogistic(xs, ys);
}

/** Leave-one-page-out: each page's flagged lines scored by a model fitted without that page. */
export function leaveOnePageOut(pages: PageRows[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const held of pages) {
    const weights = fit(pages.filter((p) => p !== held));
    const w: ScorerWeights = { features: FEATURES, weights, threshold: 1 };
    out.set(
      held.page.name,
      held.rows.map((r) => probability(w, r.v)),
    );
  }
  return out;
}

/** The lowest threshold at which the lines scored at or above it reach the target precision. */
export function chooseThreshold(scored: { s: number; y: number }[], target = TARGET_PRECISION): number {
  const sorted = [...scored].sort((a, b) => b.s - a.s);
  let tp = 0;
  let best = 1;
  for (let k = 0; k < sorted.length; k++) {
    tp += sorted[k].y;
    // Only between distinct scores: a threshold cannot split tied lines.
    if (k + 1 < sorted.length && sorted[k + 1].s === sorted[k].s) continue;
    if (tp / (k + 1) >= target) best = sorted[k].s;
  }
  return best;
}
