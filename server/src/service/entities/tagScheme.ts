/**
 * The tag scheme of the character tagger: BIOES over PER/ORG/LOC, which tag may follow which, and the
 * conversions between tag sequences and spans.
 */
import type { EntityType } from '../types';
import type { Span } from './gazetteer';

/**
 * BIOES over PER/ORG/LOC: B- begins, I- continues, E- ends a name of two characters or more, S- is a
 * one-character name. Explicit end tags let the emission weights learn what a name's last character looks like.
 */
export const TAGS = [
  'O',
  'B-PER',
  'I-PER',
  'E-PER',
  'S-PER',
  'B-ORG',
  'I-ORG',
  'E-ORG',
  'S-ORG',
  'B-LOC',
  'I-LOC',
  'E-LOC',
  'S-LOC',
] as const;
export const NTAGS = TAGS.length;
export const TAG_TYPE: (EntityType | undefined)[] = [
  undefined,
  'PER',
  'PER',
  'PER',
  'PER',
  'ORG',
  'ORG',
  'ORG',
  'ORG',
  'LOC',
  'LOC',
  'LOC',
  'LOC',
];
/** 0 O, 1 B, 2 I, 3 E, 4 S. */
export const ROLE = TAGS.map((t, i) => (i === 0 ? 0 : ((i - 1) % 4) + 1));

/** I- and E- continue an open name (after B- or I- of the same type); O, B- and S- need none open. */
export function allowed(prev: number, next: number): boolean {
  const open = prev > 0 && (ROLE[prev] === 1 || ROLE[prev] === 2);
  const r = ROLE[next];
  if (r === 2 || r === 3) return open && TAG_TYPE[prev] === TAG_TYPE[next];
  return !open;
}

/** May a sentence end on this tag (not inside an open name)? */
export function canEnd(tag: number): boolean {
  return ROLE[tag] !== 1 && ROLE[tag] !== 2;
}

/**
 * Tag indices for a sentence's BIO tag strings (the MSRA files' scheme), as BIOES: a B- or I- whose next tag
 * does not continue the name becomes S- or E-; an I- without its B- begins a name.
 */
export function goldTags(bio: readonly string[]): Uint8Array {
  const n = bio.length;
  const out = new Uint8Array(n);
  const type = (t: string) => (t.length > 2 && (t[0] === 'B' || t[0] === 'I') && t[1] === '-' ? t.slice(2) : '');
  for (let i = 0; i < n; i++) {
    const ty = type(bio[i]);
    const k = ty === 'PER' ? 0 : ty === 'ORG' ? 1 : ty === 'LOC' ? 2 : -1;
    if (k < 0) continue;
    const begins = bio[i][0] === 'B' || type(bio[i - 1] ?? '') !== ty;
    const continues = i + 1 < n && bio[i + 1][0] === 'I' && type(bio[i + 1]) === ty;
    out[i] = 1 + 4 * k + (begins ? (continues ? 0 : 3) : continues ? 1 : 2);
  }
  return out;
}

/** Where the span whose first tag is at `i` (a B-, I- or S- tag of a type) ends: after its last I- and its E-. */
export function tagSpanEnd(tags: ArrayLike<number>, i: number, n: number): number {
  const type = TAG_TYPE[tags[i]];
  let j = i + 1;
  if (ROLE[tags[i]] === 1 || ROLE[tags[i]] === 2) {
    while (j < n && TAG_TYPE[tags[j]] === type && ROLE[tags[j]] === 2) j++;
    if (j < n && TAG_TYPE[tags[j]] === type && ROLE[tags[j]] === 3) j++;
  }
  return j;
}

/** Spans from a BIOES tag sequence (a B- or I- not closed by E- still ends a span, as decoders usually read it). */
export function spansFromTags(tags: ArrayLike<number>, n: number): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < n;) {
    const type = TAG_TYPE[tags[i]];
    if (!type) {
      i++;
      continue;
    }
    const j = tagSpanEnd(tags, i, n);
    out.push({ start: i, end: j, type });
    i = j;
  }
  return out;
}

/** Tags that close any open name (O, E-, S-): the only legal predecessors of O, B- and S-. */
export const CLOSED = Int32Array.from(TAGS.map((_, i) => i).filter((i) => i === 0 || ROLE[i] >= 3));
/** Tags that need no open name: O, B-, S-. */
export const OPENERS = Int32Array.from(TAGS.map((_, i) => i).filter((i) => i === 0 || ROLE[i] === 1 || ROLE[i] === 4));
