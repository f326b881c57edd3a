/**
 * Output identity for speed work: the whole analysis (every field of `analyseArticle`: script, publication,
 * boilerplate blocks, entities with source and confidence, clusters, dates, the normalised text) of every page of
 * the shared corpus (gold articles, unlabelled pages, cwced pages) and of the bench's 1 MB text, plus `recognize`
 * on every MSRA test sentence, one JSON line per document, to a file. Run it before and after a change and compare
 * the files byte for byte (`cmp`); it prints the sha256 of what it wrote.
 * `npx tsx scripts/perf/identity.ts OUT.jsonl` (NEWS_CORPUS as for `npm run eval`).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseArticle } from '../../server/src/service/article';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { loadNerModel } from '../../server/src/node/model';
import { corpusDir } from '../eval/corpus';
import { readBio } from '../eval/entities';

const out = process.argv[2];
if (!out) throw new Error('usage: identity.ts OUT.jsonl');
const corpus = corpusDir();
const recognizer = createEntityRecognizer({ model: loadNerModel() });

const textsIn = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `${path.basename(dir)}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
const docs = [
  ...textsIn(path.join(corpus, 'articles')),
  ...textsIn(path.join(corpus, 'pages', 'unlabelled')),
  ...textsIn(path.join(corpus, 'pages', 'cwced')),
];
// The bench's megabyte (scripts/bench.ts megabyteOfArticles): the unlabelled pages in order until 1 MB.
const unlabelled = docs.filter((d) => d.name.startsWith('unlabelled/')).map((d) => d.text);
let mb = '';
for (let i = 0; Buffer.byteLength(mb) < 1 << 20; i++) mb += unlabelled[i % unlabelled.length] + '\n\n';
docs.push({ name: 'bench-megabyte', text: mb });

const fd = fs.openSync(out, 'w');
const hash = crypto.createHash('sha256');
const write = (line: string) => {
  fs.writeSync(fd, line + '\n');
  hash.update(line + '\n');
};
for (const { name, text } of docs) {
  const a = analyseArticle(text, { recognizer });
  const normalized = crypto.createHash('sha256').update(a.normalized).digest('hex');
  write(
    JSON.stringify({
      name,
      script: a.script,
      published: a.published,
      reference: a.reference,
      headline: a.headline,
      blocks: a.blocks,
      entities: a.entities,
      clusters: a.clusters.map((c) => ({ ...c, mentions: c.mentions.map((m) => m.start) })),
      clusterOf: a.clusterOf.map((c) => c.id),
      dates: a.dates,
      normalized,
    }),
  );
}
for (const s of readBio(path.join(corpus, 'ner', 'msra_test_bio.txt'))) write(JSON.stringify(recognizer.recognize(s.chars.join(''))));
fs.closeSync(fd);
console.log(`${docs.length} documents and the MSRA test sentences written to ${out}: sha256 ${hash.digest('hex')}`);
