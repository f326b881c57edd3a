/**
 * The weak-label patterns on the unlabelled pages (docs/entities.md, "Sixth round: weak labels from unlabelled
 * news"): how many sentences and names each pattern gives, and a fixed sample of each pattern's names in context
 * to read for its precision. `NEWS_CORPUS=/path/to/corpus npx tsx scripts/eval/weak-patterns.ts [--sample N]`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir } from './corpus';
import { parseLexicon } from '../../server/src/service/entities/lexicon';
import { lexiconClasses, WEAK_PATTERNS, weakSentences, weakSourceSentences } from '../training/weakLabels';

function main(): void {
  const i = process.argv.indexOf('--sample');
  const sample = i > 0 ? Number(process.argv[i + 1]) : 25;
  const classes = lexiconClasses(parseLexicon(fs.readFileSync(path.resolve('models', 'lexicon.tsv'), 'utf8')));
  const source = weakSourceSentences(corpusDir());
  const weak = weakSentences(source, classes);
  console.log(`${source.length} unlabelled sentences; ${weak.length} with a pattern name`);
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

main();
