/**
 * Incremental analysis is only worth having if it is invisible: after any sequence of edits, what the editor's
 * service answers (memo of tagged lines, lazily computed parts) equals a full re-analysis of the text from scratch.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseArticle, type Article } from '../../server/src/service/article';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { createLanguageService } from '../../server/src/service/index';
import { SiteIndex } from '../../server/src/service/boilerplate';
import { lazyRecognizer, loadNerModel, sharedTagger } from '../../server/src/node/model';
import { TokenResults, tokenEdits } from '../../server/src/service/incremental/tokenDelta';
import { paragraphCaches } from '../../server/src/service/incremental/paragraphs';
import { LineArrays, lineEndAt } from '../../server/src/service/incremental/lineArrays';
import { NormalizedText } from '../../server/src/service/incremental/normalizedText';
import { boilerplateLines, detectBoilerplate } from '../../server/src/service/boilerplate/detect';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { LineIndex } from '../../server/src/service/text';
import { Rng } from '../../scripts/lib/rng';
import { getDiagnostics } from '../../server/src/service/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { createLocalizer } from '../../server/src/service/messages';

const DIR = path.join(__dirname, '..', 'fixtures', 'articles');
const PAGES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

const rng = (seed: number) => {
  const r = new Rng(seed);
  return () => r.next();
};

/** What an edit can bring in: names, dates (absolute and anaphoric), boilerplate lines, paragraph breaks. */
const SNIPPETS = [
  '普京',
  '王文說，',
  '习近平表示',
  '7月3日',
  '2019年9月8日',
  '次日',
  '當天',
  '责任编辑：张三',
  '\n',
  '\n\n',
  '。',
  '台北市政府',
  '（記者李明／台北報導）',
];

type Edit = { at: number; remove: number; insert: string };

function randomEdit(text: string, next: () => number): Edit {
  const at = Math.floor(next() * (text.length + 1));
  const r = next();
  if (r < 0.35) return { at, remove: 0, insert: text.charAt(Math.floor(next() * text.length)) }; // a keystroke
  if (r < 0.6) return { at, remove: 0, insert: SNIPPETS[Math.floor(next() * SNIPPETS.length)] };
  if (r < 0.8) return { at, remove: Math.min(text.length - at, 1 + Math.floor(next() * 30)), insert: '' };
  // Move a whole line elsewhere (cut and paste), which changes what comes before every line in between.
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
  return { at: lineStart, remove: lineEnd - lineStart, insert: '' };
}

/** Everything a feature reads of an article, as plain data. */
function view(a: Article) {
  return {
    text: a.text,
    normalized: a.normalized,
    script: a.script,
    published: a.published,
    reference: a.reference,
    headline: a.headline,
    blocks: a.blocks,
    entities: a.entities,
    clusters: a.clusters.map((c) => ({
      id: c.id,
      canonical: c.canonical,
      type: c.type,
      aliases: c.aliases,
      mentions: c.mentions.map((m) => m.start),
    })),
    clusterOf: a.clusterOf.map((c) => c.id),
    dates: a.dates,
    lines: [...a.lines.starts],
  };
}

/** Each edit after the first, through the carried lines: equal to a fresh detection; decided from the previous version or not. */
function typeThrough(texts: string[]): { blocks: string[]; reused: boolean }[] {
  const lines = boilerplateLines();
  detectBoilerplate(texts[0], { lines });
  return texts.slice(1).map((text) => {
    const before = lines.decided.reused;
    const got = detectBoilerplate(text, { lines });
    assert.deepEqual(got, detectBoilerplate(text));
    return { blocks: got.blocks.map((b) => b.kind), reused: lines.decided.reused > before };
  });
}

