/**
 * The in-process per-phase harness: CPU milliseconds per MB (UTF-8) of the whole analysis of the bench's 1 MB
 * text and of its parts, each the best of `RUNS` (default 4) in one process, with the load average beside.
 * `npx tsx scripts/perf/phases.ts` (NEWS_CORPUS as for `npm run eval`); alternate it between two builds to
 * compare them, since a shared machine moves every figure from run to run.
 */
import * as os from 'node:os';
import { analyseArticle, maskLines } from '../../server/src/service/article';
import { detectBoilerplate } from '../../server/src/service/boilerplate';
import { detectScript } from '../../server/src/service/convert';
import { findPublication, recognizeDates } from '../../server/src/service/dates';
import { createEntityRecognizer, linkEntities } from '../../server/src/service/entities';
import { gazetteerTrie } from '../../server/src/service/entities/gazetteer';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { loadNerModel } from '../../server/src/node/model';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { blankInvisibles } from '../../server/src/service/spans';
import { LineIndex } from '../../server/src/service/text';
import { unlabelledText } from './pages';

const RUNS = Number(process.env.RUNS ?? 4);
const text = unlabelledText(1 << 20);
const mb = Buffer.byteLength(text) / (1 << 20);

function cpu(fn: () => unknown): number {
  let best = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best / mb;
}

const model = loadNerModel();
const recognizer = createEntityRecognizer({ model });
const tagger = loadTagger(new Uint8Array(model!));
const gaz = gazetteerTrie();
recognizer.recognize(text.slice(0, 20000));
const load0 = os.loadavg()[0].toFixed(1);
const normalized = normalizeForMatching(text);
const lines = new LineIndex(text);
const blocks = detectBoilerplate(text, { normalized }).blocks;
const distinct = [
  ...new Set(
    normalized
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  ),
];
const entities = [...analyseArticle(text, { recognizer }).entities];
const rows: [string, number][] = [
  [
    'whole analysis (every field read)',
    cpu(() => {
      const a = analyseArticle(text, { recognizer });
      return a.entities.length + a.dates.length + a.clusters.length + a.script.length;
    }),
  ],
  ['entities (recognize)', cpu(() => recognizer.recognize(text))],
  ['tagger alone (distinct normalised lines)', cpu(() => distinct.forEach((l) => tagger.tag(l, gaz)))],
  ['normalisation', cpu(() => normalizeForMatching(text))],
  ['boilerplate', cpu(() => detectBoilerplate(blankInvisibles(text), { normalized }))],
  [
    'dates (as analyseArticle runs them)',
    cpu(() => {
      const articleText = maskLines(text, lines, blocks);
      recognizeDates(articleText, { reference: findPublication(articleText)?.value, normalized: maskLines(normalized, lines, blocks) });
    }),
  ],
  ['linking', cpu(() => linkEntities(text, entities, normalized))],
  ['script detection', cpu(() => detectScript(text))],
];
console.log(`load average ${load0} at start, ${os.loadavg()[0].toFixed(1)} at the end; ${mb.toFixed(2)} MB; best of ${RUNS}`);
for (const [name, ms] of rows) console.log(`${name.padEnd(42)} ${ms.toFixed(0).padStart(5)} ms per MB  (${(1000 / ms).toFixed(2)} MB/s)`);
