/**
 * Date evaluation.
 * Articles (gold content lines only, reference = gold `published`): span P/R/F1 matched by (line, text),
 * value accuracy on matched spans whose gold is not UNKNOWN; the same for chrono-node (`chrono.zh`) and
 * Microsoft Recognizers-Text (Chinese), each given the gold publication time. findPublication against
 * every gold `published` and against the cwced page dates (day precision).
 * JioNLP cases: accuracy by expected type, and on the in-scope time_point/time_span cases (selection below).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as chrono from 'chrono-node';
import * as Recognizers from '@microsoft/recognizers-text-date-time';
import { describeDate, findPublication, recognizeDates } from '../../server/src/service/dates';
import type { DateMention } from '../../server/src/service/types';
import { converter } from '../../server/src/service/convert';
import { DATE_CATEGORIES } from '../../test/fixtures/dates-categories';
import { fmt, loadGoldArticles, NEVER_TUNED, matchCounts, prf, type GoldArticle, type Prf } from './corpus';

type Section = { title: string; lines: string[]; metrics: Record<string, number> };
interface Predicted {
  start: number;
  text: string;
  value: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const isoMinute = (d: Date) => `${isoDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') s.push(i + 1);
  return s;
}
function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

interface ArticleScore {
  prf: Prf;
  ok: number;
  n: number;
  misses: string[];
}

function scoreArticle(a: GoldArticle, predicted: Predicted[]): ArticleScore {
  const starts = lineStarts(a.text);
  const content = new Set(a.gold.content);
  const kept = predicted.map((p) => ({ ...p, line: lineOf(starts, p.start) })).filter((p) => content.has(p.line));
  const keys = kept.map((p) => `${p.line}|${p.text}`);
  const goldKeys = a.gold.dates.map((g) => `${g.line}|${g.text}`);
  const counts = matchCounts(keys, goldKeys);
  const pool = new Map<string, string[]>();
  for (const p of kept) {
    const k = `${p.line}|${p.text}`;
    pool.set(k, [...(pool.get(k) ?? []), p.value]);
  }
  let ok = 0;
  let n = 0;
  const misses: string[] = [];
  for (const g of a.gold.dates) {
    const vs = pool.get(`${g.line}|${g.text}`);
    if (!vs?.length) {
      misses.push(`  miss  ${a.name}:${g.line} ${g.text} = ${g.value}`);
      continue;
    }
    const v = vs.shift()!;
    if (g.value === 'UNKNOWN') continue;
    n++;
    if (v === g.value) ok++;
    else misses.push(`  value ${a.name}:${g.line} ${g.text} = ${g.value}, got ${v}`);
  }
  for (const [k, vs] of pool) for (const v of vs) misses.push(`  extra ${a.name}:${k} = ${v}`);
  return { prf: counts, ok, n, misses };
}

function refDate(published: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(published)!;
  return new Date(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 12, m[5] ? +m[5] : 0);
}

/** chrono-node's result as a schema value: the finest certain component, or a start/end range. */
function chronoValues(text: string, ref: Date): Predicted[] {
  return chrono.zh.parse(text, ref).map((r) => {
    const v = (c: chrono.ParsedComponents) =>
      c.isCertain('hour')
        ? isoMinute(c.date())
        : c.isCertain('day')
          ? isoDay(c.date())
          : c.isCertain('month')
            ? isoDay(c.date()).slice(0, 7)
            : String(c.date().getFullYear());
    return { start: r.index, text: r.text.trimEnd(), value: r.end ? `${v(r.start)}/${v(r.end)}` : v(r.start) };
  });
}

