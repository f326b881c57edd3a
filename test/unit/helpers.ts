/** Builds articles by hand, so feature tests do not depend on what the recognisers find. */
import type { Article } from '../../server/src/service/article';
import type { EntityCluster } from '../../server/src/service/entities';
import { LineIndex } from '../../server/src/service/text';
import { normalizeForMatching } from '../../server/src/service/normalize';
import type { BoilerplateBlock, DateMention, EntityMention, EntityType } from '../../server/src/service/types';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { parseDateValue } from '../../server/src/service/dates';
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
  return { start, end: start + text.length, text, value, date: parseDateValue(value), kind };
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
    normalized: normalizeForMatching(text),
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

/** Paragraphs of a real article (the seed), Traditional and Simplified, for tests that build pages around them. */
export const ARTICLE_TRAD = [
  '當地時間7月3日,美國總統特朗普與俄羅斯總統普京通電話,討論了俄烏衝突、中東局勢、美俄雙邊關係等議題。據俄羅斯塔斯社報道,這是兩人今年以來第六次通話。',
  '俄總統助理烏沙科夫在一份聲明中稱,通話持續近一個小時,雙方討論了伊朗局勢以及中東局勢,並同意保持聯繫。',
  '法新社3日援引一名烏克蘭高級官員的消息稱,預計特朗普還將在當地時間4日與烏克蘭總統澤連斯基通電話,重點討論軍事援助。',
];
export const ARTICLE_SIMP = [
  '当地时间7月3日，美国总统特朗普与俄罗斯总统普京通电话，讨论了俄乌冲突、中东局势、美俄双边关系等议题。据俄罗斯塔斯社报道，这是两人今年以来第六次通话。',
  '俄总统助理乌沙科夫在一份声明中称，通话持续近一个小时，双方讨论了伊朗局势以及中东局势，并同意保持联系。',
  '法新社3日援引一名乌克兰高级官员的消息称，预计特朗普还将在当地时间4日与乌克兰总统泽连斯基通电话，重点讨论军事援助。',
];
