/**
 * Entity evaluation: MSRA test set (Simplified, and converted to Traditional; exact span + type, MEDIA as ORG)
 * and the shared gold articles (content lines, (line, text, type) multiset, MEDIA as its own type).
 * Run through `npm run eval`, or alone: `npx tsx scripts/eval/entities.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toTraditional } from '../../server/src/service/convert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { OFF_BY_DEFAULT, RULE_FAMILIES } from '../../server/src/service/entities/recognizer';
import type { EntityRecognizer, EntityType } from '../../server/src/service/types';
import { loadNerModel } from '../../server/src/node/model';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { gazetteerTrie } from '../../server/src/service/entities/gazetteer';
import { sanityLines } from './span-sanity';
import { corpusDir, fmt, NEVER_TUNED, loadGoldArticles, matchCounts, prf, type GoldArticle, type Prf } from './corpus';

export interface BioSentence {
  chars: string[];
  tags: string[];
}

/** Reads CHAR<TAB>TAG lines with blank lines between sentences. */
export function readBio(file: string): BioSentence[] {
  const out: BioSentence[] = [];
  let cur: BioSentence = { chars: [], tags: [] };
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim()) {
      if (cur.chars.length) out.push(cur);
      cur = { chars: [], tags: [] };
      continue;
    }
    const tab = line.lastIndexOf('\t');
    cur.chars.push(line.slice(0, tab));
    cur.tags.push(line.slice(tab + 1));
  }
  if (cur.chars.length) out.push(cur);
  return out;
}

/** Gold spans of a BIO sentence as `start:end:TYPE` keys over character (array) positions. */
export function bioSpans(tags: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tags.length;) {
    if (tags[i].startsWith('B-')) {
      const type = tags[i].slice(2);
      let j = i + 1;
      while (j < tags.length && tags[j] === `I-${type}`) j++;
      out.push(`${i}:${j}:${type}`);
      i = j;
    } else i++;
  }
  return out;
}

const TYPES = ['PER', 'ORG', 'LOC'] as const;

/** Exact span + type on MSRA-style sentences; MEDIA counts as ORG. */
export function scoreBio(recognizer: EntityRecognizer, sentences: BioSentence[], convert?: (s: string) => string) {
  const total: Prf = { tp: 0, fp: 0, fn: 0 };
  const per: Record<string, Prf> = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const s of sentences) {
    let chars = s.chars;
    if (convert) {
      const conv = convert(chars.join(''));
      if (conv.length === chars.join('').length && [...conv].length === chars.length) chars = [...conv];
    }
    // Offsets: character array index -> UTF-16 offset.
    const text = chars.join('');
    const toIndex = new Map<number, number>();
    let off = 0;
    for (let i = 0; i <= chars.length; i++) {
      toIndex.set(off, i);
      off += chars[i]?.length ?? 0;
    }
    const pred = recognizer
      .recognize(text)
      .map((m) => `${toIndex.get(m.start)}:${toIndex.get(m.end)}:${m.type === 'MEDIA' ? 'ORG' : m.type}`);
    const gold = bioSpans(s.tags);
    const c = matchCounts(pred, gold);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    for (const t of TYPES) {
      const ct = matchCounts(
        pred.filter((k) => k.endsWith(`:${t}`)),
        gold.filter((k) => k.endsWith(`:${t}`)),
      );
      per[t].tp += ct.tp;
      per[t].fp += ct.fp;
      per[t].fn += ct.fn;
    }
  }
  return { total, per };
}

const ARTICLE_TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MEDIA'];
const zero = (): Prf => ({ tp: 0, fp: 0, fn: 0 });
const addInto = (into: Prf, c: Prf) => {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
};

export interface ArticleScore {
  total: Prf;
  per: Record<string, Prf>;
  byScript: Record<string, Prf>;
  errors: string[];
}

/** Per-page counts (total and by type) of one recogniser on the gold pages. */
export function scorePages(recognizer: EntityRecognizer, dir: string, only?: (name: string) => boolean) {
  return scoreLabelledPages(recognizer, loadGoldArticles(dir), only);
}

