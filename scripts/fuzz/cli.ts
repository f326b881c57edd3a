/**
 * The built CLI over mutated files with odd names, encodings, configs and options. Invariants: exit
 * 0/1/2 and no internal error; annotate's offsets slice to the text as read; jsonl is one record a
 * line; clean (stdout or --write, in the encoding read) is a line subsequence of the input; check
 * prints file:first-last; nothing is written outside the workspace.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readInput } from '../../server/src/cli/readInput';
import { createLocalizer } from '../../server/src/service/messages';
import { encodeText } from '../../server/src/node/writeText';
import {
  ROOT,
  checkExport,
  errorText,
  inputRng,
  isLineSubsequence,
  mutatedArticle,
  sandbox,
  snapshot,
  type Report,
  type Rng,
} from './common';

const BIN = path.join(ROOT, 'bin', 'news-annotate');
const t = createLocalizer('en');
const NAMES = [
  'toString',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'a b.txt',
  '-dash.txt',
  '文章.txt',
  'x\u2028y.txt',
  'plain.txt',
  '.hidden.txt',
  'CON',
  'a:b.txt',
];
const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gbk', 'big5', 'binary'] as const;

function run(args: string[], cwd: string): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    p.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => p.kill('SIGKILL'), 120_000);
    p.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

function writeArticle(rng: Rng, file: string): { encoding: string } {
  const text = mutatedArticle(rng);
  const enc = rng.pick(ENCODINGS);
  let bytes: Buffer | undefined;
  if (enc === 'binary') bytes = Buffer.from(Array.from({ length: 1 + rng.int(3000) }, () => rng.int(256)));
  else if (enc === 'utf-8-bom') bytes = encodeText(text, 'utf-8', true);
  else if (enc === 'utf-16le' || enc === 'utf-16be') bytes = encodeText(text, enc, true);
  else if (enc === 'gbk' || enc === 'big5') bytes = encodeText(text.replace(/[^\n\u4e00-\u9fff\x20-\x7e]/g, ''), enc, false);
  bytes ??= Buffer.from(text, 'utf8');
  fs.writeFileSync(file, bytes);
  return { encoding: enc === 'gbk' || enc === 'big5' ? enc : 'utf-8' };
}

const CONFIGS = [
  '{"dictionary": [{"text": "禾青風", "type": "LOC"}], "boilerplate": {"always": [{"phrase": "（完）"}], "never": [{"pattern": "^記者"}]}}',
  '\uFEFF{"dictionary": []}',
  '[1, 2]',
  '{"dictionary": [}',
  '{"boilerplate": {"always": [{"pattern": "(a+)+$"}, {"pattern": "["}, {"phrase": ""}]}}',
  '{"__proto__": {"dictionary": 1}, "constructor": [], "dictionary": [{"text": "toString", "type": "ORG"}]}',
];

async function cliCase(rng: Rng, root: string): Promise<string | undefined> {
  const ws = path.join(root, 'ws');
  fs.rmSync(ws, { recursive: true, force: true });
  const dir = rng.chance(0.5) ? path.join(ws, 'site', 'sub') : ws;
  fs.mkdirSync(dir, { recursive: true });
  if (rng.chance(0.4)) fs.writeFileSync(path.join(rng.chance(0.5) ? ws : dir, '.news-annotator.json'), rng.pick(CONFIGS));
  if (rng.chance(0.2))
    fs.writeFileSync(path.join(dir, '.news-annotator-keep.json'), rng.pick(['{"plain.txt": ["（完）"]}', '{oops', '{"toString": [1]}']));
  const files: { file: string; encoding: string }[] = [];
  const used = new Set<string>();
  for (let k = 1 + rng.int(3); k > 0; k--) {
    const name = rng.pick(NAMES);
    if (used.has(name)) continue;
    used.add(name);
    const file = path.join(dir, name);
    files.push({ file, ...writeArticle(rng, file) });
  }
  const encoding = rng.chance(0.2) ? rng.pick(['gbk', 'big5']) : undefined;
  const command = rng.pick(['annotate', 'annotate-jsonl', 'check', 'clean', 'clean-write', 'convert']);
  const args =
    command === 'annotate'
      ? ['annotate']
      : command === 'annotate-jsonl'
        ? ['annotate', '--format', 'jsonl']
        : command === 'clean-write'
          ? ['clean', '--write']
          : command === 'convert'
            ? ['convert', '--to', rng.pick(['simplified', 'taiwan'])]
            : [command];
  if (encoding) args.push('--encoding', encoding);
  const date = rng.chance(0.3) ? rng.pick(['2025-07-04', '2025-13-40', 'x']) : undefined;
  if (date) args.push('--reference-date', date);
  const rel = rng.chance(0.5);
  const paths = files.map((f) => (rel ? path.relative(ws, f.file) : f.file));
  const before = new Map(files.map((f) => [f.file, fs.readFileSync(f.file)]));
  const outside = snapshot(path.join(root, 'outside'));
  const r = await run([...args, '--', ...paths], ws);
  if (r.signal) return `killed by ${r.signal}`;
  if (r.status === null || r.status > 2) return `exit ${r.status}: ${r.stderr.slice(0, 500)}`;
  if (/internal error|\n\s+at /.test(r.stderr)) return `internal error: ${r.stderr.slice(0, 500)}`;
  if (snapshot(path.join(root, 'outside')) !== outside) return 'a file outside the workspace changed';
  if (fs.readdirSync(root).sort().join() !== 'outside,ws') return `written beside the workspace: ${fs.readdirSync(root)}`;
  if (date && date !== '2025-07-04') return r.status === 2 ? undefined : `--reference-date ${date} was accepted`;
  // The text of each input as the CLI read it (undefined when it refused the file).
  const readBack = (file: string, bytes?: Buffer) => {
    if (bytes) fs.writeFileSync(file + '.orig', bytes);
    const read = readInput(bytes ? file + '.orig' : file, encoding ?? 'utf-8', t);
    if (bytes) fs.rmSync(file + '.orig');
    return read.ok ? read : undefined;
  };
  if (command.startsWith('annotate')) {
    const records =
      command === 'annotate'
        ? (JSON.parse(r.stdout) as unknown[])
        : r.stdout
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l));
    if (command === 'annotate-jsonl' && /[\u2028\u2029\u0085]/.test(r.stdout)) return 'jsonl output holds a line separator';
    for (const rec of records as {
      file: string;
      entities: { start: number; end: number; text: string }[];
      dates: { start: number; end: number; text: string }[];
    }[]) {
      const file = path.resolve(ws, rec.file);
      const read = readBack(file);
      if (!read) return `annotated a file it cannot read: ${rec.file}`;
      const problem = checkExport(read.text, rec);
      if (problem) return `${rec.file}: ${problem}`;
    }
  } else if (command === 'check') {
    for (const line of r.stdout.split('\n').filter(Boolean))
      if (!/:(\d+)-(\d+) \S+ /.test(line)) return `check line not file:first-last: ${line}`;
  } else if (command === 'clean' && files.length === 1) {
    // One file: several are printed one after the other, where a last line without a break runs into the next file.
    const input = readBack(files[0].file);
    if (input && !isLineSubsequence(input.text, r.stdout.replace(/^\uFEFF/, '')))
      return 'clean output is not a line subsequence of the input';
  } else if (command === 'clean-write') {
    for (const f of files) {
      const old = readBack(f.file, before.get(f.file));
      if (!old) continue;
      const now = readBack(f.file);
      if (!now) return `${f.file}: written in a form it cannot read back`;
      if (now.bom !== old.bom || now.encoding !== old.encoding)
        return `${f.file}: encoding ${old.encoding}${old.bom ? '+BOM' : ''} became ${now.encoding}${now.bom ? '+BOM' : ''}`;
      if (!isLineSubsequence(old.text, now.text)) return `${f.file}: clean --write left text that is not a line subsequence`;
    }
  }
  return undefined;
}

let root: string | undefined;
export async function fuzzCli(report: Report, from: number, count: number) {
  root ??= sandbox('cli');
  for (let i = from; i < from + count; i++) {
    report.count('cli');
    try {
      const problem = await cliCase(inputRng(report.seed, 'cli', i), root);
      if (problem) report.violation('cli', i, problem);
    } catch (e) {
      report.violation('cli', i, `output unreadable: ${errorText(e)}`);
    }
  }
}
