/**
 * What article consistency copies, scored mention by mention (issue 11, eighth round): every name the copy pass
 * (recognizer.ts `propagate`) puts on unmarked text, every model span it grows, every company stem it copies and
 * every place `companyStems` retypes, against the labels of the 21 gold pages and the silver **dev** pages (the test
 * sites are never read here). Each copy is tabulated by what it came from: the source and confidence of the reading
 * copied, its type and length, whether the string is a dictionary word or a lexicon entry, how often it stands in
 * the article, and whether the place it is copied to lies inside a longer dictionary word or a longer name.
 *
 * `NEWS_CORPUS=/path/to/corpus npx tsx scripts/eval/copies.ts [--list] [--disable F,G] [--enable F]`
 * (`--list` prints every copy with its context; `--disable`/`--enable` measure with families switched.)
 * `… copies.ts --msra Q.bin [--doc N]`: the same table on the held-out slice of MSRA **train** (the last 3,000
 * sentences, which `scripts/train.ts --dev 3000 … --out Q.bin` leaves out, so the readings copied are jackknifed),
 * read as articles of N consecutive sentences (20), scored against MSRA's labels (MEDIA as ORG); with the recogniser's
 * F1 on those articles. `--msra Q0.bin,Q1.bin,… --of N` instead: model Qk (trained `--dev 3000 --leave-fold k --of N`)
 * reads the k-th of N contiguous blocks of the rest, which it never saw. Never the MSRA test file.
 */
import { createEntityRecognizer } from '../../server/src/service/entities';
import { type CopyTrace, type RuleFamily } from '../../server/src/service/entities/recognizer';
import { loadNerModel } from '../../server/src/node/model';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { gazetteerTrie } from '../../server/src/service/entities/gazetteer';
import { LEX_LOC, LEX_ORG, LEX_PER, LEX_WORD } from '../../server/src/service/entities/lexicon';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { insideLonger } from '../../server/src/service/entities/copy-gates';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { corpusDir, loadGoldArticles, matchCounts, prf, type GoldArticle, type Prf } from './corpus';
import { isTest, loadSilverPages } from './silver';
import { bioSpans, readBio } from './entities';

/** How a span stands against the labels of its line. */
type Verdict = 'right' | 'wrongType' | 'wrongSpan' | 'notName' | 'offContent';

interface Scored {
  page: string;
  set: string;
  kind: CopyTrace['kind'];
  text: string;
  context: string;
  verdict: Verdict;
  /** For a grown span: the verdict of the span before it grew. */
  before?: Verdict;
  kept: boolean;
  /** The text of the reading copied. */
  from: string;
  features: Record<string, string>;
}

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1].split(',').filter(Boolean) : [];
};

const msraModels = arg('--msra');
const msraModel = msraModels[0];
const bytes = msraModel ? new Uint8Array(fs.readFileSync(msraModel)) : loadNerModel();
if (!bytes) throw new Error('no model: run npm run train or fetch models/ner.bin');
let tagger = loadTagger(bytes);
// The dictionaries are the same in every model trained from the same data: the features read the first one's.
const words = tagger.words!;
const names = tagger.names!;
const gaz = gazetteerTrie();

/** Gold spans of a page as offsets in its text, found in reading order in their lines. */
function goldSpans(page: Pick<GoldArticle, 'text' | 'gold'>) {
  const lineStarts = [0];
  for (let i = 0; i < page.text.length; i++) if (page.text[i] === '\n') lineStarts.push(i + 1);
  const cursor = new Map<number, number>();
  const spans: { start: number; end: number; type: string }[] = [];
  for (const e of page.gold.entities) {
    const ls = lineStarts[e.line - 1];
    const le = e.line < lineStarts.length ? lineStarts[e.line] - 1 : page.text.length;
    const from = cursor.get(e.line) ?? ls;
    const at = page.text.indexOf(e.text, from);
    if (at < 0 || at + e.text.length > le) continue;
    spans.push({ start: at, end: at + e.text.length, type: e.type });
    cursor.set(e.line, at + e.text.length);
  }
  const content = new Set(page.gold.content);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  return verdictOf(spans, (offset) => content.has(lineOf(offset)));
}

/** The verdict of a span against labelled spans (`inContent`: whether its line is scored at all). */
function verdictOf(spans: { start: number; end: number; type: string }[], inContent: (offset: number) => boolean) {
  return (start: number, end: number, type: string): Verdict => {
    if (!inContent(start)) return 'offContent';
    let overlap = false;
    for (const g of spans) {
      if (g.end <= start || g.start >= end) continue;
      if (g.start === start && g.end === end) return g.type === type ? 'right' : 'wrongType';
      overlap = true;
    }
    return overlap ? 'wrongSpan' : 'notName';
  };
}

