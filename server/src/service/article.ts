/**
 * The analysed article: parsed once per document version and read by every feature.
 * Order matters: boilerplate first (it tells where the article is), then the publication time
 * (which anchors dates), then dates over the article's own lines, then entities.
 */
import { detectBoilerplate, type SiteRules } from './boilerplate';
import { findPublication, recognizeDates } from './dates';
import { PUBLICATION_LINES, firstLines } from './dates/publication';
import { blankCodes, blankedPrefix, blankedSpans, copyCodes } from './blanked';
import { linkEntities, type EntityCluster } from './entities';
import { detectScript } from './convert';
import { LineIndex, isBlank } from './text';
import { blankInvisibles, onCodePoints } from './spans';
import { codesToString, normalizeForMatching, normalizeVariant } from './normalize';
import { recognizeEntities, type ParagraphCaches } from './incremental/paragraphs';
import type { BoilerplateBlock, BoilerplateKind, DateMention, EntityMention, EntityRecognizer, Publication, Script } from './types';

export interface AnalysisOptions {
  recognizer: EntityRecognizer;
  /** Anchors relative dates when the article states no publication time (ISO date). */
  referenceDate?: string;
  /** Kinds the user turned off. */
  isKindEnabled?: (kind: BoilerplateKind) => boolean;
  /** Trimmed line texts the user marked "not boilerplate" for this file. */
  kept?: ReadonlySet<string>;
  /** In how many other articles of the folder a line recurs (the workspace signal). */
  recurring?: (line: string) => number;
  /** Changes whenever `recurring` may answer differently other than through this document's own edits. */
  recurringVersion?: number;
  rules?: SiteRules;
  /** What the previous versions of this document found per paragraph (an editor's; a one-off analysis has none). */
  paragraphs?: ParagraphCaches;
}

export interface Article {
  readonly text: string;
  readonly lines: LineIndex;
  /**
   * The text normalised once for every analyser: Simplified script, half-width ASCII, one name dot,
   * exactly as long as `text`, so an offset into one is an offset into the other.
   */
  readonly normalized: string;
  readonly script: Script;
  readonly published?: Publication;
  /** What relative dates were resolved against: the publication time, else the reference date setting. */
  readonly reference?: string;
  readonly headline?: number;
  /** Boilerplate the user sees: enabled kinds, minus blocks kept by the user. */
  readonly blocks: readonly BoilerplateBlock[];
  readonly entities: readonly EntityMention[];
  readonly clusters: readonly EntityCluster[];
  /** For each entity (same index), the cluster it belongs to. */
  readonly clusterOf: readonly EntityCluster[];
  readonly dates: readonly DateMention[];
}

export function isBlockKept(lines: LineIndex, block: BoilerplateBlock, kept: ReadonlySet<string> | undefined): boolean {
  if (!kept || kept.size === 0) return false;
  for (let l = block.startLine; l <= block.endLine; l++) {
    const t = lines.line(l).trim();
    if (t && !kept.has(t)) return false;
  }
  return true;
}

/**
 * Code units of the text being masked, reused from call to call up to this many (a document the editor analyses
 * in its own process; a larger one is analysed in a child process or by the CLI and gets an array of its own).
 */
const MASK_SCRATCH_MAX = 1 << 18;
let maskScratch = new Uint16Array(0);

/**
 * The text with the given lines blanked out (same length, so offsets stay valid): every code unit of those lines
 * but the line breaks becomes a space. Written into a copy of the code units and read back as one string
 * (normalize.ts `codesToString`): a string of slices, space runs and line breaks joined cost twice as much (thousands of parts per page).
 * Each long loop is alone in a function that returns right after it (blanked.ts `copyCodes`, `blankCodes`, then
 * `codesToString`): see blanked.ts.
 */
export function maskLines(text: string, lines: LineIndex, blocks: readonly BoilerplateBlock[]): string {
  if (blocks.length === 0) return text;
  const n = text.length;
  let codes = maskScratch;
  if (codes.length < n) {
    codes = new Uint16Array(n);
    if (n <= MASK_SCRATCH_MAX) maskScratch = codes;
  }
  copyCodes(text, codes, n);
  for (const b of blocks) blankCodes(codes, lines.starts[b.startLine], lines.lineEnd(b.endLine));
  return codesToString(codes.subarray(0, n));
}