/** Recognizers-Text's resolution as a schema value (the candidate nearest the reference). Durations and sets are not dates. */
function recognizersValues(text: string, ref: Date): Predicted[] {
  const out: Predicted[] = [];
  for (const r of Recognizers.recognizeDateTime(text, Recognizers.Culture.Chinese, undefined, ref)) {
    const type = r.typeName.replace('datetimeV2.', '');
    if (type === 'duration' || type === 'set') continue;
    const values = (r.resolution?.values ?? []) as Record<string, string>[];
    const refDay = isoDay(ref);
    const dist = (x: Record<string, string>) => Math.abs(Date.parse((x.value ?? x.start ?? refDay).slice(0, 10)) - Date.parse(refDay));
    const best = [...values].sort((a, b) => dist(a) - dist(b))[0];
    let value = 'UNKNOWN';
    if (best) {
      const timex = best.timex ?? '';
      const pod = /T(MO|AF|EV|NI)$/.exec(timex);
      if (type === 'date') value = best.value;
      else if (type === 'datetime') value = best.value.replace(' ', 'T').replace(/:00$/, '');
      else if (type === 'time') value = `${refDay}T${best.value.slice(0, 5)}`;
      else if (pod && best.start) value = `${best.start.slice(0, 10)}T${pod[1]}`;
      else if (pod) value = `${refDay}T${pod[1]}`;
      else if (/^\d{4}$/.test(timex)) value = timex;
      else if (/^(XXXX|\d{4})-\d{2}$/.test(timex) && best.start) value = best.start.slice(0, 7);
      else if (best.start && best.end) {
        const end = timex.startsWith('(')
          ? best.end
          : isoDay(new Date(Date.parse(best.end.slice(0, 10)) - 86400000 + new Date().getTimezoneOffset() * 60000));
        value = `${best.start.slice(0, 10)}/${end.slice(0, 10)}`;
      }
    }
    // Its `end` is not consistently inclusive; its `text` has the span's length. Trailing spaces are not part of a date.
    out.push({ start: r.start, text: text.substr(r.start, r.text.length).trimEnd(), value });
  }
  return out;
}

function articleSection(articles: GoldArticle[], name: string, predict: (a: GoldArticle) => Predicted[], verbose: string[] | undefined) {
  let all: Prf = { tp: 0, fp: 0, fn: 0 };
  let ok = 0;
  let n = 0;
  for (const a of articles) {
    if (!a.gold.published) continue;
    const s = scoreArticle(a, predict(a));
    all = { tp: all.tp + s.prf.tp, fp: all.fp + s.prf.fp, fn: all.fn + s.prf.fn };
    ok += s.ok;
    n += s.n;
    verbose?.push(...s.misses);
  }
  const r = prf(all);
  return { name, ...r, acc: n ? ok / n : 0, ok, n, tp: all.tp, fp: all.fp, fn: all.fn };
}

// ---- JioNLP ----

interface JioCase {
  text: string;
  time_base?: unknown;
  time_base_local?: string;
  expected: { type: string; definition?: string; time: unknown };
  parse_time_options?: Record<string, unknown>;
}

function jioReference(c: JioCase): string | undefined {
  if (c.time_base_local) return c.time_base_local.slice(0, 16);
  const tb = c.time_base;
  const fmtParts = (y: number, m = 1, d = 1, hh = 0, mi = 0) => `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mi)}`;
  if (typeof tb === 'number') return new Date((tb + 8 * 3600) * 1000).toISOString().slice(0, 16);
  if (Array.isArray(tb)) return fmtParts(tb[0], tb[1], tb[2], tb[3], tb[4]);
  if (tb && typeof tb === 'object') {
    const o = tb as Record<string, number>;
    return fmtParts(o.year, o.month, o.day, o.hour, o.minute);
  }
  if (tb === 'NOW') return new Date().toISOString().slice(0, 16);
  return undefined;
}

/**
 * In-scope selection, by the text of the case alone (never by our output): time_point and time_span cases
 * except lunar dates, festivals and solar terms; ordinal weeks/days (第N周); open-ended or duration-anchored
 * spans (以前/以后/以内/以来/之内/之前/之后/…内, 未来/过去/最近/近N/再过, …起/…止/至今, `2025年前`);
 * cases run with JioNLP's ret_future option;
 * sub-periods counted from an edge (前两天, 最后五天, 后三月); hour/minute/second offsets; approximate counts
 * (几, 多个, 个半); enumerations with commas; present-time words (现在, 全天, 今明两年); 周末/工作日.
 */
