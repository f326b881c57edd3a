/**
 * Products and vehicles are no entities (GUIDELINES: products are not marked; GOLD-NOTES-2: the ship 新浪漫号 is a
 * vehicle). Two shapes give them away whatever the name (issue 11, seventh round):
 * - a serial designation, a Chinese numeral and 号: 天宫一号, 神舟九号, 嫦娥四号 (not 中山路一号, a house number,
 *   nor 一号线, a line);
 * - a model number right after the name: 巴龙5000, 麒麟980 (not 2019年, a year, nor 300万, a count).
 * A mention that is such a name, or the name part of one (天宫 in 天宫一号, 华为巴龙 in 华为巴龙5000), is dropped
 * before `consistency` could spread it.
 */
import type { EntityMention } from '../types';

/** After the name: a serial designation (一号, 十二号) that is no house number or line (一号线, 一号楼). */
const SERIAL_AFTER = /^[一二三四五六七八九十]{1,3}号(?![线楼院馆门桥站口房室床位码])/u;
/** The name itself ends in a serial designation. */
const SERIAL_END = /[一二三四五六七八九十]{1,3}号$/u;
/** A model number after the name: three or four digits (longer is a hotline: 12380), not a year, a date or a count. */
const MODEL_NUMBER_AFTER = /^[0-9]{3,4}(?![0-9年月日号时点分秒元万亿千百人个多余米吨家位名台部辆件次期届强%‰.:/-])/u;
/** A place that ends in a street: 一号 after it is a house number. */
const STREET_END = /[路街道巷弄里]$/u;

/** `norm`: the text normalised (half-width digits, position for position). */
export function dropProductNames(mentions: EntityMention[], norm: string): EntityMention[] {
  return mentions.filter((m) => {
    if (m.source === 'user') return true;
    const after = norm.slice(m.end, m.end + 8);
    if (STREET_END.test(norm.slice(m.start, m.end))) return true;
    if (SERIAL_AFTER.test(after) || SERIAL_END.test(norm.slice(m.start, m.end))) return false;
    return !((m.type === 'ORG' || m.type === 'PER') && MODEL_NUMBER_AFTER.test(after));
  });
}