describe('incremental analysis', function () {
  this.timeout(120000);
  // The reference: a recogniser of its own, no memo shared with the editor's.
  const fresh = createEntityRecognizer({ model: loadNerModel() });

  it('equals a full re-analysis after random edit sequences on the gold pages', () => {
    const tagger = sharedTagger();
    assert.ok(tagger, 'the shipped model loads');
    const service = createLanguageService({ recognizer: lazyRecognizer() });
    let edits = 0;
    const missesBefore = tagger.stats.misses;
    for (const [p, page] of PAGES.slice(0, 6).entries()) {
      let text = fs.readFileSync(path.join(DIR, page), 'utf8');
      const uri = `file:///${page}`;
      const next = rng(1000 + p);
      for (let version = 1; version <= 25; version++) {
        const edit = randomEdit(text, next);
        text = text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove);
        const current = text;
        const got = service.analyse({ uri, version, getText: () => current });
        // The diagnostics path reads the boilerplate first; the rest is computed on first read.
        assert.deepEqual(got.blocks, analyseArticle(current, { recognizer: fresh }).blocks);
        // The diagnostics lent by the last version's answer are the ones a fresh analysis gives.
        assert.deepEqual(
          service.diagnostics({ uri, version, getText: () => current }),
          getDiagnostics(analyseArticle(current, { recognizer: fresh }), DEFAULT_SETTINGS, createLocalizer('en')),
        );
        assert.deepEqual(
          view(got),
          view(analyseArticle(current, { recognizer: fresh })),
          `${page}, seed ${1000 + p}, edit ${version}: ${JSON.stringify(edit)}`,
        );
        edits++;
      }
      service.close(uri);
    }
    // Incremental, not merely correct: an edit touches a line or two, so few lines go back to the model
    // (the first version of each page is tagged whole).
    const perEdit = (tagger.stats.misses - missesBefore) / edits;
    assert.ok(perEdit < 12, `lines re-tagged per edit: ${perEdit.toFixed(1)}`);
  });

  it('re-reads only the paragraphs an edit touched, and still equals a full re-analysis, on every gold page', () => {
    // No memo of tagged lines here: the paragraph cache alone must make the result both right and incremental.
    const recognizer = createEntityRecognizer({ model: loadNerModel() });
    let edits = 0;
    let recomputed = 0;
    for (const [p, page] of PAGES.entries()) {
      let text = fs.readFileSync(path.join(DIR, page), 'utf8');
      const caches = paragraphCaches();
      assert.ok(analyseArticle(text, { recognizer, paragraphs: caches }).entities.length > 0);
      const next = rng(2000 + p);
      for (let version = 1; version <= 15; version++) {
        const edit = randomEdit(text, next);
        text = text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove);
        const before = caches.entities.stats.misses;
        const got = analyseArticle(text, { recognizer, paragraphs: caches });
        assert.deepEqual(
          view(got),
          view(analyseArticle(text, { recognizer: fresh })),
          `${page}, seed ${2000 + p}, edit ${version}: ${JSON.stringify(edit)}`,
        );
        recomputed += caches.entities.stats.misses - before;
        edits++;
      }
    }
    // An edit touches one line, two when it inserts a line break, a few when it cuts a stretch of text.
    assert.ok(recomputed / edits < 3, `paragraphs re-read per edit: ${(recomputed / edits).toFixed(2)}`);
  });

  it('lends no diagnostic whose severity or wording changed with the settings or the language', () => {
    const recognizer = createEntityRecognizer({});
    const service = createLanguageService({ recognizer });
    const text = fs.readFileSync(path.join(DIR, PAGES[0]), 'utf8');
    const doc = { uri: 'file:///settings', version: 1, getText: () => text };
    assert.ok(service.diagnostics(doc).length > 0);
    const settings = { ...DEFAULT_SETTINGS, boilerplate: { ...DEFAULT_SETTINGS.boilerplate, severity: 'error' as const } };
    service.setSettings(settings);
    assert.deepEqual(service.diagnostics(doc), getDiagnostics(analyseArticle(text, { recognizer }), settings, createLocalizer('en')));
    service.setLocale('zh-tw');
    assert.deepEqual(service.diagnostics(doc), getDiagnostics(analyseArticle(text, { recognizer }), settings, createLocalizer('zh-tw')));
  });

  it('drops what another recogniser found when the recogniser changes (a new dictionary, the model turned on)', () => {
    const caches = paragraphCaches();
    let text = fs.readFileSync(path.join(DIR, PAGES[1]), 'utf8');
    const plain = createEntityRecognizer({});
    assert.ok(analyseArticle(text, { recognizer: plain, paragraphs: caches }).entities.length > 0);
    text = text.replace('\n', '\n习近平表示\n');
    const got = analyseArticle(text, { recognizer: fresh, paragraphs: caches });
    assert.deepEqual(view(got), view(analyseArticle(text, { recognizer: fresh })));
  });

  it('equals a full re-analysis with the folder signal and keep marks in play', () => {
    const index = new SiteIndex();
    const texts = PAGES.slice(6).map((p) => fs.readFileSync(path.join(DIR, p), 'utf8'));
    texts.forEach((t, i) => index.set(`file:///${i}`, t));
    let contextVersion = 0;
    const kept = new Set<string>();
    const service = createLanguageService({
      recognizer: lazyRecognizer(),
      contextFor: (uri) => ({ recurring: index.recurring(uri), kept, version: contextVersion }),
    });
    let text = texts[0];
    const next = rng(7);
    for (let version = 1; version <= 20; version++) {
      const edit = randomEdit(text, next);
      text = text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove);
      index.set('file:///0', text);
      if (version % 5 === 0) {
        kept.add(
          text
            .split('\n')
            .find((l) => l.trim().length > 3)!
            .trim(),
        );
        contextVersion++;
      } else contextVersion++;
      const current = text;
      const got = service.analyse({ uri: 'file:///0', version, getText: () => current });
      const want = analyseArticle(current, { recognizer: fresh, recurring: index.recurring('file:///0'), kept });
      assert.deepEqual(view(got), view(want), `edit ${version}: ${JSON.stringify(edit)}`);
    }
  });
});

