/**
 * Boilerplate evaluation. Articles: per non-blank line P/R/F1 of "boilerplate", content lost
 * (characters of gold content lines flagged / all content characters), the same for confident blocks
 * only (what "remove all" deletes), and kind accuracy. cwced: a line is content when its trimmed text
 * occurs in the gold main content. Unlabelled pages: no crash, time per page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectBoilerplate, SiteIndex, type BoilerplateResult } from '../../server/src/service/boilerplate';
import { BOILERPLATE_KINDS } from '../../server/src/service/types';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { fmt, loadGoldArticles, prf } from './corpus';
import { SCORER } from '../../server/src/service/boilerplate/scorerWeights';
import { FEATURES, probability } from '../../server/src/service/boilerplate/scorer';
import { NOISY, leaveOnePageOut, loadPages, pageRows } from '../boilerplate/fit';

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  lostChars: number;
  contentChars: number;
}
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, lostChars: 0, contentChars: 0 });

/** Flagged lines of a result; `confidentOnly` keeps the lines "remove all" would delete. */
function flagged(r: BoilerplateResult, confidentOnly: boolean): Set<number> {
  const out = new Set<number>();
  for (const b of r.blocks) {
    if (confidentOnly && !b.confident) continue;
    for (let i = b.startLine; i <= b.endLine; i++) if (r.lineKinds[i]) out.add(i);
  }
  return out;
}

function score(t: Tally, lines: string[], isContent: (i: number) => boolean, flags: Set<number>, lost?: string[]): void {
  lines.forEach((l, i) => {
    const s = l.trim();
    if (!s) return;
    const c = isContent(i);
    const f = flags.has(i);
    if (c) t.contentChars += s.length;
    if (c && f) {
      t.lostChars += s.length;
      lost?.push(s.slice(0, 60));
    }
    if (!c && f) t.tp++;
    else if (c && f) t.fp++;
    else if (!c && !f) t.fn++;
  });
}

function summary(t: Tally) {
  const { p, r, f1 } = prf(t);
  return { p, r, f1, lost: t.contentChars ? t.lostChars / t.contentChars : 0 };
}

