/**
 * What the recogniser learns at once from the person's decisions: a dictionary of confirmed names
 * (every other occurrence is predicted with the confirmed type) and of rejected ones (their predictions are
 * dropped). Built from one article's store or from the whole workspace's; matched on the normalised text
 * (Simplified, half-width), so a name confirmed in Traditional is found in Simplified too.
 */
import { Trie } from '../entities/trie';
import { normalizeForMatching } from '../normalize';
import { byStart, overlaps, type Annotation, type AnnotationLabel, type ArticleAnnotations } from './model';

export interface NameDictionary {
  /** Normalised name -> type. */
  confirmed: Map<string, AnnotationLabel>;
  /** Normalised names a person said are not entities (and never confirmed). */
  rejected: Set<string>;
}

export const emptyDictionary = (): NameDictionary => ({ confirmed: new Map(), rejected: new Set() });

/** Names of one character are too ambiguous to spread (a surname, 中 of 中美). */
const MIN_NAME = 2;

/**
 * Collects the decisions of many articles. A name confirmed with different types keeps the type it was
 * given most often; a name both confirmed and rejected counts as confirmed only if confirmed more often.
 */
export function buildDictionary(sets: Iterable<Pick<ArticleAnnotations, 'annotations' | 'rejected'>>): NameDictionary {
  const votes = new Map<string, Map<AnnotationLabel | 'NOT', number>>();
  const vote = (text: string, label: AnnotationLabel | 'NOT') => {
    const key = normalizeForMatching(text.trim());
    if ([...key].length < MIN_NAME) return;
    let v = votes.get(key);
    if (!v) votes.set(key, (v = new Map()));
    v.set(label, (v.get(label) ?? 0) + 1);
  };
  for (const s of sets) {
    for (const a of s.annotations) if (a.status !== 'predicted' && a.label !== 'DATE') vote(a.text, a.label);
    for (const r of s.rejected) if (r.label !== 'DATE') vote(r.text, 'NOT');
  }
  const dict = emptyDictionary();
  for (const [key, v] of votes) {
    const [best] = [...v].sort((a, b) => b[1] - a[1]);
    if (best[0] === 'NOT') dict.rejected.add(key);
    else dict.confirmed.set(key, best[0]);
  }
  return dict;
}

export function mergeDictionaries(...ds: NameDictionary[]): NameDictionary {
  const out = emptyDictionary();
  for (const d of ds) {
    for (const [k, v] of d.confirmed) out.confirmed.set(k, v);
    for (const k of d.rejected) out.rejected.add(k);
  }
  for (const k of out.confirmed.keys()) out.rejected.delete(k);
  return out;
}

const trieCache = new WeakMap<NameDictionary, Trie<AnnotationLabel>>();
function trieOf(d: NameDictionary): Trie<AnnotationLabel> {
  let t = trieCache.get(d);
  if (!t) {
    t = new Trie<AnnotationLabel>();
    for (const [k, v] of d.confirmed) t.set(k, v);
    trieCache.set(d, t);
  }
  return t;
}

/**
 * The recogniser's predictions with the dictionary applied: rejected names dropped, confirmed names added
 * wherever they occur (leftmost-longest), replacing the entity predictions they overlap. Dates stay.
 * `normalized` is the article's normalizeForMatching text (same length as the text).
 */
export function applyDictionary(
  predicted: readonly Annotation[],
  text: string,
  normalized: string,
  dict: NameDictionary | undefined,
): Annotation[] {
  if (!dict || (!dict.confirmed.size && !dict.rejected.size)) return [...predicted];
  let out = predicted.filter((p) => p.label === 'DATE' || !dict.rejected.has(normalized.slice(p.start, p.end)));
  if (!dict.confirmed.size) return out;
  const trie = trieOf(dict);
  const added: Annotation[] = [];
  for (let i = 0; i < normalized.length;) {
    const m = trie.longestAt(normalized, i);
    if (!m) {
      i++;
      continue;
    }
    const span = { start: i, end: m.end };
    // A confirmed name inside a longer predicted entity of the same type (习近平 in 习近平总书记's 国家主席习近平) stays part of it.
    const inside = out.find(
      (p) => p.label !== 'DATE' && p.start <= span.start && p.end >= span.end && p.end - p.start > span.end - span.start,
    );
    const date = out.some((p) => p.label === 'DATE' && overlaps(p, span));
    if (!inside && !date) added.push({ ...span, label: m.value, text: text.slice(span.start, span.end), status: 'predicted' });
    i = m.end;
  }
  out = out.filter((p) => p.label === 'DATE' || !added.some((a) => overlaps(a, p)));
  return [...out, ...added].sort(byStart);
}
