/**
 * Boilerplate detection by structure, in named passes over one analysed document:
 *   1. locateBody: the headline (by the page title) and the body (the run of sentence-punctuated
 *      lines after it, up to the first section marker), inline boxes inside it, copies of it below;
 *   2. flagLines: what lies outside the body and, inside it, only lines whose wording or shape leaves
 *      no doubt; after the body, sections opened by headings and menus decide;
 *   3. structure (structure.ts): the headline, dateline, source and byline lines and the body's tables
 *      and lists are never flagged;
 *   4. scorer (scorer.ts): a line goes into "remove all" only when the fitted scorer agrees;
 *   5. assemble: flagged lines grouped into blocks.
 * Safety first: article text must never be removed on a guess, so whatever is uncertain is either
 * left alone or flagged `confident: false` (out of "remove all").
 */
import type { BoilerplateBlock, BoilerplateKind } from '../types';
import { lineInfo, type LineInfo } from './lines';
import { ARTICLE_META, isBreadcrumb, phraseKind, verticalHeadings, type PhraseHit } from './phrases';
import { findTitle, hasSiteSuffix, isTitleCopy, lineTitleKey, titleKeys } from './title';
import { applySiteRules, siteRuleFor, type SiteRules } from './siteRules';
import { caretReferences, contentsFacts, editLinkHeadings, tableOfContents } from './contents';
import { bodyTables, CLOSING_SPAN, isStructureLine, normFacts, shape, structureLines } from './structure';
import {
  FEATURES,
  fillVector,
  lineFeatures,
  lineRanks,
  lineScores,
  probability,
  type LineRanks,
  type ScoreInput,
  type ScorerWeights,
} from './scorer';
import { SCORER } from './scorerWeights';
import { normalizeForMatching } from '../normalize';
import { LineMemo } from '../incremental/lineMemo';
import { LineArrays, lineEndAt, startsIn, type TextChange } from '../incremental/lineArrays';

/** Each line's measures and the kind its wording names (a line's alone), kept across versions and pages. */
const measuredLines = new LineMemo<LineInfo>();
const phraseLines = new LineMemo<PhraseHit | null>();
const structureLike = new LineMemo<boolean>();
/** A digit (the scorer's `shape.digits`): one object, where a literal in a function made a new one at each call. */
const DIGIT = /\d/u;

export interface BoilerplateOptions {
  /** In how many OTHER article files of the same folder this exact (trimmed) line occurs. */
  recurring?: (line: string) => number;
  /** Workspace rules (`.news-annotator.json`), from `parseSiteRules`. */
  rules?: SiteRules;
  /** The text normalised for matching (`article.normalized`); computed here when absent. */
  normalized?: string;
  /**
   * The text's line starts by the line index's rule (`LineIndex.starts` of it, or of a text that differs from it
   * only outside line breaks), when the caller has them; found here when absent. Not read with `lines`.
   */
  starts?: readonly number[];
  /**
   * The previous version's lines of this document (an editor's, from `boilerplateLines()`): only the lines an edit
   * changed are measured again, and only they are normalised (`normalized` is then not read).
   */
  lines?: BoilerplateLines;
  /**
   * Changes whenever `recurring` may answer differently for a line other than through this document's own edits
   * (another file of the folder changed; `SiteIndex.versionFor`). Without it an edit is never decided from the
   * previous version's detection when `recurring` is given.
   */
  recurringVersion?: number;
}

/** What detection reads of one line on its own: its measures, its normalised text and the kind its wording names. */
export interface LineRecord {
  info: LineInfo;
  /** The line normalised for matching, trimmed. */
  norm: string;
  phrase: PhraseHit | null;
  /** Dateline, source or byline wording (`isStructureLine`), once the scorer asked. */
  structure?: boolean;
  /** Its shape as a table row (structure.ts `shape`), once asked. */
  shape?: string;
  /** It has a digit (a scorer feature), once asked. */
  digits?: boolean;
}

/**
 * An editor's document's line records, carried from version to version, and what the last full detection over them
 * left for deciding the next edit without one (`reuseAfterEdit`).
 */
export class BoilerplateLines extends LineArrays<LineRecord> {
  /** Set by a full detection; a version's state is never changed once made (a clone shares it). */
  reuse: ReuseState | undefined;
  /**
   * Edits decided from the previous version / by a full detection, since creation, and of the first those whose
   * line's metadata wording changed (for the tests and the bench).
   */
  readonly decided = { reused: 0, full: 0, wording: 0 };

  override clone(): BoilerplateLines {
    const copy = this.copyInto(new BoilerplateLines());
    copy.reuse = this.reuse;
    return copy;
  }

  override clear(): void {
    super.clear();
    this.reuse = undefined;
  }
}

export const boilerplateLines = (): BoilerplateLines => new BoilerplateLines();

/** Records of lines `first` to `last - 1`; `normalized` is the text normalised from offset `at` on. */
function lineRecords(text: string, starts: readonly number[], first: number, last: number, normalized: string, at: number): LineRecord[] {
  const out: LineRecord[] = [];
  for (let i = first; i < last; i++) {
    const start = starts[i];
    const end = lineEndAt(text, starts, i);
    // Lines repeat (menu words, buttons, separators; every line of a corpus's other pages): each distinct one is
    // measured and tested once (neither answer is ever changed by a reader).
    const info = measuredLines.get(text.slice(start, end), lineInfo);
    const norm = normalized === text ? info.text : normalized.slice(start - at, end - at).trim();
    const phrase = info.blank ? null : phraseLines.getFor(info.text, phraseKind, info, norm);
    // The facts asked later are declared here, unset: added to a record as asked they gave every record two
    // extensions of its properties (out-of-object arrays) that lived as long as it (1.5 MB an analysis of the bench's
    // megabyte surviving scavenges, scripts/perf/survivors.ts).
    out.push({ info, norm, phrase, structure: undefined, shape: undefined, digits: undefined });
  }
  return out;
}

function lineStarts(text: string): number[] {
  const starts: number[] = [];
  startsIn(text, 0, text.length, starts, false);
  return starts;
}

/** Every line's record: from the previous version's where the document's line arrays are given, else all anew. */
function recordsOf(text: string, options: BoilerplateOptions): readonly LineRecord[] {
  if (!options.lines) {
    // A one-off analysis (no editor's document to carry from version to version): the line starts and the records
    // straight, as the first version of a document's line arrays would get them.
    const starts = options.starts ?? lineStarts(text);
    return lineRecords(text, starts, 0, starts.length, options.normalized ?? normalizeForMatching(text), 0);
  }
  const make = (t: string, starts: readonly number[], first: number, last: number, change: TextChange) =>
    lineRecords(t, starts, first, last, normalizeForMatching(t.slice(change.from, change.newTo)), change.from);
  return options.lines.update(text, make).values;
}

export interface BoilerplateResult {
  blocks: BoilerplateBlock[];
  /** The article's own headline line, 0-based. */
  headline?: number;
  /** Kind of each line, or null for article text and blank lines. */
  lineKinds: (BoilerplateKind | null)[];
}

export interface Flag {
  kind: BoilerplateKind;
  confident: boolean;
}

/** Non-prose lines allowed between two body lines (subheadings, captions, a short list). */
const MAX_GAP = 8;
/** Characters of prose a cluster needs to count as the body. */
const MIN_BODY = 60;
/** Non-blank lines after the headline within which the body is expected to start. */
const NEAR_HEADLINE = 25;
/** Lines of the recurring check: long lines are article sentences, never counted. */
const RECURRING_MAX = 200;
/** Clusters closer than this many lines, without a marker between, are one body. */
const JOIN_GAP = 20;
const JOIN_MASS = 80;
/** A cluster this big joins the body from any distance when no marker lies between. */
const FAR_MASS = 200;
/** Phrase kinds a section absorbs. */
const ABSORBED = new Set<BoilerplateKind>(['share', 'navigation', 'other', 'comments']);

/** The analysed lines, with prefix counts so that "how many between a and b" costs O(1). */
interface Doc {
  infos: LineInfo[];
  phrases: (PhraseHit | null)[];
  /** nonBlank[i] = non-blank lines before line i. */
  nonBlank: Int32Array;
  /** markers[i] = section markers before line i. */
  markers: Int32Array;
  /** hits[i] = lines with any phrase hit before line i. */
  hits: Int32Array;
}

