/**
 * The entity recogniser: user dictionary, gazetteer, patterns and (when a model is given) the statistical
 * tagger, merged into one sorted, non-overlapping list of mentions with offsets into the original text.
 */
import type { EntityMention, EntityRecognizer, EntityType } from '../types';
import { abbreviationSpans, gazetteerSpans, gazetteerTrie, type Span } from './gazetteer';
import { normalizeForMatching } from './normalize';
import { dottedNameSpans, growFromPlaces, titleNameSpans } from './patterns';
import { Trie } from './trie';
import { loadTagger, type Tagger } from './tagger';

export interface RecognizerOptions {
  /** The trained tagger (models/ner.bin). Without it only the dictionary and pattern layers run. */
  model?: Uint8Array;
  /** Names the user wants recognised; they win over everything else. Either script. */
  userDictionary?: { text: string; type: EntityType }[];
}

type Source = EntityMention['source'];
interface Candidate extends Span {
  source: Source;
  confidence: number;
  rank: number;
}

const RANK: Record<Source, number> = { user: 4, gazetteer: 3, pattern: 2, model: 1 };

/** Lines longer than this are tagged in slices so one huge line cannot blow up the decoder's memory. */
const MAX_SLICE = 4096;

export function createEntityRecognizer(options: RecognizerOptions = {}): EntityRecognizer {
  const tagger: Tagger | undefined = options.model ? loadTagger(options.model) : undefined;
  const user = new Trie<EntityType>();
  for (const e of options.userDictionary ?? []) {
    const key = normalizeForMatching(e.text.trim());
    if (key) user.set(key, e.type);
  }
  const gaz = gazetteerTrie();
  return {
    name: tagger ? 'gazetteer+patterns+model' : 'gazetteer+patterns',
    recognize(text: string): EntityMention[] {
      const norm = normalizeForMatching(text);
      return recognizeNormalized(text, norm, user, gaz, tagger);
    },
  };
}

function recognizeNormalized(text: string, norm: string, user: Trie<EntityType>, gaz: Trie<EntityType>, tagger?: Tagger): EntityMention[] {
  const cands: Candidate[] = [];
  const add = (s: Span, source: Source, confidence: number) => cands.push({ ...s, source, confidence, rank: RANK[source] });

  if (user.size) {
    for (let i = 0; i < norm.length; ) {
      const m = user.longestAt(norm, i);
      if (m) {
        add({ start: i, end: m.end, type: m.value }, 'user', 1);
        i = m.end;
      } else i++;
    }
  }
  const gazSpans = gazetteerSpans(norm, gaz);
  const grown = growFromPlaces(norm, gazSpans);
  const taken = new Uint8Array(norm.length);
  for (const s of gazSpans) taken.fill(1, s.start, s.end);
  const abbr = abbreviationSpans(norm, taken);

  let model: Span[] = [];
  if (tagger) model = tagAll(tagger, norm, gaz);

  for (const s of gazSpans) add(s, 'gazetteer', 1);
  for (const s of grown) add(s, 'pattern', 0.9);
  for (const s of dottedNameSpans(norm)) add(s, 'pattern', 0.9);
  for (const s of titleNameSpans(norm)) add(s, 'pattern', 0.75);
  for (const s of abbr) add(s, 'pattern', 0.8);
  for (const s of model) add(s, 'model', (s as Span & { confidence?: number }).confidence ?? 0.7);

  return resolve(cands, text, norm.length);
}

function tagAll(tagger: Tagger, norm: string, gaz: Trie<EntityType>): (Span & { confidence: number })[] {
  const out: (Span & { confidence: number })[] = [];
  let lineStart = 0;
  while (lineStart <= norm.length) {
    let lineEnd = norm.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = norm.length;
    for (let s = lineStart; s < lineEnd; s += MAX_SLICE) {
      const e = Math.min(lineEnd, s + MAX_SLICE);
      for (const span of tagger.tag(norm.slice(s, e), gaz)) out.push({ ...span, start: span.start + s, end: span.end + s });
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/**
 * Conflict resolution. Higher rank wins an overlap, except that a longer model or pattern ORG that wholly
 * contains a gazetteer place or person keeps its span (美国国防部 over 美国): the name is the longest proper name.
 */
function resolve(cands: Candidate[], text: string, length: number): EntityMention[] {
  const containsStrictly = (a: Candidate, b: Candidate) => a.start <= b.start && a.end >= b.end && a.end - a.start > b.end - b.start;
  for (const c of cands) {
    if (c.source === 'model' || c.source === 'pattern') {
      if (c.type === 'ORG' || c.type === 'MEDIA' || c.type === 'LOC' || c.type === 'PER') {
        const inner = cands.filter((g) => g.source === 'gazetteer' && containsStrictly(c, g));
        const crossing = cands.some((g) => g.source === 'gazetteer' && g.start < c.end && g.end > c.start && !containsStrictly(c, g));
        if (!crossing && inner.some((g) => g.start === c.start && (g.type === 'LOC' || g.type === 'PER' || (g.type === 'ORG' && c.type === 'ORG')))) c.rank = 3.5;
        if (c.source === 'pattern' && c.type === 'PER' && !crossing && inner.length && inner.every((g) => g.type === 'PER')) c.rank = 3.5;
      }
    }
  }
  cands.sort((a, b) => b.rank - a.rank || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const owner = new Int32Array(length).fill(-1);
  const kept: Candidate[] = [];
  outer: for (const c of cands) {
    for (let i = c.start; i < c.end; i++) if (owner[i] >= 0) continue outer;
    if (!c.end || c.end <= c.start) continue;
    owner.fill(kept.length, c.start, c.end);
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((c) => ({
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    type: c.type,
    confidence: c.confidence,
    source: c.source,
  }));
}