const bucket = (c: number) => (c < 0.5 ? '<0.5' : c < 0.8 ? '0.5-0.8' : c < 0.95 ? '0.8-0.95' : '>=0.95');
const lexClass = (s: string) => {
  const bits = names.get(s, 0, s.length);
  const parts = [bits & LEX_PER && 'PER', bits & LEX_LOC && 'LOC', bits & LEX_ORG && 'ORG', bits & LEX_WORD && 'word'].filter(Boolean);
  return parts.length ? parts.join('+') : 'none';
};
const isWord = (norm: string, a: number, len: number) =>
  a >= 0 && a + len <= norm.length && (words.has(norm, a, len) || !!(names.get(norm, a, len) & LEX_WORD));
const isName = (norm: string, a: number, len: number) =>
  a >= 0 && a + len <= norm.length && (!!(names.get(norm, a, len) & (LEX_PER | LEX_LOC | LEX_ORG)) || gaz.longestEnd(norm, a) === a + len);

/** What covers the copy site [a, b): a longer listed name, or a longer dictionary word or one across an edge (copy-gates.ts). */
function around(norm: string, a: number, b: number): string {
  const never = () => false;
  const word = (s: number, l: number) => isWord(norm, s, l);
  if (insideLonger(norm, a, b, { isWord: never, isName: (s, l) => isName(norm, s, l) })) return 'in a longer name';
  if (insideLonger(norm, a, b, { isWord: word, isName: never })) return 'in a longer word';
  if (insideLonger(norm, a, b, { isWord: word, isName: never }, true)) return 'across a word';
  return 'free';
}

const shareBucket = (x: number) => (x < 0.2 ? '<0.2' : x < 0.34 ? '0.2-0.34' : x < 0.5 ? '0.34-0.5' : '>=0.5');

