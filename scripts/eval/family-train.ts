/**
 * What one rule family changes on MSRA **train** (the train set: its errors may be read, unlike MSRA test), scored
 * mention by mention against the train labels: the mentions it adds that are right (+ok) or wrong (+), the right
 * ones it loses (-) and the wrong ones it removes (-ok). A family off by default (OFF_BY_DEFAULT) is enabled for the
 * "on" side. MEDIA counts as ORG, as in the MSRA scores.
 * `NEWS_CORPUS=/path/to/corpus npx tsx scripts/eval/family-train.ts FAMILY [--only=、] [--show=N]`: `--only` keeps
 * the sentences holding that string (the list families: 、), `--show` prints the first N changes.
 */
import * as path from 'node:path';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { OFF_BY_DEFAULT, RULE_FAMILIES, type RuleFamily } from '../../server/src/service/entities/recognizer';
import { loadNerModel } from '../../server/src/node/model';
import { corpusDir } from './corpus';
import { bioSpans, readBio } from './entities';

const family = process.argv[2] as RuleFamily;
if (!RULE_FAMILIES.includes(family)) {
  console.error(`usage: family-train.ts FAMILY [--only=STRING] [--show=N] (FAMILY one of ${RULE_FAMILIES.join(', ')})`);
  process.exit(2);
}
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = arg('only');
const showMax = Number(arg('show') ?? 40);
const model = loadNerModel();
const offByDefault = OFF_BY_DEFAULT.includes(family);
const on = createEntityRecognizer({ model, enable: offByDefault ? [family] : [] });
const off = createEntityRecognizer({ model, disable: [family] });
const sentences = readBio(path.join(corpusDir(), 'ner', 'msra_train_bio.txt')).filter(
  (s) => s.chars.every((c) => c.length === 1) && (!only || s.chars.join('').includes(only)),
);
const key = (m: { start: number; end: number; type: string }) => `${m.start}:${m.end}:${m.type === 'MEDIA' ? 'ORG' : m.type}`;
const counts = { right: 0, wrong: 0, lost: 0, removed: 0 };
const shown: string[] = [];
const note = (mark: string, k: string, text: string) => {
  const [a, b] = k.split(':').map(Number);
  if (shown.length < showMax) shown.push(`${mark} ${text.slice(a, b)} ${k} | ${text.slice(Math.max(0, a - 30), b + 30)}`);
};
for (const s of sentences) {
  const text = s.chars.join('');
  const a = new Set(on.recognize(text).map(key));
  const b = new Set(off.recognize(text).map(key));
  const gold = new Set(bioSpans(s.tags));
  for (const k of a)
    if (!b.has(k)) {
      counts[gold.has(k) ? 'right' : 'wrong']++;
      note(gold.has(k) ? '+ok' : '+', k, text);
    }
  for (const k of b)
    if (!a.has(k)) {
      counts[gold.has(k) ? 'lost' : 'removed']++;
      note(gold.has(k) ? '-' : '-ok', k, text);
    }
}
console.log(shown.join('\n'));
console.log(
  `${family} on against off, ${sentences.length} MSRA train sentences${only ? ` holding ${only}` : ''}: ` +
    `added right ${counts.right}, added wrong ${counts.wrong}, right ones lost ${counts.lost}, wrong ones removed ${counts.removed}`,
);
