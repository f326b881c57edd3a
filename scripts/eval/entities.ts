/**
 * Entity evaluation: MSRA test set (Simplified, and converted to Traditional; exact span + type, MEDIA as ORG)
 * and the shared gold articles (content lines, (line, text, type) multiset, MEDIA as its own type).
 * Run through `npm run eval`, or alone: `npx tsx scripts/eval/entities.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toTraditional } from '../../server/src/service/convert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import type { EntityRecognizer, EntityType } from '../../server/src/service/types';
import { loadNerModel } from '../../server/src/node/model';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { gazetteerTrie } from '../../server/src/service/entities/gazetteer';
import { corpusDir, fmt, loadGoldArticles, matchCounts, prf, type Prf } from './corpus';

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
  for (let i = 0; i < tags.length; ) {
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

/** Gold articles: only content lines, (line, text, type) multiset, MEDIA as its own type. */
export function scoreArticles(recognizer: EntityRecognizer, dir: string) {
  const total: Prf = { tp: 0, fp: 0, fn: 0 };
  const types: EntityType[] = ['PER', 'ORG', 'LOC', 'MEDIA'];
  const per: Record<string, Prf> = Object.fromEntries(types.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const byScript: Record<string, Prf> = { traditional: { tp: 0, fp: 0, fn: 0 }, simplified: { tp: 0, fp: 0, fn: 0 } };
  const errors: string[] = [];
  for (const a of loadGoldArticles(dir)) {
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
    const add = (into: Prf, c: Prf) => {
      into.tp += c.tp;
      into.fp += c.fp;
      into.fn += c.fn;
    };
    const c = matchCounts(pred, gold);
    add(total, c);
    add(byScript[a.gold.script], c);
    for (const t of types) add(per[t], matchCounts(pred.filter((k) => k.endsWith(`\u0001${t}`)), gold.filter((k) => k.endsWith(`\u0001${t}`))));
    // Error listing for development (not printed by run()).
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
  }
  return { total, per, byScript, errors };
}

function line(label: string, c: Prf): string {
  const { p, r, f1 } = prf(c);
  return `${label.padEnd(28)} P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f1)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
}

/** The tagger on its own (no gazetteer/pattern merge), to see what the merge step adds or costs. */
export function makeTaggerOnly(): EntityRecognizer | undefined {
  const model = loadNerModel();
  if (!model) return undefined;
  const tagger = loadTagger(model);
  return {
    name: 'model alone',
    recognize: (text) =>
      tagger.tag(normalizeForMatching(text), gazetteerTrie()).map((s) => ({ ...s, text: text.slice(s.start, s.end), source: 'model' as const })),
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
  const a = scoreArticles(recognizer, corpus);
  lines.push(line('gold articles', a.total));
  metrics.articlesF1 = prf(a.total).f1;
  for (const [k, v] of Object.entries(a.per)) {
    lines.push(line(`  ${k}`, v));
    metrics[`articles${k}F1`] = prf(v).f1;
  }
  for (const [k, v] of Object.entries(a.byScript)) {
    lines.push(line(`  ${k}`, v));
    metrics[`articles_${k}F1`] = prf(v).f1;
  }
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