const OUT_OF_SCOPE = [
  /农历|阴历|腊月|正月|闰|廿|除夕|大年|初[一二三四五六七八九十0-9]|春节|元宵|端午|中秋|七夕|重阳|清明|[节節]|元旦|国庆|^十一$|冬至|夏至|大寒|小寒|芒种|暑假|寒假/,
  /第.{1,4}(周|星期|礼拜|天|年|个月|月)/,
  /以前|以后|以後|以内|以內|以来|以來|之内|之內|之前|之后|之後|内$|未来|未來|过去|過去|今后|今後|最近|^近|再过|^过|至今|起|止$|现在|全天|今明/,
  /[月日号點点底初]之?前$|[0-9〇零一二三四五六七八九]{4}年之?前$|\d{2}年前$/,
  /前[一两二三四五六七八九十0-9]+个?(天|月|年|周|分钟|钟头)|最后|后[一二三四五六七八九十]+月/,
  /刻钟|分钟|小时|钟头|钟[前后]|秒[后前]/,
  /几|个多|個多|个半|個半|[年月天]半|半[年月个個]/,
  /[，,]/,
  /周末|工作日/,
];

/** Festival, lunar-date and solar-term cases: those the first OUT_OF_SCOPE regex sets aside (a second, separate figure). */
const isFestivalCase = (c: JioCase) =>
  (c.expected.type === 'time_point' || c.expected.type === 'time_span') && OUT_OF_SCOPE[0].test(c.text);
/** Hour/minute/second offset cases: those the sixth OUT_OF_SCOPE regex sets aside (a third, separate figure). */
const isMinuteOffsetCase = (c: JioCase) =>
  (c.expected.type === 'time_point' || c.expected.type === 'time_span') && OUT_OF_SCOPE[5].test(c.text);

/**
 * JioNLP gives `N小时前` as the unit-long span that ends at the moment and `N分钟后` as the one that starts
 * there; our value is the moment itself (to the minute), so it must be the end or the start respectively.
 */
function jioOffsetCorrect(text: string, value: string, expected: [string, string]): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return false;
  const v = value.replace('T', ' ');
  if (/(?:之|以)?[后後]$/.test(text)) return expected[0].slice(0, 16) === v;
  if (/(?:之|以)?前$/.test(text)) return expected[1].slice(0, 16) === v;
  return false;
}

function inScope(c: JioCase): boolean {
  if (c.expected.type !== 'time_point' && c.expected.type !== 'time_span') return false;
  if (OUT_OF_SCOPE.some((re) => re.test(c.text))) return false;
  // Cases that ask for JioNLP's future-preferring option (ret_future) test a different convention.
  if (c.parse_time_options?.ret_future) return false;
  // JioNLP reads a numeral day without 日/号 after a month (`二月十五`) as a lunar date unless told otherwise.
  if (/月[一二三四五六七八九十]+(?![日号號])/.test(c.text) && c.parse_time_options?.lunar_date !== false) return false;
  return true;
}

/** Our value's period against the expected [start, end]: to the day (to the minute for clock times); `blur` cases need only overlap. */
function jioCorrect(value: string, expected: [string, string], blur: boolean): boolean {
  const d = describeDate(value);
  if (d.granularity === 'unknown') return false;
  const [es, ee] = expected;
  if (/inf/.test(es) || /inf/.test(ee)) return false;
  const myStart = d.start.replace('T', ' ');
  const myEnd = d.end.replace('T', ' ');
  if (blur) return myStart.slice(0, 10) <= ee.slice(0, 10) && myEnd.slice(0, 10) >= es.slice(0, 10);
  if (d.granularity === 'time' || (d.granularity === 'range' && value.includes('T') && !/T(MO|AF|EV|NI)/.test(value))) {
    return myStart.slice(0, 16) === es.slice(0, 16) && (d.granularity === 'time' || myEnd.slice(0, 16) === ee.slice(0, 16));
  }
  if (d.granularity === 'part-of-day') return myStart.slice(0, 10) === es.slice(0, 10);
  return myStart.slice(0, 10) === es.slice(0, 10) && myEnd.slice(0, 10) === ee.slice(0, 10);
}

