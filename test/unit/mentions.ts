/** Mentions written as spans, for the tests that run one rule family on its own with a small dictionary. */
import type { EntityMention } from '../../server/src/service/types';

/** `[start, end, type]` spans of `text` as mentions found by `source` with `confidence`. */
export function mentionsAt(
  text: string,
  spans: readonly [number, number, EntityMention['type']][],
  source: EntityMention['source'] = 'model',
  confidence = 0.9,
): EntityMention[] {
  return spans.map(([start, end, type]) => ({ start, end, type, text: text.slice(start, end), source, confidence }));
}
