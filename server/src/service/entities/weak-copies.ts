/**
 * One sense per article for listed companies that are also everyday words (issue 11, eighth round). A gazetteer or
 * CC-CEDICT name that is also a word (小米 "millet", 苹果 "apple") is kept only where the tagger sees a name there
 * (recognizer.ts), and the one-reading-per-name pass does not copy list names or dictionary words, so once an article
 * has shown 小米 to be the company its later bare mentions (小米70%的资源) were lost. Here a list name the article
 * has confirmed that way, and the stem of a listed company name (苹果 of 苹果公司), marks its other unmarked mentions,
 * where their edges tear no two-character word of the model's dictionary (小米 stays out of 大小米粒 if 小米 is
 * confirmed: 大小 runs across its left edge). The stem of a company the tagger or a pattern found (龙湖 of 龙湖集团),
 * which the consistency pass does not copy when a lexicon lists it as a place (龙湖区), is copied too where the
 * article uses it alone at least MIN_REPEATS times, unless the gazetteer or CC-CEDICT lists it (北京 of 北京医院) or it is an everyday word (传呼机).
 */
import type { EntityMention, EntityType } from '../types';
import { companyStem } from './context-names';
import { isHanUnit, occurrencesOf } from './scan';
import { TriePool } from './trie';
import { concatByStart } from './overlaps';
import { articleMarks } from './marks';

/** Bare uses of a company's stem that make it the company's name in this article (龙湖 … 龙湖 … 龙湖). */
const MIN_REPEATS = 3;

/** The per-article trie of weak names, emptied and kept between articles (trie.ts, `TriePool`). */
const weakNames = new TriePool<EntityType>();

/**
 * `isWord(a, len)`: norm[a, a + len) is a dictionary or induced word; `listed(name)`: the gazetteer or the CC-CEDICT
 * lexicon holds the name. Returns the mentions with the copies added
 * (source `consistency`), sorted by position.
 */
export function copyWeakNames(
  mentions: EntityMention[],
  text: string,
  norm: string,
  isWord: (a: number, len: number) => boolean,
  listed: (name: string) => boolean,
): EntityMention[] {
  const names = weakNames.take();
  try {
    // The stems that may need counting and their full names, counted in one pass over the article (not one search of
    // it per name, which a long text with many organisations made quadratic).
    const wanted = new Set<string>();
    // A company recurs: its stem and whether the lists hold it are found once per text (the regex and the trie's
    // look-ups ran at each of its mentions, twice).
    const stemOf = new Map<string, string | undefined>();
    const stemFor = (name: string): string | undefined => {
      if (stemOf.has(name)) return stemOf.get(name);
      const stem = companyStem(name);
      stemOf.set(name, stem);
      return stem;
    };
    const listedAs = new Map<string, boolean>();
    const isListed = (w: string): boolean => {
      let v = listedAs.get(w);
      if (v === undefined) listedAs.set(w, (v = listed(w)));
      return v;
    };
    const stems: (string | undefined)[] = new Array(mentions.length);
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (m.type !== 'ORG' || m.source === 'gazetteer' || m.source === 'user') continue;
      const name = norm.slice(m.start, m.end);
      const stem = stemFor(name);
      stems[i] = stem;
      if (stem && stem.length >= 2 && !isListed(stem) && !isWord(m.start, stem.length)) wanted.add(stem).add(name);
    }
    const counts = occurrencesOf(norm, wanted);
    const counted = (x: string) => counts.get(x)!.length;
    const take = (name: string, type: EntityType) => {
      names.set(name, type);
    };
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (m.type === 'ORG' && m.source !== 'gazetteer' && m.source !== 'user') {
        // 龙湖 of 龙湖集团: a stem the lexicon also lists as a small place (龙湖区) is the company where the article uses
        // it alone again and again; a listed place (北京 of 北京医院) never is.
        const stem = stems[i];
        if (
          stem &&
          stem.length >= 2 &&
          names.longestEnd(stem, 0) !== stem.length &&
          !isListed(stem) &&
          !isWord(m.start, stem.length) &&
          counted(stem) - counted(norm.slice(m.start, m.end)) >= MIN_REPEATS
        )
          take(stem, 'ORG');
        continue;
      }
      if (m.source !== 'gazetteer' || (m.type !== 'ORG' && m.type !== 'MEDIA')) continue;
      const name = norm.slice(m.start, m.end);
      if (isWord(m.start, m.end - m.start)) take(name, m.type);
      const stem = m.type === 'ORG' ? stemFor(name) : undefined;
      // A stem that is an everyday word is a company only if it is listed itself (苹果 of 苹果公司; not 世界 of 世界银行).
      if (stem && stem.length >= 2 && (!isWord(m.start, stem.length) || isListed(stem))) take(stem, 'ORG');
    }
    if (!names.size) return mentions;
    const covered = articleMarks.take(norm.length + 1);
    try {
      for (const m of mentions) covered.fill(1, m.start, m.end);
      const open = (i: number) => i < 0 || i >= norm.length || !isHanUnit(norm.charCodeAt(i)) || covered[i] === 1;
      const added: EntityMention[] = [];
      for (let i = 0; i < norm.length;) {
        // (longestEnd, not longestAt: no object per name found.)
        const end = covered[i] || !names.hasFirst(norm.charCodeAt(i)) ? -1 : names.longestEnd(norm, i);
        if (end < 0) {
          i++;
          continue;
        }
        const type = names.lastValue!;
        let free = true;
        for (let k = i; k < end; k++) if (covered[k]) free = false;
        const left = open(i - 1) || !isWord(i - 1, 2);
        const right = open(end) || !isWord(end - 1, 2);
        if (free && left && right) added.push({ start: i, end, type, text: text.slice(i, end), source: 'consistency', confidence: 0.8 });
        i = end;
      }
      if (!added.length) return mentions;
      return concatByStart(mentions, added);
    } finally {
      articleMarks.give(covered);
    }
  } finally {
    weakNames.give(names);
  }
}
