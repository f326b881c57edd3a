/**
 * Human annotations of an article: what a person confirmed, corrected, added or rejected.
 * Offsets are UTF-16 code units into the article text, like every other span of the service;
 * the file formats convert to code points (or keep UTF-16 where the tool counts that way) once, on write.
 */
import { ENTITY_TYPES, type EntityType } from '../types';

export const ANNOTATION_LABELS = [...ENTITY_TYPES, 'DATE'] as const;
export type AnnotationLabel = EntityType | 'DATE';

export const isLabel = (s: string): s is AnnotationLabel => (ANNOTATION_LABELS as readonly string[]).includes(s);

/**
 * `predicted`: the recogniser's, nobody looked at it. `accepted`: a person confirmed the prediction as it was.
 * `corrected`: a person added it or changed its type, span or value.
 */
export type AnnotationStatus = 'predicted' | 'accepted' | 'corrected';

export interface Annotation {
  start: number;
  end: number;
  label: AnnotationLabel;
  /** The annotated text, kept so the annotation can be found again when the article changed. */
  text: string;
  /** A date's resolved value (the project's schema, e.g. `2025-07-03`). */
  value?: string;
  status: AnnotationStatus;
  /** Who reviewed it and when (ISO time). */
  by?: string;
  at?: string;
}

/** A span a person said is not an entity (or not a date): the recogniser's prediction there is dropped. */
export interface Rejection {
  start: number;
  end: number;
  text: string;
  label: AnnotationLabel;
}

export type ReviewState = 'not-started' | 'in-progress' | 'reviewed';

/** Everything stored beside an article. */
export interface ArticleAnnotations {
  /** Hash of the text the offsets refer to (see `textHash`). */
  textHash: string;
  /** `reviewed` once a person accepted the whole article. */
  state: ReviewState;
  annotations: Annotation[];
  rejected: Rejection[];
  /** Annotations that could not be found again in a changed article: kept, never dropped silently. */
  orphans: Annotation[];
}

export const emptyAnnotations = (textHash = ''): ArticleAnnotations => ({
  textHash,
  state: 'not-started',
  annotations: [],
  rejected: [],
  orphans: [],
});

export const isReviewed = (a: Pick<Annotation, 'status'>) => a.status !== 'predicted';

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export const byStart = <T extends { start: number; end: number }>(a: T, b: T) => a.start - b.start || a.end - b.end;

/**
 * A 64-bit FNV-1a hash of the text's UTF-16 code units, as 16 hex digits. Not cryptographic: it only
 * tells whether the article is still the text the offsets were written for. (No Node `crypto` in the service.)
 */
export function textHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (c + i), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** UTF-16 offset -> code point offset, and back, for one text (one pass each). */
export function offsetMaps(text: string): { toCodePoint: (o: number) => number; toUtf16: (cp: number) => number; codePoints: number } {
  if (!/[\uD800-\uDBFF]/.test(text)) return { toCodePoint: (o) => o, toUtf16: (cp) => cp, codePoints: text.length };
  const cpOf = new Uint32Array(text.length + 1);
  const u16: number[] = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    cpOf[i] = cp;
    u16.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cpOf[i + 1] = cp + 1;
        i++;
      }
    }
    cp++;
  }
  cpOf[text.length] = cp;
  u16.push(text.length);
  return {
    toCodePoint: (o) => cpOf[Math.min(Math.max(o, 0), text.length)],
    toUtf16: (c) => u16[Math.min(Math.max(c, 0), cp)],
    codePoints: cp,
  };
}
