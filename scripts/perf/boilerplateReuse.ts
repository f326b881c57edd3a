/**
 * Checks the boilerplate shortcut (detect.ts `reuseAfterEdit`) on every page of the shared corpus: random edits to
 * one line (a character of the page, boilerplate or metadata wording, up to three deleted), each detected through the
 * document's carried lines and by a fresh full detection, which must be equal. Prints how many edits were decided
 * from the previous version and how many differed (must be 0). `FOLDER=1` adds the folder signal (30 other pages).
 * `WORDING=1`: every edit writes or takes out metadata wording (原标题：, 来源：, a byline, a date) at the start of a line
 * or inside it, mostly in the second half of the page (the edits `reuseAfterEdit` decides with only that wording changed).
 * `NEWS_CORPUS=/work/shared/corpus npx tsx scripts/perf/boilerplateReuse.ts`
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { boilerplateLines, detectBoilerplate } from '../../server/src/service/boilerplate/detect';
import { SiteIndex } from '../../server/src/service/boilerplate';
import { Rng } from '../lib/rng';
import { corpusDir } from '../eval/corpus';

const EDITS = Number(process.env.EDITS ?? 40);
const FOLDER = process.env.FOLDER === '1';
const TYPED = [
  '的',
  '。',
  '，',
  '1',
  '：',
  ' ',
  '相关新闻',
  '版权所有',
  '责任编辑',
  'a',
  '|',
  '>',
  '【',
  '】',
  '更多',
  '2019年7月5日',
  '(',
  '原标题：',
  '来源：',
];

const WORDING = process.env.WORDING === '1';
const META = ['原标题：', '（原标题：', '来源：', '作者：', '记者 王五', '文/', '2019-07-05', '14:30', '（完）', '更新时间：'];

const files: string[] = [];
for (const d of ['articles', 'pages/cwced', 'pages/unlabelled'])
  for (const f of fs.readdirSync(path.join(corpusDir(), d)).sort()) if (f.endsWith('.txt')) files.push(path.join(corpusDir(), d, f));
const rng = new Rng(Number(process.env.SEED ?? 1));
let edits = 0;
let reused = 0;
let differ = 0;
let wording = 0;
for (const file of files) {
  let text = fs.readFileSync(file, 'utf8');
  const lines = boilerplateLines();
  const index = new SiteIndex();
  if (FOLDER) for (const f of files.slice(0, 30)) if (f !== file) index.set(f, fs.readFileSync(f, 'utf8'));
  index.set('this', text);
  const folder = () => (FOLDER ? { recurring: index.recurring('this'), recurringVersion: index.versionFor('this') } : {});
  detectBoilerplate(text, { lines, ...folder() });
  for (let k = 0; k < EDITS; k++) {
    const all = text.split('\n');
    const at = WORDING && rng.next() < 0.8 ? Math.floor((all.length + rng.next() * all.length) / 2) : Math.floor(rng.next() * all.length);
    const line = all[at];
    const cut = Math.floor(rng.next() * (line.length + 1));
    const r = rng.next();
    if (WORDING) {
      const w = META[Math.floor(rng.next() * META.length)];
      if (r < 0.5) all[at] = w + line;
      else if (r < 0.75) all[at] = line.slice(0, cut) + w + line.slice(cut);
      else all[at] = line.replace(/^[（(]?(原标题|来源|作者|记者)[：:]?/u, '') || line.slice(1);
    } else if (r < 0.4) all[at] = line.slice(0, cut) + line.charAt(Math.floor(rng.next() * line.length)) + line.slice(cut);
    else if (r < 0.7) all[at] = line.slice(0, cut) + TYPED[Math.floor(rng.next() * TYPED.length)] + line.slice(cut);
    else all[at] = line.slice(0, cut) + line.slice(cut + 1 + Math.floor(rng.next() * 3));
    text = all.join('\n');
    index.set('this', text);
    const before = lines.decided.reused;
    const got = detectBoilerplate(text, { lines, ...folder() });
    const want = detectBoilerplate(text, FOLDER ? { recurring: index.recurring('this') } : {});
    edits++;
    reused += lines.decided.reused - before;
    try {
      assert.deepEqual(got, want);
    } catch {
      differ++;
      console.log(`differs: ${path.basename(file)}, line ${at}: ${JSON.stringify(line)} -> ${JSON.stringify(all[at])}`);
    }
  }
  wording += lines.decided.wording;
}
console.log(
  `${files.length} pages, ${edits} one-line edits: ${reused} decided from the previous version (${((100 * reused) / edits).toFixed(1)} %; ${wording} with only the line's metadata wording changed), ${differ} differ from a full detection`,
);
if (differ > 0) process.exitCode = 1;
