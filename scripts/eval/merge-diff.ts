/**
 * Where the rules change the tagger's reading on the held-out slice of MSRA train, mention by mention: names the
 * recogniser adds (right or wrong) and tagger names it loses (right or wrong), each with its sentence, for the error
 * analysis behind merge-cost.ts. `npx tsx scripts/eval/merge-diff.ts M.bin [--dev 3000] [--disable family,...]` (M.bin trained with
 * `--dev N`, so the slice is held out from it).
 */
import { createEntityRecognizer } from '../../server/src/service/entities';
import type { RuleFamily } from '../../server/src/service/entities/recognizer';
import { gazetteerTrie } from '../../server/src/service/entities/gazetteer';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { heldOutSlice } from './heldOut';
import { bioSpans } from './entities';
import { LineMarginals } from '../../server/src/service/entities/marginals';

const { dev, tagger } = heldOutSlice(process.argv);
const disIdx = process.argv.indexOf('--disable');
const disable = (disIdx > 0 ? process.argv[disIdx + 1].split(',') : []) as RuleFamily[];
const rec = createEntityRecognizer({ tagger, disable });
const gaz = gazetteerTrie();
const counts = { addedRight: 0, addedWrong: 0, lostRight: 0, lostWrong: 0 };
const score = { alone: { tp: 0, fp: 0, fn: 0 }, full: { tp: 0, fp: 0, fn: 0 } };
const tally = (c: { tp: number; fp: number; fn: number }, pred: Set<string>, gold: Set<string>) => {
  for (const k of pred) c[gold.has(k) ? 'tp' : 'fp']++;
  for (const k of gold) if (!pred.has(k)) c.fn++;
};
const t = (m: { type: string }) => (m.type === 'MEDIA' ? 'ORG' : m.type);
for (const s of dev) {
  if (s.chars.some((c) => c.length !== 1)) continue;
  const text = s.chars.join('');
  const gold = new Set(bioSpans(s.tags));
  const norm = normalizeForMatching(text);
  const tagged = tagger.tag(norm, gaz);
  const marg = new LineMarginals(tagger, norm, gaz);
  // The tagger's marginals over the span: mean P(not O) and mean P(this type).
  const pm = (k: string) => {
    const [a, b, ty] = k.split(':');
    return `notO ${marg.notO(Number(a), Number(b)).toFixed(2)} type ${marg.ofType(Number(a), Number(b), ty as 'PER').toFixed(2)}`;
  };
  const conf = new Map(tagged.map((m) => [`${m.start}:${m.end}:${t(m)}`, m.confidence]));
  const alone = new Set(conf.keys());
  const full = rec.recognize(text);
  const fullKeys = new Set(full.map((m) => `${m.start}:${m.end}:${t(m)}`));
  tally(score.alone, alone, gold);
  tally(score.full, fullKeys, gold);
  const show = (k: string) => {
    const [a, b, ty] = k.split(':');
    return `${text.slice(Number(a), Number(b))}/${ty}`;
  };
  for (const m of full) {
    const k = `${m.start}:${m.end}:${t(m)}`;
    if (alone.has(k)) continue;
    const right = gold.has(k);
    counts[right ? 'addedRight' : 'addedWrong']++;
    console.log(`${right ? 'ADD+' : 'ADD-'} ${m.source} ${show(k)} c ${m.confidence.toFixed(2)} ${pm(k)} | ${text}`);
  }
  for (const k of alone) {
    if (fullKeys.has(k)) continue;
    const right = gold.has(k);
    counts[right ? 'lostRight' : 'lostWrong']++;
    console.log(`${right ? 'LOST+' : 'LOST-'} ${show(k)} ${conf.get(k)!.toFixed(2)} ${pm(k)} | ${text}`);
  }
}
const f1 = (c: { tp: number; fp: number; fn: number }) => ((2 * c.tp) / (2 * c.tp + c.fp + c.fn)).toFixed(4);
console.log(JSON.stringify(counts));
console.log(`held-out last ${dev.length}: model alone ${f1(score.alone)}, recogniser ${f1(score.full)}`);
