/**
 * convertTrie.ts against opencc-js itself: `Converter({ from: 'tw' | 'hk', to: 'cn' })` and `compileConverter` of the same
 * config (what convert.ts `simplifier` uses), over every distinct line of the corpus's text files and over random runs of the
 * dictionaries' own keys and values (RANDOM_TEXTS of them, 200,000 by default). Prints the differences (none
 * expected) and exits 1 if there is one.
 *   NEWS_CORPUS=/work/shared/corpus npx tsx scripts/perf/convert-equal.ts
 */
import * as OpenCC from 'opencc-js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileConverter, OpenccConfig } from '../../server/src/service/convertTrie';
const configs = (OpenCC.Locale as unknown as { configs: Record<string, OpenccConfig> }).configs;
const pairs: [string, string][] = [
  ['tw', 'cn'],
  ['hk', 'cn'],
];
const names: Record<string, string> = { tw: 'tw2s', hk: 'hk2s' };
const t0 = Date.now();
const mine = pairs.map(([f]) => compileConverter(configs[names[f]]));
console.log('compile ms', Date.now() - t0);
const ref = pairs.map(([from, to]) => OpenCC.Converter({ from, to } as OpenCC.ConverterOptions));
// corpus
function* files(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.(txt|json|jsonl|tsv|md|html|bio)$/.test(e.name)) yield p;
  }
}
let lines = 0,
  bad = 0,
  units = 0;
const seen = new Set<string>();
for (const f of files(process.env.NEWS_CORPUS!)) {
  const text = fs.readFileSync(f, 'utf8');
  for (const line of text.split('\n')) {
    if (seen.has(line)) continue;
    seen.add(line);
    lines++;
    units += line.length;
    for (let k = 0; k < 2; k++) {
      const a = mine[k].convert(line),
        b = ref[k](line);
      if (a !== b) {
        if (bad++ < 5)
          console.log('DIFF', k, JSON.stringify(line.slice(0, 80)), JSON.stringify(a.slice(0, 80)), JSON.stringify(b.slice(0, 80)));
      }
    }
  }
}
console.log('corpus lines', lines, 'units', units, 'diffs', bad);

// Random text made of the dictionaries' own keys and values (whole, cut and run together), ideographic description
// characters, surrogates paired and not, and ASCII: where the phrase passes and segment boundaries meet.
const pieces: string[] = [];
for (const name of ['tw2s', 'hk2s']) {
  const c = configs[name];
  const dicts = [
    ...(c.normalizationChain ?? []).flat(),
    ...(typeof c.segmentation === 'string' ? [c.segmentation] : (c.segmentation ?? [])),
    ...c.conversionChain.flat(),
  ];
  for (const d of dicts) for (const e of d.split('|')) pieces.push(...e.split(' '));
}
const extra = ['⿰', '⿱', '⿲', '⿳', '⿴', '⿻', '⿰⿱', '\ud840', '\udc00', '\ud842\udfb7', 'a', ' ', '。', '\n', '〇', '豈'];
let seed = 12345;
const rand = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
let rbad = 0;
const N = Number(process.env.RANDOM_TEXTS ?? 200_000);
for (let r = 0; r < N; r++) {
  let s = '';
  const parts = 1 + rand(12);
  for (let p = 0; p < parts; p++) {
    const k = rand(10);
    let piece = k < 7 ? pieces[rand(pieces.length)] : extra[rand(extra.length)];
    if (k === 0 && piece.length > 1) piece = piece.slice(rand(piece.length)); // a phrase cut
    s += piece;
  }
  for (let k = 0; k < 2; k++) {
    const a = mine[k].convert(s),
      b = ref[k](s);
    if (a !== b && rbad++ < 5) console.log('RANDOM DIFF', k, JSON.stringify(s), JSON.stringify(a), JSON.stringify(b));
  }
}
console.log('random texts', N, 'diffs', rbad);
if (bad || rbad) process.exit(1);
