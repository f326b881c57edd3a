/**
 * Organisation names joined with what is not part of them (issue 11, seventh round), split as the guidelines' gold
 * splits 武汉 + 金银潭医院:
 * - a place and a name joined by a name dot: 重庆·西南大学 is the city and the university;
 * - a country before a lower place that starts the organisation: 美国 + 加州伯克利大学 (as 北京市 + 海淀区人民法院);
 * - an organisation and a hall or hotel of its own: 西南大学 + 圆顶报告厅, 西南大学 + 桂园宾馆 + 金桂厅 (the venue is
 *   a place, ORG only for a body's 厅 such as 公安厅).
 */
import type { EntityMention, EntityType } from '../types';
import { moved } from './mention';

/** Endings of an organisation that a venue of its own may follow. */
const OWNER = /^(.{2,}?(?:大学|学院|公司|集团|中学|小学|研究院))(.{3,})$/u;
/** Endings of a venue: halls, hotels, stadiums. */
const VENUE_END = /(?:报告厅|会议厅|宴会厅|多功能厅|礼堂|会堂|宾馆|酒店|饭店|体育场|体育馆|大厦|广场|剧院|展厅|厅)$/u;
/** A venue inside another (桂园宾馆 + 金桂厅): the first venue's ending, then at least two characters. */
const INNER_VENUE = /^(.{2,}?(?:宾馆|酒店|饭店|大厦|会堂|体育馆))(.{2,})$/u;
/** A body's 厅 (公安厅, 教育厅) is an organisation, not a hall. */
const BODY_HALL = /(?:公安|教育|财政|民政|司法|卫生|文化|交通|水利|商务|人社|住建|资源|环境|农业|农村|科技|审计|外事|侨务|旅游|应急)厅$/u;
/** The last character of a state or province (市 and 区 also end everyday words: 城市, 地区). */
const ADMIN_END = /[州省县邦]/u;
/** Endings that type the part after a dot as an organisation. */
const ORG_END = /(?:大学|学院|公司|集团|中学|小学|研究院|研究所|医院)$/u;

/**
 * `mentions` sorted by start. `isPlace(a, b)`: norm[a, b) is a place of the gazetteer or the lexicons;
 * `countries`: the gazetteer's country names.
 */
export function splitOrganisationJoins(
  mentions: EntityMention[],
  text: string,
  norm: string,
  isPlace: (a: number, b: number) => boolean,
  countries: ReadonlySet<string>,
): EntityMention[] {
  const out: EntityMention[] = [];
  const piece = (m: EntityMention, start: number, end: number, type: EntityType): EntityMention =>
    moved(m, text, start, end, type, 'article');
  for (const m of mentions) {
    if (m.source === 'user' || m.type === 'PER' || m.type === 'MEDIA') {
      out.push(m);
      continue;
    }
    const name = norm.slice(m.start, m.end);
    const dot = name.indexOf('·');
    if (dot >= 2 && name.length - dot - 1 >= 2 && name.indexOf('·', dot + 1) < 0 && isPlace(m.start, m.start + dot)) {
      const d = m.start + dot;
      out.push(piece(m, m.start, d, 'LOC'), piece(m, d + 1, m.end, ORG_END.test(name) ? 'ORG' : m.type));
      continue;
    }
    if (m.type !== 'ORG') {
      out.push(m);
      continue;
    }
    const country = countryAt(name, countries);
    if (country && lowerPlace(name, country, (a, b) => isPlace(m.start + a, m.start + b))) {
      out.push(piece(m, m.start, m.start + country, 'LOC'), piece(m, m.start + country, m.end, 'ORG'));
      continue;
    }
    const owned = OWNER.exec(name);
    if (owned && VENUE_END.test(owned[2]) && !BODY_HALL.test(owned[2])) {
      const a = m.start + owned[1].length;
      out.push(piece(m, m.start, a, 'ORG'));
      const inner = INNER_VENUE.exec(owned[2]);
      if (inner && VENUE_END.test(inner[2])) out.push(piece(m, a, a + inner[1].length, 'LOC'), piece(m, a + inner[1].length, m.end, 'LOC'));
      else out.push(piece(m, a, m.end, 'LOC'));
      continue;
    }
    out.push(m);
  }
  return out;
}

/** A state or province (加州, 江苏省) starts `name` at `from` and leaves at least two characters after it. */
function lowerPlace(name: string, from: number, isPlace: (a: number, b: number) => boolean): boolean {
  for (let end = from + 2; end <= name.length - 2; end++) if (ADMIN_END.test(name[end - 1]) && isPlace(from, end)) return true;
  return false;
}

/** The length of the longest country name that starts `name` and leaves at least four characters, or 0. */
function countryAt(name: string, countries: ReadonlySet<string>): number {
  for (let len = Math.min(5, name.length - 4); len >= 2; len--) if (countries.has(name.slice(0, len))) return len;
  return 0;
}
