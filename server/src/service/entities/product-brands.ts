/**
 * Brands inside product names (issue 11; GOLD-NOTES-2: 三星 in "三星 Galaxy S20" is not marked, as 皓月 in 皓月牛肉干
 * and 红旗 in 红旗汽车 are not). An organisation written directly before a Latin product-line name (a capital and
 * lower-case letters: Galaxy, Mate, Air, iPhone) and short (two or three Han characters) names the product, not the company acting. A company that acts
 * (三星举行发布会) and one before an all-capital word (三星 AMOLED 屏幕: a component, CEO: a title) are kept.
 */
import type { EntityMention } from '../types';

const PRODUCT_AFTER = /^ ?(?:i|e)?[A-Z][a-z]{2,}/u;
/** A brand is a short Han name (三星, 华为, 联发科); a long one before a Latin word is a company giving its English name. */
const BRAND = /^\p{Script=Han}{2,3}$/u;

export function dropProductBrands(mentions: EntityMention[], text: string): EntityMention[] {
  return mentions.filter(
    (m) => !(m.type === 'ORG' && m.source !== 'user' && BRAND.test(m.text) && PRODUCT_AFTER.test(text.slice(m.end, m.end + 12))),
  );
}
