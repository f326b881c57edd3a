import * as assert from 'node:assert/strict';
import { CodeActionKind, DiagnosticSeverity, type TextDocumentEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../../server/src/service/edits';
import { FIX_ALL_KIND, getCodeActions } from '../../server/src/service/features/codeActions';
import { getDiagnostics } from '../../server/src/service/features/diagnostics';
import { toAnnotations } from '../../server/src/service/features/exportAnnotations';
import { getHover } from '../../server/src/service/features/hover';
import { getDocumentSymbols, getFoldingRanges } from '../../server/src/service/features/outline';
import { getDocumentHighlights } from '../../server/src/service/features/references';
import { encodeTokens, legend, modifierBits, plainTokens, type PlainToken } from '../../server/src/service/features/semanticTokens';
import { createLocalizer } from '../../server/src/service/messages';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { ServerCommands } from '../../server/src/protocol';
import { block, date, entity, makeArticle, withSettings } from './helpers';
import type { EntityMention } from '../../server/src/service/types';
import type { TokenModifier } from '../../server/src/service/legend';

const t = createLocalizer('en');
const doc = { uri: 'file:///a.news.txt', version: 7 };

const TEXT = [
  '特朗普與普京通電話', //                       0 headline
  '',
  '2025年07月04日09:50:21 國際 8308', //          2 dateline
  '',
  '當地時間7月3日,美國總統特朗普與俄羅斯總統普京通電話。', // 4
  '',
  '特朗普與普京通電話 - 天天要聞', //              6 site-title
  '',
  '俄羅斯總統普京 視覺中國', //                  8 image-caption
  '',
  '普京稱,俄羅斯發揮了重要作用。', //             10
  '',
  '特朗普與普京通電話 - 天天要聞', //              12 site-title
  '',
  '本文系觀察者網獨家稿件,未經授權,不得轉載。', // 14 copyright
  '',
].join('\n');

function article(extra: Partial<Parameters<typeof makeArticle>[1]> = {}) {
  return makeArticle(TEXT, {
    headline: 0,
    published: '2025-07-04T09:50',
    publishedLine: 2,
    blocks: [block(6, 6, 'site-title'), block(8, 8, 'image-caption'), block(12, 12, 'site-title'), block(14, 14, 'copyright')],
    entities: [
      entity('特朗普', TEXT, 'PER'),
      entity('普京', TEXT, 'PER'),
      entity('美國', TEXT, 'LOC'),
      entity('特朗普', TEXT, 'PER', 1),
      entity('俄羅斯', TEXT, 'LOC'),
      entity('普京', TEXT, 'PER', 1),
    ],
    dates: [date('當地時間7月3日', TEXT, '2025-07-03', 'absolute')],
    ...extra,
  });
}

function applyAction(a: ReturnType<typeof article>, edit: unknown): string {
  const change = (edit as { documentChanges: TextDocumentEdit[] }).documentChanges[0];
  assert.equal(change.textDocument.version, doc.version, 'the edit is versioned');
  return applyEdits(a.text, a.lines, change.edits);
}

describe('diagnostics', () => {
  it('gives one diagnostic per block with the kind as code and the block range', () => {
    const d = getDiagnostics(article(), DEFAULT_SETTINGS, t);
    assert.deepEqual(
      d.map((x) => x.code),
      ['boilerplate.site-title', 'boilerplate.image-caption', 'boilerplate.site-title', 'boilerplate.copyright'],
    );
    assert.deepEqual(d[3].range, { start: { line: 14, character: 0 }, end: { line: 14, character: 22 } });
    assert.equal(d[0].severity, DiagnosticSeverity.Information);
    assert.equal(d[0].source, 'news-annotator');
    assert.match(d[1].message, /image caption/);
  });

  it('follows the severity setting, and shows unsure blocks one step milder', () => {
    const a = article({ blocks: [block(6, 6, 'site-title'), block(8, 8, 'image-caption', false)] });
    const d = getDiagnostics(a, withSettings({ boilerplate: { kinds: {}, severity: 'warning' } }), t);
    assert.equal(d[0].severity, DiagnosticSeverity.Warning);
    assert.equal(d[1].severity, DiagnosticSeverity.Information);
    assert.match(d[1].message, /Possibly/);
  });
});

describe('quick fixes', () => {
  const at = (line: number) => ({ start: { line, character: 1 }, end: { line, character: 1 } });
  const actions = (line: number, only?: string[]) =>
    getCodeActions(doc, article(), at(line), { diagnostics: [], only }, DEFAULT_SETTINGS, t);
  const titled = (line: number, prefix: string) => actions(line).find((a) => a.title.startsWith(prefix))!;

  it('offers remove this (preferred), remove all of the kind, remove all, and keep', () => {
    const titles = actions(6).map((a) => a.title);
    assert.deepEqual(titles, [
      'Remove this site title block',
      'Remove all site title blocks (2)',
      'Remove all boilerplate (4 found)',
      'Keep: not boilerplate',
    ]);
    assert.equal(actions(6)[0].isPreferred, true);
  });

  it('"remove this" deletes the block and nothing else', () => {
    const a = article();
    const after = applyAction(a, actions(14)[0].edit);
    // At the end of the file the blank line that separated it goes too.
    assert.equal(after, TEXT.replace('\n\n本文系觀察者網獨家稿件,未經授權,不得轉載。\n', '\n'));
  });

  it('"remove all of this kind" deletes both copies of the title', () => {
    const a = article();
    const after = applyAction(a, actions(6)[1].edit);
    assert.ok(!after.includes('天天要聞'));
    assert.ok(after.includes('俄羅斯總統普京 視覺中國'));
    assert.ok(after.includes('本文系觀察者網'));
  });

  it('"remove all" leaves exactly the article', () => {
    const a = article();
    const after = applyAction(a, titled(8, 'Remove all boilerplate').edit);
    assert.equal(
      after,
      ['特朗普與普京通電話', '', '2025年07月04日09:50:21 國際 8308', '', TEXT.split('\n')[4], '', '普京稱,俄羅斯發揮了重要作用。', ''].join(
        '\n',
      ),
    );
  });

  it('"keep" carries the block text to the server command', () => {
    const keep = titled(8, 'Keep');
    assert.equal(keep.command?.command, ServerCommands.keepBlock);
    assert.deepEqual(keep.command?.arguments, [{ uri: doc.uri, lines: ['俄羅斯總統普京 視覺中國'] }]);
  });

  it('answers source.fixAll with one action removing all confident blocks', () => {
    const fix = actions(0, [CodeActionKind.SourceFixAll]);
    assert.deepEqual(
      fix.map((a) => a.kind),
      [FIX_ALL_KIND],
    );
    assert.ok(!applyAction(article(), fix[0].edit).includes('視覺中國'));
  });

  it('leaves unsure blocks out of remove all', () => {
    const a = article({ blocks: [block(6, 6, 'site-title'), block(8, 8, 'image-caption', false)] });
    const fix = getCodeActions(doc, a, at(0), { diagnostics: [], only: [FIX_ALL_KIND] }, DEFAULT_SETTINGS, t);
    const after = applyAction(a, fix[0].edit);
    assert.ok(after.includes('視覺中國'));
    assert.equal(after.split('天天要聞').length, 2, 'only the one confident title block went');
  });

  it('offers nothing on an article line', () => {
    assert.deepEqual(actions(4), []);
  });
});

describe('semantic tokens', () => {
  it('encodes entities and dates through the legend, with first-mention and relative modifiers', () => {
    const a = article();
    const tokens = plainTokens(a, DEFAULT_SETTINGS);
    const named = tokens.map((tk) => [a.text.slice(tk.start, tk.end), tk.type, tk.modifiers.join('+')]);
    assert.deepEqual(named.slice(0, 4), [
      ['特朗普', 'person', 'firstMention'],
      ['普京', 'person', 'firstMention'],
      ['當地時間7月3日', 'date', ''],
      ['美國', 'location', 'firstMention'],
    ]);
    const data = encodeTokens(a, tokens).data;
    // first token: line 0, char 0, length 3, type person
    assert.deepEqual(data.slice(0, 5), [0, 0, 3, legend.tokenTypes.indexOf('person'), 1]);
    // third token (the date) is on line 4 at character 0
    assert.deepEqual(data.slice(10, 13), [4, 0, 8]);
  });

  it('honours the highlight settings', () => {
    const s = withSettings({ highlight: { entityTypes: ['LOC'], dates: false } });
    assert.deepEqual([...new Set(plainTokens(article(), s).map((tk) => tk.type))], ['location']);
  });

  it('marks spans under the confidence threshold', () => {
    const text = '烏沙科夫表示';
    const a = makeArticle(text, { entities: [entity('烏沙科夫', text, 'PER', 0, 0.3)] });
    assert.deepEqual(plainTokens(a, DEFAULT_SETTINGS)[0].modifiers, ['firstMention', 'lowConfidence']);
    // A later mention of the same cluster: low confidence without first mention, or nothing.
    const twice = '烏沙科夫表示，烏沙科夫說';
    const b = makeArticle(twice, {
      entities: [entity('烏沙科夫', twice, 'PER', 0, 0.9), entity('烏沙科夫', twice, 'PER', 1, 0.3)],
    });
    assert.deepEqual(
      plainTokens(b, DEFAULT_SETTINGS).map((tk) => tk.modifiers),
      [['firstMention'], ['lowConfidence']],
    );
  });

  it("encodes every set of modifiers as the legend's bits", () => {
    const all = legend.tokenModifiers as TokenModifier[];
    for (let set = 0; set < 1 << all.length; set++) {
      const modifiers = all.filter((_, i) => set & (1 << i));
      assert.equal(modifierBits(modifiers), set, modifiers.join('+'));
    }
    const text = '烏沙科夫表示';
    const a = makeArticle(text, { entities: [] });
    const data = encodeTokens(a, [
      { start: 0, end: 4, type: 'media', modifiers: ['predicted', 'relative'] },
      { start: 4, end: 6, type: 'date', modifiers: [] },
    ]).data;
    assert.deepEqual(data, [0, 0, 4, legend.tokenTypes.indexOf('media'), 0b10010, 0, 4, 2, legend.tokenTypes.indexOf('date'), 0]);
  });
  it('encodes tokens that span lines, touch line ends and follow each other on a line, as the relative encoding says', () => {
    // The encoding written out plainly (a pushed array), the reference the counted-and-filled encoder must equal.
    const reference = (a: ReturnType<typeof makeArticle>, tokens: PlainToken[]) => {
      const data: number[] = [];
      let prevLine = 0;
      let prevChar = 0;
      for (const tk of tokens)
        for (let at = tk.start; at < tk.end;) {
          const line = a.lines.lineAt(at);
          const end = Math.min(tk.end, a.lines.lineEnd(line));
          const character = at - a.lines.starts[line];
          if (end > at) {
            data.push(line - prevLine, line === prevLine ? character - prevChar : character, end - at);
            data.push(legend.tokenTypes.indexOf(tk.type), modifierBits(tk.modifiers));
            prevLine = line;
            prevChar = character;
          }
          if (line + 1 >= a.lines.lineCount) break;
          at = Math.max(end + 1, a.lines.starts[line + 1]);
        }
      return data;
    };
    const text = '烏沙科夫表示\n\n北約峰會在海牙舉行\n美國總統特朗普\r\n出席';
    const a = makeArticle(text, { entities: [] });
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) >>> 8) % n;
    const types: PlainToken['type'][] = ['person', 'location', 'date', 'media'];
    for (let round = 0; round < 200; round++) {
      const tokens: PlainToken[] = [];
      for (let at = random(3); at < text.length; at += 1 + random(6)) {
        const end = Math.min(text.length, at + 1 + random(12));
        tokens.push({ start: at, end, type: types[random(4)], modifiers: random(2) ? ['firstMention'] : [] });
        at = end;
      }
      const data = encodeTokens(a, tokens).data;
      assert.deepEqual(data, reference(a, tokens));
      assert.equal(Object.keys(data).length, data.length, 'no hole left in the array');
    }
  });
});

