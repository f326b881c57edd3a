/**
 * The tagger's parts, this tree against another checkout of the project, in one process: emission sums, Viterbi,
 * the name-lexicon, word, gazetteer and training-name walks, the whole feature extraction and the whole `tag`, each run alternately on the distinct lines of the bench's
 * megabyte. On a shared machine two processes run minutes apart see different loads; alternating in one process
 * they see the same, so a change of a few per cent shows as "faster in k of N rounds" (the same tree against itself
 * gives about N / 2). Each part's output is compared first: a difference stops the script.
 * `npx tsx scripts/perf/tagger-ab.ts OTHER_CHECKOUT [ROUNDS]` (NEWS_CORPUS as for `npm run eval`; each tree reads its
 * own models/ner.bin with its own loader; PARTS=viterbi,emissions for some parts only). Under tsx, not bundled as the product is: a
 * figure that moves only under tsx is checked with a bundled driver before it is believed.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { unlabelledText } from './pages';

type Tree = {
  tagger: typeof import('../../server/src/service/entities/tagger');
  decode: typeof import('../../server/src/service/entities/decode');
  features: typeof import('../../server/src/service/entities/features');
  words: typeof import('../../server/src/service/entities/words');
  gazetteer: typeof import('../../server/src/service/entities/gazetteer');
  model: typeof import('../../server/src/node/model');
  root: string;
};

async function tree(root: string): Promise<Tree> {
  const at = (f: string) => import(path.join(root, 'server', 'src', 'service', 'entities', f));
  return {
    tagger: await at('tagger.ts'),
    decode: await at('decode.ts'),
    features: await at('features.ts'),
    words: await at('words.ts'),
    gazetteer: await at('gazetteer.ts'),
    model: await import(path.join(root, 'server', 'src', 'node', 'model.ts')),
    root,
  };
}

async function main(): Promise<void> {
  const other = process.argv[2];
  if (!other) throw new Error('usage: tagger-ab.ts OTHER_CHECKOUT [ROUNDS]');
  const rounds = Number(process.argv[3] ?? 20);
  const text = unlabelledText(1 << 20);
  const mb = Buffer.byteLength(text) / (1 << 20);
  const lines = [
    ...new Set(
      normalizeForMatching(text)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  const maxn = Math.max(...lines.map((l) => l.length));
  const sides = await Promise.all([path.resolve(other), path.resolve(__dirname, '..', '..')].map(tree));
  const parts = sides.map((t) => {
    // Each tree's own loader (where it reads the file decides how it is decoded: simd.ts).
    const tagger = t.tagger.loadTagger(t.model.loadNerModel()!);
    const gaz = t.gazetteer.gazetteerTrie();
    const w = tagger.weights!;
    const F = t.features.FEATURES_PER_CHAR;
    const ids = lines.map((l) =>
      t.features.extractFeatures(l, gaz, w.bits, undefined, tagger.trainingNames, tagger.words, tagger.names).slice(0, l.length * F),
    );
    const em = lines.map((l, k) => {
      const e = new Float64Array(l.length * 13);
      t.decode.emissions(w, ids[k], l.length, e);
      return e;
    });
    const scratch = new Float64Array(maxn * 13);
    const tags = new Uint8Array(maxn);
    const margin = new Float32Array(maxn);
    const marks = [new Uint8Array(maxn), new Uint8Array(maxn), new Uint8Array(maxn * 8)] as const;
    const dict = { cover: new Uint8Array(maxn), coverLen: new Uint8Array(maxn), startLen: new Uint8Array(maxn) };
    const idScratch = new Uint32Array(maxn * F);
    const wm = { startLen: new Uint8Array(maxn), endLen: new Uint8Array(maxn), midLen: new Uint8Array(maxn), fmm: new Uint8Array(maxn) };
    return {
      emissions: () => lines.forEach((l, k) => t.decode.emissions(w, ids[k], l.length, scratch)),
      viterbi: () => lines.forEach((l, k) => t.decode.viterbiScores(w.transition, em[k], l.length, tags, margin, true)),
      'name walk': () => lines.forEach((l) => tagger.names!.marks(l, ...marks)),
      'word walk': () => lines.forEach((l) => t.words.wordMarks(l, tagger.words, wm)),
      'gazetteer walk': () => lines.forEach((l) => t.features.dictionaryMarks(l, gaz, dict)),
      'training-name walk': () => lines.forEach((l) => t.features.dictionaryMarks(l, tagger.trainingNames, dict)),
      features: () =>
        lines.forEach((l) => t.features.extractFeatures(l, gaz, w.bits, idScratch, tagger.trainingNames, tagger.words, tagger.names)),
      'tag (whole tagger)': () => lines.forEach((l) => tagger.tag(l, gaz)),
      outputs: () => lines.map((l) => JSON.stringify(tagger.tag(l, gaz))).join('\n'),
      em,
    };
  });
  if (parts[0].outputs() !== parts[1].outputs()) throw new Error('the two trees tag the lines differently');
  if (parts[0].em.some((e, k) => e.some((v, i) => v !== parts[1].em[k][i]))) throw new Error('the two trees differ in emission scores');
  const cpu = (fn: () => void) => {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000 / mb;
  };
  const stats = (x: number[]) => {
    const s = [...x].sort((a, b) => a - b);
    return `min ${s[0].toFixed(1)}, median ${s[s.length >> 1].toFixed(1)}`;
  };
  console.log(`${lines.length} distinct lines, ${mb.toFixed(2)} MB; CPU ms per MB; other = ${other}`);
  const all = [
    'emissions',
    'viterbi',
    'name walk',
    'word walk',
    'gazetteer walk',
    'training-name walk',
    'features',
    'tag (whole tagger)',
  ] as const;
  // PARTS=viterbi,emissions: only those.
  const chosen = all.filter((p) => !process.env.PARTS || process.env.PARTS.split(',').includes(p));
  for (const name of chosen) {
    const load = os.loadavg()[0].toFixed(1);
    const a: number[] = [];
    const b: number[] = [];
    // Which tree goes first alternates: the second of a pair runs on caches the first warmed.
    for (let r = 0; r < rounds; r++) {
      if (r % 2) b.push(cpu(parts[1][name]));
      a.push(cpu(parts[0][name]));
      if (!(r % 2)) b.push(cpu(parts[1][name]));
    }
    const wins = b.filter((v, i) => v < a[i]).length;
    console.log(`${name.padEnd(20)} load ${load}: other ${stats(a)}; this tree ${stats(b)}; this tree faster in ${wins} of ${rounds}`);
  }
}

void main();