/** The same counts on any labelled pages: the gold articles, or the silver pages (`scripts/eval/silver.ts`). */
export function scoreLabelledPages(
  recognizer: EntityRecognizer,
  articles: readonly Pick<GoldArticle, 'name' | 'text' | 'gold'>[],
  only?: (name: string) => boolean,
) {
  const pages: { name: string; script: string; total: Prf; per: Record<string, Prf>; errors: string[] }[] = [];
  for (const a of articles) {
    if (only && !only(a.name)) continue;
    const content = new Set(a.gold.content);
    // The whole article at once, as the product annotates it; mentions are then assigned to their lines.
    const pred: string[] = [];
    const lineStarts: number[] = [0];
    for (let i = 0; i < a.text.length; i++) if (a.text[i] === '\n') lineStarts.push(i + 1);
    let line = 0;
    for (const m of recognizer.recognize(a.text)) {
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= m.start) line++;
      if (content.has(line + 1)) pred.push(`${line + 1}\u0001${m.text}\u0001${m.type}`);
    }
    const gold = a.gold.entities.map((e) => `${e.line}\u0001${e.text}\u0001${e.type}`);
    const per: Record<string, Prf> = {};
    for (const t of ARTICLE_TYPES)
      per[t] = matchCounts(
        pred.filter((k) => k.endsWith(`\u0001${t}`)),
        gold.filter((k) => k.endsWith(`\u0001${t}`)),
      );
    // Error listing for development (not printed by run()).
    const errors: string[] = [];
    const pool = [...gold];
    for (const p of pred) {
      const i = pool.indexOf(p);
      if (i >= 0) pool.splice(i, 1);
      else errors.push(`${a.name} FP ${p.replace(/\u0001/g, ' ')}`);
    }
    const pool2 = [...pred];
    for (const g of gold) {
      const i = pool2.indexOf(g);
      if (i >= 0) pool2.splice(i, 1);
      else errors.push(`${a.name} FN ${g.replace(/\u0001/g, ' ')}`);
    }
    pages.push({ name: a.name, script: a.gold.script, total: matchCounts(pred, gold), per, errors });
  }
  return pages;
}

/** Sums page counts (optionally only some pages) into totals, by type and by script. */
export function sumPages(pages: ReturnType<typeof scorePages>, only?: (name: string) => boolean): ArticleScore {
  const total = zero();
  const per: Record<string, Prf> = Object.fromEntries(ARTICLE_TYPES.map((t) => [t, zero()]));
  const byScript: Record<string, Prf> = { traditional: zero(), simplified: zero() };
  const errors: string[] = [];
  for (const p of pages) {
    if (only && !only(p.name)) continue;
    addInto(total, p.total);
    addInto(byScript[p.script], p.total);
    for (const t of ARTICLE_TYPES) addInto(per[t], p.per[t]);
    errors.push(...p.errors);
  }
  return { total, per, byScript, errors };
}

/** Gold articles: only content lines, (line, text, type) multiset, MEDIA as its own type. */
export function scoreArticles(recognizer: EntityRecognizer, dir: string): ArticleScore {
  return sumPages(scorePages(recognizer, dir));
}

