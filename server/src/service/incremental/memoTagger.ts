/**
 * A tagger that remembers the lines it tagged. The recogniser tags each line on its own (a line's tags depend on
 * the line alone), so after a keystroke only the edited line needs the model again; in a corpus, the menus and
 * footers a site repeats on every page are tagged once. Bounded by the characters it holds, oldest first out.
 */
import type { Tagger } from '../entities/tagger';

type Tagged = ReturnType<Tagger['tag']>;

export interface MemoTagger extends Tagger {
  /** Lines answered from the memo / tagged afresh since creation (for the bench and the tests). */
  readonly stats: { hits: number; misses: number };
  clear(): void;
}

export function memoTagger(inner: Tagger, maxChars = 4_000_000): MemoTagger {
  // A Map iterates in insertion order; a hit is re-inserted, so the first key is the least recently used.
  const memo = new Map<string, Tagged>();
  let held = 0;
  let gazetteer: unknown;
  const stats = { hits: 0, misses: 0 };
  return {
    // Every lexicon the recogniser reads off the tagger besides its tags: a wrapper that dropped one would
    // silently switch off the rules built on it (the incremental test compares with a bare tagger).
    get words() {
      return inner.words;
    },
    get names() {
      return inner.names;
    },
    get trainingNames() {
      return inner.trainingNames;
    },
    get weights() {
      return inner.weights;
    },
    get fingerprint() {
      return inner.fingerprint;
    },
    stats,
    clear() {
      memo.clear();
      held = 0;
    },
    tag(norm, gaz, noNames) {
      // The ablation's decoding without the name lexicon is never remembered.
      if (noNames) return inner.tag(norm, gaz, noNames);
      // The tags also depend on the gazetteer passed in: a different one empties the memo.
      if (gaz !== gazetteer) {
        memo.clear();
        held = 0;
        gazetteer = gaz;
      }
      const hit = memo.get(norm);
      if (hit) {
        stats.hits++;
        memo.delete(norm);
        memo.set(norm, hit);
        return hit;
      }
      stats.misses++;
      // Frozen: callers share the answer, so none may change it for the next one.
      const spans = Object.freeze(inner.tag(norm, gaz).map((s) => Object.freeze(s))) as Tagged;
      memo.set(norm, spans);
      held += norm.length;
      for (const [key] of memo) {
        if (held <= maxChars) break;
        memo.delete(key);
        held -= key.length;
      }
      return spans;
    },
  };
}