function count(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

const disable = arg('--disable') as RuleFamily[];
const enable = arg('--enable') as RuleFamily[];
const rows: Scored[] = [];
const dir = corpusDir();
type Page = {
  name: string;
  set: string;
  text: string;
  verdict: (start: number, end: number, type: string) => Verdict;
  gold?: string[];
  fold?: number;
};
/** MSRA train's held-out slice as articles of `size` consecutive sentences, one sentence a line. */
function msraPages(size: number, fold = -1, of = 1): Page[] {
  const all = readBio(path.join(dir, 'ner', 'msra_train_bio.txt'));
  const rest = all.length - 3000;
  const slice = fold < 0 ? all.slice(rest) : all.slice(Math.ceil((fold * rest) / of), Math.ceil(((fold + 1) * rest) / of));
  const out: Page[] = [];
  for (let d = 0; d < slice.length; d += size) {
    let text = '';
    const gold: string[] = [];
    for (const s of slice.slice(d, d + size)) {
      const at = text.length;
      for (const key of bioSpans(s.tags)) {
        const [a, b, t] = key.split(':');
        // Character positions to UTF-16 offsets.
        const off = (i: number) => at + s.chars.slice(0, i).join('').length;
        gold.push(`${off(+a)}:${off(+b)}:${t}`);
      }
      text += s.chars.join('') + '\n';
    }
    const spans = gold.map((k) => k.split(':')).map(([a, b, t]) => ({ start: +a, end: +b, type: t }));
    out.push({
      name: `msra-${fold < 0 ? 'slice' : `fold${fold}`}-${d / size}`,
      set: 'msra',
      text,
      gold,
      verdict: verdictOf(spans, () => true),
      fold,
    });
  }
  return out;
}
function labelled(p: Pick<GoldArticle, 'name' | 'text' | 'gold'>, set: string): Page {
  return { name: p.name, set, text: p.text, verdict: goldSpans(p) };
}
const docSize = Number(arg('--doc')[0] ?? 20);
const pages: Page[] = msraModel
  ? msraModels.length > 1
    ? msraModels.flatMap((_, k) => msraPages(docSize, k, Number(arg('--of')[0] ?? msraModels.length)))
    : msraPages(docSize)
  : [
      ...loadGoldArticles(dir).map((p) => labelled(p, 'gold')),
      ...loadSilverPages(dir)
        .filter((p) => !isTest(p.name))
        .map((p) => labelled(p, 'silver')),
    ];
const msraScore: Prf = { tp: 0, fp: 0, fn: 0 };
const taggers = msraModels.map((m, k) => (k ? loadTagger(new Uint8Array(fs.readFileSync(m))) : tagger));
for (const page of pages) {
  if (page.fold !== undefined && page.fold >= 0) tagger = taggers[page.fold];
  const verdict = page.verdict;
  const norm = normalizeForMatching(page.text);
  const traces: CopyTrace[] = [];
  const recognizer = createEntityRecognizer({ tagger, disable, enable, traceCopies: (t) => traces.push({ ...t, from: { ...t.from } }) });
  const out = recognizer.recognize(page.text, norm);
  if (page.gold) {
    const c = matchCounts(
      out.map((m) => `${m.start}:${m.end}:${m.type === 'MEDIA' ? 'ORG' : m.type}`),
      page.gold,
    );
    msraScore.tp += c.tp;
    msraScore.fp += c.fp;
    msraScore.fn += c.fn;
  }
  const final = new Set(out.map((m) => `${m.start}:${m.end}:${m.type}`));
  const typeOf = (t: string) => (page.gold && t === 'MEDIA' ? 'ORG' : t);
  for (const t of traces) {
    const from = t.from;
    const s = norm.slice(t.start, t.end);
    const next = norm[t.end] ?? '';
    rows.push({
      page: page.name,
      set: page.set,
      kind: t.kind,
      text: page.text.slice(t.start, t.end),
      context:
        `${page.text.slice(Math.max(0, t.start - 10), t.start)}[${page.text.slice(t.start, t.end)}]${page.text.slice(t.end, t.end + 10)}`.replace(
          /\n/g,
          '⏎',
        ),
      verdict: verdict(t.start, t.end, typeOf(t.type)),
      before:
        t.kind === 'grow'
          ? verdict(t.start, t.grownFrom!, typeOf(t.type))
          : t.kind === 'stemRetype'
            ? verdict(t.start, t.end, typeOf(from.type))
            : undefined,
      kept: final.has(`${t.start}:${t.end}:${t.type}`),
      from: from.text,
      features: {
        kind: t.kind,
        source: from.source,
        confidence: bucket(from.confidence),
        type: t.type,
        length: String(Math.min(s.length, 5)) + (s.length >= 5 ? '+' : ''),
        'dictionary word': words.has(s, 0, s.length) ? 'yes' : 'no',
        'seen in training': (() => {
          const seen = tagger.trainingNames?.allAt(s, 0).find((x) => x.end === s.length);
          return seen ? `as ${seen.value}` : 'no';
        })(),
        lexicon: lexClass(s),
        occurrences: (() => {
          const n = count(norm, s);
          return n <= 2 ? String(n) : n <= 5 ? '3-5' : '6+';
        })(),
        'readings before': t.readings === undefined ? '-' : t.readings >= 3 ? '3+' : String(t.readings),
        // The tagger's vote: of the places the string stands, the share it was read at before the copies.
        'share read': t.readings === undefined ? '-' : shareBucket(t.readings / count(norm, s)),
        site: around(norm, t.start, t.end),
        'next character': /\p{Script=Han}/u.test(next) ? 'Han' : /[A-Za-z0-9]/.test(next) ? 'Latin/digit' : 'other',
        'copy kept': '',
      },
    });
  }
}
if (msraModel) {
  const { p, r, f1 } = prf(msraScore);
  console.log(
    `recogniser on ${pages.length} articles of the MSRA train slice: P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${f1.toFixed(4)} (tp ${msraScore.tp}, fp ${msraScore.fp}, fn ${msraScore.fn})`,
  );
}

const scored = rows.filter((r) => r.verdict !== 'offContent');
for (const r of scored) r.features['copy kept'] = r.kept ? 'yes' : 'no';
const VERDICTS: Verdict[] = ['right', 'wrongType', 'wrongSpan', 'notName'];
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
console.log(
  `${rows.length} copies on ${pages.length} ${msraModel ? 'articles of MSRA train' : 'pages (gold 21 + silver dev)'}, ${scored.length} on scored lines; "kept": the copy is in the final output`,
);
for (const feature of Object.keys(scored[0]?.features ?? {})) {
  console.log(`\n| ${feature} | n | right | wrong type | wrong span | not a name | kept: right / wrong |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const values = [...new Set(scored.map((r) => r.features[feature]))].sort();
  for (const v of values) {
    const rs = scored.filter((r) => r.features[feature] === v);
    const c = VERDICTS.map((k) => rs.filter((r) => r.verdict === k).length);
    const kept = rs.filter((r) => r.kept);
    const kr = kept.filter((r) => r.verdict === 'right').length;
    console.log(`| ${v} | ${rs.length} | ${c.join(' | ')} | ${kr} / ${kept.length - kr} |`);
  }
}
// A grown span: what it was and what it became.
const grown = scored.filter((r) => r.kind === 'grow' || r.kind === 'stemRetype');
if (grown.length) {
  console.log('\n| grown or retyped: before → after | n |');
  console.log('| --- | --- |');
  const pairs = new Map<string, number>();
  for (const r of grown) pairs.set(`${r.kind}: ${r.before} → ${r.verdict}`, (pairs.get(`${r.kind}: ${r.before} → ${r.verdict}`) ?? 0) + 1);
  for (const [k, n] of [...pairs].sort()) console.log(`| ${k} | ${n} |`);
}
if (process.argv.includes('--list'))
  for (const r of scored)
    console.log(
      [
        r.set,
        pad(r.page, 34),
        r.kind,
        r.verdict,
        r.before ?? '-',
        r.kept ? 'kept' : 'lost',
        r.features.source,
        r.features.confidence,
        r.features.site,
        r.features.lexicon,
        r.context,
        r.features['dictionary word'],
        r.features['readings before'],
        r.features['seen in training'],
        r.from,
      ].join('\t'),
    );