function jioSection(corpus: string, verbose?: string[]) {
  const file = path.join(corpus, 'time', 'jionlp_time_parser_cases.jsonl');
  const cases: JioCase[] = fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const byType = new Map<string, { ok: number; n: number }>();
  let inOk = 0;
  let inN = 0;
  const fest = { ok: 0, n: 0 };
  const offs = { ok: 0, n: 0 };
  for (const c of cases) {
    const ref = jioReference(c);
    const mentions = recognizeDates(c.text, { reference: ref, holidays: true });
    const whole = mentions.length ? mentions.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a)) : undefined;
    let correct: boolean;
    const t = c.expected.type;
    if (t === 'time_point' || t === 'time_span') {
      correct =
        !!whole &&
        Array.isArray(c.expected.time) &&
        typeof c.expected.time[0] === 'string' &&
        jioCorrect(whole.value, c.expected.time as [string, string], c.expected.definition === 'blur');
    } else {
      // Durations and recurring periods are not dates here: right when nothing dated covers them.
      correct = !mentions.some((m: DateMention) => m.value !== 'UNKNOWN' && m.end - m.start >= c.text.length - 1);
    }
    const e = byType.get(t) ?? { ok: 0, n: 0 };
    e.n++;
    if (correct) e.ok++;
    byType.set(t, e);
    if (isFestivalCase(c)) {
      fest.n++;
      // JioNLP's lunar_date: false reads `四月十三` as a Gregorian date; our recogniser has no such switch.
      if (correct) fest.ok++;
      else
        verbose?.push(
          `  jio-festival ${c.text} (ref ${ref}) expected ${JSON.stringify(c.expected.time)} got ${whole ? `${whole.text}=${whole.value}` : 'nothing'}`,
        );
    }
    if (isMinuteOffsetCase(c)) {
      offs.n++;
      const ok =
        !!whole &&
        Array.isArray(c.expected.time) &&
        typeof c.expected.time[0] === 'string' &&
        (jioOffsetCorrect(c.text, whole.value, c.expected.time as [string, string]) || correct);
      if (ok) offs.ok++;
      else
        verbose?.push(
          `  jio-offset ${c.text} (ref ${ref}) expected ${JSON.stringify(c.expected.time)} got ${whole ? `${whole.text}=${whole.value}` : 'nothing'}`,
        );
    }
    if (inScope(c)) {
      inN++;
      if (correct) inOk++;
      else
        verbose?.push(
          `  jio   ${c.text} (ref ${ref}) expected ${JSON.stringify(c.expected.time)} got ${whole ? `${whole.text}=${whole.value}` : 'nothing'}`,
        );
    }
  }
  return { byType, inOk, inN, total: cases.length, fest, offs };
}

function extractorSection(corpus: string) {
  const file = path.join(corpus, 'time', 'jionlp_time_extractor_cases.jsonl');
  const cases: { text: string; expected: { text: string; offset: [number, number] }[] }[] = fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  let all: Prf = { tp: 0, fp: 0, fn: 0 };
  for (const c of cases) {
    const got = recognizeDates(c.text, { reference: '2021-06-14T01:06', holidays: true }).map((m) => `${m.start}|${m.end}`);
    const c2 = matchCounts(
      got,
      c.expected.map((e) => `${e.offset[0]}|${e.offset[1]}`),
    );
    all = { tp: all.tp + c2.tp, fp: all.fp + c2.fp, fn: all.fn + c2.fn };
  }
  return { ...prf(all), n: cases.length };
}