function makeDoc(infos: LineInfo[], phrases: (PhraseHit | null)[]): Doc {
  const n = infos.length;
  const nonBlank = new Int32Array(n + 1);
  const markers = new Int32Array(n + 1);
  const hits = new Int32Array(n + 1);
  prefixCounts(infos, phrases, nonBlank, markers, hits);
  return { infos, phrases, nonBlank, markers, hits };
}

/** The prefix counts of a Doc, in arrays of n + 1 zeros. Alone, with nothing after the loop (see fillColumns). */
export function prefixCounts(
  infos: readonly LineInfo[],
  phrases: readonly (PhraseHit | null)[],
  nonBlank: Int32Array,
  markers: Int32Array,
  hits: Int32Array,
): void {
  const n = infos.length;
  for (let i = 0; i < n; i++) {
    nonBlank[i + 1] = nonBlank[i] + (infos[i].blank ? 0 : 1);
    markers[i + 1] = markers[i] + (isMarker(phrases[i]) ? 1 : 0);
    hits[i + 1] = hits[i] + (phrases[i] ? 1 : 0);
  }
}

/** Non-blank lines strictly between a and b. */
const nonBlankBetween = (d: Doc, a: number, b: number) => (b > a + 1 ? d.nonBlank[b] - d.nonBlank[a + 1] : 0);
const markerBetween = (d: Doc, a: number, b: number) => b > a + 1 && d.markers[b] - d.markers[a + 1] > 0;
const hitBetween = (d: Doc, a: number, b: number) => b > a + 1 && d.hits[b] - d.hits[a + 1] > 0;

interface Span {
  start: number;
  end: number;
  mass: number;
  /** Prose lines and, among them, full paragraphs in the span. */
  lines?: number;
  paras?: number;
}

function isMarker(p: PhraseHit | null): boolean {
  return !!p && p.marker;
}

