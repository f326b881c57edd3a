/**
 * Shared pieces of the fuzzers: a seeded generator, mutated articles, and the invariants every
 * target must keep (offsets slice to the text, edits never overlap, clean output is a line
 * subsequence of the input).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineIndex } from '../../server/src/service/text';
import { Rng } from '../lib/rng';

export const ROOT = path.resolve(__dirname, '..', '..');

/**
 * A temporary folder for one target's runs: the workspace goes in `ws/`, and `outside/` holds a file that nothing
 * may change (see `snapshot`). Removed when the process exits.
 */
export function sandbox(target: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `news-fuzz-${target}-`));
  fs.mkdirSync(path.join(root, 'outside'));
  fs.writeFileSync(path.join(root, 'outside', 'sentinel.txt'), 'must not change\n');
  process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  return root;
}

/** Everything under dir as sorted `path:size:mtime` lines, to see that nothing outside the workspace changed. */
export function snapshot(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = fs.statSync(p);
        out.push(`${path.relative(dir, p)}:${s.size}:${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out.sort().join('\n');
}

export { Rng } from '../lib/rng';

export const inputRng = (seed: number, target: string, index: number) => {
  let h = seed ^ 0x811c9dc5;
  for (const c of `${target}:${index}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return new Rng(h);
};

export interface Finding {
  target: string;
  kind: 'crash' | 'violation';
  index: number;
  message: string;
}

export class Report {
  inputs = 0;
  readonly inputsBy: Record<string, number> = {};
  readonly findings: Finding[] = [];
  constructor(readonly seed: number) {}
  count(target: string, n = 1) {
    this.inputs += n;
    this.inputsBy[target] = (this.inputsBy[target] ?? 0) + n;
  }
  crash(target: string, index: number, message: string) {
    this.findings.push({ target, kind: 'crash', index, message: message.slice(0, 2000) });
  }
  violation(target: string, index: number, message: string) {
    this.findings.push({ target, kind: 'violation', index, message: message.slice(0, 2000) });
  }
  get crashes() {
    return this.findings.filter((f) => f.kind === 'crash').length;
  }
  get violations() {
    return this.findings.filter((f) => f.kind === 'violation').length;
  }
}

let corpus: string[] | undefined;
/** The test fixtures' articles: real pages of several sites and both scripts. */
export function articles(): string[] {
  corpus ??= fs
    .readdirSync(path.join(ROOT, 'test', 'fixtures', 'articles'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'articles', f), 'utf8'));
  return corpus;
}

const TOKENS = [
  '😀',
  '𠀋',
  '𝌆',
  '\ud83d',
  '\udc00',
  '\udbff',
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u200b',
  '\u200f',
  '\u200e',
  '\ufeff',
  '\t',
  ' ',
  '\u3000',
  '\u00a0',
  '©',
  '版權所有',
  '版权所有 © 2025',
  '記者',
  '记者王小明',
  '報導',
  '年',
  '月',
  '日',
  '7月3日',
  '2025年',
  '前天',
  '周五',
  '·',
  '・',
  '【',
  '】',
  '|',
  '>>',
  '責任編輯：',
  '图片来源：',
  '分享到：',
  '相關新聞',
  '（完）',
  '。',
  '，',
  '"',
  '\\',
  '\u0000',
  '\u0007',
  '\ud800\ud800',
  'ｱ',
  'Ａ',
  '１２３',
  'http://x.invalid/a?b=c',
  '\u202e',
  '\u2066',
  '普京',
  '特朗普',
  '中华人民共和国',
  '外交部',
];

