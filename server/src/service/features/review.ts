/**
 * The editor side of the annotation workflow: what the article's annotations are once the person's
 * decisions and the name dictionary are applied, their semantic tokens (`reviewed` / `predicted`),
 * the review line of the hover, and the review code actions (remove, change type, mark, accept).
 */
import {
  MarkupKind,
  type CodeAction,
  type CodeActionContext,
  type Hover,
  type Position,
  type Range,
  type SemanticTokens,
} from 'vscode-languageserver-types';
import type { Article } from '../article';
import {
  applyDictionary,
  effectiveAnnotations,
  occurrences,
  predictions,
  type Annotation,
  type AnnotationLabel,
  type ArticleAnnotations,
  type NameDictionary,
} from '../annotations';
import { typeLabel, type Localize } from '../messages';
import { ENTITY_TYPES } from '../types';
import { ANNOTATE_COMMAND, type AnnotateArgs, type NewsAnnotatorSettings } from '../../protocol';
import { encodeTokens, type PlainToken } from './semanticTokens';
import type { TokenModifier, TokenType } from '../legend';

export interface ReviewContext {
  stored: ArticleAnnotations;
  dictionary?: NameDictionary;
}

export const REVIEW_KIND = 'refactor.rewrite.newsAnnotator';

/** The article's annotations as the person sees them: predictions (with the dictionary applied) under the person's decisions. */
export function reviewedAnnotations(article: Article, ctx: ReviewContext): Annotation[] {
  const predicted = applyDictionary(predictions(article.entities, article.dates), article.text, article.normalized, ctx.dictionary);
  return effectiveAnnotations(predicted, ctx.stored);
}

const TOKEN_OF: Record<AnnotationLabel, TokenType> = { PER: 'person', ORG: 'organization', LOC: 'location', MEDIA: 'media', DATE: 'date' };

/**
 * The review's semantic tokens. This runs on every keystroke (the server's tokens always go through the review), so
 * it makes nothing per annotation but its token: spans are found by a binary search of the article's mentions
 * (sorted by start), not through a key string per mention and annotation, and a cluster is remembered by its id.
 */
export function reviewTokens(article: Article, annotations: readonly Annotation[], settings: NewsAnnotatorSettings): SemanticTokens {
  const types = new Set<string>(settings.highlight.entityTypes);
  const entityAt = spanLookup(article.entities);
  const dateAt = spanLookup(article.dates);
  // The first token of each cluster: a linked cluster by its id (an article's clusters are numbered one by one), a
  // mention that linking left alone by its text (its cluster's canonical name), an annotation on no mention by its
  // text; the three kept apart, as the keys `c${id}:${canonical}` and `t${text}` were.
  const seenClusters = new Set<number>();
  const seenUnlinked = new Set<string>();
  const seenText = new Set<string>();
  const firstOf = <K>(seen: Set<K>, key: K) => seen.size < seen.add(key).size;
  const tokens: PlainToken[] = [];
  for (const a of annotations) {
    if (a.label === 'DATE' ? !settings.highlight.dates : !types.has(a.label)) continue;
    const status: TokenModifier = a.status === 'predicted' ? 'predicted' : 'reviewed';
    let modifiers: TokenModifier[];
    if (a.label !== 'DATE') {
      const i = entityAt(a.start, a.end);
      const cluster = i >= 0 ? article.clusterOf[i] : undefined;
      const first = !cluster
        ? firstOf(seenText, a.text)
        : cluster.id >= 0
          ? firstOf(seenClusters, cluster.id)
          : firstOf(seenUnlinked, cluster.canonical);
      const low = a.status === 'predicted' && i >= 0 && article.entities[i].confidence < settings.entities.confidenceThreshold;
      modifiers = first
        ? low
          ? ['firstMention', 'lowConfidence', status]
          : ['firstMention', status]
        : low
          ? ['lowConfidence', status]
          : [status];
    } else {
      const k = dateAt(a.start, a.end);
      const d = k >= 0 ? article.dates[k] : undefined;
      modifiers = d && d.kind !== 'absolute' && d.kind !== 'time' ? ['relative', status] : [status];
    }
    tokens.push({ start: a.start, end: a.end, type: TOKEN_OF[a.label], modifiers });
  }
  return encodeTokens(article, tokens);
}

/**
 * The index of the last of `items` on exactly [start, end), or -1 (the last, as a map from `start:end` to the
 * index kept it). By binary search when the items are sorted by start, as an article's mentions are; otherwise
 * through that map.
 */
export function spanLookup(items: readonly { start: number; end: number }[]): (start: number, end: number) => number {
  let sorted = true;
  for (let k = 1; k < items.length && sorted; k++) sorted = items[k - 1].start <= items[k].start;
  if (!sorted) {
    const at = new Map(items.map((m, i) => [`${m.start}:${m.end}`, i]));
    return (start, end) => at.get(`${start}:${end}`) ?? -1;
  }
  return (start, end) => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    let found = -1;
    for (let k = lo; k < items.length && items[k].start === start; k++) if (items[k].end === end) found = k;
    return found;
  };
}

/** The annotation under the cursor (end-inclusive, like the other lookups). */
export function annotationAt(annotations: readonly Annotation[], offset: number): Annotation | undefined {
  // Inside a span first: two annotations can touch (習近平|訪台), and the one the cursor is in wins.
  return annotations.find((a) => a.start <= offset && offset < a.end) ?? annotations.find((a) => a.start <= offset && offset <= a.end);
}