function line(label: string, c: Prf): string {
  const { p, r, f1 } = prf(c);
  return `${label.padEnd(36)} P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f1)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
}

/** The tagger on its own (no gazetteer/pattern merge), to see what the merge step adds or costs. */
export function makeTaggerOnly(): EntityRecognizer | undefined {
  const model = loadNerModel();
  if (!model) return undefined;
  const tagger = loadTagger(model);
  return {
    name: 'model alone',
    recognize: (text) =>
      tagger
        .tag(normalizeForMatching(text), gazetteerTrie())
        .map((s) => ({ ...s, text: text.slice(s.start, s.end), source: 'model' as const })),
  };
}

export function makeRecognizer(): EntityRecognizer {
  return createEntityRecognizer({ model: loadNerModel() });
}

/**
 * Throughput of the full recogniser on `text` (after a warm-up), and the model load + build time.
 * `cpuMbPerSecond` divides by this process's CPU time, which stays meaningful on a shared, busy machine
 * where wall-clock `mbPerSecond` also counts time spent waiting for a core.
 */
export function benchEntities(text: string): { mbPerSecond: number; cpuMbPerSecond: number; loadMs: number } {
  const t0 = performance.now();
  const recognizer = makeRecognizer();
  recognizer.recognize('俄罗斯总统普京');
  const loadMs = performance.now() - t0;
  recognizer.recognize(text.slice(0, 20000));
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  recognizer.recognize(text);
  const cpu = process.cpuUsage(c1);
  const seconds = (performance.now() - t1) / 1000;
  const mb = Buffer.byteLength(text, 'utf8') / 1e6;
  return { mbPerSecond: mb / seconds, cpuMbPerSecond: mb / ((cpu.user + cpu.system) / 1e6), loadMs };
}

/**
 * Ablation: each rule family off in turn (and the model off), F1 on all pages, on the ten labelled last and on
 * the eleven the rules were written on, as the change from the full recogniser.
 */
function ablation(corpus: string, full: ReturnType<typeof scorePages>): string[] {
  const f1 = (pages: ReturnType<typeof scorePages>, only?: (n: string) => boolean) => prf(sumPages(pages, only).total).f1;
  const isNew = (n: string) => NEVER_TUNED.has(n);
  const isOld = (n: string) => !NEVER_TUNED.has(n);
  const base = [f1(full), f1(full, isNew), f1(full, isOld)];
  const out = [
    'ablation (F1 change when switched off; + means the recogniser is better without it)',
    `  ${'family'.padEnd(26)}  all 21   new 10   old 11`,
  ];
  const row = (label: string, pages: ReturnType<typeof scorePages>) => {
    const v = [f1(pages) - base[0], f1(pages, isNew) - base[1], f1(pages, isOld) - base[2]];
    out.push(`  ${label.padEnd(26)} ${v.map((x) => (x >= 0 ? '+' : '') + x.toFixed(4)).join('  ')}`);
  };
  const model = loadNerModel();
  row('model (tagger)', scorePages(createEntityRecognizer({}), corpus));
  for (const family of RULE_FAMILIES)
    if (OFF_BY_DEFAULT.includes(family))
      row(`${family} (off; when on, -)`, scorePages(createEntityRecognizer({ model, enable: [family] }), corpus));
    else row(family, scorePages(createEntityRecognizer({ model, disable: [family] }), corpus));
  return out;
}

export async function run(corpus: string = corpusDir()): Promise<{ title: string; lines: string[]; metrics: Record<string, number> }> {
  const recognizer = makeRecognizer();
  const lines: string[] = [`recogniser: ${recognizer.name}`];
  const metrics: Record<string, number> = {};
  const test = readBio(path.join(corpus, 'ner', 'msra_test_bio.txt'));
  for (const [label, convert] of [
    ['MSRA test (Simplified)', undefined],
    ['MSRA test (Traditional)', toTraditional],
  ] as const) {
    const key = convert ? 'msraTraditional' : 'msra';
    const s = scoreBio(recognizer, test, convert);
    lines.push(line(label, s.total));
    metrics[`${key}F1`] = prf(s.total).f1;
    for (const t of TYPES) {
      lines.push(line(`  ${t}`, s.per[t]));
      metrics[`${key}${t}F1`] = prf(s.per[t]).f1;
    }
  }
  const alone = makeTaggerOnly();
  if (alone) {
    const s = scoreBio(alone, test);
    lines.push(line('MSRA test, model alone', s.total));
    metrics.msraModelAloneF1 = prf(s.total).f1;
  }
  const pages = scorePages(recognizer, corpus);
  const groups: [string, string, ((n: string) => boolean) | undefined][] = [
    ['gold articles, all 21 (in-sample)', 'articles', undefined],
    ['10 pages labelled last', 'articlesNew', (n) => NEVER_TUNED.has(n)],
    ['11 pages the rules were written on', 'articlesOld', (n) => !NEVER_TUNED.has(n)],
  ];
  for (const [label, key, only] of groups) {
    const a = sumPages(pages, only);
    lines.push(line(label, a.total));
    metrics[`${key}F1`] = prf(a.total).f1;
    for (const [k, v] of Object.entries(a.per)) {
      lines.push(line(`  ${k}`, v));
      metrics[`${key}${k}F1`] = prf(v).f1;
    }
    for (const [k, v] of Object.entries(a.byScript)) {
      if (!v.tp && !v.fn && !v.fp) continue;
      lines.push(line(`  ${k}`, v));
      metrics[`${key}_${k}F1`] = prf(v).f1;
    }
  }
  // Leave-one-page-out: each page scored by a system whose fitted parts never saw it. The tagger is fitted to
  // MSRA train only and the lexicon features to npm data, so no fitted part saw any page, and the held-out score
  // of every page equals its in-sample score. The hand rules and the gazetteer were not fitted by a procedure
  // but written while reading the first 11 pages: for them the honest held-out figure is the 10 pages above.
  lines.push('leave-one-page-out = in-sample: no fitted part of the recogniser saw a gold page (model: MSRA train;');
  lines.push('  lexicons: npm data); the hand rules were written on the 11 older pages and, in issue 11, on the errors of the other');
  lines.push(
    '  10 as well, so no line here is held out: scripts/eval/motivating-page-out.ts scores each page with the rules written from it off',
  );
  lines.push(...sanityLines(recognizer, loadNerModel() ? loadTagger(loadNerModel()!).names : undefined, corpus));
  lines.push(...ablation(corpus, pages));
  return { title: 'Entities', lines, metrics };
}

// Only when run as this file (not when bundled into dist/eval.js, where require.main is the bundle).
if (require.main === module && /entities\.[tj]s$/.test(process.argv[1] ?? '')) {
  const dir = corpusDir();
  if (process.argv.includes('--errors')) {
    for (const e of scoreArticles(makeRecognizer(), dir).errors) console.log(e);
  } else {
    run(dir).then((r) => {
      console.log(r.title);
      for (const l of r.lines) console.log(l);
    });
  }
}