/** One article, mutated a few times: astral characters, lone surrogates, CRLF and lone CR, invisible marks, cut and repeated lines. */
export function mutatedArticle(rng: Rng): string {
  let text = rng.chance(0.9) ? rng.pick(articles()) : '';
  if (rng.chance(0.3)) {
    const lines = text.split('\n');
    const from = rng.int(lines.length);
    text = lines.slice(from, from + 1 + rng.int(40)).join('\n');
  }
  const n = 1 + rng.int(10);
  for (let k = 0; k < n; k++) {
    const at = rng.int(text.length + 1);
    switch (rng.int(9)) {
      case 0:
      case 1:
      case 2: {
        let s = '';
        for (let j = 1 + rng.int(4); j > 0; j--) s += rng.pick(TOKENS);
        text = text.slice(0, at) + s + text.slice(at);
        break;
      }
      case 3:
        text = text.slice(0, at) + text.slice(at + rng.int(200));
        break;
      case 4: {
        const lines = text.split('\n');
        const i = rng.int(lines.length);
        lines.splice(i, 0, ...Array(1 + rng.int(rng.chance(0.1) ? 200 : 4)).fill(lines[i]));
        text = lines.join('\n');
        break;
      }
      case 5: {
        const lines = text.split('\n');
        const i = rng.int(lines.length);
        const j = rng.int(lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        text = lines.join('\n');
        break;
      }
      case 6:
        text = text.replace(/\r?\n/g, rng.pick(['\r\n', '\r', '\n', '\u2028']));
        break;
      case 7:
        text = text.slice(0, at);
        break;
      default:
        text = text.slice(0, at) + String.fromCharCode(rng.int(0x10000)) + text.slice(at);
    }
  }
  return text.length > 300_000 ? text.slice(0, 300_000) : text;
}

/** Code point slicing of the export: every [start, end) gives the span's text. */
export function checkExport(
  text: string,
  out: { entities: { start: number; end: number; text: string }[]; dates: { start: number; end: number; text: string }[] },
): string | undefined {
  const chars = Array.from(text);
  for (const s of [...out.entities, ...out.dates]) {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= chars.length))
      return `span out of range: ${JSON.stringify(s)}`;
    const sliced = chars.slice(s.start, s.end).join('');
    if (sliced !== s.text) return `offsets ${s.start}-${s.end} slice to ${JSON.stringify(sliced)}, not ${JSON.stringify(s.text)}`;
  }
  return undefined;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** UTF-16 spans of the analysis: slice to their text and start and end on code point boundaries. */
export function checkSpans(text: string, spans: readonly { start: number; end: number; text: string }[]): string | undefined {
  for (const s of spans) {
    if (text.slice(s.start, s.end) !== s.text)
      return `span ${s.start}-${s.end} is ${JSON.stringify(text.slice(s.start, s.end))}, not ${JSON.stringify(s.text)}`;
    for (const o of [s.start, s.end])
      if (isLow(text.charCodeAt(o)) && isHigh(text.charCodeAt(o - 1))) return `span ${s.start}-${s.end} cuts a surrogate pair`;
  }
  return undefined;
}

interface RangeLike {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Text edits of one document: valid positions, sorted without overlap; returns the edited text or a problem. */
export function applyChecked(
  text: string,
  edits: readonly { range: RangeLike; newText: string }[],
): { text: string } | { problem: string } {
  const lines = new LineIndex(text);
  const offset = (p: { line: number; character: number }) => {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= lines.lineCount)
      return -1;
    const start = lines.starts[p.line];
    // The end of the last line, or a line's own end, is a valid position; past it is not.
    const max = p.line + 1 < lines.lineCount ? lines.starts[p.line + 1] - start : text.length - start;
    return p.character <= max ? start + p.character : -1;
  };
  const spans = edits.map((e) => ({ from: offset(e.range.start), to: offset(e.range.end), newText: e.newText }));
  if (spans.some((s) => s.from < 0 || s.to < 0 || s.to < s.from))
    return { problem: `invalid edit range in ${JSON.stringify(edits.map((e) => e.range))}` };
  spans.sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < spans.length; i++)
    if (spans[i].from < spans[i - 1].to) return { problem: `overlapping edits ${JSON.stringify(spans.map((s) => [s.from, s.to]))}` };
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.from) + s.newText;
    at = s.to;
  }
  return { text: out + text.slice(at) };
}

/** Is every line of out a line of input, in order? (What a removal of whole lines must give.) */
export function isLineSubsequence(input: string, out: string): boolean {
  const a = input.split(/\r\n|\r|\n/);
  // Removing every line leaves nothing, not one empty line.
  const b = out === '' ? [] : out.split(/\r\n|\r|\n/);
  let i = 0;
  for (const line of b) {
    while (i < a.length && a[i] !== line) i++;
    if (i === a.length) return false;
    i++;
  }
  return true;
}

export const errorText = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));
