/**
 * The review operations (mark, relabel, reject, accept) and the merge of the person's decisions with
 * the recogniser's predictions. Pure: each takes the stored annotations and returns new ones.
 */
import type { DateMention, EntityMention } from '../types';
import { byStart, overlaps, type Annotation, type AnnotationLabel, type ArticleAnnotations, type Rejection } from './model';

export interface Reviewer {
  by?: string;
  /** ISO time; the caller's clock (the service has none of its own, for tests). */
  at?: string;
}

/** The recogniser's mentions as predicted annotations, entities and dates in one sorted list. */
export function predictions(entities: readonly EntityMention[], dates: readonly DateMention[]): Annotation[] {
  // One array, no intermediate ones: this runs on every keystroke's semantic tokens in the server.
  const out: Annotation[] = [];
  for (const m of entities) out.push({ start: m.start, end: m.end, label: m.type, text: m.text, status: 'predicted' });
  for (const d of dates) out.push({ start: d.start, end: d.end, label: 'DATE', text: d.text, value: d.value, status: 'predicted' });
  return out.sort(byStart);
}

/** Whether `xs` is already in `order` (a stable sort would leave it as it is). */
function inOrder<T>(xs: readonly T[], order: (a: T, b: T) => number): boolean {
  for (let i = 1; i < xs.length; i++) if (order(xs[i - 1], xs[i]) > 0) return false;
  return true;
}

const sameSpan = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start === b.start && a.end === b.end;

/**
 * What the article's annotations are now: every reviewed annotation, and each prediction that neither
 * overlaps a reviewed one nor was rejected (a rejection of an entity leaves a date on the same span alone).
 * Sorted, non-overlapping (earlier, longer predictions win among themselves, as in the semantic tokens).
 */
export function effectiveAnnotations(predicted: readonly Annotation[], stored: ArticleAnnotations): Annotation[] {
  const reviewed = [...stored.annotations].sort(byStart);
  // Reviewed annotations made here do not overlap one another: one binary search finds the one a prediction could
  // touch. An imported set may overlap; then every one is checked.
  const disjoint = reviewed.every((r, i) => i === 0 || reviewed[i - 1].end <= r.start);
  const touchesReviewed = (p: Annotation) => {
    if (!disjoint) return reviewed.some((r) => overlaps(r, p));
    let lo = 0;
    let hi = reviewed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (reviewed[mid].end <= p.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < reviewed.length && reviewed[lo].start < p.end;
  };
  const rejected = new Map<string, Rejection[]>();
  for (const r of stored.rejected) {
    const k = `${r.start}:${r.end}`;
    rejected.set(k, [...(rejected.get(k) ?? []), r]);
  }
  // A rejection of an entity drops any entity prediction on that span; a date's, the date. (Without rejections, no
  // key string per prediction: this runs on every keystroke's semantic tokens in the server.)
  const rejectedHere = (p: Annotation) =>
    rejected.size > 0 && (rejected.get(`${p.start}:${p.end}`) ?? []).some((r) => (r.label === 'DATE') === (p.label === 'DATE'));
  const out = [...reviewed];
  let lastEnd = -1;
  for (const p of [...predicted].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (p.start < lastEnd) continue;
    if (touchesReviewed(p) || rejectedHere(p)) continue;
    // In a reviewed article, what the person left standing is accepted.
    out.push(stored.state === 'reviewed' ? { ...p, status: 'accepted' } : p);
    lastEnd = p.end;
  }
  // Without decisions the predictions kept are already in order (each starts after the last one's end).
  return inOrder(out, byStart) ? out : out.sort(byStart);
}

const touch = (a: ArticleAnnotations): ArticleAnnotations => ({ ...a, state: a.state === 'not-started' ? 'in-progress' : a.state });

/** Adds (or replaces) an annotation on [start, end): every reviewed annotation and rejection it overlaps goes. */
export function mark(
  a: ArticleAnnotations,
  text: string,
  span: { start: number; end: number },
  label: AnnotationLabel,
  who: Reviewer,
  value?: string,
  status: Annotation['status'] = 'corrected',
): ArticleAnnotations {
  const ann: Annotation = { start: span.start, end: span.end, label, text: text.slice(span.start, span.end), status, ...who };
  if (value) ann.value = value;
  return touch({
    ...a,
    annotations: [...a.annotations.filter((x) => !overlaps(x, span)), ann].sort(byStart),
    rejected: a.rejected.filter((r) => !overlaps(r, span)),
  });
}

/** "Not an entity": removes any reviewed annotation there and records the rejection of the prediction. */
export function reject(a: ArticleAnnotations, target: Pick<Annotation, 'start' | 'end' | 'text' | 'label'>): ArticleAnnotations {
  const rejection: Rejection = { start: target.start, end: target.end, text: target.text, label: target.label };
  return touch({
    ...a,
    annotations: a.annotations.filter((x) => !overlaps(x, target)),
    rejected: [...a.rejected.filter((r) => !sameSpan(r, target)), rejection].sort(byStart),
  });
}

/** Confirms predictions as they are (one, or all of the article's when `targets` is every effective annotation). */
export function accept(a: ArticleAnnotations, targets: readonly Annotation[], who: Reviewer): ArticleAnnotations {
  const add = targets.filter((t) => t.status === 'predicted').map((t): Annotation => ({ ...t, status: 'accepted', ...who }));
  if (!add.length) return a;
  return touch({ ...a, annotations: [...a.annotations.filter((x) => !add.some((t) => overlaps(t, x))), ...add].sort(byStart) });
}

/** Accept all: every prediction left standing is accepted and the article is reviewed. */
export function acceptAll(a: ArticleAnnotations, effective: readonly Annotation[], who: Reviewer): ArticleAnnotations {
  return { ...accept(a, effective, who), state: 'reviewed' };
}

/** Every occurrence of `needle` in `text` not inside a reviewed annotation of a different extent. */
export function occurrences(text: string, needle: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push({ start: i, end: i + needle.length });
  return out;
}

/** Marks every occurrence of the span's text in the article. */
export function markEverywhere(
  a: ArticleAnnotations,
  text: string,
  needle: string,
  label: AnnotationLabel,
  who: Reviewer,
  value?: string,
): ArticleAnnotations {
  return occurrences(text, needle).reduce((acc, span) => mark(acc, text, span, label, who, value), a);
}

/** Rejects every occurrence of a prediction's text in the article (only where something was predicted or marked there). */
export function rejectEverywhere(a: ArticleAnnotations, effective: readonly Annotation[], needle: string): ArticleAnnotations {
  return effective.filter((x) => x.text === needle).reduce((acc, x) => reject(acc, x), a);
}

/** Counts per label, for the corpus view and the CLI. */
export function countByLabel(anns: readonly Annotation[]): Record<AnnotationLabel, number> {
  const out: Record<AnnotationLabel, number> = { PER: 0, ORG: 0, LOC: 0, MEDIA: 0, DATE: 0 };
  for (const x of anns) out[x.label]++;
  return out;
}
