/**
 * A candidate model checked without the MSRA test file: the gold pages (all 21, the 10 labelled last, the 11 the
 * rules were written on, and by script) with this model in the recogniser, then where the merge with the rules costs F1 on MSRA-style text, measured without the test file: a model trained
 * with the last N train sentences held out (`npx tsx scripts/train.ts --dev N --out M.bin`) is run on those N
 * sentences alone, as the whole recogniser, and with each rule family switched off in turn.
 * `npx tsx scripts/eval/merge-cost.ts M.bin [--dev 3000] [--pages-only]`. + in the table: the recogniser is better
 * without the family.
 */
import { createEntityRecognizer } from '../../server/src/service/entities';
import { RULE_FAMILIES } from '../../server/src/service/entities/recognizer';
import { gazetteerTrie } from '../../server/src/service/entities/gazetteer';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { corpusDir, prf } from './corpus';
import { heldOutSlice } from './heldOut';
import { scoreBio, scorePages, sumPages } from './entities';
import { NEVER_TUNED } from './corpus';

const { model, dev, tagger } = heldOutSlice(process.argv);
const alone = {
  name: 'model alone',
  recognize: (text: string) =>
    tagger
      .tag(normalizeForMatching(text), gazetteerTrie())
      .map((s) => ({ ...s, text: text.slice(s.start, s.end), source: 'model' as const })),
};
const pages = scorePages(createEntityRecognizer({ model }), corpusDir());
for (const [label, only] of [
  ['pages, all 21', undefined],
  ['10 labelled last', (n: string) => NEVER_TUNED.has(n)],
  ['11 tuned on', (n: string) => !NEVER_TUNED.has(n)],
] as const) {
  const a = sumPages(pages, only);
  const parts = [...Object.entries(a.per), ...Object.entries(a.byScript)].map(([k, v]) => `${k} ${prf(v).f1.toFixed(3)}`);
  console.log(`${label}: ${prf(a.total).f1.toFixed(4)} (${parts.join(', ')})`);
}
if (process.argv.includes('--pages-only')) process.exit(0);
const f = (r: ReturnType<typeof scoreBio>) => prf(r.total).f1;
const full = scoreBio(createEntityRecognizer({ model }), dev);
const base = f(full);
console.log(
  `held-out last ${dev.length} train sentences: model alone ${f(scoreBio(alone, dev)).toFixed(4)}, recogniser ${base.toFixed(4)}`,
);
for (const t of ['PER', 'ORG', 'LOC']) console.log(`  ${t}: ${prf(full.per[t]).f1.toFixed(4)}`);
for (const family of RULE_FAMILIES) {
  const d = f(scoreBio(createEntityRecognizer({ model, disable: [family] }), dev)) - base;
  console.log(`  ${family.padEnd(18)} ${(d >= 0 ? '+' : '') + d.toFixed(4)}`);
}