export function analyseArticle(text: string, options: AnalysisOptions): Article {
  const lines = new LineIndex(text);
  const caches = options.paragraphs;
  const normalizedPart = once(() => (caches ? caches.normalized.of(text) : normalizeForMatching(text)));
  const visible = blankInvisibles(text);
  // An editor's document: boilerplate measures (and normalises) again only the lines the edit changed.
  const detected = detectBoilerplate(visible, {
    recurring: options.recurring,
    recurringVersion: options.recurringVersion,
    rules: options.rules,
    // Blanking the invisible marks moved no line break: the line index's starts are the visible text's.
    ...(caches ? { lines: caches.boilerplate } : { normalized: normalizeVariant(visible, text, normalizedPart()), starts: lines.starts }),
  });
  const notKept = detected.blocks.filter((b) => !isBlockKept(lines, b, options.kept));
  const blocks = notKept.filter((b) => options.isKindEnabled?.(b.kind) ?? true);
  // Dates and entities are computed when first read: diagnostics after a keystroke need the boilerplate only,
  // and the semantic tokens request that follows pays for the rest (each at most once per version).
  const datesPart = once(() => {
    // Dates are read from the article's own lines only: teasers of other stories would both add
    // foreign dates and derail "the date the text last spoke of".
    // The original text with those lines blanked is not made: findPublication reads its first lines only, and
    // recognizeDates reads the blanked spans from the text (blanked.ts).
    const blanked = blankedSpans(lines, notKept);
    const published = findPublication(blankedPrefix(text, blanked, firstLines(text, PUBLICATION_LINES).length));
    const reference = published?.value ?? (options.referenceDate || undefined);
    const normalized = maskLines(normalizedPart(), lines, notKept);
    const dates = onCodePoints(text, recognizeDates(text, { reference, normalized, blanked }));
    return { published, reference, dates };
  });
  const entitiesPart = once(() => {
    const entities = onCodePoints(text, recognizeEntities(options.recognizer, text, normalizedPart(), options.paragraphs));
    const clusters = linkEntities(text, entities, normalizedPart());
    return { entities, clusters, clusterOf: clustersOf(entities, clusters) };
  });
  const script = once(() => detectScript(text, normalizedPart()));
  return {
    text,
    lines,
    get normalized() {
      return normalizedPart();
    },
    get script() {
      return script();
    },
    get published() {
      return datesPart().published;
    },
    get reference() {
      return datesPart().reference;
    },
    headline: detected.headline,
    blocks,
    get entities() {
      return entitiesPart().entities;
    },
    get clusters() {
      return entitiesPart().clusters;
    },
    get clusterOf() {
      return entitiesPart().clusterOf;
    },
    get dates() {
      return datesPart().dates;
    },
  };
}

/**
 * For each entity (same index), the cluster with a mention starting where it starts (the last such cluster), or a
 * cluster of its own. Entities come sorted by start, each start once: a mention's entity is then found by a binary
 * search, with no map of 13,000 entries per analysis of the bench's megabyte (3 ms); in any other order, by a map.
 * Each loop is a function of its own (called once per analysis, this one ran its loops in on-stack-replaced code that
 * deoptimised in every run), and `of` is made at its length: filled by index in cluster order, an empty array grew
 * holey and went to dictionary elements at the first jump of more than 1,024 entities.
 */
export function clustersOf(entities: readonly EntityMention[], clusters: readonly EntityCluster[]): EntityCluster[] {
  const of = new Array<EntityCluster | undefined>(entities.length).fill(undefined);
  if (strictlyByStart(entities)) clustersBySearch(of, entities, clusters);
  else clustersByMap(of, entities, clusters);
  return withOwnClusters(of, entities);
}

function clustersBySearch(of: (EntityCluster | undefined)[], entities: readonly EntityMention[], clusters: readonly EntityCluster[]): void {
  for (let k = 0; k < clusters.length; k++) {
    const c = clusters[k];
    const mentions = c.mentions;
    for (let j = 0; j < mentions.length; j++) {
      const i = indexOfStart(entities, mentions[j].start);
      if (i >= 0) of[i] = c;
    }
  }
}

function clustersByMap(of: (EntityCluster | undefined)[], entities: readonly EntityMention[], clusters: readonly EntityCluster[]): void {
  const byStart = new Map<number, EntityCluster>();
  for (const c of clusters) for (const m of c.mentions) byStart.set(m.start, c);
  for (let i = 0; i < entities.length; i++) of[i] = byStart.get(entities[i].start);
}

/** Each entity's cluster, or a cluster of its own where it has none. */
function withOwnClusters(of: readonly (EntityCluster | undefined)[], entities: readonly EntityMention[]): EntityCluster[] {
  const out: EntityCluster[] = [];
  for (let i = 0; i < entities.length; i++) {
    const m = entities[i];
    out.push(of[i] ?? { id: -1, canonical: m.text, type: m.type, aliases: [m.text], mentions: [m] });
  }
  return out;
}

function strictlyByStart(entities: readonly EntityMention[]): boolean {
  for (let i = 1; i < entities.length; i++) if (!(entities[i - 1].start < entities[i].start)) return false;
  return true;
}

/** The index of the entity starting at `start` among entities strictly by start, or -1. */
function indexOfStart(entities: readonly EntityMention[], start: number): number {
  let lo = 0;
  let hi = entities.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = entities[mid].start;
    if (s === start) return mid;
    if (s < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

export { isBlank };
