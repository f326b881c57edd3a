/**
 * The tagger's own speed, without the rules around it: CPU milliseconds per MB (UTF-8) to tag about 1 MB of
 * distinct unlabelled page lines (feature extraction, emissions and Viterbi), best of 5.
 * `npx tsx scripts/eval/tagger-speed.ts [MODEL.bin]` (default models/ner.bin).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { gazetteerTrie } from '../../server/src/service/entities/gazetteer';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { corpusDir } from './corpus';

const modelFile = process.argv[2] ?? path.resolve('models', 'ner.bin');
const tagger = loadTagger(new Uint8Array(fs.readFileSync(modelFile)));
const gaz = gazetteerTrie();
const dir = path.join(corpusDir(), 'pages', 'unlabelled');
const seen = new Set<string>();
let bytes = 0;
for (const f of fs
  .readdirSync(dir)
  .filter((x) => x.endsWith('.txt'))
  .sort()) {
  for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/)) {
    const t = normalizeForMatching(line.trim());
    if (!t || seen.has(t)) continue;
    seen.add(t);
    bytes += Buffer.byteLength(t);
  }
  if (bytes >= 1e6) break;
}
const lines = [...seen];
let spans = 0;
for (const l of lines.slice(0, 500)) spans += tagger.tag(l, gaz).length;
let best = Infinity;
for (let run = 0; run < 5; run++) {
  const c0 = process.cpuUsage();
  spans = 0;
  for (const l of lines) spans += tagger.tag(l, gaz).length;
  const c = process.cpuUsage(c0);
  best = Math.min(best, (c.user + c.system) / 1000);
}
console.log(
  `tagger alone: ${(best / (bytes / 1e6)).toFixed(0)} ms of CPU per MB (${(bytes / 1e6).toFixed(2)} MB, ${lines.length} distinct lines, ${spans} names; best of 5)`,
);
