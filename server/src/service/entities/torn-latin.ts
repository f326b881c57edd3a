/**
 * No torn Latin words (issue 11, fifth round: "no span containing a torn character"). A mention whose edge cuts
 * through a word in Latin letters:
 * - at its start, took the end of a word: a name in Latin letters and Han (Sierra俱乐部, MaunaKea海滩酒店) grows back
 *   to the word's start; one in Latin letters alone (AP, the agency, in APP; UN in JAYJUN; sa spread into a word) is
 *   dropped;
 * - at its end, took the start of a word (华硕a and 诺基亚n, the first letter of a model number; 北京日报app): the
 *   Latin part is given back, and the rest kept when it is two or more characters ending in a Han one (华硕), or
 *   dropped (Assoc in Association).
 * A user's name is left as the user wrote it.
 */
import type { EntityMention } from '../types';
import { moved } from './mention';

const LETTER = /^[A-Za-z]$/u;
/** A model number goes on through digits (a55). */
const WORD = /^[A-Za-z0-9]$/u;
const HAN = /\p{Script=Han}/u;

const letterAt = (norm: string, i: number) => i >= 0 && i < norm.length && LETTER.test(norm[i]);
const wordAt = (norm: string, i: number) => i >= 0 && i < norm.length && WORD.test(norm[i]);

/** Which edges of `m` cut through a Latin word (also the span-sanity test of scripts/eval). */
export function tornLatinEdges(m: { start: number; end: number }, norm: string): { left: boolean; right: boolean } {
  return {
    left: letterAt(norm, m.start - 1) && letterAt(norm, m.start),
    // A digit goes on a model number after a Han name (华硕a55), not an acronym's own name (KBS2 is KBS's channel).
    right: letterAt(norm, m.end - 1) && (letterAt(norm, m.end) || (wordAt(norm, m.end) && HAN.test(norm.slice(m.start, m.end)))),
  };
}

/** `norm`: the text normalised (half-width letters, position for position). */
export function dropTornLatin(mentions: EntityMention[], text: string, norm: string): EntityMention[] {
  const latin = (i: number) => letterAt(norm, i);
  let out: (EntityMention | undefined)[] | undefined;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    const { left: tornLeft, right: tornRight } = tornLatinEdges(m, norm);
    if (m.source === 'user' || (!tornLeft && !tornRight)) continue;
    out ??= mentions.slice();
    let { start, end } = m;
    if (tornLeft) {
      if (!HAN.test(norm.slice(start, end))) {
        out[k] = undefined;
        continue;
      }
      while (latin(start - 1)) start--;
    }
    if (tornRight) while (end > start && latin(end - 1)) end--;
    out[k] = end - start >= 2 && HAN.test(norm[end - 1]) ? moved(m, text, start, end) : undefined;
  }
  // Grown starts may now overlap the mention before (sorted by start, non-overlapping is the contract).
  if (!out) return mentions;
  const kept: EntityMention[] = [];
  for (const m of out) if (m && !(kept.length && kept[kept.length - 1].end > m.start)) kept.push(m);
  return kept;
}