function publicationSection(corpus: string, articles: GoldArticle[]) {
  let ok = 0;
  const bad: string[] = [];
  for (const a of articles) {
    const p = findPublication(a.text);
    if ((p?.value ?? null) === a.gold.published) ok++;
    else bad.push(`${a.name}: ${a.gold.published} got ${p?.value}`);
  }
  const dir = path.join(corpus, 'pages', 'cwced');
  let cOk = 0;
  let cN = 0;
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.date.txt'))) {
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(fs.readFileSync(path.join(dir, f), 'utf8').trim());
      if (!m) continue;
      cN++;
      const p = findPublication(fs.readFileSync(path.join(dir, f.replace('.date.txt', '.txt')), 'utf8'));
      if (p?.value.slice(0, 10) === `${m[1]}-${pad(+m[2])}-${pad(+m[3])}`) cOk++;
    }
  }
  return { ok, n: articles.length, bad, cOk, cN };
}

/** Our own tables of expressions by category (issue 12), as written (Simplified) and converted to Traditional. */
function categorySection(): string[] {
  const toTrad = converter('cn', 'tw');
  const out: string[] = [];
  for (const [cat, cases] of Object.entries(DATE_CATEGORIES)) {
    const score = (trad: boolean) =>
      cases.filter((c) => {
        const text = trad ? toTrad(c.text) : c.text;
        const got = recognizeDates(text, { reference: c.ref }).map((m) => [m.text, m.value]);
        return JSON.stringify(got) === JSON.stringify(c.expect.map(([s, v]) => [trad ? toTrad(s) : s, v]));
      }).length;
    out.push(`  ${cat.padEnd(28)} Simplified ${score(false)}/${cases.length}  Traditional ${score(true)}/${cases.length}`);
  }
  return out;
}

