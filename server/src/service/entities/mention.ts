import type { EntityMention, EntityType } from '../types';

/**
 * A new mention, made by one object literal for every pass that moves, cuts, grows or retypes a name.
 *
 * A copy by spread (`{ ...m, end, text }`) made the same six fields in the same order, but V8 gives the result of a
 * spread a map of its own, cloned from the source's, and each of the dozen spread sites (and each source map they
 * cloned from) added another: the bench's megabyte ended with 18 maps among its 13,000 mentions, so every pass's
 * `m.start` / `m.type` was megamorphic, and optimised code met a map it had not seen and was thrown away (a "wrong
 * map" deoptimisation) in every one of the first runs of a process. A literal made at one site has one map. The field
 * order is the one `recognizeParagraph` and the rule families write (start, end, text, type, confidence, source):
 * JSON of a mention (the CLI's output) reads the fields in that order.
 */
export function mention(
  start: number,
  end: number,
  text: string,
  type: EntityType,
  confidence: number,
  source: EntityMention['source'],
): EntityMention {
  return { start, end, text, type, confidence, source };
}

/** `m` moved to [start, end) of `text`, its type and source as given (m's own by default): `{ ...m, start, end, text }`. */
export function moved(
  m: EntityMention,
  text: string,
  start: number,
  end: number,
  type: EntityType = m.type,
  source: EntityMention['source'] = m.source,
): EntityMention {
  return mention(start, end, text.slice(start, end), type, m.confidence, source);
}

/**
 * `xs.map(f)`, always as a packed array. V8's builtin `map` (the interpreter's, the baseline's) makes a packed array
 * and optimised code that inlines `map` makes a holey one: a pass's output changed its elements kind, and so its
 * map, the run its producer was optimised, and every later pass reading that array met a map its optimised code had
 * not seen and was thrown away ("wrong map": markContextCompanies, linkEntities, latinNames, … deoptimised in runs
 * 1–4 of a process). A push loop makes the same packed array in every tier.
 */
export function packedMap<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i], i));
  return out;
}