/** The one-line reference rule, scored the same way: short lines without sentence punctuation. */
function oneLineRule(lines: string[]): Set<number> {
  const out = new Set<number>();
  lines.forEach((l, i) => {
    const t = l.trim();
    if (t && t.length < 20 && !/[。！？，]/.test(t)) out.add(i);
  });
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

function indexFolder(files: { name: string; text: string }[]): SiteIndex {
  const idx = new SiteIndex();
  for (const f of files) idx.set(f.name, f.text);
  return idx;
}

export async function run(corpus: string): Promise<{ title: string; lines: string[]; metrics: Record<string, number> }> {
  const lines: string[] = [];
  const metrics: Record<string, number> = {};
  const put = (k: string, v: number) => (metrics[k] = v);

  // Shared gold articles.
  const arts = loadGoldArticles(corpus);
  const idx = indexFolder(arts);
  const all = tally();
  const conf = tally();
  const withIdx = tally();
  const base = tally();
  const kindHits: Record<string, { n: number; ok: number }> = {};
  lines.push(`articles (${arts.length} gold pages):`);
  for (const a of arts) {
    const content = new Set(a.gold.content.map((l) => l - 1));
    const r = detectBoilerplate(a.text);
    const per = tally();
    const lost: string[] = [];
    score(per, a.lines, (i) => content.has(i), flagged(r, false), lost);
    score(all, a.lines, (i) => content.has(i), flagged(r, false));
    score(conf, a.lines, (i) => content.has(i), flagged(r, true));
    score(base, a.lines, (i) => content.has(i), oneLineRule(a.lines));
    score(withIdx, a.lines, (i) => content.has(i), flagged(detectBoilerplate(a.text, { recurring: idx.recurring(a.name) }), false));
    for (const [ln, kind] of Object.entries(a.gold.kinds)) {
      const got = r.lineKinds[Number(ln) - 1];
      if (!got) continue;
      const k = (kindHits[kind] ??= { n: 0, ok: 0 });
      k.n++;
      if (got === kind) k.ok++;
    }
    const s = summary(per);
    const head = r.headline !== undefined ? r.headline + 1 : 0;
    lines.push(
      `  ${a.name.padEnd(40)} F1 ${fmt(s.f1)} P ${fmt(s.p)} R ${fmt(s.r)} lost ${(100 * s.lost).toFixed(2)}% headline line ${head}${content.has(head - 1) ? '' : ' (not gold content)'}`,
    );
    for (const l of lost) lines.push(`      lost: ${l}`);
  }
  const sa = summary(all);
  const sc = summary(conf);
  const si = summary(withIdx);
  lines.push(`  all flags        P ${fmt(sa.p)} R ${fmt(sa.r)} F1 ${fmt(sa.f1)} content lost ${(100 * sa.lost).toFixed(3)}%`);
  lines.push(`  confident only   P ${fmt(sc.p)} R ${fmt(sc.r)} F1 ${fmt(sc.f1)} content lost ${(100 * sc.lost).toFixed(3)}%`);
  lines.push(`  with SiteIndex   P ${fmt(si.p)} R ${fmt(si.r)} F1 ${fmt(si.f1)} content lost ${(100 * si.lost).toFixed(3)}%`);
  const sb = summary(base);
  lines.push(`  one-line rule    P ${fmt(sb.p)} R ${fmt(sb.r)} F1 ${fmt(sb.f1)} content lost ${(100 * sb.lost).toFixed(3)}% (reference)`);
  let kn = 0;
  let kok = 0;
  const kindLine: string[] = [];
  for (const k of BOILERPLATE_KINDS) {
    const h = kindHits[k];
    if (!h) continue;
    kn += h.n;
    kok += h.ok;
    kindLine.push(`${k} ${h.ok}/${h.n}`);
    put(`articles.kind.${k}`, h.n ? h.ok / h.n : 0);
  }
  lines.push(`  kind accuracy on flagged gold boilerplate lines ${fmt(kok / Math.max(1, kn))}: ${kindLine.join(', ')}`);
  put('articles.p', sa.p);
  put('articles.r', sa.r);
  put('articles.f1', sa.f1);
  put('articles.lost', sa.lost);
  put('articles.confident.p', sc.p);
  put('articles.confident.r', sc.r);
  put('articles.confident.f1', sc.f1);
  put('articles.confident.lost', sc.lost);
  put('articles.siteIndex.f1', si.f1);
  put('articles.siteIndex.lost', si.lost);
  put('articles.kindAccuracy', kok / Math.max(1, kn));

  // cwced pages: content = lines whose trimmed text appears in the gold main content.
  const cw = path.join(corpus, 'pages', 'cwced');
  if (fs.existsSync(cw)) {
    const pages = fs
      .readdirSync(cw)
      .filter((f) => f.endsWith('.gold.txt'))
      .sort()
      .map((f) => {
        const id = f.replace(/\.gold\.txt$/, '');
        return { name: id, text: fs.readFileSync(path.join(cw, `${id}.txt`), 'utf8'), gold: fs.readFileSync(path.join(cw, f), 'utf8') };
      });
    const cidx = indexFolder(pages);
    const t = tally();
    // The Wikipedia page whose gold drops most table cells (docs/boilerplate.md): pooled without it too.
    const WIKI = 'd5bced5e';
    const tw = tally();
    const tc = tally();
    const ti = tally();
    const tb = tally();
    const f1s: number[] = [];
    lines.push(`cwced (${pages.length} pages):`);
    for (const pg of pages) {
      const pl = pg.text.split(/\r\n|\r|\n/);
      const isContent = (i: number) => pg.gold.includes(pl[i].trim());
      const r = detectBoilerplate(pg.text);
      const per = tally();
      const lost: string[] = [];
      score(per, pl, isContent, flagged(r, false), lost);
      score(t, pl, isContent, flagged(r, false));
      if (!pg.name.startsWith(WIKI)) score(tw, pl, isContent, flagged(r, false));
      score(tc, pl, isContent, flagged(r, true));
      score(tb, pl, isContent, oneLineRule(pl));
      score(ti, pl, isContent, flagged(detectBoilerplate(pg.text, { recurring: cidx.recurring(pg.name) }), false));
      const s = summary(per);
      f1s.push(s.f1);
      lines.push(
        `  ${pg.name.slice(0, 8)} F1 ${fmt(s.f1)} P ${fmt(s.p)} R ${fmt(s.r)} lost ${(100 * s.lost).toFixed(2)}% (${per.lostChars}/${per.contentChars})`,
      );
      if (process.env.BP_VERBOSE) for (const l of lost) lines.push(`      lost: ${l}`);
    }
    const s = summary(t);
    const sc2 = summary(tc);
    const si2 = summary(ti);
    const macro = f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length);
    lines.push(
      `  all flags        P ${fmt(s.p)} R ${fmt(s.r)} F1 ${fmt(s.f1)} content lost ${(100 * s.lost).toFixed(3)}% (macro F1 ${fmt(macro)}, median page F1 ${fmt(median(f1s))})`,
    );
    const sw = summary(tw);
    lines.push(
      `  without ${WIKI}  P ${fmt(sw.p)} R ${fmt(sw.r)} F1 ${fmt(sw.f1)} content lost ${(100 * sw.lost).toFixed(3)}% (the wiki page whose gold drops table cells)`,
    );
    put('cwced.noWiki.f1', sw.f1);
    put('cwced.noWiki.lost', sw.lost);
    lines.push(`  confident only   P ${fmt(sc2.p)} R ${fmt(sc2.r)} F1 ${fmt(sc2.f1)} content lost ${(100 * sc2.lost).toFixed(3)}%`);
    lines.push(`  with SiteIndex   P ${fmt(si2.p)} R ${fmt(si2.r)} F1 ${fmt(si2.f1)} content lost ${(100 * si2.lost).toFixed(3)}%`);
    const sb2 = summary(tb);
    lines.push(
      `  one-line rule    P ${fmt(sb2.p)} R ${fmt(sb2.r)} F1 ${fmt(sb2.f1)} content lost ${(100 * sb2.lost).toFixed(3)}% (reference)`,
    );
    put('cwced.p', s.p);
    put('cwced.r', s.r);
    put('cwced.f1', s.f1);
    put('cwced.lost', s.lost);
    put('cwced.macroF1', macro);
    put('cwced.medianPageF1', median(f1s));
    put('cwced.confident.f1', sc2.f1);
    put('cwced.confident.lost', sc2.lost);
    put('cwced.siteIndex.f1', si2.f1);
    put('cwced.siteIndex.lost', si2.lost);
  }

  // The calibrated scorer: which flagged lines are removable, in-sample (the shipped weights, fitted
  // on every page) and leave-one-page-out (each page scored by a model fitted without it).
  const scorer = SCORER;
  if (scorer) {
    const pages = loadPages(corpus).map(pageRows);
    const folds = leaveOnePageOut(pages);
    lines.push(
      `calibrated scorer (threshold ${scorer.threshold.toFixed(4)}; removable = what the rules would remove, scored at or above it):`,
    );
    for (const set of ['articles', 'cwced'] as const) {
      for (const noWiki of set === 'cwced' ? [false, true] : [false]) {
        const inS = tally();
        const cv = tally();
        const flaggedAll = tally();
        for (const p of pages) {
          if (p.page.set !== set || (noWiki && p.page.name.startsWith(NOISY))) continue;
          const fold = folds.get(p.page.name)!;
          const all = new Set<number>();
          const inSample = new Set<number>();
          const held = new Set<number>();
          p.rows.forEach((r, k) => {
            all.add(r.line);
            const ruleConfident = r.v[FEATURES.indexOf('rule.confident')] === 1;
            if (ruleConfident && probability(scorer, r.v) >= scorer.threshold) inSample.add(r.line);
            if (ruleConfident && fold[k] >= scorer.threshold) held.add(r.line);
          });
          score(flaggedAll, p.page.lines, p.page.isContent, all);
          score(inS, p.page.lines, p.page.isContent, inSample);
          score(cv, p.page.lines, p.page.isContent, held);
        }
        const name = `${set}${noWiki ? ` without ${NOISY}` : ''}`;
        const a = summary(flaggedAll);
        const i = summary(inS);
        const c = summary(cv);
        lines.push(
          `  ${name.padEnd(26)} all flags F1 ${fmt(a.f1)} lost ${(100 * a.lost).toFixed(3)}% | removable in-sample P ${fmt(i.p)} F1 ${fmt(i.f1)} lost ${(100 * i.lost).toFixed(3)}% | removable leave-one-page-out P ${fmt(c.p)} F1 ${fmt(c.f1)} lost ${(100 * c.lost).toFixed(3)}%`,
        );
        const key = `scorer.${set}${noWiki ? '.noWiki' : ''}`;
        put(`${key}.removable.f1`, i.f1);
        put(`${key}.removable.lost`, i.lost);
        put(`${key}.removable.cv.f1`, c.f1);
        put(`${key}.removable.cv.p`, c.p);
        put(`${key}.removable.cv.lost`, c.lost);
      }
    }
  }

  // Unlabelled pages: robustness and speed.
  const un = path.join(corpus, 'pages', 'unlabelled');
  if (fs.existsSync(un)) {
    const files = fs
      .readdirSync(un)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const ms: number[] = [];
    let crashes = 0;
    let proseFlagged = 0;
    for (const f of files) {
      const text = fs.readFileSync(path.join(un, f), 'utf8');
      let r: BoilerplateResult;
      try {
        r = detectBoilerplate(text); // warm-up: the figure is the steady state of an editor
      } catch (e) {
        crashes++;
        lines.push(`  CRASH ${f}: ${(e as Error).message}`);
        continue;
      }
      // CPU time of this process (not wall time): the machine is shared, other jobs must not count.
      // The article is normalised once for every analyser (article.normalized); detection reads it.
      const normalized = normalizeForMatching(text);
      const runs: number[] = [];
      for (let k = 0; k < 5; k++) {
        const c0 = process.cpuUsage();
        detectBoilerplate(text, { normalized });
        const c = process.cpuUsage(c0);
        runs.push((c.user + c.system) / 1000);
      }
      ms.push(median(runs));
      // Long sentence-punctuated lines flagged confidently: where article text could be lost.
      const conf = flagged(r, true);
      const pl = text.split(/\r\n|\r|\n/);
      for (const i of conf) if (pl[i].trim().length >= 80 && /[。！？]/.test(pl[i])) proseFlagged++;
    }
    lines.push(
      `unlabelled (${files.length} pages): crashes ${crashes}, CPU ms per page (median of 5 runs) median ${median(ms).toFixed(2)} max ${Math.max(...ms).toFixed(2)}, long prose lines flagged confidently ${proseFlagged}`,
    );
    put('unlabelled.crashes', crashes);
    put('unlabelled.msMedian', median(ms));
    put('unlabelled.msMax', Math.max(...ms));
    put('unlabelled.longProseFlagged', proseFlagged);
  }
  return { title: 'Boilerplate', lines, metrics };
}