/** Edits that move line boundaries in every way a line index knows, and change what normalising a line gives. */
const LINE_SNIPPETS = ['\r', '\r\n', '\n', '\u200b', '國際新聞', '（）', '　', '，', '相關新聞', '版權所有', '責任編輯：王五'];

function lineEdit(text: string, next: () => number): Edit {
  if (next() < 0.5) return randomEdit(text, next);
  const at = Math.floor(next() * (text.length + 1));
  const remove = next() < 0.3 ? Math.min(text.length - at, Math.floor(next() * 3)) : 0;
  return { at, remove, insert: LINE_SNIPPETS[Math.floor(next() * LINE_SNIPPETS.length)] };
}

describe('per-line arrays carried across versions', function () {
  this.timeout(120000);

  it('split, normalise and detect boilerplate as a full pass does, after random edit sequences on every gold page', () => {
    let edits = 0;
    let made = 0;
    for (const [p, page] of PAGES.entries()) {
      let text = fs.readFileSync(path.join(DIR, page), 'utf8');
      const lines = new LineArrays<string>();
      const records = boilerplateLines();
      const normalized = new NormalizedText();
      const next = rng(5000 + p);
      for (let version = 0; version <= 30; version++) {
        if (version > 0) {
          const edit = lineEdit(text, next);
          text = text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove);
        }
        const where = `${page}, seed ${5000 + p}, edit ${version}`;
        const got = lines.update(text, (t, starts, first, last) =>
          Array.from({ length: last - first }, (_, k) => t.slice(starts[first + k], lineEndAt(t, starts, first + k))),
        );
        assert.deepEqual(got.starts, new LineIndex(text).starts, where);
        assert.deepEqual(got.values, text.split(/\r\n|\r|\n/), where);
        assert.equal(normalized.of(text), normalizeForMatching(text), where);
        const before = records.stats.made;
        assert.deepEqual(detectBoilerplate(text, { lines: records }), detectBoilerplate(text), where);
        if (version > 0) {
          made += records.stats.made - before;
          edits++;
        }
      }
    }
    // Incremental, not merely right: an edit changes a line or two (a few when it cuts a stretch or adds breaks).
    assert.ok(made / edits < 4, `lines measured again per edit: ${(made / edits).toFixed(2)}`);
  });

  it("keeps the folder's counts of recurring lines as a fresh index has them, while one of its files is edited", () => {
    const texts = PAGES.map((p) => fs.readFileSync(path.join(DIR, p), 'utf8'));
    // Two copies of one page, so its lines recur, and the edited file shares lines with both.
    texts.push(texts[0]);
    const uris = texts.map((_, i) => `file:///${i}`);
    const index = new SiteIndex();
    uris.forEach((u, i) => index.set(u, texts[i]));
    const next = rng(77);
    let previous = texts[0];
    for (let version = 1; version <= 60; version++) {
      const edit = lineEdit(texts[0], next);
      texts[0] = texts[0].slice(0, edit.at) + edit.insert + texts[0].slice(edit.at + edit.remove);
      index.set(uris[0], texts[0]);
      const fresh = new SiteIndex();
      uris.forEach((u, i) => fresh.set(u, texts[i]));
      const lines = new Set([...texts[0].split(/\r\n|\r|\n/), ...previous.split(/\r\n|\r|\n/), ...texts[1].split('\n')]);
      for (const u of uris.slice(0, 3)) {
        const got = index.recurring(u);
        const want = fresh.recurring(u);
        for (const l of lines) assert.equal(got(l), want(l), `edit ${version} ${JSON.stringify(edit)}, ${u}: ${l}`);
      }
      previous = texts[0];
    }
  });
});

/**
 * What typing into one line can bring in: a character, wording of boilerplate and of article metadata, the marks
 * that start or end a label, a list item, a pager or a reference.
 */