/** The dates section of `npm run eval`. `DATES_EVAL_VERBOSE=1` lists every miss. */
export async function run(corpus: string): Promise<Section> {
  const verbose = process.env.DATES_EVAL_VERBOSE ? ([] as string[]) : undefined;
  const articles = loadGoldArticles(corpus);
  const t0 = Date.now();
  const predictOurs = (a: GoldArticle) => recognizeDates(a.text, { reference: a.gold.published ?? undefined });
  const ours = articleSection(articles, 'news-annotator', predictOurs, undefined);
  const ms = Date.now() - t0;
  // The ten pages labelled second (GOLD-NOTES-2.md) were never used to write or tune a date rule: the honest
  // estimate of unseen pages for a hand-written grammar, which leave-one-page-out cannot give. Their misses are
  // listed only with DATES_EVAL_VERBOSE=all, so that reading them does not turn them into tuning data.
  const isHeldOut = (a: GoldArticle) => NEVER_TUNED.has(a.name);
  const oursSeen = articleSection(
    articles.filter((a) => !isHeldOut(a)),
    'tuned-on (11)',
    predictOurs,
    verbose,
  );
  const oursHeld = articleSection(
    articles.filter(isHeldOut),
    'labelled last (10)',
    predictOurs,
    process.env.DATES_EVAL_VERBOSE === 'all' ? verbose : undefined,
  );
  // Two date rules follow conventions that GOLD-NOTES-2 states while describing a never-tuned page: holiday names
  // are not dates (cn_cjn__1) and 十几天后 is a vague point (cn_toutiao__5). Held out honestly, each of those pages
  // is scored without the rule taken from its notes.
  const APPROX_OFFSET =
    /(?:[多几数来]个?|个?多)(?:天|日|周|星期|月|年)多?(?:之后|以后|后|之前|以前|前)$|(?:天|日|周|星期|月|年)多(?:之后|以后|后|之前|以前|前)$/;
  const withoutOwnNotes = (a: GoldArticle) =>
    a.name === 'cn_cjn__1'
      ? recognizeDates(a.text, { reference: a.gold.published ?? undefined, holidays: true })
      : a.name === 'cn_toutiao__5'
        ? predictOurs(a).filter((m) => !APPROX_OFFSET.test(m.text))
        : predictOurs(a);
  const oursHeldNotes = articleSection(articles.filter(isHeldOut), 'same, notes held out', withoutOwnNotes, undefined);
  const ch = articleSection(articles, 'chrono-node zh', (a) => chronoValues(a.text, refDate(a.gold.published!)), undefined);
  const mr = articleSection(articles, 'Recognizers-Text zh', (a) => recognizersValues(a.text, refDate(a.gold.published!)), undefined);
  const jio = jioSection(corpus, verbose);
  const ex = extractorSection(corpus);
  const pub = publicationSection(corpus, articles);
  const lines: string[] = [];
  lines.push(`shared articles (${articles.length}, gold content lines, reference = gold published):`);
  for (const r of [ours, ch, mr]) {
    lines.push(
      `  ${r.name.padEnd(20)} span P ${fmt(r.p)}  R ${fmt(r.r)}  F1 ${fmt(r.f1)}  (tp ${r.tp} fp ${r.fp} fn ${r.fn})  value accuracy ${fmt(r.acc)} (${r.ok}/${r.n})`,
    );
  }
  for (const r of [oursSeen, oursHeld, oursHeldNotes]) {
    lines.push(
      `    ${r.name.padEnd(20)} span P ${fmt(r.p)}  R ${fmt(r.r)}  F1 ${fmt(r.f1)}  (tp ${r.tp} fp ${r.fp} fn ${r.fn})  value accuracy ${fmt(r.acc)} (${r.ok}/${r.n})`,
    );
  }
  lines.push(`  our recogniser on all ${articles.length} files: ${ms} ms`);
  lines.push(
    `publication time: ${pub.ok}/${pub.n} articles exact (minute)${pub.bad.length ? '; wrong: ' + pub.bad.join('; ') : ''}; cwced pages ${pub.cOk}/${pub.cN} right day`,
  );
  const types = [...jio.byType.entries()].map(([t, e]) => `${t} ${e.ok}/${e.n}`).join(', ');
  lines.push(`JioNLP parser cases (${jio.total}): by type ${types} (delta/period: right when not marked as a date)`);
  lines.push(`JioNLP in-scope time_point/time_span: ${fmt(jio.inN ? jio.inOk / jio.inN : 0)} (${jio.inOk}/${jio.inN})`);
  lines.push(
    `JioNLP festival/lunar/solar-term time_point/time_span (outside the in-scope set): ${fmt(jio.fest.n ? jio.fest.ok / jio.fest.n : 0)} (${jio.fest.ok}/${jio.fest.n})`,
  );
  lines.push(
    `JioNLP hour/minute/second-offset time_point/time_span (outside the in-scope set): ${fmt(jio.offs.n ? jio.offs.ok / jio.offs.n : 0)} (${jio.offs.ok}/${jio.offs.n})`,
  );
  lines.push(`JioNLP extractor cases (${ex.n}, JioNLP's own span conventions): span P ${fmt(ex.p)} R ${fmt(ex.r)} F1 ${fmt(ex.f1)}`);
  lines.push('own expression tables (test/fixtures/dates-categories.ts; a case is right when every span and value is):');
  lines.push(...categorySection());
  if (verbose) lines.push(...verbose);
  return {
    title: 'Dates: recognition and resolution',
    lines,
    metrics: {
      spanF1: ours.f1,
      valueAccuracy: ours.acc,
      heldOutSpanF1: oursHeld.f1,
      heldOutValueAccuracy: oursHeld.acc,
      heldOutNotesSpanF1: oursHeldNotes.f1,
      heldOutNotesValueAccuracy: oursHeldNotes.acc,
      chronoSpanF1: ch.f1,
      chronoValueAccuracy: ch.acc,
      recognizersSpanF1: mr.f1,
      recognizersValueAccuracy: mr.acc,
      publicationExact: pub.ok / pub.n,
      cwcedPublicationDay: pub.cN ? pub.cOk / pub.cN : 0,
      jionlpInScope: jio.inN ? jio.inOk / jio.inN : 0,
      jionlpFestivals: jio.fest.n ? jio.fest.ok / jio.fest.n : 0,
      jionlpMinuteOffsets: jio.offs.n ? jio.offs.ok / jio.offs.n : 0,
      jionlpExtractorF1: ex.f1,
    },
  };
}