describe('hover', () => {
  it('explains a person: type, other script, count and first line', () => {
    const a = article();
    const h = getHover(a, { line: 4, character: TEXT.split('\n')[4].indexOf('普京') + 1 }, t);
    const text = (h?.contents as { value: string }).value;
    assert.match(text, /\*\*Person\*\* · 普京/);
    assert.match(text, /Mentioned 2 times; first on line 1/);
  });

  it('says where a name came from, in each language: model, lexicon, article-level consistency, user dictionary', () => {
    const text = '澄星科技發布財報，澄星表示增長';
    const cases: [EntityMention['source'], RegExp, RegExp, RegExp][] = [
      ['model', /learned: recognised from its context/, /由上下文學得/, /从上下文学得/],
      ['lexicon', /learned, with a name lexicon/, /名稱詞庫/, /名称词库/],
      ['consistency', /another mention of this name in the article/, /本文中此名稱的另一處提及/, /本文中此名称的另一处提及/],
      ['article', /read off the article/, /由本文本身判斷/, /由本文本身判断/],
      ['user', /your dictionary/, /您的詞典/, /您的词典/],
      ['gazetteer', /a known name/, /已知名稱/, /已知名称/],
    ];
    for (const [source, en, tw, cn] of cases) {
      const a = makeArticle(text, { entities: [{ ...entity('澄星', text, 'ORG', 1), source }] });
      for (const [locale, re] of [
        ['en', en],
        ['zh-tw', tw],
        ['zh-cn', cn],
      ] as const) {
        const h = getHover(a, { line: 0, character: text.indexOf('澄星', 4) }, createLocalizer(locale));
        assert.match((h?.contents as { value: string }).value, re, `${source} in ${locale}`);
      }
    }
  });

  it('gives the other script of a Traditional name', () => {
    const a = article();
    const h = getHover(a, { line: 4, character: TEXT.split('\n')[4].indexOf('俄羅斯') }, t);
    assert.match((h?.contents as { value: string }).value, /In Simplified \(OpenCC tw2s \+ hk2s\): 俄罗斯/);
  });

  it('explains a date: value, weekday and relation to publication', () => {
    const a = article();
    const h = getHover(a, { line: 4, character: 5 }, t);
    const text = (h?.contents as { value: string }).value;
    assert.match(text, /Value: `2025-07-03`/);
    assert.match(text, /Weekday: Thursday/);
    assert.match(text, /1 day before publication/);
  });

  it('gives the period of a month part', () => {
    const text = '美國國防部6月初作出決定';
    const a = makeArticle(text, { published: '2025-07-04T09:50', dates: [date('6月初', text, '2025-06-EARLY', 'period')] });
    const h = getHover(a, { line: 0, character: 6 }, t);
    assert.match((h?.contents as { value: string }).value, /Period: 2025-06-01 to 2025-06-10/);
  });

  it("gives the lunar date of a festival in the article's script, and none for an ordinary date", () => {
    const text = '今年中秋節在9月17日';
    const a = makeArticle(text, {
      published: '2024-09-01T08:00',
      dates: [{ ...date('中秋節', text, '2024-09-17'), calendarNamed: true }, date('9月17日', text, '2024-09-17')],
    });
    const festival = (getHover(a, { line: 0, character: 3 }, t)?.contents as { value: string }).value;
    assert.match(festival, /Chinese lunar calendar: 八月十五/);
    const plain = (getHover(a, { line: 0, character: 8 }, t)?.contents as { value: string }).value;
    assert.doesNotMatch(plain, /lunar/);
  });

  it('returns nothing on plain text', () => {
    assert.equal(getHover(article(), { line: 10, character: 5 }, t), null);
  });
});

