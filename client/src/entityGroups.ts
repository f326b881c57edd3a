/** Pure ordering of `news/listEntities` results for the quick pick (no `vscode`: unit-tested in node). */
import type { EntitySummary } from '../../server/src/protocol';
import { ENTITY_TYPES, type EntityType } from '../../server/src/service/types';

export interface EntityGroup {
  type: EntityType;
  entities: EntitySummary[];
}

type Mention = EntitySummary['mentions'][number];
const byPosition = (a: Mention, b: Mention): number => a.line - b.line || a.character - b.character;

/**
 * Groups entities by type in the legend's order (PER, ORG, LOC, MEDIA), most mentioned first, ties in
 * reading order; mentions sorted by position so that `mentions[0]` is the first one. Empty groups and
 * entities without mentions are left out.
 */
export function groupEntities(summaries: readonly EntitySummary[]): EntityGroup[] {
  const groups: EntityGroup[] = [];
  for (const type of ENTITY_TYPES) {
    const entities = summaries
      .filter((s) => s.type === type && s.mentions.length > 0)
      .map((s) => ({ ...s, mentions: [...s.mentions].sort(byPosition) }))
      .sort((a, b) => b.mentions.length - a.mentions.length || byPosition(a.mentions[0], b.mentions[0]));
    if (entities.length > 0) groups.push({ type, entities });
  }
  return groups;
}
