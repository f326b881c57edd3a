import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Article } from '../article';
import { toSimplified, toTraditional } from '../convert';
import { describeDate, formatDateValue, lunarDateName } from '../dates';
import { typeLabel, type Localize, type MessageId } from '../messages';
import type { DateMention, EntityMention } from '../types';
import type { EntityCluster } from '../entities';
import { OPENCC_VARIANTS } from './convert';
import { dateAt, entityAt } from './lookup';
import { articleMentions, inArticleScript } from './status';

export function getHover(article: Article, position: Position, t: Localize, confidenceThreshold = 0.5): Hover | null {
  const offset = article.lines.offsetAt(position);
  const d = dateAt(article, offset);
  if (d >= 0) return hoverFor(article, article.dates[d], dateHover(article, article.dates[d], t));
  const e = entityAt(article, offset);
  if (e >= 0)
    return hoverFor(article, article.entities[e], entityHover(article.entities[e], article.clusterOf[e], article, t, confidenceThreshold));
  return null;
}

function hoverFor(article: Article, span: { start: number; end: number }, lines: string[]): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: article.lines.range(span.start, span.end) };
}

/** The other script's form, or undefined when the text is the same in both. */
export function otherScript(text: string): string | undefined {
  return otherScriptVariant(text)?.text;
}

/** The other script's form and the conversion that produced it (what the palette command of that target does). */
function otherScriptVariant(text: string): { target: 'simplified' | 'taiwan'; text: string } | undefined {
  const simplified = toSimplified(text);
  if (simplified !== text) return { target: 'simplified', text: simplified };
  const traditional = toTraditional(text);
  return traditional !== text ? { target: 'taiwan', text: traditional } : undefined;
}

/** Titles a person's name is written with (normalised, Simplified): 普京總統 is one more way the article names 普京. */
const TITLE_AFTER = /^(?:总统|副总统|总理|副总理|主席|首相|外长|国务卿|总书记|发言人|部长)/u;
const TITLE_BEFORE = /(?:总统|副总统|总理|副总理|主席|首相|外长|国务卿|总书记|发言人|部长)$/u;

/** The ways the article writes the entity, in order of first appearance: its spans, and a person's name with a title. */
function writtenForms(article: Article, cluster: EntityCluster, mentions: readonly EntityMention[]): string[] {
  const forms: string[] = [];
  const add = (form: string) => {
    if (!forms.includes(form)) forms.push(form);
  };
  for (const m of mentions) {
    add(m.text);
    if (cluster.type !== 'PER') continue;
    const after = TITLE_AFTER.exec(article.normalized.slice(m.end, m.end + 3));
    if (after) add(article.text.slice(m.start, m.end + after[0].length));
    const before = TITLE_BEFORE.exec(article.normalized.slice(Math.max(0, m.start - 3), m.start));
    if (before) add(article.text.slice(m.start - before[0].length, m.end));
  }
  return forms;
}

function entityHover(m: EntityMention, cluster: EntityCluster, article: Article, t: Localize, threshold: number): string[] {
  const out = [`**${typeLabel(t, m.type)}** · ${m.text}`];
  const other = otherScriptVariant(m.text);
  if (other) out.push(t('hover.otherScriptVariant', t(`script.${other.target}`), OPENCC_VARIANTS[other.target], other.text));
  const canonical = inArticleScript(article, cluster.canonical);
  if (canonical !== m.text) out.push(t('hover.canonical', canonical));
  const mentions = articleMentions(article, cluster);
  const aliases = writtenForms(article, cluster, mentions).filter((a) => a !== m.text && a !== canonical);
  if (aliases.length) out.push(t('hover.aliases', aliases.join(' / ')));
  const firstLine = article.lines.lineAt(mentions[0]?.start ?? m.start) + 1;
  const count = mentions.length;
  out.push(count > 1 ? t('hover.mentions', count, firstLine) : t('hover.mentionsOnce', firstLine));
  const source = t(`hover.source.${m.source}` as MessageId);
  out.push(m.confidence < threshold ? `${t('hover.lowConfidence', m.confidence.toFixed(2))} (${source})` : `*${source}*`);
  return out;
}

function dateHover(article: Article, m: DateMention, t: Localize): string[] {
  const out = [`**${t('hover.date')}** · ${m.text}`];
  if (m.date.k === 'unknown') {
    out.push(article.reference ? t('hover.vague') : t('hover.unresolved'));
    return out;
  }
  out.push(t('hover.value', `\`${formatDateValue(m.date)}\``));
  const info = describeDate(m.date, article.reference);
  if (info.weekday !== undefined) out.push(t('hover.weekday', t(`weekday.${info.weekday}` as MessageId)));
  else if (info.start && info.end && info.start !== info.end) out.push(t('hover.period', info.start, info.end));
  // 案发次日, 失踪第3天: the event the day is counted from, as the text writes it, and its day.
  if (m.anchor) {
    const { event, days } = m.anchor;
    const day = formatDateValue(m.anchor.day);
    out.push(
      days === 0
        ? t('hover.anchor.same', event, day)
        : days === 1
          ? t('hover.anchor.after1', event, day)
          : t('hover.anchor.after', days, event, day),
    );
  }
  if (info.daysFromReference !== undefined && article.published) {
    const n = info.daysFromReference;
    out.push(
      n === 0
        ? t('hover.sameDay')
        : n === -1
          ? t('hover.dayBefore')
          : n === 1
            ? t('hover.dayAfter')
            : n < 0
              ? t('hover.daysBefore', -n)
              : t('hover.daysAfter', n),
    );
  }
  // 中秋节, 农历八月十五, 除夕: the lunar date the reader knows the day by, written in the article's script.
  if (info.lunar && m.calendarNamed)
    out.push(t('hover.lunar', lunarDateName(info.lunar, article.script === 'traditional' ? 'zh-TW' : 'zh-CN')));
  if (m.localTime) out.push(`*${t('hover.localTime')}*`);
  if (article.published) out.push(t('hover.published', article.published.value));
  return out;
}