const TYPED = ['的', '。', '，', '1', '：', ' ', '|', '>', '【', '】', 'a', '(', '（', '）', '页', '>>', '[1]', '^ ', '• ', '14:30', '摄'];
const WORDED = [
  '相关新闻',
  '版权所有',
  '责任编辑',
  '更多',
  '原标题：',
  '来源：',
  '记者 王五',
  '2019年7月5日',
  '首页',
  '上一页',
  '分享到',
  '参考文献',
];

/**
 * An edit inside one line (no line break added or removed): typed at a random place, at the start or at the end of
 * the line (where labels, list marks and sentence ends are read), or up to three characters deleted.
 */
function lineTyping(text: string, next: () => number): Edit {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const k = Math.floor(next() * starts.length);
  const from = starts[k];
  let to = k + 1 < starts.length ? starts[k + 1] - 1 : text.length;
  if (to > from && text.charAt(to - 1) === '\r') to--;
  const place = next();
  const at = place < 0.2 ? from : place < 0.4 ? to : from + Math.floor(next() * (to - from + 1));
  const r = next();
  if (r < 0.3) return { at, remove: 0, insert: to > from ? text.charAt(from + Math.floor(next() * (to - from))) : '的' };
  if (r < 0.5) return { at, remove: 0, insert: TYPED[Math.floor(next() * TYPED.length)] };
  if (r < 0.7) return { at, remove: 0, insert: WORDED[Math.floor(next() * WORDED.length)] };
  return { at: Math.min(at, to), remove: Math.min(to - Math.min(at, to), 1 + Math.floor(next() * 3)), insert: '' };
}

