/**
 * Every mention one rule family changes, with its context, on every page of the corpus (gold, unlabelled, cwced):
 * what the family adds (+) and what it takes away (-), for reading one by one.
 * `NEWS_CORPUS=/path/to/corpus npx tsx scripts/eval/family-diff.ts FAMILY`. `gate:KIND` for FAMILY: what a
 * tagger-confidence gate of gates.ts changes (the shipped thresholds against that gate at 0; `gate:KIND=T` for another).
 * `--readable`: only the pages that may be read while rules are written (gold, and the silver dev sites of
 * `pages/unlabelled`; not the held-out silver test sites, not cwced, which is being labelled blind).
 */
import { createEntityRecognizer } from '../../server/src/service/entities';
import { RULE_FAMILIES, type RuleFamily } from '../../server/src/service/entities/recognizer';
import { loadNerModel } from '../../server/src/node/model';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { corpusDir } from './corpus';
import { corpusPages } from './span-sanity';
import { GATE_KINDS, GATE_THRESHOLDS, type GateKind } from '../../server/src/service/entities/gates';
import { isTest } from './silver';

const family = process.argv[2] as RuleFamily;
const gate = /^gate:(\w+)(?:=([\d.]+))?$/.exec(process.argv[2] ?? '');
const gateKind = gate?.[1] as GateKind | undefined;
if (gateKind ? !GATE_KINDS.includes(gateKind) : !RULE_FAMILIES.includes(family)) {
  console.error(
    `usage: family-diff.ts FAMILY (one of ${RULE_FAMILIES.join(', ')}) or gate:KIND[=T] (KIND one of ${GATE_KINDS.join(', ')})`,
  );
  process.exit(2);
}
const bytes = loadNerModel();
const tagger = bytes ? loadTagger(bytes) : undefined;
const on = createEntityRecognizer({ tagger, gates: gateKind ? { [gateKind]: Number(gate![2] ?? GATE_THRESHOLDS[gateKind]) } : {} });
const off = gateKind ? createEntityRecognizer({ tagger, gates: { [gateKind]: 0 } }) : createEntityRecognizer({ tagger, disable: [family] });
const key = (m: { start: number; end: number; type: string }) => `${m.start}:${m.end}:${m.type}`;
let added = 0;
let removed = 0;
const readable = process.argv.includes('--readable');
for (const p of corpusPages(corpusDir())) {
  if (readable && (p.set === 'cwced' || (p.set === 'unlabelled' && isTest(p.name)))) continue;
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
console.log(`${process.argv[2]}: ${added} added, ${removed} removed`);