describe('outline, folding, highlights, export', () => {
  it('lists headline, dateline, body and blocks in order', () => {
    const names = getDocumentSymbols(article(), t).map((s) => `${s.name}@${s.range.start.line}`);
    assert.deepEqual(names, [
      'Headline@0',
      'Dateline@2',
      'Body@4',
      'Boilerplate: site title@6',
      'Boilerplate: image caption or credit@8',
      'Boilerplate: site title@12',
      'Boilerplate: copyright notice@14',
    ]);
  });

  it('folds multi-line blocks only', () => {
    const a = article({ blocks: [block(6, 8, 'related'), block(14, 14, 'copyright')] });
    assert.deepEqual(
      getFoldingRanges(a).map((f) => [f.startLine, f.endLine]),
      [[6, 8]],
    );
  });

  it('highlights every mention of the entity under the cursor', () => {
    const lines = getDocumentHighlights(article(), { line: 0, character: 1 }).map((h) => h.range.start.line);
    assert.deepEqual(lines, [0, 4]);
  });

  it('exports code point offsets and 1-based lines', () => {
    const text = '𠮷野家\n普京訪問東京';
    const a = makeArticle(text, { entities: [entity('普京', text, 'PER')], blocks: [block(0, 0, 'other')] });
    const out = toAnnotations('x.txt', a, t);
    assert.deepEqual(out.entities[0], { start: 4, end: 6, line: 2, text: '普京', type: 'PER' });
    assert.deepEqual(out.boilerplate[0], {
      startLine: 1,
      endLine: 1,
      kind: 'other',
      message: 'Boilerplate (page debris): not part of the article.',
    });
  });
});
