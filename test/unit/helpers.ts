/** Builds articles by hand, so feature tests do not depend on what the recognisers find. */
import type { Article } from '../../server/src/service/article';
import type { EntityCluster } from '../../server/src/service/entities';
import { LineIndex } from '../../server/src/service/text';
import type { BoilerplateBlock, DateMention, EntityMention, EntityType } from '../../server/src/service/types';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import type { NewsAnnotatorSettings } from '../../server/src/protocol';

export function entity(text: string, whole: string, type: EntityType, nth = 0, confidence = 1): EntityMention {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = whole.indexOf(text, start + 1);
  if (start < 0) throw new Error(`${text} not in text`);
  return { start, end: start + text.length, text, type, confidence, source: 'gazetteer' };
}

export function date(text: string, whole: string, value: string, kind: DateMention['kind'] = 'absolute'): DateMention {
  const start = whole.indexOf(text);
  if (start < 0) throw new Error(`${text} not in text`);
  return { start, end: start + text.length, text, value, kind };
}

export function makeArticle(
  text: string,
  parts: {
    blocks?: BoilerplateBlock[];
    entities?: EntityMention[];
    dates?: DateMention[];
    published?: string;
    publishedLine?: number;
    headline?: number;
  } = {},
): Article {
  const entities = [...(parts.entities ?? [])].sort((a, b) => a.start - b.start);
  const clusters = new Map<string, EntityCluster>();
  for (const m of entities) {
    let c = clusters.get(m.text);
    if (!c) clusters.set(m.text, (c = { id: clusters.size, canonical: m.text, type: m.type, aliases: [m.text], mentions: [] }));
    c.mentions.push(m);
  }
  return {
    text,
    lines: new LineIndex(text),
    script: 'traditional',
    published: parts.published ? { value: parts.published, line: parts.publishedLine ?? 0 } : undefined,
    reference: parts.published,
    headline: parts.headline,
    blocks: parts.blocks ?? [],
    entities,
    clusters: [...clusters.values()],
    clusterOf: entities.map((m) => clusters.get(m.text)!),
    dates: [...(parts.dates ?? [])].sort((a, b) => a.start - b.start),
  };
}

export const block = (startLine: number, endLine: number, kind: BoilerplateBlock['kind'], confident = true): BoilerplateBlock => ({
  startLine,
  endLine,
  kind,
  confident,
});

export function withSettings(patch: Partial<NewsAnnotatorSettings>): NewsAnnotatorSettings {
  return { ...DEFAULT_SETTINGS, ...patch };
}
