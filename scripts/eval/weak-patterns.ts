/**
 * The weak-label patterns on the unlabelled pages (docs/entities.md, "Sixth round: weak labels from unlabelled
 * news"): how many sentences and names each pattern gives, and a fixed sample of each pattern's names in context
 * to read for its precision. `NEWS_CORPUS=/path/to/corpus npx tsx scripts/eval/weak-patterns.ts [--sample N]`.
 * With `--recall [--model M.bin] [--misses]` (default: the shipped model), also how many of each pattern's names the recogniser
 * and its tagger alone find on those sentences, exact span and type (MEDIA counted as ORG): a silver recall on pages
 * no rule was written from, for the patterns the recogniser itself does not have (speech, according, company).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir } from './corpus';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { gazetteerTrie } from '../../server/src/service/entities/gazetteer';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { loadNerModel } from '../../server/src/node/model';
import type { WeakSentence } from '../training/weakLabels';
import { parseLexicon } from '../../server/src/service/entities/lexicon';
import { lexiconClasses, WEAK_PATTERNS, weakSentences, weakSourceSentences } from '../training/weakLabels';

function main(): void {
  const i = process.argv.indexOf('--sample');
  const sample = i > 0 ? Number(process.argv[i + 1]) : 25;
  const classes = lexiconClasses(parseLexicon(fs.readFileSync(path.resolve('models', 'lexicon.tsv'), 'utf8')));
  const source = weakSourceSentences(corpusDir());
  const weak = weakSentences(source, classes);
  console.log(`${source.length} unlabelled sentences; ${weak.length} with a pattern name`);
  if (process.argv.includes('--recall')) recall(weak);
  for (const p of WEAK_PATTERNS) {
    const hits = weak.flatMap((w) => w.spans.filter((s) => s.pattern === p).map((s) => ({ w, s })));
    const distinct = new Set(hits.map(({ w, s }) => w.text.slice(s.start, s.end)));
    console.log(`\n## ${p}: ${hits.length} names (${distinct.size} distinct)`);
    // Every k-th hit, so the sample spreads over the pages.
    const step = Math.max(1, Math.floor(hits.length / sample));
    for (let k = 0; k < hits.length && k / step < sample; k += step) {
      const { w, s } = hits[k];
      const left = w.text.slice(Math.max(0, s.start - 8), s.start);
      const right = w.text.slice(s.end, s.end + 8);
      console.log(`${String(k).padStart(4)} ${s.type} ${left}[${w.text.slice(s.start, s.end)}]${right}`);
    }
  }
}

function recall(weak: readonly WeakSentence[]): void {
  const at = process.argv.indexOf('--model');
  const model = at > 0 ? new Uint8Array(fs.readFileSync(process.argv[at + 1])) : loadNerModel();
  if (!model) throw new Error('no model: pass --model M.bin or build models/ner.bin');
  const recognizer = createEntityRecognizer({ model });
  const tagger = loadTagger(model);
  const gaz = gazetteerTrie();
  const org = (t: string) => (t === 'MEDIA' ? 'ORG' : t);
  const found = new Map<string, [number, number, number]>();
  for (const w of weak) {
    const key = (x: { start: number; end: number; type: string }) => `${x.start}:${x.end}:${org(x.type)}`;
    const byRecogniser = new Set(recognizer.recognize(w.text).map(key));
    const byTagger = new Set(tagger.tag(w.text, gaz).map(key));
    for (const s of w.spans) {
      const f = found.get(s.pattern) ?? [0, 0, 0];
      f[0]++;
      if (byRecogniser.has(key(s))) f[1]++;
      else if (process.argv.includes('--misses'))
        console.log(
          `  missed ${s.pattern}: ${w.text.slice(Math.max(0, s.start - 6), s.start)}[${w.text.slice(s.start, s.end)}]${w.text.slice(s.end, s.end + 6)}`,
        );
      if (byTagger.has(key(s))) f[2]++;
      found.set(s.pattern, f);
    }
  }
  console.log('pattern names found exactly (recogniser / tagger alone):');
  for (const [p, [n, r, t]] of found)
    console.log(`  ${p.padEnd(10)} ${n} names: ${r} (${((100 * r) / n).toFixed(0)} %) / ${t} (${((100 * t) / n).toFixed(0)} %)`);
}

main();
