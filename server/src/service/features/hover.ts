import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Article } from '../article';
import { toSimplified, toTraditional } from '../convert';
import { describeDate, lunarDateName } from '../dates';
import { typeLabel, type Localize, type MessageId } from '../messages';
import type { DateMention, EntityMention } from '../types';
import type { EntityCluster } from '../entities';
import { dateAt, entityAt } from './lookup';

export function getHover(article: Article, position: Position, t: Localize, confidenceThreshold = 0.5): Hover | null {
  const offset = article.lines.offsetAt(position);
  const d = dateAt(article, offset);
  if (d >= 0) return hoverFor(article, article.dates[d], dateHover(article, article.dates[d], t));
  const e = entityAt(article, offset);
  if (e >= 0) return hoverFor(article, article.entities[e], entityHover(article.entities[e], article.clusterOf[e], article, t, confidenceThreshold));
  return null;
}

function hoverFor(article: Article, span: { start: number; end: number }, lines: string[]): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: article.lines.range(span.start, span.end) };
}

/** The other script's form, or undefined when the text is the same in both. */
export function otherScript(text: string): string | undefined {
  const simplified = toSimplified(text);
  if (simplified !== text) return simplified;
  const traditional = toTraditional(text);
  return traditional !== text ? traditional : undefined;
}

function entityHover(m: EntityMention, cluster: EntityCluster, article: Article, t: Localize, threshold: number): string[] {
  const out = [`**${typeLabel(t, m.type)}** · ${m.text}`];
  const other = otherScript(m.text);
  if (other) out.push(t('hover.otherScript', other));
  if (cluster.canonical !== m.text) out.push(t('hover.canonical', cluster.canonical));
  const aliases = cluster.aliases.filter((a) => a !== m.text);
  if (aliases.length) out.push(t('hover.aliases', aliases.join('、')));
  const firstLine = article.lines.lineAt(cluster.mentions[0]?.start ?? m.start) + 1;
  const count = cluster.mentions.length;
  out.push(count > 1 ? t('hover.mentions', count, firstLine) : t('hover.mentionsOnce', firstLine));
  const source = t(`hover.source.${m.source}` as MessageId);
  out.push(m.confidence < threshold ? `${t('hover.lowConfidence', m.confidence.toFixed(2))} (${source})` : `*${source}*`);
  return out;
}

function dateHover(article: Article, m: DateMention, t: Localize): string[] {
  const out = [`**${t('hover.date')}** · ${m.text}`];
  if (m.value === 'UNKNOWN') {
    out.push(article.reference ? t('hover.vague') : t('hover.unresolved'));
    return out;
  }
  out.push(t('hover.value', `\`${m.value}\``));
  const info = describeDate(m.value, article.reference);
  if (info.weekday !== undefined) out.push(t('hover.weekday', t(`weekday.${info.weekday}` as MessageId)));
  else if (info.start && info.end && info.start !== info.end) out.push(t('hover.period', info.start, info.end));
  // 案发次日, 失踪第3天: the event the day is counted from, as the text writes it, and its day.
  if (m.anchor) {
    const { event, day, days } = m.anchor;
    out.push(days === 0 ? t('hover.anchor.same', event, day) : days === 1 ? t('hover.anchor.after1', event, day) : t('hover.anchor.after', days, event, day));
  }
  if (info.daysFromReference !== undefined && article.published) {
    const n = info.daysFromReference;
    out.push(
      n === 0 ? t('hover.sameDay')
      : n === -1 ? t('hover.dayBefore')
      : n === 1 ? t('hover.dayAfter')
      : n < 0 ? t('hover.daysBefore', -n)
      : t('hover.daysAfter', n),
    );
  }
  // 中秋节, 农历八月十五, 除夕: the lunar date the reader knows the day by, written in the article's script.
  if (info.lunar && m.calendarNamed) out.push(t('hover.lunar', lunarDateName(info.lunar, article.script === 'traditional' ? 'zh-TW' : 'zh-CN')));
  if (m.localTime) out.push(`*${t('hover.localTime')}*`);
  if (article.published) out.push(t('hover.published', article.published.value));
  return out;
}
