/** recognizeDates: every date and time expression of a text, resolved. */
import type { DateContext, DateMention } from '../types';
import { scanAtoms } from './atoms';
import { parseIsoDay } from './calendar';
import { buildGroups } from './groups';
import { normalizeForMatching } from '../normalize';
import { ResolveState, resolveGroup } from './resolve';

/**
 * Every date/time expression in `text`, sorted by start and non-overlapping, each resolved against
 * `ctx.reference` (the publication time) and, for anaphora (當天, 次日, a bare `3日`), against the day
 * the text last spoke of.
 */
export function recognizeDates(text: string, ctx: DateContext = {}): DateMention[] {
  // One normalised text (Simplified, half-width, same offsets): every pattern is written once, in Simplified.
  const norm = ctx.normalized?.length === text.length ? ctx.normalized : normalizeForMatching(text);
  const groups = buildGroups(norm, scanAtoms(norm));
  const ref = ctx.reference ? parseIsoDay(ctx.reference) : undefined;
  const st: ResolveState = { ref, anchor: ref ? { y: ref.y, m: ref.m, d: ref.d } : undefined };
  const out: DateMention[] = [];
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k];
    const r = resolveGroup(g, st, groups[k + 1]);
    const m: DateMention = { start: g.start, end: g.end, text: text.slice(g.start, g.end), value: r.value, kind: r.kind };
    if (r.localTime) m.localTime = true;
    if (g.atoms.some((a) => a.fest || a.lunar || a.period?.p === 'lunarMonth')) m.calendarNamed = true;
    out.push(m);
  }
  return out;
}
