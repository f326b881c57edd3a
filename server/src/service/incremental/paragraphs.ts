/**
 * Per-paragraph analysis: the recognisers' paragraph halves run on each line of the article alone, and an editor
 * keeps their answers per line, so after an edit only the lines it touched are read again; the cheap
 * article-level halves then run over the whole article as before. A paragraph is a line: news text puts one
 * paragraph on each line, and a line is what the tagger has always read on its own.
 */
import type { EntityMention, EntityRecognizer } from '../types';
import { boilerplateLines, type BoilerplateLines } from '../boilerplate/detect';
import { NormalizedText } from './normalizedText';
import { LineArrays } from './lineArrays';

/** Mentions or anything else with offsets into the paragraph. */
interface Spanned {
  start: number;
  end: number;
}

/**
 * What each paragraph of the current version yielded, keyed by its text and normalised text. It holds only the
 * paragraphs of the version last analysed (plus, during an analysis, the new ones), so its size follows the
 * document's, and it is emptied when the thing that computes the answers changes (a new recogniser).
 */
export class ParagraphCache<T> {
  private held = new Map<string, { norm: string; value: T }>();
  private next = new Map<string, { norm: string; value: T }>();
  private owner: unknown;
  /**
   * Each `\n`-line's answer in the last version, by position: the lines an edit left alone are taken from here
   * without hashing their text, and only the changed ones are looked up by text (a line moved elsewhere) or computed.
   */
  readonly lines: LineArrays<T | null>;
  /** Paragraphs answered from the cache / computed, since creation (for the bench and the tests). */
  readonly stats = { hits: 0, misses: 0 };

  constructor(lines = new LineArrays<T | null>(true)) {
    this.lines = lines;
  }

  /** Starts an analysis by `owner` (the recogniser): a different owner's answers are dropped. */
  begin(owner: unknown): void {
    if (owner !== this.owner) {
      // A new map, not clear(): a clone may share the held one.
      this.held = new Map();
      this.lines.clear();
    }
    this.owner = owner;
    this.next = new Map();
  }

  /** The paragraph's entry when this or the last version had it with the same normalised text (kept for this one). */
  find(text: string, norm: string): { readonly value: T } | undefined {
    const entry = this.next.get(text) ?? this.held.get(text);
    if (entry && entry.norm === norm) {
      this.stats.hits++;
      this.next.set(text, entry);
      return entry;
    }
    return undefined;
  }

  /** The answer computed for a paragraph `find` did not have. */
  store(text: string, norm: string, value: T): void {
    this.stats.misses++;
    this.next.set(text, { norm, value });
  }

  /** Ends an analysis: what the previous version had and this one lacks is let go. */
  end(): void {
    this.held = this.next;
    this.next = new Map();
  }

  /**
   * A copy from this version on that goes its own way (the idle warm-up's private edit): it shares the held answers,
   * which it only reads (an analysis fills `next` and then takes it as its own), and its statistics are its own.
   */
  clone(): ParagraphCache<T> {
    const copy = new ParagraphCache<T>(this.lines.clone());
    copy.held = this.held;
    copy.owner = this.owner;
    return copy;
  }
}

/**
 * What `paragraph` finds in the non-empty `\n`-line `text[start, end)`, from `cache` when it has the line. The line is
 * read with its line break: the rules read the character after a name, and a name that ends its line must see the
 * break there, as it does in the whole text, not the end of the text.
 */
function lineAnswer<M>(
  text: string,
  norm: string,
  start: number,
  end: number,
  paragraph: (text: string, norm: string) => M[],
  cache?: ParagraphCache<readonly M[]>,
): readonly M[] {
  const line = text.slice(start, end + 1);
  const lineNorm = norm.slice(start, end + 1);
  if (!cache) return paragraph(line, lineNorm);
  // find, then store: `get` would take a closure made for every line.
  const found = cache.find(line, lineNorm);
  if (found) return found.value;
  const value = paragraph(line, lineNorm);
  cache.store(line, lineNorm, value);
  return value;
}

/** Where a line's first reading in `eachDistinctParagraph` left its answers: `out[from, to)`, shifted by `at`. */
interface FirstReading {
  norm: string;
  at: number;
  from: number;
  to: number;
}

