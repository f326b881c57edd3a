/** The second pass: adjacent atoms joined into one expression, and two expressions joined into a range. */
import { Atom, holidayFollows } from './atoms';

export interface Group {
  start: number;
  end: number;
  atoms: Atom[];
  /** The end point of a range (`7月9日至10日`). */
  to?: Group;
  /** Preceded by 常年/每年/往年: a date that recurs every year, not one day. */
  habitual?: boolean;
  /** Followed by a holiday name (`7月4日美國獨立日`): a label that must not become the story's day. */
  label?: boolean;
}

const RANGE_SEP = /^(?:至|到|—{1,2}|–|-|~)$/;
const TAIL = /(?:晚些時候|晚些时候|早些時候|早些时候|稍晚|稍早)/y;
const HABITUAL_BEFORE = /(?:常年|每年|往年|歷年|历年|通常)$/;

function joinable(prev: Atom, next: Atom, gap: string): boolean {
  // `2001年的除夕夜`: a year and the festival or lunar day of it.
  if (gap === '的' && prev.lo === 1 && prev.hi === 1 && !prev.period && (next.fest || next.lunar)) return true;
  if (gap !== '') {
    // `2020年09月11日 18:05`: a clock time may follow a day after spaces.
    return /^[ \t\u00a0]{1,2}$/.test(gap) && prev.hi === 3 && next.clock === true && next.lo === 5;
  }
  if (next.period || prev.period) {
    // Only a local-time prefix joins a period (`當地時間本周`); periods take no parts after them.
    return prev.lo === 0 && prev.hi === 0 && !prev.period;
  }
  if (next.lo > prev.hi) return true;
  // Day followed by a restatement of that day: `9月9日当天`, `6月1日周六`.
  if (prev.hi === 3 && next.lo === 3 && next.hi === 3 && (next.anaD === 0 || next.wd !== undefined) && prev.wd === undefined) return true;
  return false;
}

function rangeable(a: Group, b: Group): boolean {
  const a0 = a.atoms[0];
  const b0 = b.atoms[0];
  if (a.atoms.some((x) => x.period) || b.atoms.some((x) => x.period && x.period.p !== 'yearPart')) return false;
  if (a0.lo === 0 && a.atoms.length === 1) return false;
  const bLo = b0.lo === 0 ? b.atoms[1]?.lo ?? 9 : b0.lo;
  const aLo = a0.lo === 0 ? a.atoms[1]?.lo ?? 9 : a0.lo;
  return bLo >= Math.min(aLo, 3) || (bLo >= 1 && aLo >= 1 && b0.y !== undefined && a0.y !== undefined);
}

const onlyNeedsContext = (g: Group) => g.atoms.every((a) => a.needsContext || (a.lo === 0 && a.hi === 0));

/** Groups of the atoms of `text`, in order, with ranges folded in. */
export function buildGroups(text: string, atoms: Atom[]): Group[] {
  const raw: Group[] = [];
  for (const a of atoms) {
    const last = raw[raw.length - 1];
    if (last && joinable(last.atoms[last.atoms.length - 1], a, text.slice(last.end, a.start))) {
      // A context-needing atom is fine once it follows a date or a part of day.
      if (a.needsContext && last.atoms.some((x) => x.lo <= 4 && x.hi >= 2)) a.needsContext = false;
      last.atoms.push(a);
      last.end = a.end;
    } else raw.push({ start: a.start, end: a.end, atoms: [a] });
  }
  const out: Group[] = [];
  for (let k = 0; k < raw.length; k++) {
    let g = raw[k];
    const next = raw[k + 1];
    if (next && RANGE_SEP.test(text.slice(g.end, next.start)) && !onlyNeedsContext(g) && rangeable(g, next)) {
      for (const a of next.atoms) if (a.needsContext && (g.atoms.some((x) => x.hi >= 4) || a.lo === 3)) a.needsContext = false;
      if (!onlyNeedsContext(next)) {
        g = { start: g.start, end: next.end, atoms: g.atoms, to: next };
        k++;
      }
    }
    if (onlyNeedsContext(g)) continue;
    // A lone local-time prefix is not a date.
    if (g.atoms.every((a) => a.lo === 0 && a.hi === 0)) continue;
    const before = text.slice(Math.max(0, g.start - 2), g.start);
    // Habitual: 每周五, 每天晚上 are not dates at all.
    if (before.endsWith('每')) continue;
    if (HABITUAL_BEFORE.test(before)) g.habitual = true;
    const hasDay = g.atoms.some((a) => a.hi >= 3 && a.lo <= 3);
    if (hasDay) {
      TAIL.lastIndex = g.end;
      const t = TAIL.exec(text);
      if (t) g.end += t[0].length;
    }
    if (holidayFollows(text, g.end)) g.label = true;
    out.push(g);
  }
  return out;
}