describe('boilerplate decided from the previous version after an edit to one line', function () {
  this.timeout(120000);

  it('equals a full detection, blocks and diagnostics, after random typing on every gold page, and is used', () => {
    let edits = 0;
    let reused = 0;
    // Diagnostics read the boilerplate only: a recogniser without the model will do.
    const recognizer = createEntityRecognizer({});
    const service = createLanguageService({ recognizer });
    for (const [p, page] of PAGES.entries()) {
      let text = fs.readFileSync(path.join(DIR, page), 'utf8');
      const lines = boilerplateLines();
      const uri = `file:///${page}`;
      const next = rng(9000 + p);
      for (let version = 0; version <= 80; version++) {
        if (version > 0) {
          // Mostly typing inside a line, sometimes an edit that moves lines (which must start a full detection).
          const edit = next() < 0.9 ? lineTyping(text, next) : randomEdit(text, next);
          text = text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove);
        }
        const where = `${page}, seed ${9000 + p}, edit ${version}`;
        const before = lines.decided.reused;
        assert.deepEqual(detectBoilerplate(text, { lines }), detectBoilerplate(text), where);
        if (version > 0) {
          reused += lines.decided.reused - before;
          edits++;
        }
        const current = text;
        const doc = { uri, version: version + 1, getText: () => current };
        // The service decides every edit as above; its diagnostics are compared at every fourth (a full analysis each).
        if (version % 4 !== 0) {
          service.diagnostics(doc);
          continue;
        }
        assert.deepEqual(
          service.diagnostics(doc),
          getDiagnostics(analyseArticle(current, { recognizer }), DEFAULT_SETTINGS, createLocalizer('en')),
          where,
        );
      }
      service.close(uri);
    }
    // Decided without the passes for a good share of the edits (the rest: lines before the body, a line whose
    // facts changed, edits across lines), so the test fails if the shortcut stops being taken.
    assert.ok(reused / edits > 0.15, `edits decided from the previous version: ${reused} of ${edits}`);
  });

  it('equals a full detection with the folder signal, while the other files of the folder change', () => {
    const texts = PAGES.map((p) => fs.readFileSync(path.join(DIR, p), 'utf8'));
    let edits = 0;
    let reused = 0;
    for (let p = 0; p < 4; p++) {
      const index = new SiteIndex();
      // The other pages, and a sibling of the same site: this page's short lines (its menus and buttons) without its
      // title and headline (a copy of the story would not count: a line must recur more often than the headline).
      texts.forEach((t, k) => index.set(`file:///${k}`, t));
      const site = (t: string) =>
        t
          .split('\n')
          .slice(8)
          .filter((l) => l.trim().length <= 40)
          .join('\n');
      index.set('file:///site', site(texts[p]));
      const uri = `file:///${p}`;
      let text = texts[p];
      const lines = boilerplateLines();
      const next = rng(9500 + p);
      for (let version = 0; version <= 40; version++) {
        if (version > 0) {
          const edit = lineTyping(text, next);
          text = text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove);
          index.set(uri, text);
        }
        // Every third edit the sibling changes (to another site's, or back), which changes what recurs.
        if (version % 3 === 2) index.set('file:///site', site(texts[version % 6 === 2 ? (p + 1) % texts.length : p]));
        const where = `page ${p}, seed ${9500 + p}, edit ${version}`;
        const before = lines.decided.reused;
        const got = detectBoilerplate(text, { lines, recurring: index.recurring(uri), recurringVersion: index.versionFor(uri) });
        assert.deepEqual(got, detectBoilerplate(text, { recurring: index.recurring(uri) }), where);
        if (version > 0) {
          reused += lines.decided.reused - before;
          edits++;
        }
      }
    }
    assert.ok(reused / edits > 0.08, `edits decided from the previous version: ${reused} of ${edits}`);
  });

  it('equals a full detection when a line is replaced by a line of another page that reads the same to the passes', () => {
    // Lines of every page, by length: a line swapped for one of about its length often has the same facts
    // (measures, wording tests, phrase, shape), so the shortcut is taken on many different pairs of lines.
    const pool = new Map<number, string[]>();
    for (const page of PAGES)
      for (const l of fs.readFileSync(path.join(DIR, page), 'utf8').split(/\r\n|\r|\n/)) {
        const t = l.trim();
        if (t.length <= 1) continue;
        const same = pool.get(t.length) ?? [];
        same.push(l);
        pool.set(t.length, same);
      }
    let swaps = 0;
    let reused = 0;
    for (const [p, page] of PAGES.entries()) {
      const original = fs.readFileSync(path.join(DIR, page), 'utf8').split('\n');
      const lines = boilerplateLines();
      detectBoilerplate(original.join('\n'), { lines });
      const next = rng(9700 + p);
      for (let k = 0; k < 120; k++) {
        const at = Math.floor(next() * original.length);
        const len = original[at].trim().length + Math.floor(next() * 5) - 2;
        const same = pool.get(len);
        if (!same || original[at].includes('\r')) continue;
        const swapped = original.slice();
        swapped[at] = same[Math.floor(next() * same.length)];
        // There and back: each is an edit to one line.
        for (const text of [swapped.join('\n'), original.join('\n')]) {
          const before = lines.decided.reused;
          assert.deepEqual(detectBoilerplate(text, { lines }), detectBoilerplate(text), `${page}, line ${at}: ${swapped[at]}`);
          reused += lines.decided.reused - before;
          swaps++;
        }
      }
    }
    assert.ok(reused / swaps > 0.05, `swaps decided from the previous version: ${reused} of ${swaps}`);
  });

  it('detects anew when another file of the folder changed what recurs, though the edit alone would not', () => {
    const text = [
      '市政府公布新交通计划 - 示例新闻网',
      '市政府公布新交通计划',
      '2019年7月5日 来源：示例日报',
      '市政府今天公布了新的交通计划，计划在未来五年内新建三条地铁线路，并改造多条主要道路。',
      '市长在发布会上表示，新计划将大大缓解城市的交通压力，市民出行将更加方便快捷。',
      '据介绍，第一条新线路预计将于明年年底开工建设，总投资约为两百亿元人民币。',
      '欢迎关注公众号。',
      '本站所有文章仅供参考。',
      '点击这里进入交通专题报道',
    ].join('\n');
    const index = new SiteIndex();
    index.set('file:///site', '欢迎关注公众号。\n本站所有文章仅供参考。');
    index.set('file:///me', text);
    const lines = boilerplateLines();
    const detect = (t: string) =>
      detectBoilerplate(t, { lines, recurring: index.recurring('file:///me'), recurringVersion: index.versionFor('file:///me') });
    const first = detect(text);
    // The two closing lines recur on the site: flagged.
    assert.ok(first.lineKinds[6] && first.lineKinds[7]);
    // Typing into the last line alone would be decided from the previous version ...
    const typed = text.replace('进入交通', '进入的交通');
    index.set('file:///me', typed);
    assert.deepEqual(detect(typed), first);
    assert.equal(lines.decided.reused, 1);
    // ... but not once the other file no longer has those lines.
    index.set('file:///site', '首页');
    const again = typed.replace('进入的交通', '进入交通');
    index.set('file:///me', again);
    const got = detect(again);
    assert.equal(got.lineKinds[6], null);
    assert.deepEqual(got, detectBoilerplate(again, { recurring: index.recurring('file:///me') }));
  });

  it("decides an edit to a line's metadata wording after the body without the passes where none reads it, as a full detection does", () => {
    // Wording that ARTICLE_META or isStructureLine reads, typed at the start of a line or inside it, or taken out.
    const WORDING = ['原标题：', '来源：', '（原标题：', '记者 王五', '作者：', '文/', '2019-07-05', '14:30', '（完）', '更新时间：'];
    let edits = 0;
    let wording = 0;
    for (const [p, page] of PAGES.entries()) {
      let text = fs.readFileSync(path.join(DIR, page), 'utf8');
      const lines = boilerplateLines();
      detectBoilerplate(text, { lines });
      const next = rng(9500 + p);
      for (let k = 0; k < 60; k++) {
        const all = text.split('\n');
        // Mostly the second half of the page (after the body), where the shortcut may apply; sometimes anywhere.
        const at = next() < 0.8 ? Math.floor(all.length / 2 + next() * (all.length / 2)) : Math.floor(next() * all.length);
        const line = all[at];
        const r = next();
        const w = WORDING[Math.floor(next() * WORDING.length)];
        if (r < 0.5) all[at] = w + line;
        else if (r < 0.7) {
          const cut = Math.floor(next() * (line.length + 1));
          all[at] = line.slice(0, cut) + w + line.slice(cut);
        } else if (r < 0.85) all[at] = line.slice(Math.min(line.length, 1 + Math.floor(next() * 4)));
        else all[at] = line.replace(/^[（(]?(原标题|来源|作者|记者)[：:]?/u, '');
        text = all.join('\n');
        const before = lines.decided.wording;
        assert.deepEqual(detectBoilerplate(text, { lines }), detectBoilerplate(text), `${page}, seed ${9500 + p}, edit ${k}`);
        wording += lines.decided.wording - before;
        edits++;
      }
    }
    // The shortcut is taken for some of them (the rest: lines where a pass reads the wording, other facts changed).
    assert.ok(wording > 20, `edits decided with only the metadata wording changed: ${wording} of ${edits}`);
  });

  it("detects anew when a line becomes the page title's copy, which the title search (and locateBody) would find", () => {
    // A title of 5 characters: too short for a headline broken over lines to be looked for, so only the whole key counts.
    const text = [
      '交通新计划 - 示例网',
      '首页',
      '交通新计坏',
      '市政府交通新计划',
      '2019年7月5日 示例日报',
      '市政府今天公布了新的交通计划，计划在未来五年内新建三条地铁线路，并改造多条主要道路。',
      '市长在发布会上表示，新计划将大大缓解城市的交通压力，市民出行将更加方便快捷。',
      '据介绍，第一条新线路预计将于明年年底开工建设，总投资约为两百亿元人民币。',
      '相关新闻',
      '另一条新闻的标题在这里',
    ].join('\n');
    const lines = boilerplateLines();
    detectBoilerplate(text, { lines });
    // One character replaced: the same length, the same measures and wording, but now the title's key.
    const copy = text.replace('新计坏', '新计划');
    const full = lines.decided.full;
    assert.deepEqual(detectBoilerplate(copy, { lines }), detectBoilerplate(copy));
    assert.equal(detectBoilerplate(copy).headline, 2);
    assert.equal(lines.decided.full, full + 1);
  });

  it("detects anew when a line's metadata wording changes where a pass reads it: after the body, before any marker", () => {
    const text = [
      '市政府公布新交通计划 - 示例新闻网',
      '市政府公布新交通计划',
      '2019年7月5日 示例日报',
      '市政府今天公布了新的交通计划，计划在未来五年内新建三条地铁线路，并改造多条主要道路。',
      '市长在发布会上表示，新计划将大大缓解城市的交通压力，市民出行将更加方便快捷。',
      '据介绍，第一条新线路预计将于明年年底开工建设，总投资约为两百亿元人民币。',
      '王五李四',
      '相关新闻',
      '另一条新闻的标题在这里',
      '第二条新闻的标题在这里',
    ].join('\n');
    const lines = boilerplateLines();
    detectBoilerplate(text, { lines });
    // Right after the body (structureLines' closing lines, flagLines still open): a byline is the article's.
    const signed = text.replace('王五李四', '作者：王五李四');
    const full = lines.decided.full;
    assert.deepEqual(detectBoilerplate(signed, { lines }), detectBoilerplate(signed));
    assert.equal(lines.decided.full, full + 1);
    assert.equal(lines.decided.wording, 0);
    // Further down, past those closing lines, but before any marker or section: flagLines still reads the wording.
    const teasers = Array.from({ length: 24 }, (_, k) => `另一条新闻的标题在这里第${k}条`);
    const open = [...text.split('\n').slice(0, 6), ...teasers, '（原标题：另一条新闻的标题）', '另一条新闻的标题在这里'].join('\n');
    const openLines = boilerplateLines();
    detectBoilerplate(open, { lines: openLines });
    const typed = open.replace('（原标题：', '（原标的题：');
    assert.deepEqual(detectBoilerplate(typed, { lines: openLines }), detectBoilerplate(typed));
    assert.notDeepEqual(detectBoilerplate(typed), detectBoilerplate(open));
    assert.equal(openLines.decided.wording, 0);
  });

  it('locates the body again when a prose line changes, and detects anew when that moves what it found', () => {
    const sentence = '市长在发布会上表示，新计划将大大缓解城市的交通压力，市民出行将更加方便快捷。';
    const text = [
      '市政府公布新交通计划 - 示例新闻网',
      '市政府公布新交通计划',
      '2019年7月5日 来源：示例日报',
      '市政府今天公布了新的交通计划，计划在未来五年内新建三条地铁线路，并改造多条主要道路。',
      sentence,
      '据介绍，第一条新线路预计将于明年年底开工建设，总投资约为两百亿元人民币。',
      '相关新闻',
      sentence,
      '另一条新闻的标题在这里',
    ].join('\n');
    const lines = boilerplateLines();
    // The repeat of a body sentence under 相关新闻 is the article's own words: kept, not flagged.
    assert.equal(detectBoilerplate(text, { lines }).lineKinds[7], null);
    // Typing into the body's sentence leaves every fact of that line as it was, but the repeat is no longer a copy.
    const typed = text.replace(`${sentence}\n据介绍`, `${sentence.replace('大大', '大大地')}\n据介绍`);
    const got = detectBoilerplate(typed, { lines });
    assert.notEqual(got.lineKinds[7], null);
    assert.deepEqual(got, detectBoilerplate(typed));
  });

  it('reads a line growing past 24 characters as the two passes that compare 24 do, and only there', () => {
    // A table of contents' heading longer than 24 is not one (contents.ts).
    const wiki = (heading: string) =>
      [
        '王小云',
        '',
        '王小云是中国密码学家，清华大学高等研究院讲座教授，中国科学院院士，长期从事密码学研究工作。',
        heading,
        '1 简介',
        '2 生平',
        '3 研究',
        '4 参考',
        '王小云生于山东诸城，一九九三年获山东大学数学博士学位，此后长期在山东大学从事教学和研究工作。',
        '她在密码分析领域取得了多项重要成果，其研究成果在国际密码学界引起了广泛的关注和讨论。',
        '二零零五年她被评为中国科学院院士，此后又获得了多项国内外的重要学术奖励和荣誉称号。',
      ].join('\n');
    assert.deepEqual(typeThrough([wiki('Table of Contents[hide]'), wiki('Table of Contents [hide]'), wiki('【Table of Contents [hide]')]), [
      { blocks: ['navigation'], reused: true },
      { blocks: [], reused: false },
    ]);
    // A line of 24 or fewer characters signed over a date after the body is the article's (落款); one of 25 is not.
    const notice = (signature: string, sentence: string) =>
      [
        '市政府关于进一步加强城市道路交通安全管理的通知',
        '',
        '各区人民政府，市政府各委、办、局，各有关单位：',
        '为进一步加强城市道路交通安全管理，保障人民群众生命财产安全，根据有关法律法规的规定，结合本市实际，现就有关事项通知如下。',
        sentence,
        '二、各有关部门要按照职责分工，密切配合，形成合力，扎实开展道路交通安全隐患排查治理工作，确保各项措施落到实处。',
        '三、本通知自发布之日起施行，由市公安局负责解释，各单位在执行过程中遇到的问题，请及时向市公安局反映。',
        signature,
        '2019年7月5日',
        '',
        '版权所有 © 2019 某某市人民政府 保留所有权利',
        '网站地图 | 联系我们 | 关于我们',
      ].join('\n');
    const signature = (n: number) => '某某市人民政府办公室某某市交通运输委员会联合发布单位名称'.slice(0, n);
    const sentence = '一、各区要切实加强组织领导，明确工作责任，建立健全道路交通安全工作机制。';
    assert.equal(sentence.length, 36);
    assert.deepEqual(
      typeThrough([
        notice(signature(23), sentence),
        notice(signature(24), sentence),
        notice(signature(25), sentence),
        // A prose line crossing 24 is read by neither pass: decided from the previous version.
        notice(signature(25), sentence.slice(0, 23)),
        notice(signature(25), sentence.slice(0, 23) + '。'),
        notice(signature(25), sentence.slice(0, 23) + '之。'),
      ]),
      [
        { blocks: ['copyright', 'footer'], reused: true },
        { blocks: ['related', 'copyright', 'footer'], reused: false },
        { blocks: ['related', 'copyright', 'footer'], reused: false },
        { blocks: ['related', 'copyright', 'footer'], reused: false },
        { blocks: ['related', 'copyright', 'footer'], reused: true },
      ],
    );
  });

  it('reads a line growing past 200 or 300 characters from the previous version, unless it is a reference entry', () => {
    const reusedThrough = (texts: string[]) => typeThrough(texts).map((edit) => edit.reused);
    const clause = '各有关部门要按照职责分工密切配合形成合力，';
    const grown = (n: number) => (clause.repeat(Math.ceil(n / clause.length)).slice(0, n - 1) + '。').slice(0, n);
    const page = (paragraph: string, reference: string) =>
      [
        '市政府关于进一步加强城市道路交通安全管理的通知',
        '',
        '为进一步加强城市道路交通安全管理，保障人民群众生命财产安全，根据有关法律法规的规定，结合本市实际，现就有关事项通知如下。',
        paragraph,
        '三、本通知自发布之日起施行，由市公安局负责解释，各单位在执行过程中遇到的问题，请及时向市公安局反映。',
        '参考文献',
        reference,
        '',
        '版权所有 © 2019 某某市人民政府 保留所有权利',
        '网站地图 | 联系我们 | 关于我们',
      ].join('\n');
    const entry = (n: number) => ('[1] 王小云. 城市道路交通安全管理研究[J]. 交通运输研究, 2019(3): ' + '1'.repeat(n)).slice(0, n);
    assert.equal(grown(201).length, 201);
    assert.equal(entry(301).length, 301);
    // A body paragraph typed past 200 and past 300 characters: no pass reads those bounds of it.
    assert.deepEqual(
      reusedThrough([
        page(grown(199), entry(120)),
        page(grown(200), entry(120)),
        page(grown(201), entry(120)),
        page(grown(300), entry(120)),
        page(grown(301), entry(120)),
      ]),
      [true, true, true, true],
    );
    // A reference entry crossing 300 is no longer read as one (referenceLike): never decided from the previous version there.
    assert.deepEqual(reusedThrough([page(grown(120), entry(299)), page(grown(120), entry(300)), page(grown(120), entry(301))]), [
      true,
      false,
    ]);
  });

  it("changes the folder index's version for a file when another file changes, not when the file itself does", () => {
    const index = new SiteIndex();
    index.set('file:///a', '首页\n新闻\n');
    index.set('file:///b', '首页\n体育\n');
    const a = index.versionFor('file:///a');
    index.set('file:///a', '首页\n新闻\n正文\n');
    index.set('file:///a', '首页\n新闻\n正文二\n');
    assert.equal(index.versionFor('file:///a'), a);
    index.set('file:///b', '首页\n');
    assert.notEqual(index.versionFor('file:///a'), a);
    const b = index.versionFor('file:///a');
    index.delete('file:///b');
    assert.notEqual(index.versionFor('file:///a'), b);
  });
});

