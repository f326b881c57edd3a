/**
 * Keeping annotations on their text: through edits in the editor (each LSP content change, in order),
 * and when the article changed outside the editor (re-anchoring by the annotated text).
 */
import { byStart, type Annotation, type ArticleAnnotations, type Rejection } from './model';

/** One replacement in UTF-16 offsets of the text before it: [start, end) became `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

type Span = { start: number; end: number; text: string };

/**
 * Moves a span through one change. Before the change: unchanged. After it: shifted. A change that keeps its
 * length (script conversion, 台灣 -> 台湾) keeps the span in place with its new text; any other change that
 * touches the span's characters removes it (the person's decision was about other text).
 * Insertions exactly at an edge do not grow the span.
 */
export function moveSpan<T extends Span>(span: T, change: TextChange, after: string): T | undefined {
  const delta = change.text.length - (change.end - change.start);
  if (change.end <= span.start) {
    return delta ? { ...span, start: span.start + delta, end: span.end + delta } : span;
  }
  if (change.start >= span.end) return span;
  // Same length (script conversion, 台灣 -> 台湾, whose edits run from the first to the last changed character of a
  // line and so may cover a name only in part): the span keeps its place and takes the new text.
  if (delta === 0) {
    const text = after.slice(span.start, span.end);
    return text === span.text ? span : { ...span, text };
  }
  return undefined;
}

/** Applies one change to the annotations and rejections; `after` is the whole text after the change. */
export function applyChange(a: ArticleAnnotations, change: TextChange, after: string): { next: ArticleAnnotations; removed: Annotation[] } {
  const removed: Annotation[] = [];
  const annotations: Annotation[] = [];
  for (const x of a.annotations) {
    const moved = moveSpan(x, change, after);
    if (moved) annotations.push(moved);
    else removed.push(x);
  }
  const rejected = a.rejected.map((r) => moveSpan(r, change, after)).filter((r): r is Rejection => !!r);
  return { next: { ...a, annotations, rejected }, removed };
}

/**
 * Finds each annotation again in a changed text. An annotation whose text is still at its offsets stays.
 * Otherwise the occurrence of its text nearest to where the surrounding annotations moved is taken
 * (the shift of the previous anchored annotation predicts the next one's). Not found: an orphan, reported
 * by the caller and kept in the sidecar, never placed on other text.
 */
export function reanchor(
  a: ArticleAnnotations,
  text: string,
  hash: string,
): { next: ArticleAnnotations; moved: number; orphaned: Annotation[] } {
  let shift = 0;
  let moved = 0;
  const taken: { start: number; end: number }[] = [];
  const free = (s: number, e: number) => !taken.some((t) => s < t.end && t.start < e);
  const find = <T extends Span>(x: T): T | undefined => {
    if (text.slice(x.start, x.end) === x.text && free(x.start, x.end)) return x;
    if (!x.text) return undefined;
    const expected = x.start + shift;
    let best = -1;
    for (let i = text.indexOf(x.text); i >= 0; i = text.indexOf(x.text, i + 1)) {
      if (!free(i, i + x.text.length)) continue;
      if (best < 0 || Math.abs(i - expected) < Math.abs(best - expected)) best = i;
    }
    if (best < 0) return undefined;
    return { ...x, start: best, end: best + x.text.length };
  };
  const annotations: Annotation[] = [];
  const orphaned: Annotation[] = [];
  for (const x of [...a.annotations].sort(byStart)) {
    const y = find(x);
    if (!y) {
      orphaned.push(x);
      continue;
    }
    if (y !== x) moved++;
    shift = y.start - x.start;
    taken.push(y);
    annotations.push(y);
  }
  shift = 0;
  const rejected: Rejection[] = [];
  for (const r of [...a.rejected].sort(byStart)) {
    const y = text.slice(r.start, r.end) === r.text ? r : find(r);
    if (y) {
      shift = y.start - r.start;
      rejected.push(y);
    }
  }
  return {
    next: { ...a, textHash: hash, annotations: annotations.sort(byStart), rejected, orphans: [...a.orphans, ...orphaned] },
    moved,
    orphaned,
  };
}
