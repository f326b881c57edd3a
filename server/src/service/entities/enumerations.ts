/**
 * The enumerations of a text, read once (issue 11, eighth round). A news article lists things of one kind together:
 * 丁磊、江南春、马化腾和王强; 高通、华为、三星、联发科和紫光展锐; 博通、德州仪器、Marvell等多家厂商; 璜塘、江阴、无锡北3个收费站.
 * The rule families that read such lists (person-lists.ts, list-mates.ts, latin-names.ts, transport-names.ts) share
 * this reader and keep only what is theirs: which items count as a person, an organisation, a Latin name or a toll
 * station, and what follows from that.
 *
 * An enumeration stands in a run of the text between two hard edges (punctuation other than the enumeration comma 、,
 * white space, a line break: a list never continues across a line) and has two parts or more, separated by 、. A
 * bracket opened in the run holds its own enumeration (华为（含荣耀、海思）、三星: the outer list is 华为（含荣耀、海思）
 * and 三星, the inner one 含荣耀 and 海思); a part may end in a bracketed note (卢煜明(2016年)), which `nameEnd` leaves
 * out. The reader works on `article.normalized` (Simplified, half-width), so a Traditional text reads the same.
 * `items` reads the closers of the last part: 和, 及, 与, 以及, 或 before the last item, and 等, 等等 or a count of the
 * items after it (紫光展锐三家, Marvell等多家).
 */
import { packedMap } from './mention';

/** One part of an enumeration: the text between two separators (or a separator and the run's edge). */
export interface EnumerationPart {
  start: number;
  end: number;
  /** Where the part's name ends: before a bracketed note that ends the part (卢煜明(2016年) → 卢煜明), else `end`. */
  nameEnd: number;
}

export interface Enumeration {
  /** The run the enumeration stands in: from the hard edge (or the bracket) before it to the one after it. */
  start: number;
  end: number;
  /** Its parts, in order, two or more; the first may hold words before the first item (评审人为陈立国). */
  parts: EnumerationPart[];
  /** The positions of its separators (each 、), one fewer than the parts. */
  commas: number[];
  /** 0 for a list in the run itself, 1 for one inside a bracket of it, and so on. */
  depth: number;
}

/** The enumerations of one text, in the order of their first separator. */
export interface Enumerations {
  readonly lists: readonly Enumeration[];
  /** The enumeration (innermost) one of whose separators is at `comma`, if any. */
  atComma(comma: number): Enumeration | undefined;
}

/** What ends the run an enumeration stands in: punctuation other than 、, white space, a line break. */
const HARD_EDGE = /[，,。；;：:！!？?“”"《》【】\s]/u;
const OPEN = /[（(]/u;
const CLOSE = /[）)]/u;

/** The enumerations of `norm` (see the file comment): one scan of the runs that hold a 、. */
export function readEnumerations(norm: string): Enumerations {
  const lists: Enumeration[] = [];
  for (let from = norm.indexOf('、'); from >= 0;) {
    let a = from;
    while (a > 0 && !HARD_EDGE.test(norm[a - 1])) a--;
    let b = from;
    while (b < norm.length && !HARD_EDGE.test(norm[b])) b++;
    readRun(norm, a, b, lists);
    from = norm.indexOf('、', b);
  }
  lists.sort((x, y) => x.commas[0] - y.commas[0]);
  let byComma: Map<number, Enumeration> | undefined;
  return {
    lists,
    atComma(comma) {
      if (!byComma) {
        byComma = new Map();
        for (const e of lists) for (const c of e.commas) byComma.set(c, e);
      }
      return byComma.get(comma);
    },
  };
}

/** The enumerations of the run norm[a, b): the run's own (depth 0) and those inside its brackets. */
function readRun(norm: string, a: number, b: number, out: Enumeration[]): void {
  // Groups: the run, then each bracket opened in it (up to its closer, or the run's end when it is not closed).
  const groups: { start: number; commas: number[] }[] = [{ start: a, commas: [] }];
  const open: number[] = [0];
  const close = (g: number, end: number, depth: number) => {
    const { start, commas } = groups[g];
    if (commas.length) out.push(enumeration(norm, start, end, commas, depth));
  };
  for (let i = a; i < b; i++) {
    const c = norm[i];
    if (c === '、') groups[open[open.length - 1]].commas.push(i);
    else if (OPEN.test(c)) {
      groups.push({ start: i + 1, commas: [] });
      open.push(groups.length - 1);
    } else if (CLOSE.test(c) && open.length > 1) {
      close(open.pop()!, i, open.length);
    }
  }
  while (open.length > 1) close(open.pop()!, b, open.length);
  close(0, b, 0);
}

function enumeration(norm: string, start: number, end: number, commas: number[], depth: number): Enumeration {
  const parts: EnumerationPart[] = [];
  let at = start;
  for (const c of [...commas, end]) {
    parts.push({ start: at, end: c, nameEnd: noteStart(norm, at, c) });
    at = c + 1;
  }
  return { start, end, parts, commas, depth };
}

/** Where a bracketed note that ends norm[a, b) opens (its brackets balanced, nested ones too), else b. */
function noteStart(norm: string, a: number, b: number): number {
  if (b - a < 3 || !CLOSE.test(norm[b - 1])) return b;
  let depth = 0;
  for (let i = b - 1; i > a; i--) {
    if (CLOSE.test(norm[i])) depth++;
    else if (OPEN.test(norm[i]) && --depth === 0) return i;
  }
  return b;
}

/** Closers before the last item of a list, longest first. */
const CLOSER = /以及|和|及|与|或/gu;
/**
 * 等, 等等 or a count of the items after the last item (紫光展锐三家, Marvell等多家厂商, 江阴北4个收费站): digits, or one
 * numeral character right before the measure word, so a numeral in the name stays in it (牛本一三位).
 */
const TAIL = /^(.{2,}?)(?:等|[0-9]+[家个款种位名座处所]|[一二两三四五六七八九十几多数][家个款种位名座处所])/u;

/** An item of an enumeration: its name's span, and the part it comes from. */
export interface EnumerationItem {
  start: number;
  end: number;
  part: number;
}

/**
 * The items of `e`: one per part (its name, before a note), with the last part read for its closers: the item
 * before 和/及/与/以及/或 and the one after it are two items (联发科和紫光展锐), and the last item ends before 等 or a
 * count (Marvell等多家厂商, 江阴北4个收费站). The first part is given whole: words before its item are the caller's
 * to cut (评审人为陈立国).
 */
export function enumerationItems(norm: string, e: Enumeration): EnumerationItem[] {
  const out: EnumerationItem[] = packedMap(e.parts, (p, i) => ({ start: p.start, end: p.nameEnd, part: i }));
  const last = out[out.length - 1];
  const lastPart = e.parts.length - 1;
  const text = norm.slice(last.start, last.end);
  // The first closer that leaves an item of two characters or more on each side (以及 before 及).
  CLOSER.lastIndex = 0;
  for (let m = CLOSER.exec(text); m; m = CLOSER.exec(text)) {
    const at = m.index;
    if (at >= 2 && text.length - at - m[0].length >= 2) {
      out.splice(
        out.length - 1,
        1,
        { start: last.start, end: last.start + at, part: lastPart },
        {
          start: last.start + at + m[0].length,
          end: last.end,
          part: lastPart,
        },
      );
      break;
    }
  }
  const tail = out[out.length - 1];
  const cut = TAIL.exec(norm.slice(tail.start, tail.end));
  if (cut) tail.end = tail.start + cut[1].length;
  return out;
}
