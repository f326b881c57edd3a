/**
 * Issue 14, thirteenth round: the walks of boilerplate's `passes` are functions of their own (detect.ts), so that V8
 * cannot compile `passes` at one of its loops (on-stack replacement) and keep re-entering that code after it
 * deoptimises (docs/performance.md). Each helper does what its loop did.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  detectBoilerplate,
  fillColumns,
  flagLikeBefore,
  flagEach,
  menuChannels,
  pagers,
  prefixCounts,
  probabilities,
  unflagKept,
  unflagLines,
  unsureBelow,
  type Flag,
  type LineRecord,
} from '../../server/src/service/boilerplate/detect';
import { lineInfo } from '../../server/src/service/boilerplate/lines';
import { LineIndex } from '../../server/src/service/text';
import { countFlags, lineRanks, rankLines } from '../../server/src/service/boilerplate/scorer';
import { nextUnits } from '../../server/src/service/dates/atoms';
import { blankInvisibles } from '../../server/src/service/spans';
import { phraseKind, type PhraseHit } from '../../server/src/service/boilerplate/phrases';
import * as v8 from 'node:v8';

const hit = (kind: PhraseHit['kind'], heading = false): PhraseHit => ({ kind, heading, marker: false, inBody: false, section: false });
const flag = (kind: Flag['kind'], confident: boolean): Flag => ({ kind, confident });

describe("boilerplate passes' loops, each in a function (detect.ts)", () => {
  it('fillColumns: the measures, normalised texts and phrases of the records, in order', () => {
    const records: LineRecord[] = ['首页', '', '正文。'].map((t, i) => ({
      info: lineInfo(t),
      norm: `n${i}`,
      phrase: i === 0 ? hit('navigation') : null,
    }));
    const infos = [lineInfo('前')];
    const norms = ['前'];
    const phrases: (PhraseHit | null)[] = [null];
    fillColumns(records, infos, norms, phrases);
    infos.shift();
    norms.shift();
    phrases.shift();
    assert.deepEqual(
      infos.map((x) => x.text),
      ['首页', '', '正文。'],
    );
    assert.equal(infos[1], records[1].info);
    assert.deepEqual(norms, ['n0', 'n1', 'n2']);
    assert.deepEqual(phrases, [records[0].phrase, null, null]);
  });

  it('menuChannels: a heading of 2-3 characters after 3 menu words of a run becomes navigation, nothing else', () => {
    const texts = ['国内', '国际', '', '财经', '评论', '专题', '热新闻', '一天'];
    const infos = texts.map(lineInfo);
    const phrases: (PhraseHit | null)[] = texts.map(() => null);
    phrases[4] = hit('comments', true); // after 国内 国际 财经 (the blank line neither counts nor breaks the run)
    phrases[5] = hit('related', true); // after four: renamed too
    phrases[6] = hit('related', true); // three characters, but its line is not a menu word below
    const menu = Uint8Array.from([1, 1, 0, 1, 1, 1, 0, 1]);
    const before = phrases[4];
    menuChannels(infos, phrases, menu);
    assert.deepEqual(phrases[4], { ...before, kind: 'navigation', heading: false });
    assert.notEqual(phrases[4], before, 'a new hit: the memo shares the old one');
    assert.equal(before!.kind, 'comments');
    assert.equal(phrases[5]!.kind, 'navigation');
    assert.equal(phrases[6]!.kind, 'related');
    // Only two menu words before it: still a heading.
    const early: (PhraseHit | null)[] = [null, null, hit('comments', true)];
    menuChannels(['国内', '国际', '评论'].map(lineInfo), early, Uint8Array.from([1, 1, 1]));
    assert.equal(early[2]!.heading, true);
  });

  it('unflagKept: kept lines lose their flag unless their wording named a kind', () => {
    const flags = [flag('related', true), flag('related', true), flag('share', true), null];
    unflagKept(flags, Uint8Array.from([1, 0, 1, 1]), [null, null, hit('share'), null]);
    assert.deepEqual(flags, [null, flag('related', true), flag('share', true), null]);
  });

  it('unflagLines: exactly the given lines lose their flag', () => {
    const flags = [flag('related', true), flag('navigation', false), flag('share', true)];
    unflagLines(flags, new Set([0, 2]));
    assert.deepEqual(flags, [null, flag('navigation', false), null]);
  });

  it('flagEach: each line its own flag; with keepFlagged only the lines not flagged yet', () => {
    const flags: (Flag | null)[] = [null, flag('related', true), null, null];
    flagEach(flags, [1, 2], 'navigation', true, false);
    assert.deepEqual(flags, [null, flag('navigation', true), flag('navigation', true), null]);
    assert.notEqual(flags[1], flags[2]);
    flagEach(flags, [0, 1], 'other', false, true);
    assert.deepEqual(flags, [flag('other', false), flag('navigation', true), flag('navigation', true), null]);
  });

  it("probabilities: the scorer's probability of each vector, null for a line without one", () => {
    const scorer = { features: ['a', 'b'], weights: [1, -2], threshold: 0.5 };
    const out = probabilities(scorer, [Float64Array.from([1, 0]), null, Float64Array.from([0, 1])]);
    assert.deepEqual(out, [1 / (1 + Math.exp(-1)), null, 1 / (1 + Math.exp(2))]);
  });

  it('unsureBelow: confident flags scored under the threshold (or not scored) become unsure', () => {
    const flags = [flag('related', true), flag('share', true), flag('navigation', false), null, flag('footer', true)];
    unsureBelow(flags, [0.2, 0.9, 0.1, null, null], 0.5);
    assert.deepEqual(flags, [flag('related', false), flag('share', true), flag('navigation', false), null, flag('footer', false)]);
  });

  it('pagers: a run of page numbers and pager words becomes navigation, each flag keeping its confidence', () => {
    const texts = ['上一页', '1', '2', '下一页', '相关'];
    const flags = [flag('related', true), flag('related', false), flag('comments', true), flag('related', true), flag('related', true)];
    pagers(texts.map(lineInfo), flags);
    assert.deepEqual(flags, [
      flag('navigation', true),
      flag('navigation', false),
      flag('navigation', true),
      flag('navigation', true),
      flag('related', true),
    ]);
    // Numbers alone are no pager.
    const numbers = [flag('related', true), flag('related', true)];
    pagers(['1', '2'].map(lineInfo), numbers);
    assert.deepEqual(numbers, [flag('related', true), flag('related', true)]);
  });

  it("the flags pagers writes and the hits menuChannels writes have their kind's one map", () => {
    v8.setFlagsFromString('--allow-natives-syntax');
    const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
    const flags = [flag('related', true), flag('related', true)];
    pagers(['下一页', '2'].map(lineInfo), flags);
    assert.ok(sameMap(flags[0]!, flag('related', true)));
    const phrases: (PhraseHit | null)[] = [null, null, null, phraseKind(lineInfo('评论'), '评论')];
    assert.ok(phrases[3]?.heading, 'a heading to rename');
    menuChannels(['国内', '国际', '财经', '评论'].map(lineInfo), phrases, Uint8Array.from([1, 1, 1, 1]));
    assert.equal(phrases[3]!.kind, 'navigation');
    assert.ok(sameMap(phrases[3]!, phraseKind(lineInfo('评论'), '评论')!));
  });

  it("detectBoilerplate reads the caller's line starts (article.ts passes its line index's)", () => {
    const dir = path.join(__dirname, '..', 'fixtures', 'articles');
    const names = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'));
    assert.ok(names.length >= 11);
    for (const name of names) {
      const raw = fs.readFileSync(path.join(dir, name), 'utf8');
      // As they came, with \r\n breaks, and with invisible marks that blankInvisibles turns into spaces.
      for (const text of [raw, raw.replace(/\n/g, '\r\n'), raw.replace(/。/g, '。\u200b')]) {
        const visible = blankInvisibles(text);
        const starts = new LineIndex(text).starts;
        assert.deepEqual(detectBoilerplate(visible, { starts }), detectBoilerplate(visible), name);
      }
    }
    // Read, not recomputed: one start makes the text one line.
    const text = fs.readFileSync(path.join(dir, names[0]), 'utf8');
    assert.notDeepEqual(detectBoilerplate(text, { starts: [0] }).lineKinds, detectBoilerplate(text).lineKinds);
  });

  it('prefixCounts: non-blank lines, markers and lines with a hit before each line', () => {
    const infos = ['甲', '', '相关新闻', '乙', ''].map(lineInfo);
    const marker: PhraseHit = { ...hit('related', true), marker: true };
    const phrases = [null, null, marker, hit('share'), null];
    const nonBlank = new Int32Array(6);
    const markers = new Int32Array(6);
    const hits = new Int32Array(6);
    prefixCounts(infos, phrases, nonBlank, markers, hits);
    assert.deepEqual([...nonBlank], [0, 1, 1, 2, 3, 3]);
    assert.deepEqual([...markers], [0, 0, 0, 1, 1, 1]);
    assert.deepEqual([...hits], [0, 0, 0, 1, 2, 2]);
  });

  it('rankLines (lineRanks): each non-blank line its rank among them, -1 for a blank one', () => {
    const infos = ['', '甲', '乙', '', '丙'].map(lineInfo);
    assert.deepEqual(lineRanks(infos), { rank: Int32Array.from([-1, 0, 1, -1, 2]), nonBlank: [1, 2, 4] });
    const rank = new Int32Array(5).fill(-1);
    const nonBlank = [9];
    rankLines(infos, rank, nonBlank);
    assert.deepEqual(nonBlank, [9, 1, 2, 4]);
    assert.deepEqual([...rank], [-1, 1, 2, -1, 3]);
  });

  it('countFlags: flagged and confidently flagged lines among the first r non-blank lines', () => {
    const flags = [flag('related', true), null, flag('share', false), flag('footer', true), null];
    const flaggedTo = new Int32Array(5);
    const confidentTo = new Int32Array(5);
    countFlags(flags, [0, 2, 3, 4], flaggedTo, confidentTo);
    assert.deepEqual([...flaggedTo], [0, 1, 2, 3, 3]);
    assert.deepEqual([...confidentTo], [0, 1, 1, 2, 2]);
  });

  it('nextUnits (dates/atoms.ts): where the next unit character is, past the end after the last', () => {
    const text = '今年3月5日上午';
    const next = nextUnits(text);
    assert.equal(next.length, text.length + 1);
    const want: number[] = [];
    for (let k = 0; k <= text.length; k++) {
      let j = k;
      while (j < text.length && !'年月日'.includes(text[j])) j++;
      want.push(j);
    }
    // 上午 holds no unit character of the table: past the end, by the window.
    assert.deepEqual([...next].slice(0, 6), want.slice(0, 6));
    assert.ok(next[text.length] > text.length);
    assert.equal(next[6], next[text.length]);
  });

  it('flagLikeBefore (sandwiched): each line takes the kind of the line paired with it, unsure', () => {
    const flags = [flag('share', true), null, flag('navigation', true), null];
    flagLikeBefore(flags, [1, 0, 3, 2]);
    assert.deepEqual(flags, [flag('share', true), flag('share', false), flag('navigation', true), flag('navigation', false)]);
  });
});
