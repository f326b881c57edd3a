/**
 * The bench's keystrokes (scripts/bench/editor.ts: '的' typed at character 3 of a body line, a different line each
 * time) into the 100 KB article, boilerplate detection alone, in one fresh process: each keystroke's main-thread CPU
 * (/proc's schedstat) in `detectBoilerplate` through the document's carried lines, and which keystrokes ran a whole detection (F) rather
 * than reusing the previous version's (the reason the shortcut gave up is not printed; see docs/performance.md,
 * "Eleventh round: boilerplate"). `TREE=/path/to/checkout` runs that checkout's detector (an A/B of two trees, one
 * process each); `KEYS=60`; `RECURRING=1`: with the folder signal of an index that holds this file alone (what the
 * server passed before it left the signal out in a folder of one article).
 * `NEWS_CORPUS=/work/shared/corpus npx tsx scripts/perf/boilerplateKeys.ts`
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unlabelledText } from './pages';

/** This process's main-thread CPU time in ms (what the compiler and collector threads do is not counted). */
const mainMs = () => Number(fs.readFileSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;

type Detect = typeof import('../../server/src/service/boilerplate/detect');

async function main(): Promise<void> {
  const tree = process.env.TREE ?? path.join(__dirname, '..', '..');
  const { boilerplateLines, detectBoilerplate } = (await import(path.join(tree, 'server/src/service/boilerplate/detect.ts'))) as Detect;
  const { SiteIndex } = (await import(
    path.join(tree, 'server/src/service/boilerplate/siteIndex.ts')
  )) as typeof import('../../server/src/service/boilerplate/siteIndex');
  const index = new SiteIndex();
  const folder = () => {
    if (!process.env.RECURRING) return {};
    index.set('this', text);
    return { recurring: index.recurring('this'), recurringVersion: index.versionFor('this') };
  };
  let text = unlabelledText(100 * 1024);
  let end = 0;
  while (Buffer.byteLength(text.slice(0, end)) < 100 * 1024) end = text.indexOf('\n', end + 1);
  text = text.slice(0, end);
  const lines = boilerplateLines();
  const c0 = mainMs();
  detectBoilerplate(text, { lines, ...folder() });
  const open = mainMs() - c0;
  const body = text
    .split('\n')
    .map((l, i) => (l.length > 20 ? i : -1))
    .filter((i) => i >= 0);
  const keys = Number(process.env.KEYS ?? 60);
  const cpu: string[] = [];
  let whole = 0;
  let rest = 0;
  for (let k = 0; k < keys; k++) {
    const line = body[(k * 7919) % body.length];
    const all = text.split('\n');
    all[line] = all[line].slice(0, 3) + '的' + all[line].slice(3);
    text = all.join('\n');
    const full = lines.decided.full;
    const options = { lines, ...folder() };
    const t0 = mainMs();
    detectBoilerplate(text, options);
    const ms = mainMs() - t0;
    const isFull = lines.decided.full > full;
    if (isFull) whole += ms;
    else rest += ms;
    cpu.push(`${ms.toFixed(1)}${isFull ? 'F' : ''}`);
  }
  console.log(
    `open ${open.toFixed(1)} ms; keystrokes: whole detections ${whole.toFixed(1)} ms, the others ${rest.toFixed(1)} ms; each: ${cpu.join(' ')}`,
  );
}

void main();
