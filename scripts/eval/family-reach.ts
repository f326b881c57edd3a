/**
 * Where each rule family fires (issue 11 audit): for every family, the pages of the corpus on which switching it
 * off changes the recogniser's mentions, gold pages and other pages (unlabelled, cwced) apart, and the mentions
 * changed on the other pages. A family that changes only the page it was written from has no evidence that it
 * carries. Run by hand (about three minutes): `NEWS_CORPUS=/path/to/corpus npx tsx scripts/eval/family-reach.ts`.
 */
import { createEntityRecognizer } from '../../server/src/service/entities';
import { RULE_FAMILIES } from '../../server/src/service/entities/recognizer';
import { loadNerModel } from '../../server/src/node/model';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { corpusDir } from './corpus';
import { corpusPages } from './span-sanity';

const bytes = loadNerModel();
const tagger = bytes ? loadTagger(bytes) : undefined;
const pages = corpusPages(corpusDir()).map((p) => ({ ...p, norm: normalizeForMatching(p.text) }));
const key = (m: { start: number; end: number; type: string }) => `${m.start}:${m.end}:${m.type}`;
const full = createEntityRecognizer({ tagger });
const base = pages.map((p) => new Set(full.recognize(p.text, p.norm).map(key)));
const only = process.argv.slice(2);
for (const family of RULE_FAMILIES) {
  if (only.length && !only.includes(family)) continue;
  const r = createEntityRecognizer({ tagger, disable: [family] });
  const gold: string[] = [];
  let other = 0;
  let changed = 0;
  pages.forEach((p, i) => {
    const off = new Set(r.recognize(p.text, p.norm).map(key));
    const diff = [...base[i]].filter((k) => !off.has(k)).length + [...off].filter((k) => !base[i].has(k)).length;
    if (!diff) return;
    if (p.set === 'gold') gold.push(p.name);
    else {
      other++;
      changed += diff;
    }
  });
  console.log(
    `${family.padEnd(18)} gold pages ${String(gold.length).padStart(2)}  other pages ${String(other).padStart(2)} (${changed} mentions)  ${gold.join(' ')}`,
  );
}