/**
 * `paragraph` over each non-empty line of `text` (with the same slice of `norm`), its spans shifted into the article,
 * in order, for one analysis of one text with no cache to keep between versions: each distinct line is read once
 * (pages repeat menus, captions, related lists), the answers of its first reading are shifted in place (they are
 * fresh from `paragraph` and this call's own), and a repeated line's are copies of those. A cache that outlives the
 * call must keep the answers unshifted, so `eachEditedParagraph` copies every one (a model name was made five times
 * before the article-level passes saw it; docs/performance.md, thirteenth round: the entity path).
 */
export function eachDistinctParagraph<M extends Spanned>(text: string, norm: string, paragraph: (text: string, norm: string) => M[]): M[] {
  const out: M[] = [];
  const first = new Map<string, FirstReading>();
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      // With its line break, as `lineAnswer` reads it.
      const line = text.slice(start, end + 1);
      const lineNorm = norm.slice(start, end + 1);
      const seen = first.get(line);
      if (seen && seen.norm === lineNorm) copyShifted(out, seen.from, seen.to, start - seen.at);
      else {
        const from = out.length;
        shiftInto(out, paragraph(line, lineNorm), start);
        first.set(line, { norm: lineNorm, at: start, from, to: out.length });
      }
    }
    start = end + 1;
  }
  return out;
}

/** Each of `found` moved by `by` and appended to `out` (the objects themselves). */
function shiftInto<M extends Spanned>(out: M[], found: M[], by: number): void {
  for (let i = 0; i < found.length; i++) {
    const m = found[i];
    m.start += by;
    m.end += by;
    out.push(m);
  }
}

/** Copies of `out[from, to)` moved by `by`, appended to `out`. */
function copyShifted<M extends Spanned>(out: M[], from: number, to: number, by: number): void {
  for (let i = from; i < to; i++) {
    const m = out[i];
    out.push({ ...m, start: m.start + by, end: m.end + by });
  }
}

/**
 * `paragraph` over each non-empty line of an edited document's next version, its spans shifted into the article as
 * fresh objects (the article-level passes may change them without touching the cache): the lines before and after
 * the edit take the last version's answers by position (no hashing of their text), and only the changed lines are
 * looked up in `cache` by text or computed.
 */
export function eachEditedParagraph<M extends Spanned>(
  text: string,
  norm: string,
  paragraph: (text: string, norm: string) => M[],
  cache: ParagraphCache<readonly M[]>,
  owner: unknown,
): M[] {
  const out: M[] = [];
  cache.begin(owner);
  const { starts, values } = cache.lines.update(text, (t, at, first, last) => {
    const made: (readonly M[] | null)[] = [];
    for (let i = first; i < last; i++) {
      const start = at[i];
      const end = i + 1 < at.length ? at[i + 1] - 1 : t.length;
      made.push(end > start ? lineAnswer(t, norm, start, end, paragraph, cache) : null);
    }
    return made;
  });
  for (let i = 0; i < starts.length; i++) {
    const found = values[i];
    if (found) for (const m of found) out.push({ ...m, start: m.start + starts[i], end: m.end + starts[i] });
  }
  cache.end();
  return out;
}

/** The per-document caches an editor keeps between versions (the language service holds one per open document). */
export interface ParagraphCaches {
  entities: ParagraphCache<readonly EntityMention[]>;
  /** Boilerplate's per-line records of the last version. */
  boilerplate: BoilerplateLines;
  /** The last version's normalised text, updated over the lines an edit changed. */
  normalized: NormalizedText;
}

export function paragraphCaches(): ParagraphCaches {
  return { entities: new ParagraphCache(), boilerplate: boilerplateLines(), normalized: new NormalizedText() };
}

/** A private copy of a document's caches at its last version: analysing an edit with it leaves `caches` as they were. */
export function cloneParagraphCaches(caches: ParagraphCaches): ParagraphCaches {
  return { entities: caches.entities.clone(), boilerplate: caches.boilerplate.clone(), normalized: caches.normalized.clone() };
}

/**
 * The recogniser's answer for the whole text, each paragraph's half from `caches` where the paragraph is unchanged.
 * The same composition as `recognize` itself, so a cached analysis equals a fresh one (test/unit/incremental.test.ts).
 */
export function recognizeEntities(recognizer: EntityRecognizer, text: string, norm: string, caches?: ParagraphCaches): EntityMention[] {
  if (!caches || !recognizer.paragraph || !recognizer.article) return recognizer.recognize(text, norm);
  return recognizer.article(eachEditedParagraph(text, norm, recognizer.paragraph, caches.entities, recognizer), text, norm);
}
