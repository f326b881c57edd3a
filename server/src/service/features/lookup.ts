import type { Article } from '../article';

/** Binary search for the span (sorted, non-overlapping) that contains offset; end-inclusive so a cursor just after a name finds it. */
export function spanAt<T extends { start: number; end: number }>(spans: readonly T[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export const entityAt = (article: Article, offset: number) => spanAt(article.entities, offset);
export const dateAt = (article: Article, offset: number) => spanAt(article.dates, offset);
