/**
 * Every mention one rule family changes, with its context, on every page of the corpus (gold, unlabelled, cwced):
 * what the family adds (+) and what it takes away (-), for reading one by one.
 * `NEWS_CORPUS=/path/to/corpus npx tsx scripts/eval/family-diff.ts FAMILY`.
 */
import { createEntityRecognizer } from '../../server/src/service/entities';
import { RULE_FAMILIES, type RuleFamily } from '../../server/src/service/entities/recognizer';
import { loadNerModel } from '../../server/src/node/model';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { corpusDir } from './corpus';
import { corpusPages } from './span-sanity';

const family = process.argv[2] as RuleFamily;
if (!RULE_FAMILIES.includes(family)) {
  console.error(`usage: family-diff.ts FAMILY (one of ${RULE_FAMILIES.join(', ')})`);
  process.exit(2);
}
const bytes = loadNerModel();
const tagger = bytes ? loadTagger(bytes) : undefined;
const on = createEntityRecognizer({ tagger });
const off = createEntityRecognizer({ tagger, disable: [family] });
const key = (m: { start: number; end: number; type: string }) => `${m.start}:${m.end}:${m.type}`;
let added = 0;
let removed = 0;
for (const p of corpusPages(corpusDir())) {
  const norm = normalizeForMatching(p.text);
  const a = on.recognize(p.text, norm);
  const b = off.recognize(p.text, norm);
  const ka = new Set(a.map(key));
  const kb = new Set(b.map(key));
  const show = (sign: string, m: { start: number; end: number; type: string; text: string }) =>
    console.log(
      `${p.set}\t${p.name}\t${sign}${m.type}\t${m.text}\t${p.text.slice(Math.max(0, m.start - 12), m.start)}[${m.text}]${p.text.slice(m.end, m.end + 12)}`.replace(
        /\n/g,
        ' ',
      ),
    );
  for (const m of a) {
    if (kb.has(key(m))) continue;
    added++;
    show('+', m);
  }
  for (const m of b) {
    if (ka.has(key(m))) continue;
    removed++;
    show('-', m);
  }
}
console.log(`${family}: ${added} added, ${removed} removed`);
