/**
 * Trains the stacked second pass (scripts/training/stack.ts) over a first tagger and its jackknifed copies:
 *   npx tsx scripts/train-stack.ts --first M.bin --folds 'F%d.bin' --of K [--dev N --sample S] [--epochs E] [--bits B]
 * F0..F(K-1) are first taggers each trained without the k-th of K folds of the training sentences (scripts/train.ts
 * --leave-fold k --of K with the same --dev and --sample); M is the one trained on all of them. With --dev, F1 on the
 * held-out slice after each epoch, first pass alone and with the second.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gazetteerTrie } from '../server/src/service/entities/gazetteer';
import { normalizeForMatching } from '../server/src/service/normalize';
import { goldTags, openModel, spansFromTags } from '../server/src/service/entities/tagger';
import { parseBio } from './training/trainer';
import { decodeStacked, firstPass, trainStacked, type FirstPass, type StackedWeights } from './training/stack';
import { corpusDir } from './eval/corpus';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
function sarg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) throw new Error(`--${name} is required`);
  return process.argv[i + 1];
}

function f1(pred: Uint8Array[], gold: Uint8Array[]): number {
  let tp = 0,
    fp = 0,
    fn = 0;
  const key = (x: { start: number; end: number; type: string }) => `${x.start}:${x.end}:${x.type}`;
  for (let k = 0; k < gold.length; k++) {
    const p = new Set(spansFromTags(pred[k], pred[k].length).map(key));
    const g = new Set(spansFromTags(gold[k], gold[k].length).map(key));
    for (const x of p)
      if (g.has(x)) tp++;
      else fp++;
    for (const x of g) if (!p.has(x)) fn++;
  }
  return (2 * tp) / (2 * tp + fp + fn || 1);
}

function main(): void {
  const all = parseBio(fs.readFileSync(path.join(corpusDir(), 'ner', 'msra_train_bio.txt'), 'utf8'));
  const devN = arg('dev', 0);
  const sample = arg('sample', 1);
  const of = arg('of', 5);
  const train = (devN ? all.slice(0, all.length - devN) : all).filter((_, i) => i % sample === 0);
  const dev = devN ? all.slice(all.length - devN) : [];
  const gaz = gazetteerTrie();
  const t0 = Date.now();
  const pattern = sarg('folds');
  const norms = train.map((s) => normalizeForMatching(s.text));
  const gold = train.map((s) => goldTags(s.tags));
  const first: FirstPass[] = new Array<FirstPass>(train.length);
  for (let f = 0; f < of; f++) {
    const model = openModel(new Uint8Array(fs.readFileSync(pattern.replace('%d', String(f)))));
    for (let i = 0; i < train.length; i++) if (Math.floor((i * of) / train.length) === f) first[i] = firstPass(model, norms[i], gaz);
  }
  console.log(`first pass over ${train.length} training sentences, jackknifed in ${of}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const m = openModel(new Uint8Array(fs.readFileSync(sarg('first'))));
  const devNorms = dev.map((s) => normalizeForMatching(s.text));
  const devGold = dev.map((s) => goldTags(s.tags));
  const devFirst = devNorms.map((n) => firstPass(m, n, gaz));
  const jackF1 = f1(
    first.map((x) => x.tags),
    gold,
  );
  if (dev.length)
    console.log(
      `first pass alone: held-out F1 ${f1(
        devFirst.map((x) => x.tags),
        devGold,
      ).toFixed(4)}; jackknifed on training ${jackF1.toFixed(4)}`,
    );
  const devScore = (w: StackedWeights) =>
    f1(
      devNorms.map((n, k) => {
        const tags = new Uint8Array(n.length);
        decodeStacked(w, n, devFirst[k], tags);
        return tags;
      }),
      devGold,
    );
  trainStacked(norms, gold, first, {
    bits: arg('bits', 18),
    epochs: arg('epochs', 5),
    transition: m.weights.transition,
    onEpoch: (e, info) =>
      console.log(
        `  epoch ${e}: ${info.mistakes} sentences wrong${dev.length ? `, held-out F1 ${devScore(info.averaged()).toFixed(4)}` : ''}`,
      ),
  });
  console.log(`took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
