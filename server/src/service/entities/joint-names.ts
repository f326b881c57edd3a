/**
 * Organisations written together (issue 11, "adjacent organisations"): two organisation names with nothing
 * between them are one name, a joint venture (广汽 + 丰田 = 广汽丰田) or a body with its parent (国务院 + 国资委),
 * as the guidelines' longest proper name asks. Outlets are left apart (新华社 + 参考消息 is a byline pair), and so
 * is a user's name.
 */
import type { EntityMention } from '../types';
import { mention } from './mention';

const JOINABLE = (m: EntityMention) => m.type === 'ORG' && m.source !== 'user';

/** `mentions` sorted by start, with each run of touching organisations made one organisation. */
export function joinAdjacentOrganisations(mentions: EntityMention[], text: string): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of mentions) {
    const last = out[out.length - 1];
    if (last && last.end === m.start && JOINABLE(last) && JOINABLE(m) && /^\p{Script=Han}/u.test(text[m.start])) {
      out[out.length - 1] = mention(
        last.start,
        m.end,
        text.slice(last.start, m.end),
        last.type,
        Math.min(last.confidence, m.confidence),
        'pattern',
      );
    } else out.push(m);
  }
  return out;
}