/** Runs of prose lines separated by at most MAX_GAP other lines and by no section marker. */
function proseClusters(d: Doc, from: number, limit = Infinity): Span[] {
  const { infos, phrases } = d;
  const out: Span[] = [];
  let cur: Span | null = null;
  let gap = 0;
  for (let i = from; i < infos.length; i++) {
    const x = infos[i];
    if (x.blank) continue;
    const p = phrases[i];
    if (isMarker(p)) {
      if (cur) out.push(cur);
      if (out.length >= limit) return out;
      cur = null;
      continue;
    }
    if (x.prose && !p) {
      // Across a real gap only a full paragraph continues the text; a lone teaser does not.
      const para = paragraph(x) ? 1 : 0;
      if (cur && (gap <= 2 || (gap <= MAX_GAP && x.endsSentence && x.len >= 40))) {
        cur.end = i;
        cur.mass += x.len;
        cur.lines! += 1;
        cur.paras! += para;
      } else {
        if (cur) out.push(cur);
        if (out.length >= limit) return out;
        cur = { start: i, end: i, mass: x.len, lines: 1, paras: para };
      }
      gap = 0;
    } else if (cur) {
      gap++;
      if (gap > MAX_GAP) {
        out.push(cur);
        cur = null;
      }
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** A sentence, a clause ending in ； or a lead-in ending in ：, or a numbered or bulleted list item: text, not a menu. */
const LIST_ITEM = /^([（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[•·●■◆▪]\s*)/u;
const sentenceLike = (x: LineInfo) =>
  x.prose ||
  (x.endsSentence && x.han >= 2) ||
  (x.enders > 0 && x.han >= 8) ||
  (/[；;：:]$/u.test(x.text) && x.han >= 4) ||
  (LIST_ITEM.test(x.text) && x.han >= 4 && x.len >= 8);

/** A reference list closing a paper or a report: its heading, `[3]` and `作者. 題名[J]. 刊名, 年(期).` entries. */
const REFERENCE =
  /^(參考文獻|参考文献|參考資料|参考资料|參考書目|参考书目|References|Bibliography)[：:]?$|^[[［]\d{1,3}[\]］]$|\[[JMDCNPRSZ](\/OL)?\]/iu;
const referenceLike = (x: LineInfo) => x.len <= 300 && REFERENCE.test(x.text);

const DATE_ONLY =
  /^(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d〇○零一二三四五六七八九十]{1,3}\s*月\s*[\d〇○零一二三四五六七八九十]{1,3}\s*日$|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/u;

/** The next non-blank line after `i` is a date alone. */
function dateFollows(infos: LineInfo[], i: number): boolean {
  for (let j = i + 1; j < infos.length && j <= i + 3; j++) if (!infos[j].blank) return DATE_ONLY.test(infos[j].text);
  return false;
}

/** A full paragraph: long and closed like a sentence (teaser titles and snippets rarely are). */
const paragraph = (x: LineInfo) => x.prose && x.endsSentence && x.len >= 30;

/** Non-blank lines after an inline box's marker within which the article may resume. */
const ISLAND_SPAN = 10;
const NOT_IN_BOX = new Set<BoilerplateKind>(['comments', 'footer', 'copyright', 'editor']);

/** Lines strictly between a and b carry no comment, footer, copyright or editor wording. */
function boxOnly(d: Doc, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) {
    const p = d.phrases[i];
    if (p && NOT_IN_BOX.has(p.kind)) return false;
  }
  return true;
}

/** First line after `end` that is a dense run of >= 3 prose lines, within `within` non-blank lines. */
function denseRunAfter(d: Doc, end: number, within: number): number {
  const { infos, phrases } = d;
  let seen = 0;
  for (let i = end + 1; i < infos.length && seen <= within; i++) {
    if (infos[i].blank) continue;
    seen++;
    if (!paragraph(infos[i]) || phrases[i]) continue;
    let run = 0;
    let mass = 0;
    let j = i;
    for (; j < infos.length; j++) {
      if (infos[j].blank) continue;
      if (!paragraph(infos[j]) || phrases[j]) break;
      run++;
      mass += infos[j].len;
    }
    if (run >= 3 && mass >= 150) return i;
    i = j - 1;
  }
  return -1;
}

/** Where the article is: its headline, its body, the inline boxes inside it and its copies further down. */
interface Located {
  title: ReturnType<typeof findTitle>;
  headline: number | undefined;
  /** The headline was guessed (no title match confirmed it). */
  guessed: boolean;
  body: Span | null;
  /** Lines of an inline box (related links, a notice) the article goes on after. */
  island: Uint8Array;
  /** Lines that repeat the article further down (a summary box, a print view): never flagged. */
  keep: Uint8Array;
}

/** Pass 1, locate the body: the headline by the page title, the body as the first substantial prose run after it. */
function locateBody(doc: Doc, title = findTitle(doc.infos)): Located {
  const { infos, phrases } = doc;
  const n = infos.length;
  let headline = title.headline;
  const clustersAll = proseClusters(doc, 0);
  const biggest = clustersAll.reduce<Span | null>((b, c) => (!b || c.mass > b.mass ? c : b), null);
  let body: Span | null = null;
  let clusters = clustersAll;
  // A breadcrumb (首页 > 国内 > 正文) on the first line is no headline: guess one above the body instead.
  if (headline !== undefined && !title.confirmed && isBreadcrumb(infos[headline].text)) headline = undefined;
  if (headline !== undefined && !title.confirmed) {
    // The first line taken as headline only holds when the body follows it closely.
    if (biggest && biggest.start > headline && nonBlankBetween(doc, headline, biggest.start) <= 12) body = biggest;
    else headline = undefined;
  } else if (headline !== undefined) {
    const after = proseClusters(doc, headline + 1);
    clusters = after;
    // The first substantial run, measured against what starts near the headline: a promo line or a
    // video caption right under the headline is not the article when the article follows it.
    const near = after.filter((c) => nonBlankBetween(doc, headline!, c.start) <= NEAR_HEADLINE);
    const top = near.reduce((m, c) => Math.max(m, c.mass), 0);
    body = after.find((c) => c.mass >= Math.max(MIN_BODY, top / 5)) ?? after[0] ?? null;
    // A headline match far from any prose, while the page's main prose lies before it, is a teaser.
    if (!body || (biggest && biggest.end < headline && biggest.mass > 4 * body.mass)) {
      headline = undefined;
      body = null;
      clusters = clustersAll;
    }
  }
  if (!body) body = (biggest && clustersAll.find((c) => c.mass >= biggest.mass / 3 && (c.paras ?? 0) >= 2)) ?? biggest;
  if (body) body = extend(doc, body, clusters);
  const guessed = headline === undefined || !title.confirmed;
  if (body && headline === undefined) {
    // A headline ending in ！ measures as prose and may open the body: the dateline under it tells.
    const next = nextLine(infos, body.start);
    if (exclaimed(infos[body.start]) && next > 0 && next <= body.end && ARTICLE_META.test(infos[next].text)) {
      headline = body.start;
      body = { ...body, start: next };
    } else headline = guessHeadline(infos, phrases, body.start, title.first);
  }
  // The title also listed in a menu or a hot list above: the headline is the copy nearest the body.
  if (body && headline !== undefined && title.confirmed && title.key) {
    for (let i = body.start - 1; i > headline; i--) {
      if (infos[i].blank || infos[i].len > 200) continue;
      if (lineTitleKey(infos[i].text) === title.key) {
        // Not when the first copy is followed by the article's own dateline or source.
        let meta = false;
        for (let j = headline + 1; j < i && !meta; j++) meta = !infos[j].blank && ARTICLE_META.test(infos[j].text);
        if (!meta && nonBlankBetween(doc, headline, i) > 5) headline = i;
        break;
      }
    }
  }

  // A box inside the article (related links, a notice): a marker and a few lines, then the article goes on.
  const island = new Uint8Array(n);
  if (body) {
    for (;;) {
      const m = markerWithin(doc, body.end, 6);
      if (m < 0 || phrases[m]!.kind === 'comments') break;
      // A teaser box of up to ~10 short lines may sit between the article's parts; what lies between
      // must be the box only (no comment thread, no footer), so comments are never taken for the article.
      const resume = denseRunAfter(doc, m, ISLAND_SPAN);
      if (resume < 0 || !boxOnly(doc, m, resume)) break;
      const cont = proseClusters(doc, resume, 1)[0];
      if (!cont || cont.start !== resume) break;
      island.fill(1, body.end + 1, resume);
      body = { start: body.start, end: cont.end, mass: body.mass + cont.mass };
    }
  }

  // A page that carries the article twice (a summary box, a print view): a later run that starts
  // with one of the body's paragraphs is a copy of the article, never flagged.
  const keep = new Uint8Array(n);
  if (body) {
    const starts = new Set<string>();
    for (let i = body.start; i <= body.end; i++) if (infos[i].prose && infos[i].len >= 20) starts.add(infos[i].text.slice(0, 16));
    // A sentence of the article repeated below it (a summary or a teaser of this same story): the
    // article's own words, never flagged.
    let bodyText = '';
    for (let i = body.start; i <= body.end; i++) if (infos[i].prose) bodyText += infos[i].text + '\n';
    for (let i = body.end + 1; i < n; i++) {
      const x = infos[i];
      if (x.prose && x.len >= 20 && !phrases[i] && bodyText.includes(x.text)) keep[i] = 1;
    }
    for (const c of clustersAll) {
      if (c.start <= body.end || c.mass < 100) continue;
      for (let i = c.start; i <= c.end; i++) {
        if (infos[i].prose && infos[i].len >= 20 && starts.has(infos[i].text.slice(0, 16))) {
          keep.fill(1, c.start, c.end + 1);
          break;
        }
      }
    }
  }

  return { title, headline, guessed, body, island, keep };
}

/**
 * Pass 2, flag lines: one walk from top to bottom over the located article. Above the headline,
 * between headline and body and inside the body only wording or shape proves debris; after the body
 * the sections opened by headings (相关新闻, 评论, 版权) and menus decide, and a line with no evidence
 * is only "possibly boilerplate".
 */
function flagLines(
  doc: Doc,
  at: Located,
  menu: Uint8Array,
  rec: (i: number) => number,
  /**
   * Set to the first line after the body at which the walk is no longer `open` (a marker or a section seen), or -1:
   * from there on no line's metadata wording (ARTICLE_META) is read (`reuseAfterEdit`). `open` never comes back, since
   * neither `afterMarker` nor `section` is ever reset.
   */
  closed?: { from: number },
): (Flag | null)[] {
  const { infos, phrases } = doc;
  const n = infos.length;
  const { title, guessed, body, island, headline } = at;
  const headText = headline !== undefined ? infos[headline].text : '';
  const metaTable = headline !== undefined ? metaAbove(infos, phrases, headline) : new Uint8Array(n);
  const flags: (Flag | null)[] = new Array(n).fill(null);
  const bodyStart = body ? body.start : n;
  const bodyEnd = body ? body.end : n - 1;
  let section: BoilerplateKind | null = null;
  let afterMarker = false;
  // Set once unmarked prose follows the body: the article may go on, so nothing after is certain.
  let unsure = false;
  let closing = true;
  let teasers = 0;
  let preList = false;
  // The footer section was opened by a copyright notice, not by footer wording.
  let byNotice = false;

  for (let i = 0; i < n; i++) {
    const x = infos[i];
    if (x.blank) continue;
    const p = phrases[i];
    if (i === headline) continue;
    // The title as the value of a `标题：` label is the document's metadata, not a copy.
    const copy = headline !== undefined && isTitleCopy(x.text, headText, title.key) && !isLabel(infos, phrases, previousLine(infos, i));
    const suffixed = !x.prose && hasSiteSuffix(x.text, title.suffixes);
    const r = rec(i);
    const inIsland = island[i] === 1;

    if (headline !== undefined && i < headline) {
      // Above the headline: menus, login, channel lists, notices.
      if (i === title.first || copy) flags[i] = { kind: 'site-title', confident: true };
      // Some sites put the dateline, source and author above the headline.
      else if (!p && ARTICLE_META.test(x.text) && x.len <= 60 && nonBlankBetween(doc, i, headline) < 8) continue;
      // A table of labelled metadata right above the headline (索引号： / 发文机关： / 吉林省人民政府).
      else if (metaTable[i]) continue;
      else if (p) flags[i] = { kind: p.kind === 'promo' && menu[i] && x.len <= 6 ? 'navigation' : p.kind, confident: true };
      // Just above a guessed headline a line may be the real headline or a subtitle: never "remove all".
      else if (guessed && x.len >= 8 && !x.prose && nonBlankBetween(doc, i, headline) < 4) {
        flags[i] = { kind: 'navigation', confident: false };
      } else if (x.prose) {
        // A paragraph above the headline may be a lead or a summary the page put first.
        if (x.len < 50 || r > 0) flags[i] = { kind: 'other', confident: false };
      } else flags[i] = { kind: isBreadcrumb(x.text) ? 'navigation' : x.len > 20 ? 'related' : 'navigation', confident: x.len <= 40 };
      continue;
    }
    if (i < bodyStart || (i <= bodyEnd && !inIsland)) {
      // Between headline and body (metadata) and inside the body: only what wording or shape proves.
      const inBody = i >= bodyStart;
      if (copy) flags[i] = { kind: 'site-title', confident: true };
      else if (suffixed) flags[i] = { kind: 'site-title', confident: !inBody || x.len <= 60 };
      // A long paragraph inside the body that mentions 版權 or an app is still the article's.
      else if (p && (!inBody || (p.inBody && !(paragraph(x) && x.len > 50)))) flags[i] = { kind: p.kind, confident: true };
      else if (!inBody && !x.prose && !ARTICLE_META.test(x.text) && isBreadcrumb(x.text))
        flags[i] = { kind: 'navigation', confident: true };
      else if (!inBody && x.symbolic && x.len <= 6 && neighbourFlag(flags, infos, i)) {
        flags[i] = { kind: neighbourFlag(flags, infos, i)!.kind, confident: false };
      } else if (!inBody && r >= 2 && !x.prose && !ARTICLE_META.test(x.text) && x.len <= 40) {
        flags[i] = { kind: 'navigation', confident: false };
      } else if (!inBody && preList && !x.prose && !ARTICLE_META.test(x.text) && x.han >= 4 && x.len <= 40) {
        // A teaser list under a related heading between the headline and the body; a subtitle could
        // look the same, so never "remove all".
        flags[i] = { kind: 'related', confident: false };
      }
      if (!inBody && p?.heading && p.kind === 'related') preList = true;
      continue;
    }
    // After the body: everything but the article's own closing lines.
    if (p?.marker) {
      afterMarker = true;
      unsure = false;
    }
    // A comment count inside a teaser list ("评论 682") belongs to the teaser, not to a new section.
    const countInList =
      section === 'related' &&
      p?.kind === 'comments' &&
      /\d/.test(x.text) &&
      !/(參與|参与|網友|网友)/u.test(x.text) &&
      !/^[\s【[]*([熱热][門门]|最[新熱热]|精彩|全部|[讀读]者)/u.test(x.text);
    // A comment box's own rules (為避免留言系統變成發洩區…, 請勿…, 違反上述規定者…) use copyright and
    // footer wording; under a comment heading they are the box's, and the thread is not over.
    const boxRule =
      section === 'comments' && (p?.kind === 'copyright' || p?.kind === 'footer') && BOX_RULE.test(x.text) && !SITE_NOTICE.test(x.text);
    if (boxRule) {
      // the section stays comments
    } else if (p?.heading && !countInList) {
      section = p.kind;
      teasers = 0;
    } else if ((p?.kind === 'copyright' || p?.section) && section !== 'footer') {
      section = 'footer';
      byNotice = p.kind === 'copyright';
    } else if (p?.section) byNotice = false;
    // A teaser title seen under a related heading: a run of menu words after it is the site menu.
    else if (section === 'related' && !menu[i] && x.len >= 10) teasers++;
    const open = !afterMarker && !section;
    if (!open && closed && closed.from < 0) closed.from = i;
    if (open && !p && ARTICLE_META.test(x.text) && x.len <= 60) continue;
    // The value under a metadata label (信息来源： / 内蒙古日报).
    if (open && !p && x.len <= 20 && !x.prose && isMetaLabelAt(infos, phrases, previousLine(infos, i))) continue;
    const sentence = sentenceLike(x) || referenceLike(x);
    // The article's closing lines: sentences, list items, 來源/記者 lines right after the body, up to
    // the first line that is debris.
    if (closing && !p && sentence && r === 0) continue;
    // A notice or a letter signs off with the issuer's name over the date (落款): still the article's.
    if (closing && !p && r === 0 && x.han >= 2 && x.len <= 24 && !x.prose && dateFollows(infos, i)) continue;
    if (!closing || p || !sentence) closing = false;
    if (open && !p && sentence && !inIsland && r === 0) {
      // Further down, with no marker before it, a sentence may be a teaser or the article going on:
      // a full paragraph stops all guessing until the next marker; anything else is flagged unsure.
      if (paragraph(x)) {
        unsure = true;
        continue;
      }
      flags[i] = { kind: 'other', confident: false };
      continue;
    }
    // Once a paragraph follows the body unmarked, the article may go on: only wording or a
    // site-wide repeat proves debris until the next marker.
    if (unsure && !p && !copy && !suffixed && r === 0) continue;
    let kind: BoilerplateKind;
    const prev = previousLine(infos, i);
    if (boxRule) kind = 'comments';
    else if (copy) kind = section === 'related' ? 'related' : 'site-title';
    // An editor or source label whose value sits on the next line (责任编辑: / 小婷).
    else if (!p && prev >= 0 && x.len <= 8 && phrases[prev]?.kind === 'editor' && /[：:]$/u.test(infos[prev].text)) kind = 'editor';
    else if (p && p.heading && !countInList) kind = p.kind;
    // An app or ad tab among menu words is a menu item (App, 電子報, 分類廣告).
    else if (p?.kind === 'promo' && menu[i] && x.len <= 6) kind = 'navigation';
    // Buttons and menu words inside a section belong to it (a comment's 分享, a list's 更多).
    // A share button or a back-to-top link under a teaser list is the page's own (only a comment
    // thread has per-item buttons).
    else if (p && section === 'related' && p.kind === 'share') kind = p.kind;
    // Print and font-size buttons are the page's in any section (a comment has no print button).
    else if (p && p.kind === 'share' && PAGE_TOOL.test(x.text)) kind = p.kind;
    // So are a tag line (关键词 >> 习近平) and previous/next links, whatever section they follow.
    else if (p && p.kind === 'navigation' && (PAGE_NAV.test(x.text) || p.marker)) kind = p.kind;
    else if (p && !(section && ABSORBED.has(p.kind))) kind = p.kind;
    // A run of menu words is navigation, except under a related heading (a wall of topic tags).
    // A menu after the teasers of a related list is the site's menu.
    else if (menu[i] === 3 && (section !== 'related' || teasers >= 1)) kind = 'navigation';
    else if (menu[i] === 1 && section !== 'comments' && (section !== 'related' || teasers >= 1)) kind = 'navigation';
    else if (menu[i] === 2 && (!section || (section === 'related' && teasers >= 1))) kind = 'navigation';
    // A copyright notice under the article is often followed by teaser titles, not the site footer.
    else if (section === 'footer' && byNotice && !p && x.len >= 12 && x.han >= 8 && !NOT_TEASER.test(x.text)) kind = 'related';
    else if (section) kind = section;
    else if (suffixed) kind = 'site-title';
    else if (isBreadcrumb(x.text)) kind = 'navigation';
    else {
      // No wording, no site-wide repeat, no menu, no section: a line after the body is not removed
      // in bulk only because it is short or unpunctuated.
      kind = x.len <= 8 ? 'navigation' : x.prose ? 'other' : 'related';
      flags[i] = { kind, confident: false };
      continue;
    }
    const confident = inIsland || afterMarker || (!unsure && (!x.prose || r > 0)) || (!!p && !(paragraph(x) && x.len > 50));
    flags[i] = { kind, confident };
  }

  return flags;
}

/**
 * Detect boilerplate lines and group them into blocks. Linear in the text; after an edit to one line of an editor's
 * document (`options.lines`), constant when the previous version's detection provably stands (`reuseAfterEdit`).
 */
export function detectBoilerplate(text: string, options: BoilerplateOptions = {}): BoilerplateResult {
  const records = recordsOf(text, options);
  const lines = options.lines;
  const reused = lines && reuseAfterEdit(lines, records, options);
  if (reused) {
    lines.decided.reused++;
    return reused;
  }
  if (lines) lines.decided.full++;
  return passes(records, options.recurring, options.recurringVersion, options.rules, SCORER, false, lines).result;
}

/**
 * The detector's passes, with the scorer to apply (null: the rules' own confidence, for training)
 * and the feature vectors of the flagged lines (what the scorer reads).
 */
export function detectLines(
  text: string,
  options: BoilerplateOptions,
  scorer: ScorerWeights | null,
  /**
   * Whether to return the feature vectors (training reads them). Without them, detection needs only the scores of
   * the confidently flagged lines (the others have nothing to lose), and only those are computed.
   */
  withFeatures = true,
): { result: BoilerplateResult; features: (Float64Array | null)[]; scores: (number | null)[] } {
  // Each line's measures, normalised text (Simplified, half-width, same offsets: phrase rules are written once) and
  // phrase kind.
  return passes(recordsOf(text, options), options.recurring, options.recurringVersion, options.rules, scorer, withFeatures);
}

/**
 * The passes over every line's record; with `carried`, what the next edit is decided from is kept on it.
 *
 * No loop of its own: each walk over the lines is a function below that returns right after it. passes is called
 * once per detection, so V8 compiled its loops by on-stack replacement (OSR) while it still ran in the interpreter,
 * and that OSR code, which is kept after it deoptimises, deoptimised at the first site after its loop that had no
 * type feedback yet (the `i < n` of the loop after flagLines, `options.rules` after the scores) in every analysis
 * (docs/performance.md, thirteenth round). The options are read by detectBoilerplate and detectLines and passed as
 * values: a `{}` and an analysis's four-field object are two maps at one site.
 */
function passes(
  records: readonly LineRecord[],
  recurring: ((line: string) => number) | undefined,
  recurringVersion: number | undefined,
  rules: SiteRules | undefined,
  scorer: ScorerWeights | null,
  withFeatures: boolean,
  carried?: BoilerplateLines,
): { result: BoilerplateResult; features: (Float64Array | null)[]; scores: (number | null)[] } {
  const n = records.length;
  // The phrases are copied, since the passes below rename some.
  const infos: LineInfo[] = [];
  const norms: string[] = [];
  const phrases: (PhraseHit | null)[] = [];
  fillColumns(records, infos, norms, phrases);
  verticalHeadings(infos, phrases);
  const doc = makeDoc(infos, phrases);
  const rawRec = (i: number): number => (recurring && infos[i].len >= 2 && infos[i].len <= RECURRING_MAX ? recurring(infos[i].text) : 0);
  // Copies of this same story elsewhere in the folder repeat its article lines too: a line counts
  // as the site's only when it recurs in more files than the headline does.
  let copies = 0;
  const rec = (i: number): number => Math.max(0, rawRec(i) - copies);

  // Pass 1: locate the body (headline, body, inline boxes, copies of the article).
  const located = locateBody(doc);
  const { body, keep, headline } = located;
  if (headline !== undefined) copies = rawRec(headline);
  const menu = menuRuns(infos, phrases);
  menuChannels(infos, phrases, menu);
  // Pass 2: flag lines by wording, position and section.
  const closed = { from: -1 };
  const flags = flagLines(doc, located, menu, rec, carried ? closed : undefined);
  unflagKept(flags, keep, phrases);
  // Pass 3: protect the structure. The article's headline, dateline, source and byline lines and its
  // tables are never flagged, whatever pass 2 said (a wiki's table of contents, below, is still its furniture).
  const structure = { infos, norms, phrases, headline, body, shapeOf: (i: number) => (records[i].shape ??= shape(infos[i], norms[i])) };
  unflagLines(flags, structureLines(structure));
  unflagLines(
    flags,
    bodyTables(structure, (k) => isMarker(phrases[k])),
  );
  flagEach(flags, tableOfContents(infos), 'navigation', true, false);
  flagEach(flags, editLinkHeadings(infos), 'navigation', false, true);
  // A reference list may be counted the article's (as a paper's is): never in "remove all".
  flagEach(flags, caretReferences(infos), 'other', false, false);
  sandwiched(infos, flags);
  pagers(infos, flags);
  // Pass 4: score lines. A line the rules would remove goes into "remove all" only when the fitted
  // scorer agrees at the threshold that kept held-out pages at precision >= 0.995.
  const scoreInput: ScoreInput = {
    infos,
    phrases,
    flags,
    headline,
    body,
    menu,
    // Remembered on the line's record too, which an edited document carries from version to version.
    structureLike: (i) => (records[i].structure ??= structureLike.getFor(infos[i].text, isStructureLine, infos[i], norms[i])),
    digits: (i) => (records[i].digits ??= DIGIT.test(infos[i].text)),
  };
  const preScore = carried ? flags.slice() : [];
  const features = withFeatures ? lineFeatures(scoreInput) : [];
  const scores: (number | null)[] = scorer
    ? withFeatures
      ? probabilities(scorer, features)
      : lineScores(scoreInput, scorer, true)
    : new Array<null>(n).fill(null);
  if (scorer) unsureBelow(flags, scores, scorer.threshold);
  // The user's own rules have the last word; then pass 5 groups the flagged lines into blocks.
  if (rules) applySiteRules(rules, infos, flags);
  const result = assemble(flags, infos, headline);
  if (carried) {
    const first = located.title.first;
    const firstText = first >= 0 ? infos[first].text : '';
    const { keys, wanted } = titleKeys(firstText);
    carried.reuse = {
      values: records,
      result,
      scorer,
      rules,
      recurring: recurring !== undefined,
      recurringVersion,
      copies,
      located,
      closedFrom: closed.from,
      firstText,
      keys,
      wanted,
      headText: headline !== undefined ? infos[headline].text : '',
      scoring: { phrases, flags: preScore, menu, headline, body },
    };
  }
  return { result, features, scores };
}

/**
 * Each record's measures, normalised text and phrase, pushed onto three arrays. Filled by push, not `map`: once V8
 * optimises a function its inlined `map` makes holey arrays where the unoptimised one made packed ones, and every
 * pass that had been optimised for the packed kind is deoptimised and compiled again (that was 42 of the
 * deoptimisations in the first 20 keystrokes after opening the 100 KB article). Nothing follows the loop: code
 * compiled at the loop (on-stack replacement) on its first run has no type feedback for what comes after it, and
 * returning an object literal made here deoptimised that code at the end of every later call.
 */
export function fillColumns(records: readonly LineRecord[], infos: LineInfo[], norms: string[], phrases: (PhraseHit | null)[]): void {
  for (let k = 0; k < records.length; k++) {
    const r = records[k];
    infos.push(r.info);
    norms.push(r.norm);
    phrases.push(r.phrase);
  }
}

/**
 * A channel named 評論 or 專題 inside a menu is a menu word, not a heading over what follows: its phrase is renamed
 * navigation. (Only in the middle of a run: 热新闻 at the head of its tabs 一天 三天 is still a heading.)
 */
export function menuChannels(infos: readonly LineInfo[], phrases: (PhraseHit | null)[], menu: Uint8Array): void {
  const n = infos.length;
  for (let i = 0, before = 0; i < n; i++) {
    if (infos[i].blank) continue;
    const p = phrases[i];
    // A new hit written out as phrases.ts writes one (a spread made an object of another map).
    if (menu[i] && p?.heading && infos[i].len >= 2 && infos[i].len <= 3 && before >= 3)
      phrases[i] = { kind: 'navigation', heading: false, marker: p.marker, inBody: p.inBody, section: p.section };
    before = menu[i] ? before + 1 : 0;
  }
}

/** A copy of the article further down (`keep`) is never flagged, unless its wording names a kind. */
export function unflagKept(flags: (Flag | null)[], keep: Uint8Array, phrases: readonly (PhraseHit | null)[]): void {
  const n = flags.length;
  for (let i = 0; i < n; i++) if (keep[i] && flags[i] && !phrases[i]) flags[i] = null;
}

/** The given lines are not flagged. */
export function unflagLines(flags: (Flag | null)[], lines: ReadonlySet<number>): void {
  for (const i of lines) flags[i] = null;
}

/** Each given line flagged with a flag of its own (with `keepFlagged`, only the lines not flagged yet). */
export function flagEach(
  flags: (Flag | null)[],
  lines: readonly number[],
  kind: BoilerplateKind,
  confident: boolean,
  keepFlagged: boolean,
): void {
  for (let k = 0; k < lines.length; k++) {
    const i = lines[k];
    if (!keepFlagged || !flags[i]) flags[i] = { kind, confident };
  }
}

/** The scorer's probability of each line's vector (null where a line has none). */
export function probabilities(scorer: ScorerWeights, features: readonly (Float64Array | null)[]): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < features.length; i++) {
    const v = features[i];
    out.push(v ? probability(scorer, v) : null);
  }
  return out;
}

/** A confident flag whose score is under the threshold (or missing) becomes unsure. */
export function unsureBelow(flags: (Flag | null)[], scores: readonly (number | null)[], threshold: number): void {
  const n = flags.length;
  for (let i = 0; i < n; i++) {
    const f = flags[i];
    if (f?.confident && (scores[i] ?? 0) < threshold) flags[i] = { kind: f.kind, confident: false };
  }
}

/** Lines in runs of >= 4 menu words (short, unpunctuated): a channel list even inside a section.
 * 1 = a menu word of a run, 3 = of a run of >= 8, 2 = a longer item that continues a run. */
function menuRuns(infos: LineInfo[], phrases: (PhraseHit | null)[]): Uint8Array {
  const out = new Uint8Array(infos.length);
  const menuLike = (i: number) => {
    const x = infos[i];
    const p = phrases[i];
    return (
      x.len <= 5 &&
      !x.prose &&
      x.enders === 0 &&
      !x.symbolic &&
      (!p || p.kind === 'navigation' || p.kind === 'share' || (p.heading && x.len <= 3))
    );
  };
  // Inside an established run, longer channel names (2020總統大選, 蘋果慈善基金會) and a stray ad or
  // app tab are menu items too; a teaser title is longer or punctuated like a sentence.
  const itemLike = (i: number) => {
    const x = infos[i];
    const p = phrases[i];
    return (
      x.len <= 10 &&
      !x.prose &&
      !x.endsSentence &&
      !x.symbolic &&
      (!p || p.kind === 'navigation' || p.kind === 'share' || p.kind === 'promo' || p.kind === 'footer')
    );
  };
  let i = 0;
  while (i < infos.length) {
    if (infos[i].blank || !menuLike(i)) {
      i++;
      continue;
    }
    let j = i;
    let count = 0;
    let last = i;
    for (; j < infos.length; j++) {
      if (infos[j].blank) continue;
      if (!menuLike(j)) break;
      count++;
      last = j;
    }
    if (count >= 4) {
      // A short run inside a comment thread is its furniture (表情, 登录|注册, 发布), a long one a menu.
      out.fill(count >= 8 ? 3 : 1, i, last + 1);
      // Grow the run over the longer menu items that follow it (marked 2: weaker evidence).
      let k = j;
      for (; k < infos.length; k++) {
        if (infos[k].blank) continue;
        if (!itemLike(k) && !menuLike(k)) break;
        out[k] = menuLike(k) ? 1 : 2;
      }
      j = k;
    }
    i = j;
  }
  return out;
}

/** Buttons that act on the whole page: print, font size. */
const PAGE_TOOL = /[列打]印|字[體体級级號号]|^A-?\s*A\+?$|^A[-+]$/u;

/** Wording of a comment box's rules: posting, replying, what is forbidden. */
const BOX_RULE = /留言|回[覆复]|[發发]表|[發发]言|[評评][論论]|[請请]勿|禁止|[違违]反|[請请]確認|[请]确认/u;
/** ... but not the site's own notice or licence line. */
const SITE_NOTICE = /版[權权]|©|Copyright|ICP|[備备]案|[許许]可[證证]/iu;

/** Lines after a copyright notice that are the site's own, not teaser titles: company names, rules, prompts. */
const NOT_TEASER = /公司|集[團团]|[報报]社|有限|[請请]勿|禁止|[違违]反|[：:]$|[-|｜]$/u;

/** Links that move around the site, not items of a list: back to top, home, previous/next article. */
const PAGE_NAV = /^[\s[【<《|｜]*(回到|返回|[上下]一[篇頁页]|首[頁页])/u;
const PAGER = /^(上一[頁页]|下一[頁页]|首[頁页]|尾[頁页]|末[頁页]|[<«‹]+|[>»›]+|[….]{1,3})$/u;
const PAGE_NO = /^\d{1,3}$/u;

/**
 * A pager (上一页 1 2 3 下一页) is navigation whatever section it sits in. Only renames flagged lines, each with a
 * new flag of the one shape every flag has: a spread (`{ ...flag, kind }`) made an object of another map, and the
 * scorer's walk over the flags (`flaggedCounts`), compiled before it met one, deoptimised there.
 */
export function pagers(infos: LineInfo[], flags: (Flag | null)[]): void {
  let i = 0;
  while (i < infos.length) {
    if (infos[i].blank || !flags[i] || !(PAGER.test(infos[i].text) || PAGE_NO.test(infos[i].text))) {
      i++;
      continue;
    }
    // A run of page numbers and pager words, with at least one word and one number.
    let j = i;
    let words = 0;
    let numbers = 0;
    for (; j < infos.length; j++) {
      if (infos[j].blank) continue;
      const t = infos[j].text;
      if (!flags[j]) break;
      if (PAGE_NO.test(t)) numbers++;
      else if (PAGER.test(t) && /[頁页]/u.test(t)) words++;
      else if (!PAGER.test(t)) break;
    }
    if (words > 0 && numbers > 0)
      for (let k = i; k < j; k++) if (flags[k]) flags[k] = { kind: 'navigation', confident: flags[k]!.confident };
    i = j;
  }
}

/**
 * A button of up to 4 characters between two flagged lines (更多 among share targets, T between font
 * buttons) is theirs; a short word could still be a heading, so never "remove all". Decided on the
 * flags as they stand, so a run of unflagged lines is never filled from its ends.
 */
const GROUPED = new Set<BoilerplateKind>(['share', 'navigation', 'promo', 'comments', 'related', 'footer']);

function sandwiched(infos: LineInfo[], flags: (Flag | null)[]): void {
  const add: number[] = [];
  let prev = -1;
  for (let i = 0; i < infos.length; i++) {
    if (infos[i].blank) continue;
    const x = infos[i];
    const before = prev >= 0 ? flags[prev] : null;
    // Not a metadata label (作者：), and only among buttons and links (not between headline copies).
    if (
      !flags[i] &&
      before &&
      GROUPED.has(before.kind) &&
      x.len <= 4 &&
      !x.prose &&
      !x.endsSentence &&
      !/[：:]$/u.test(x.text) &&
      !ARTICLE_META.test(x.text)
    ) {
      const next = nextLine(infos, i);
      if (next > 0 && flags[next] && GROUPED.has(flags[next]!.kind)) add.push(i, prev);
    }
    prev = i;
  }
  flagLikeBefore(flags, add);
}

/**
 * Each pair (line, line before it) of `add`: the line takes the flag's kind of the line before it, unsure. sandwiched's
 * second loop, alone: V8 compiled sandwiched at its first loop (on-stack replacement), and that code deoptimised in
 * this loop, after it, in every later detection ("wrong map", the same code 8 times in one fresh process).
 */
export function flagLikeBefore(flags: (Flag | null)[], add: readonly number[]): void {
  for (let k = 0; k < add.length; k += 2) flags[add[k]] = { kind: flags[add[k + 1]]!.kind, confident: false };
}

/** The first section marker among the `within` non-blank lines after `i`, or -1. */
function markerWithin(d: Doc, i: number, within: number): number {
  const { infos, phrases } = d;
  let seen = 0;
  for (let j = i + 1; j < infos.length && seen < within; j++) {
    if (infos[j].blank) continue;
    seen++;
    if (isMarker(phrases[j])) return j;
  }
  return -1;
}

/** A short label waiting for its value on the next line (`发文机关：`, `分 类：`). */
const isLabel = (infos: LineInfo[], phrases: (PhraseHit | null)[], i: number) =>
  i >= 0 && !phrases[i] && infos[i].len <= 10 && !infos[i].prose && /[：:]$/u.test(infos[i].text);

/** A short label of the article's metadata waiting for its value (`信息来源：`, `作者：`). */
const isMetaLabelAt = (infos: LineInfo[], phrases: (PhraseHit | null)[], i: number) =>
  isLabel(infos, phrases, i) && ARTICLE_META.test(infos[i].text);

/** The contiguous run of metadata labels and their values that ends right above the headline. */
function metaAbove(infos: LineInfo[], phrases: (PhraseHit | null)[], headline: number): Uint8Array {
  const out = new Uint8Array(infos.length);
  let lines = 0;
  let meta = 0;
  for (let i = headline - 1; i >= 0; i--) {
    const x = infos[i];
    if (x.blank) continue;
    if (phrases[i] || x.len > 60 || x.prose) break;
    const known = ARTICLE_META.test(x.text);
    // A value is kept only under its label; walking up, the label is the line above.
    if (!known && !isLabel(infos, phrases, i) && !isLabel(infos, phrases, previousLine(infos, i))) break;
    out[i] = 1;
    lines++;
    if (known) meta++;
  }
  // A table, not a lone date or source (those are left to the nearer-than-8-lines rule).
  if (lines < 4 || meta < 2) out.fill(0);
  return out;
}

/** A headline that ends with ！ or ？ (and so measures as prose): short, one ender, no comma. */
const exclaimed = (x: LineInfo) => x.len <= 40 && x.commas === 0 && x.enders === 1 && /[！？!?]$/u.test(x.text);

function nextLine(infos: LineInfo[], i: number): number {
  for (let j = i + 1; j < infos.length; j++) if (!infos[j].blank) return j;
  return -1;
}

function previousLine(infos: LineInfo[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (!infos[j].blank) return j;
  return -1;
}

function neighbourFlag(flags: (Flag | null)[], infos: LineInfo[], i: number): Flag | null {
  for (let j = i - 1; j >= 0; j--) if (!infos[j].blank) return flags[j];
  return null;
}

/** Without a title match: the nearest title-like line above the body, skipping metadata lines. */
function guessHeadline(infos: LineInfo[], phrases: (PhraseHit | null)[], start: number, first: number): number | undefined {
  let seen = 0;
  for (let i = start - 1; i >= 0 && seen < 10; i--) {
    const x = infos[i];
    if (x.blank) continue;
    seen++;
    if (
      phrases[i] ||
      (x.prose && !exclaimed(x)) ||
      x.symbolic ||
      ARTICLE_META.test(x.text) ||
      isBreadcrumb(x.text) ||
      /^[（(]/u.test(x.text)
    )
      continue;
    if (x.len >= 5 && x.len <= 60 && x.han >= 4) return i;
  }
  return first >= 0 && first < start && !infos[first].prose ? first : undefined;
}

function assemble(flags: (Flag | null)[], infos: LineInfo[], headline: number | undefined): BoilerplateResult {
  const lineKinds: (BoilerplateKind | null)[] = flags.map((f) => (f ? f.kind : null));
  const blocks: BoilerplateBlock[] = [];
  let cur: BoilerplateBlock | null = null;
  for (let i = 0; i < flags.length; i++) {
    if (infos[i].blank) continue;
    const f = flags[i];
    if (f && cur && cur.kind === f.kind && cur.confident === f.confident) {
      cur.endLine = i;
      continue;
    }
    if (cur) blocks.push(cur);
    cur = f ? { startLine: i, endLine: i, kind: f.kind, confident: f.confident } : null;
  }
  if (cur) blocks.push(cur);
  return { blocks, headline, lineKinds };
}

/** Join neighbouring clusters of the same section: a photo strip or a short list splits no article. */
function extend(d: Doc, body: Span, clusters: Span[]): Span {
  const k = clusters.findIndex((c) => c.start === body.start);
  if (k < 0) return body;
  let { start, end, mass } = body;
  for (let j = k + 1; j < clusters.length; j++) {
    const c = clusters[j];
    if (markerBetween(d, end, c.start)) break;
    // Near and substantial, or (a wiki page, a photo strip) far but bigger than what we have.
    // A paragraph after plain lines (code, a table) continues the text; after debris it is a teaser.
    // A teaser list alternates title and snippet line by line; an article does not.
    if ((c.lines ?? 0) >= 3 && nonBlankBetween(d, c.start - 1, c.end + 1) - (c.lines ?? 0) >= 0.7 * (c.lines ?? 0)) continue;
    const substantial = c.mass >= JOIN_MASS || ((c.paras ?? 0) > 0 && !hitBetween(d, end, c.start));
    const near = substantial && nonBlankBetween(d, end, c.start) <= JOIN_GAP;
    if (!near && c.mass < FAR_MASS) continue;
    end = c.end;
    mass += c.mass;
  }
  for (let j = k - 1; j >= 0; j--) {
    const c = clusters[j];
    if (c.mass < JOIN_MASS || nonBlankBetween(d, c.end, start) > JOIN_GAP || markerBetween(d, c.end, start)) break;
    start = c.start;
    mass += c.mass;
  }
  return { start, end, mass };
}

/** What a full detection over an editor's document leaves for deciding its next edit (`reuseAfterEdit`). */
interface ReuseState {
  /** The records it read (the line arrays' values of that version). */
  values: readonly LineRecord[];
  result: BoilerplateResult;
  scorer: ScorerWeights | null;
  rules: SiteRules | undefined;
  recurring: boolean;
  recurringVersion: number | undefined;
  /** How many other files repeat the headline (rec subtracts it). */
  copies: number;
  located: Located;
  /** flagLines' first line after the body that is no longer `open` (-1: none): it reads no metadata wording from there. */
  closedFrom: number;
  /** The lines' ranks among the non-blank lines, once an edit asked (an edit decided from this state keeps them). */
  ranks?: LineRanks;
  /** The page title line's text and the keys findTitle looked for. */
  firstText: string;
  keys: string[];
  wanted: string[];
  headText: string;
  /** What the scorer read besides the line itself: the phrases (menu words renamed), the flags before it, the menus. */
  scoring: Pick<ScoreInput, 'phrases' | 'flags' | 'menu' | 'headline' | 'body'>;
}

/**
 * The bounds the passes compare a line's length, Han characters, enders and commas with, each as the largest value
 * on the lower side (`len <= 60` and `len > 60` give 60, `len >= 5` and `len < 5` give 4). Left out: the bounds read
 * only of prose lines by locateBody (20 and 40: a changed prose line has the body located again), only inside a test
 * whose result is compared itself (80 in `isStructureLine`) or only of prose lines elsewhere (30, 60 and 50 after 30:
 * `lineFacts` compares those tests whole). 24 is read in two places only, each beside a fact compared on its own or
 * the same for both versions: a table of contents' heading (`len > 24 || !HEADING`, the heading test is in
 * `contentsFacts`) and a closing line signed over a date (`len <= 24 && !prose && dateFollows`: prose is a measure,
 * and the lines after an edited line are the same lines); elsewhere it is left out. 200 is left out: it is read by
 * the headline's copy search in `locateBody`, of lines whose title key is the title's (`lineFacts` compares none of
 * those), and by the recurring-line look-up, whose count is itself one of the facts. 300 is read only by
 * `referenceLike` (`len <= 300 && REFERENCE`), so it counts only for a line REFERENCE matches (one of the text tests).
 */
const LEN_CUTS = [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 20, 40, 49, 60, 120];
/** The length cuts of a line, with 24 and 300 where their readers may be reached (see LEN_CUTS). */
const lenCutsFor = (() => {
  const sorted = (extra: number[]) => [...LEN_CUTS, ...extra].sort((a, b) => a - b);
  const table = [sorted([]), sorted([24]), sorted([300]), sorted([24, 300])];
  return (with24: boolean, with300: boolean): readonly number[] => table[(with24 ? 1 : 0) + (with300 ? 2 : 0)];
})();
const HAN_CUTS = [1, 3, 7];
const ENDER_CUTS = [0, 1];
const COMMA_CUTS = [0];
const above = (value: number, cuts: readonly number[]) => {
  let k = 0;
  while (k < cuts.length && value > cuts[k]) k++;
  return k;
};

/** Wording tests the passes run on a line's own text, besides those on its phrase, structure, shape and contents. */
const TEXT_TESTS: readonly ((t: string) => boolean)[] = [
  (t) => ARTICLE_META.test(t),
  isBreadcrumb,
  (t) => LIST_ITEM.test(t),
  (t) => /[；;：:]$/u.test(t),
  (t) => REFERENCE.test(t),
  (t) => DATE_ONLY.test(t),
  (t) => /[！？!?]$/u.test(t),
  (t) => PAGE_TOOL.test(t),
  (t) => BOX_RULE.test(t),
  (t) => SITE_NOTICE.test(t),
  (t) => NOT_TEASER.test(t),
  (t) => PAGE_NAV.test(t),
  (t) => PAGER.test(t),
  (t) => PAGE_NO.test(t),
  (t) => /[頁页]/u.test(t),
  (t) => /\d/u.test(t),
  (t) => /(參與|参与|網友|网友)/u.test(t),
  (t) => /^[\s【[]*([熱热][門门]|最[新熱热]|精彩|全部|[讀读]者)/u.test(t),
  (t) => /^[（(]/u.test(t),
  (t) => /[：:]$/u.test(t),
];

/**
 * Everything the passes read of one line that is neither the page title, the headline nor the body's first line, as
 * a string: two versions of the line with the same facts are the same line to every pass (given the same other lines),
 * except for the scorer's length measures (`reuseAfterEdit` scores the line again) and a prose line's length in its
 * cluster's mass (it locates the body again). Undefined when the line could bear on the title (its key is one the
 * title search looks for, or the headline's) or on a vertical heading (a one-character line): those are not compared.
 */
function lineFacts(r: LineRecord, state: ReuseState, options: BoilerplateOptions, dateAfter: boolean): string[] | undefined {
  const x = r.info;
  const t = x.text;
  if (x.len <= 1) return undefined;
  const key = lineTitleKey(t);
  if (x.len <= state.firstText.length + 10 && state.keys.includes(key)) return undefined;
  if (state.wanted.length > 0 && x.len <= 60 && (key === '' || state.wanted.some((w) => w.includes(key)))) return undefined;
  if (state.firstText && t.startsWith(state.firstText)) return undefined;
  if (state.located.title.key !== undefined && key === state.located.title.key) return undefined;
  const prose = `${paragraph(x) ? 1 : 0}${paragraph(x) && x.len > 50 ? 1 : 0}${x.prose && x.len >= 60 ? 1 : 0}`;
  const contents = contentsFacts(t);
  // 24 and 300 count only where one of their readers may be reached (see LEN_CUTS); the contents heading test is
  // contentsFacts' first digit.
  const lenCuts = lenCutsFor(contents.charAt(0) === '1' || (!x.prose && dateAfter), REFERENCE.test(t));
  const measures = `${x.blank ? 1 : 0}${x.prose ? 1 : 0}${x.endsSentence ? 1 : 0}${x.symbolic ? 1 : 0}${prose}|${above(x.len, lenCuts)}|${above(x.han, HAN_CUTS)}|${above(x.enders, ENDER_CUTS)}|${above(x.commas, COMMA_CUTS)}`;
  let tests = '';
  for (const test of TEXT_TESTS) tests += test(t) ? '1' : '0';
  const structure = structureLike.getFor(t, isStructureLine, x, r.norm);
  const located = state.located;
  const copy = isTitleCopy(t, state.headText, located.title.key);
  const suffixed = hasSiteSuffix(t, located.title.suffixes);
  const raw = options.recurring && x.len >= 2 && x.len <= RECURRING_MAX ? options.recurring(t) : 0;
  const rule = options.rules ? siteRuleFor(options.rules, t) : undefined;
  const ruled = rule === null ? 'never' : rule ? String(options.rules!.always.indexOf(rule)) : '';
  return [
    measures,
    JSON.stringify(r.phrase),
    tests,
    structure ? 1 : 0,
    shape(x, r.norm),
    normFacts(r.norm),
    contents,
    copy ? 1 : 0,
    suffixed ? 1 : 0,
    Math.max(0, raw - state.copies),
    ruled,
  ].map(String);
}

/** Where the metadata wording test (ARTICLE_META, the first of TEXT_TESTS) and `isStructureLine` stand in lineFacts. */
const TESTS_FACT = 2;
const STRUCTURE_FACT = 3;

/**
 * How two versions' facts of a line compare: the same, different only in the line's metadata wording (ARTICLE_META
 * and `isStructureLine`, which reads it), or different otherwise.
 */
function factsDiffer(a: readonly string[], b: readonly string[]): 'same' | 'wording' | 'other' {
  let wording = false;
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    if (k === STRUCTURE_FACT || (k === TESTS_FACT && a[k].slice(1) === b[k].slice(1))) wording = true;
    else return 'other';
  }
  return wording ? 'wording' : 'same';
}

/**
 * Whether no pass reads line i's metadata wording (ARTICLE_META, `isStructureLine`) but the scorer's own feature of
 * it (`reuseAfterEdit` scores the line again with each version's): the readers are locateBody (of lines up to the
 * body's end only: the next line under an exclaimed headline, the lines between a headline and its later copy,
 * guessHeadline's lines above the body; the body it finds first reads no wording, and the inline boxes only extend
 * it), flagLines above the headline and between the headline and the body, and after the body only while its walk is
 * `open` (`closedFrom`), the headline's metadata table (above the headline), `sandwiched` (lines of at most 4
 * characters), and structureLines up to CLOSING_SPAN non-blank lines after the body. Every other fact of the line is
 * the same in both versions, so every pass reaches line i in the same state.
 */
function wordingUnread(state: ReuseState, values: readonly LineRecord[], i: number): boolean {
  const { body } = state.located;
  if (!body || i <= body.end || state.closedFrom < 0 || i < state.closedFrom || values[i].info.len <= 4) return false;
  let seen = 0;
  for (let k = body.end + 1; k < i && seen < CLOSING_SPAN; k++) if (!values[k].info.blank) seen++;
  return seen >= CLOSING_SPAN;
}

/**
 * The previous version's detection, when the edit changed one line and that provably changes nothing: the line is
 * not the page title, the headline or the body's first line (which the passes single out), every pass reads the same of its new version as of the
 * old (`lineFacts`), the scorer puts it on the same side of the threshold, and, for a prose line (whose length counts
 * in its cluster's mass, and whose text in the body's copies), the body is located exactly where it was. Undefined:
 * detect anew.
 */
function reuseAfterEdit(
  lines: BoilerplateLines,
  values: readonly LineRecord[],
  options: BoilerplateOptions,
): BoilerplateResult | undefined {
  const state = lines.reuse;
  const change = lines.lastChange;
  if (!state || !change || change.before !== state.values || change.made !== 1 || change.removed !== 1) return undefined;
  if (state.scorer !== SCORER || state.rules !== options.rules) return undefined;
  if (state.recurring !== (options.recurring !== undefined)) return undefined;
  if (state.recurring && (options.recurringVersion === undefined || options.recurringVersion !== state.recurringVersion)) return undefined;
  const i = change.first;
  const { body, headline, title } = state.located;
  if (!body || i === body.start || i <= title.first || i === headline) return undefined;
  const before = change.before[i];
  const after = values[i];
  // Whether a date follows within three lines (flagLines' `dateFollows`): the lines after i are the same in both versions.
  const dateAfter = dateFollows(
    values.slice(i, i + 4).map((r) => r.info),
    0,
  );
  const facts = lineFacts(after, state, options, dateAfter);
  const was = lineFacts(before, state, options, dateAfter);
  if (facts === undefined || was === undefined) return undefined;
  // Only the line's metadata wording changed ("（原标题：" typed into, a dateline's label): decided here when no pass
  // but the scorer reads it of this line (wordingUnread).
  const differ = factsDiffer(facts, was);
  if (differ === 'other' || (differ === 'wording' && !wordingUnread(state, values, i))) return undefined;
  const scoring = state.scoring;
  let ranks = state.ranks;
  if (SCORER && scoring.flags[i]?.confident) {
    // Its own measures (length, Han share) and its structure wording are the only features that may have moved: the
    // rest are equal facts.
    // The blank lines are where they were (blank or not is a fact), so the ranks are too.
    ranks = state.ranks ?? lineRanks(values.map((r) => r.info));
    let version = before;
    const input: ScoreInput = {
      ...scoring,
      infos: [],
      structureLike: () => structureLike.getFor(version.info.text, isStructureLine, version.info, version.norm),
      digits: () => DIGIT.test(after.info.text),
    };
    const v = new Float64Array(FEATURES.length);
    fillVector(input, ranks, i, before.info, v);
    const below = probability(SCORER, v) < SCORER.threshold;
    version = after;
    fillVector(input, ranks, i, after.info, v);
    if (probability(SCORER, v) < SCORER.threshold !== below) return undefined;
  }
  if ((before.info.prose || after.info.prose) && !locatedAgain(state, values)) return undefined;
  if (differ === 'wording') lines.decided.wording++;
  lines.reuse = { ...state, values, ranks };
  return state.result;
}

/** locateBody over the new records (line i changed) finds the same title, headline, body, boxes and copies. */
function locatedAgain(state: ReuseState, values: readonly LineRecord[]): boolean {
  const infos: LineInfo[] = [];
  const phrases: (PhraseHit | null)[] = [];
  for (const r of values) {
    infos.push(r.info);
    phrases.push(r.phrase);
  }
  verticalHeadings(infos, phrases);
  // The title search finds what it found: the line's facts are equal, and they hold what findTitle reads of it (its
  // key is none the search looks for, nor part of one broken over lines, nor does it start with the page title,
  // whatever its length; blank or not; longer than 60 or not).
  const was = state.located;
  const now = locateBody(makeDoc(infos, phrases), was.title);
  return (
    now.headline === was.headline &&
    now.guessed === was.guessed &&
    now.body?.start === was.body?.start &&
    now.body?.end === was.body?.end &&
    sameBytes(now.island, was.island) &&
    sameBytes(now.keep, was.keep)
  );
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
