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
  /** The event the day is counted from (`案发` in 案发次日, `车祸` in 车祸后第三天), part of the span. */
  event?: string;
}

const RANGE_SEP = /^(?:至|到|—{1,2}|–|-|~)$/;
const TAIL = /(?:晚些時候|晚些时候|早些時候|早些时候|稍晚|稍早)/y;
const HABITUAL_BEFORE = /(?:常年|每年|往年|歷年|历年|通常)$/;

function joinable(prev: Atom, next: Atom, gap: string): boolean {
  // `今年的5月20日`: a year and a month-day of it.
  if (
    gap === '的' &&
    prev.lo === 1 &&
    prev.hi === 1 &&
    !prev.period &&
    !prev.needsStatedYear &&
    next.lo === 2 &&
    next.hi === 3 &&
    !next.period &&
    !next.fest
  )
    return true;
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
  // `9月9日当晚`, `中秋节当晚`: that day's night.
  if (
    prev.hi === 3 &&
    next.lo === 3 &&
    ((next.hi === 3 && (next.anaD === 0 || next.wd !== undefined)) || (next.hi === 4 && next.anaD === 0)) &&
    prev.wd === undefined
  )
    return true;
  return false;
}

function rangeable(a: Group, b: Group): boolean {
  const a0 = a.atoms[0];
  const b0 = b.atoms[0];
  if (a.atoms.some((x) => x.period) || b.atoms.some((x) => x.period && x.period.p !== 'yearPart')) return false;
  if (a0.lo === 0 && a.atoms.length === 1) return false;
  const bLo = b0.lo === 0 ? (b.atoms[1]?.lo ?? 9) : b0.lo;
  const aLo = a0.lo === 0 ? (a.atoms[1]?.lo ?? 9) : a0.lo;
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
    // `9~12点半`: the bare first hour is a time only as the start of that range (`每周六21-22点` is no range).
    if (!g.to && g.atoms[g.atoms.length - 1].rangeStart) {
      const atoms = g.atoms.slice(0, -1);
      if (!atoms.length) continue;
      g = { ...g, atoms, end: atoms[atoms.length - 1].end };
    }
    // A lone local-time prefix is not a date.
    if (g.atoms.every((a) => a.lo === 0 && a.hi === 0)) continue;
    const before = text.slice(Math.max(0, g.start - 2), g.start);
    // Habitual: 每周五, 每天晚上, 每晚8点, 天天晚上 are not dates at all.
    if (before.endsWith('每') || /每[天日晚周週]$|天天$/.test(before)) continue;
    // `每周六21-22点`, `每星期日8点`: the time of a habitual weekday.
    if (/每(?:周|週|星期|礼拜)[一二三四五六日天]$/.test(text.slice(Math.max(0, g.start - 5), g.start))) continue;
    if (HABITUAL_BEFORE.test(before)) g.habitual = true;
    const hasDay = g.atoms.some((a) => a.hi >= 3 && a.lo <= 3);
    if (hasDay) {
      TAIL.lastIndex = g.end;
      const t = TAIL.exec(text);
      if (t) g.end += t[0].length;
    }
    if (holidayFollows(text, g.end)) g.label = true;
    // 《星期五画报》, 《十二月的故事》: a weekday or a bare month in a title is part of the name (新年伊始 in a title is a date).
    if (
      g.atoms.every((a) => a.wd !== undefined || (a.m !== undefined && a.d === undefined && a.y === undefined && !a.period)) &&
      insideTitle(text, g.start, g.end)
    )
      continue;
    const ev = eventBefore(text, g, out[out.length - 1]?.end ?? 0);
    if (ev) {
      g.event = ev.word;
      g.start = ev.start;
    }
    out.push(g);
  }
  return out;
}

/**
 * Characters that end an event word before a day anaphor: 案发, 事发, 出事, 失踪, 走失, 入院, 车祸, 事故, 遇难,
 * 地震, 通报, 开幕, 结婚… (the verbs and nouns of what happened, a closed class of morphemes, not a list of words).
 */
const EVENT_END = new Set([...'发事案踪失院祸故亡世警报震灾炸击难赛幕婚礼逝捕逃讯袭联溺劫坠塌撞火']);
/** Characters that make the two before an anaphor something else: pronouns, particles, adverbs, time words. */
const NOT_EVENT = new Set([
  ...'们他她它我你您自己这那其该此每的了在和与及也都就又还将已曾被把向对从为于是个天日年月时后前中上下到至等而但并或所以则即再才很更最王',
]);
/** Words for people: `记者当天`, `官员次日` are who, not what happened. */
const PERSON_END = new Set([...'者人员们家长手师军方']);
const HAN_CHAR = /^\p{Script=Han}$/u;

/**
 * The event a day anaphor counts from, when the two characters before it (after an optional 后/的) name one:
 * `案发当天`, `车祸后第三天`, `走失的第二十天`, `入院当晚`, `车祸三天后`. The word must end in an event morpheme,
 * or be a word the text used before (the event it told of), and not a person or a function word.
 */
function eventBefore(text: string, g: Group, floor: number): { word: string; start: number } | undefined {
  const a = g.atoms[0];
  const count = a.count !== undefined;
  const counted = count || (a.anaD !== undefined && a.lo === 3) || (a.offset !== undefined && a.offset.unit === 'd' && a.offset.n > 0);
  if (!counted || a.m !== undefined || a.d !== undefined) return undefined;
  let k = g.start;
  // 车祸后第三天, 报案后第二天; 走失的第二十天 (的 only before a count: `女友的那一天` is no event's day);
  // 事故发生后的第三天, 爆炸发生当天: 发生 between the event and its day.
  if (count && text.startsWith('后的', k - 2)) k -= 2;
  else if (a.offset === undefined && (text[k - 1] === '后' || (count && text[k - 1] === '的'))) k--;
  if (text.startsWith('发生', k - 2) && k - 4 >= floor && EVENT_END.has(text[k - 3])) k -= 2;
  if (k - 2 < floor) return undefined;
  const word = text.slice(k - 2, k);
  if (![...word].every((c) => HAN_CHAR.test(c) && !NOT_EVENT.has(c))) return undefined;
  if (PERSON_END.has(word[1])) return undefined;
  // A count (任命第3天, 开设的第4天) may follow any verb the text used before; 当天 and 三天后 need an event word.
  if (!EVENT_END.has(word[1]) && !(count && text.slice(Math.max(0, k - 3000), k - 2).includes(word))) return undefined;
  return { word, start: k - 2 };
}

/** Inside a book or publication title (`《星期五画报》`): a weekday or a month there is part of a name. */
function insideTitle(text: string, start: number, end: number): boolean {
  // Bounded both ways: the scan must stay linear on text with no title at all.
  let open = start - 1;
  while (open >= 0 && start - open <= 40 && text[open] !== '《' && text[open] !== '》' && text[open] !== '\n') open--;
  if (open < 0 || text[open] !== '《') return false;
  for (let k = end; k < end + 40 && k < text.length; k++) {
    if (text[k] === '》') return true;
    if (text[k] === '《' || text[k] === '\n') return false;
  }
  return false;
}