const labelName = (t: Localize, l: AnnotationLabel) => (l === 'DATE' ? t('annot.label.DATE') : typeLabel(t, l));

function statusLine(a: Annotation, t: Localize): string {
  const parts = [t(`annot.status.${a.status}`)];
  if (a.by) parts.push(t('annot.by', a.by));
  if (a.at) parts.push(t('annot.at', a.at.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC')));
  return `*${parts.join(' · ')}*`;
}

/** Adds the review line to the hover; an annotation the recogniser did not find gets a hover of its own. */
export function reviewHover(
  base: Hover | null,
  article: Article,
  annotations: readonly Annotation[],
  position: Position,
  t: Localize,
): Hover | null {
  const a = annotationAt(annotations, article.lines.offsetAt(position));
  if (!a) return base;
  const line = statusLine(a, t);
  const baseText = base && typeof base.contents === 'object' && 'value' in base.contents ? base.contents.value : undefined;
  // The recogniser's hover describes its own span and type; when the person changed them, say what stands now.
  const sameSpan = base?.range && article.lines.offsetAt(base.range.start) === a.start && article.lines.offsetAt(base.range.end) === a.end;
  const head =
    sameSpan && baseText && (a.status === 'predicted' || a.status === 'accepted')
      ? baseText
      : [`**${labelName(t, a.label)}** · ${a.text}`, ...(a.value ? [t('hover.value', `\`${a.value}\``)] : [])].join('\n\n');
  return { contents: { kind: MarkupKind.Markdown, value: `${head}\n\n${line}` }, range: article.lines.range(a.start, a.end) };
}

const wants = (only: string[] | undefined) => !only || only.some((o) => REVIEW_KIND === o || REVIEW_KIND.startsWith(`${o}.`));

export function reviewCodeActions(
  uri: string,
  article: Article,
  annotations: readonly Annotation[],
  range: Range,
  context: CodeActionContext,
  t: Localize,
): CodeAction[] {
  if (!wants(context.only)) return [];
  const out: CodeAction[] = [];
  const from = article.lines.offsetAt(range.start);
  const to = article.lines.offsetAt(range.end);
  // A range across lines is a diagnostic's or a whole-document request: no per-name actions there.
  if (range.start.line !== range.end.line) return out;
  const cmd = (title: string, args: AnnotateArgs): CodeAction => ({
    title,
    kind: REVIEW_KIND,
    command: { title, command: ANNOTATE_COMMAND, arguments: [args] },
  });
  const clientCmd = (title: string, command: string, args: { uri: string; range: Range }): CodeAction => ({
    title,
    kind: REVIEW_KIND,
    command: { title, command, arguments: [args] },
  });
  const here = article.lines.range(from, to);
  const selected = article.text.slice(from, to);
  if (to > from && selected.trim() && !/[\r\n]/.test(selected)) {
    const exact = annotations.find((a) => a.start === from && a.end === to);
    for (const label of [...ENTITY_TYPES, 'DATE'] as AnnotationLabel[]) {
      if (exact && exact.label === label && exact.status !== 'predicted') continue;
      out.push(cmd(t('annot.action.mark', selected, labelName(t, label)), { uri, action: 'mark', range: here, label }));
    }
    const n = occurrences(article.text, selected).length;
    if (n > 1)
      for (const label of ENTITY_TYPES)
        out.push(
          cmd(t('annot.action.markEverywhere', selected, labelName(t, label), n), {
            uri,
            action: 'mark',
            range: here,
            label,
            everywhere: true,
          }),
        );
    // The client asks for the type, then applies it to every article of the workspace (with progress and undo).
    out.push(clientCmd(t('annot.action.markWorkspace', selected), 'newsAnnotator.markInWorkspace', { uri, range: here }));
  } else {
    const a = annotationAt(annotations, from);
    if (a) {
      const span = article.lines.range(a.start, a.end);
      if (a.status === 'predicted')
        out.push(cmd(t('annot.action.accept', a.text, labelName(t, a.label)), { uri, action: 'accept', range: span }));
      out.push(
        cmd(t(a.label === 'DATE' ? 'annot.action.rejectDate' : 'annot.action.reject', a.text), { uri, action: 'reject', range: span }),
      );
      if (a.label !== 'DATE') {
        const n = annotations.filter((x) => x.text === a.text).length;
        if (n > 1) out.push(cmd(t('annot.action.rejectEverywhere', a.text, n), { uri, action: 'reject', range: span, everywhere: true }));
        out.push(clientCmd(t('annot.action.rejectWorkspace', a.text), 'newsAnnotator.notAnEntityInWorkspace', { uri, range: span }));
        for (const label of ENTITY_TYPES)
          if (label !== a.label)
            out.push(cmd(t('annot.action.relabel', a.text, labelName(t, label)), { uri, action: 'mark', range: span, label }));
      } else {
        // The value needs a prompt: the client command asks for it, then sends setValue.
        out.push({
          title: t('annot.action.setDate', a.text),
          kind: REVIEW_KIND,
          command: {
            title: t('annot.action.setDate', a.text),
            command: 'newsAnnotator.setDateValue',
            arguments: [{ uri, range: span, value: a.value }],
          },
        });
      }
    }
  }
  // Accept all is offered with the other review actions (on a name, a date or a selection), not on every line,
  // so the light bulb does not show everywhere; the palette and Ctrl+K Shift+A have it always.
  const pending = annotations.filter((a) => a.status === 'predicted').length;
  if (pending && out.length) out.push(cmd(t('annot.action.acceptAll', pending), { uri, action: 'acceptAll' }));
  return out;
}