describe('semantic tokens delta', () => {
  it('is the one edit between the common prefix and suffix, and applies back to the new array', () => {
    const next = rng(3);
    for (let k = 0; k < 200; k++) {
      const before = Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 4));
      const after = before.slice();
      const at = Math.floor(next() * (after.length + 1));
      after.splice(at, Math.floor(next() * 5), ...Array.from({ length: Math.floor(next() * 5) }, () => Math.floor(next() * 4)));
      const edits = tokenEdits(before, after);
      const applied = before.slice();
      for (const e of edits) applied.splice(e.start, e.deleteCount, ...(e.data ?? []));
      assert.deepEqual(applied, after);
      assert.equal(edits.length, before.join() === after.join() ? 0 : 1);
    }
  });

  it('answers a delta only against the result id it kept, else the full array', () => {
    const results = new TokenResults();
    const first = results.full('u', { data: [0, 0, 2, 1, 0] });
    const delta = results.delta('u', first.resultId!, { data: [0, 0, 2, 1, 0, 1, 0, 2, 3, 0] });
    assert.ok('edits' in delta);
    assert.deepEqual(delta.edits, [{ start: 5, deleteCount: 0, data: [1, 0, 2, 3, 0] }]);
    const stale = results.delta('u', first.resultId!, { data: [1] });
    assert.ok('data' in stale && stale.data.length === 1);
  });
});
