/**
 * bodyTables stops reading a page once no later run of rows can be placed in the article region (structure.ts); it
 * must find exactly what the scan of every line found. The reference below is that scan, as it was.
 */
import * as assert from 'node:assert/strict';
import { lineInfo, type LineInfo } from '../../server/src/service/boilerplate/lines';
import type { PhraseHit } from '../../server/src/service/boilerplate/phrases';
import { bodyTables, shape, type StructureInput } from '../../server/src/service/boilerplate/structure';
import { Rng } from '../../scripts/lib/rng';

const LINK_SIGNAL = /(\(\d+\)|\[\d{1,2}-\d{1,2}\]|\d{1,2}-\d{1,2}$|更多|>>|»)/u;
const TABLE_REACH = 60;
const goesOn = (s: StructureInput, k: number) => {
  const x = s.infos[k];
  return x.prose && x.endsSentence && x.len >= 30 && !s.phrases[k];
};
function regionEnd(s: StructureInput, isMarker: (i: number) => boolean): number {
  const { infos, body } = s;
  if (!body) return -1;
  let end = body.end;
  let seen = 0;
  for (let k = body.end + 1; k < infos.length && seen < TABLE_REACH; k++) {
    if (infos[k].blank) continue;
    if (isMarker(k) || s.phrases[k]?.heading) break;
    seen++;
    if (goesOn(s, k)) end = k;
  }
  return end;
}
function referenceBodyTables(s: StructureInput, isMarker: (i: number) => boolean): Set<number> {
  const { infos, norms, phrases, body } = s;
  const out = new Set<number>();
  if (!body) return out;
  const shapeOf = (i: number) => shape(infos[i], norms[i]);
  const end = regionEnd(s, isMarker);
  const rowLike = (i: number) => {
    const x = infos[i];
    if (x.blank || x.len > 120 || x.len < 2 || (x.prose && x.len >= 60)) return false;
    return !phrases[i] && !LINK_SIGNAL.test(norms[i]);
  };
  const fields = (t: string) => t.split(/\s{2,}|\t|\s*\|\s*/u).filter((f) => f.length > 0).length;
  const above = (k: number) => {
    for (k--; k >= 0 && infos[k].blank; k--);
    return k;
  };
  let i = body.start;
  while (i < infos.length) {
    if (infos[i].blank || !rowLike(i)) {
      i++;
      continue;
    }
    const sh = shapeOf(i);
    const rows: number[] = [i];
    let j = i + 1;
    for (; j < infos.length; j++) {
      if (infos[j].blank) continue;
      if (!rowLike(j) || shapeOf(j) !== sh) break;
      rows.push(j);
    }
    const marked = sh[0] !== '-' || Number(sh.slice(1)) >= 2;
    const k = above(rows[0]);
    const lead =
      k >= body.start &&
      !phrases[k] &&
      infos[k].len <= 60 &&
      (/[:：]$/u.test(norms[k]) || (fields(norms[k]) >= 2 && fields(norms[k]) === fields(norms[rows[0]])));
    const placed = rows[rows.length - 1] <= end || (lead && above(k) <= end) || out.has(k);
    if (rows.length >= 3 && marked && placed) {
      for (const r of rows) out.add(r);
      if (lead) out.add(k);
    }
    i = rows.length >= 3 || !marked ? j : i + 1;
  }
  return out;
}

/** Rows of several shapes, lead-ins, header rows, paragraphs that go on, link lines, blank lines. */
const POOL = [
  '',
  '',
  '1. 报名',
  '2、缴费',
  '第三步 领取证件',
  '08:00 开幕式',
  '14:30 分组讨论',
  '问：什么时候开始？',
  '答：下周一。',
  '• 一项',
  '课程代码  课程名称',
  'A101  高等数学',
  'B202  大学物理',
  '报名步骤：',
  '日程如下：',
  '市长在发布会上表示，新计划将大大缓解城市的交通压力，市民出行将更加方便快捷。',
  '据介绍，第一条新线路预计将于明年年底开工建设，总投资约为两百亿元人民币，资金已经到位。',
  '另一条新闻的标题(12)',
  '更多新闻',
  '标题 | 作者 | 日期',
  '甲 | 乙 | 丙',
  '短',
  '普通的一行文字',
];

/** Rows of one shape each: numbered, timed, bulleted, spaced fields. */
const RUNS: ((k: number) => string)[] = [
  (k) => `${k + 1}. 第${k + 1}项内容`,
  (k) => `${8 + k}:00 活动安排`,
  (k) => `• 条目${k}`,
  (k) => `C${100 + k}  课程名称${k}`,
  (k) => (k % 2 ? '答：可以。' : '问：能否报名？'),
];

describe('boilerplate: tables inside the body read only as far as one can be placed', () => {
  it('finds what the scan of every line found, on random pages', () => {
    const rng = new Rng(77);
    let found = 0;
    for (let page = 0; page < 3000; page++) {
      const n = 5 + Math.floor(rng.next() * 80);
      // Single lines of the pool, and runs of 2 to 5 rows of one shape (tables, some right after one another).
      const lines: string[] = [];
      while (lines.length < n) {
        const r = rng.next();
        const rows = 2 + Math.floor(rng.next() * 4);
        const family = RUNS[Math.floor(rng.next() * RUNS.length)];
        if (r < 0.4) for (let k = 0; k < rows; k++) lines.push(family(k));
        else lines.push(POOL[Math.floor(rng.next() * POOL.length)]);
      }
      const infos: LineInfo[] = lines.map(lineInfo);
      const norms = infos.map((x) => x.text);
      const marker: PhraseHit = { kind: 'related', heading: true, marker: true, inBody: false, section: false };
      const other: PhraseHit = { kind: 'share', heading: false, marker: false, inBody: false, section: false };
      const phrases = infos.map(() => {
        const r = rng.next();
        return r < 0.03 ? marker : r < 0.08 ? other : null;
      });
      const start = Math.floor(rng.next() * n);
      const end = Math.min(n - 1, start + Math.floor(rng.next() * 30));
      const s: StructureInput = { infos, norms, phrases, headline: undefined, body: rng.next() < 0.05 ? null : { start, end } };
      const isMarker = (k: number) => !!phrases[k]?.marker;
      const want = referenceBodyTables(s, isMarker);
      assert.deepEqual([...bodyTables(s, isMarker)], [...want], `page ${page}: ${JSON.stringify({ lines, start, end })}`);
      found += want.size;
    }
    // The pages hold tables, inside the region, under lead-ins and chained after one another.
    assert.ok(found > 1000, `rows found: ${found}`);
  });
});
