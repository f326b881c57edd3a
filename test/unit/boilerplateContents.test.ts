import * as assert from 'node:assert/strict';
import { detectBoilerplate } from '../../server/src/service/boilerplate';
import { caretReferences, editLinkHeadings, tableOfContents } from '../../server/src/service/boilerplate/contents';
import { lineInfo } from '../../server/src/service/boilerplate/lines';

const toc = (lines: string[]) => tableOfContents(lines.map(lineInfo));

describe('boilerplate contents: a table of contents under its heading', () => {
  const table: [string, string[], number[]][] = [
    ['Simplified', ['目录', '1 简介', '2 背景', '2.1 个人生活', '3 经历', '3.1 1995－2000年：团体成员'], [0, 1, 2, 3, 4, 5]],
    ['Traditional', ['目錄', '1 簡介', '2 背景', '2.1 個人生活', '3 經歷'], [0, 1, 2, 3, 4]],
    ['English heading, hide link', ['Contents [hide]', '1 Early life', '2 Career', '3 References'], [0, 1, 2, 3]],
    ['stops at the first line that is no entry', ['目录', '1 简介', '2 背景', '3 经历', '简介[编辑]', '4 不是目录'], [0, 1, 2, 3]],
    // Not tables: too short, no heading, or sentences.
    ['two entries only', ['目录', '1 简介', '2 背景'], []],
    ["a paper's own numbered headings without a 目录 heading", ['1 引言', '2 相关工作', '3 方法'], []],
    [
      'numbered sentences under 目录',
      ['目录', '1 本书共分三部分，第一部分介绍背景。', '2 第二部分讨论方法，并给出实例。', '3 第三部分是结论。'],
      [],
    ],
  ];
  for (const [name, lines, want] of table) {
    it(`${want.length ? 'finds' : 'finds none'}: ${name}`, () => assert.deepEqual(toc(lines), want));
  }

  for (const trad of [true, false]) {
    it(`flags the table inside an encyclopedia article and keeps the lead and the sections (${trad ? 'Traditional' : 'Simplified'})`, () => {
      const lead = trad
        ? '金鍾國(韓語:김종국,1976年4月25日-),韓國男歌手、主持人,1995年以組合Turbo出道,2001年起獨立發展。'
        : '金锺国（韩语：김종국，1976年4月25日－），韩国男歌手、主持人，1995年以组合Turbo出道，2001年起独立发展。';
      const entries = trad ? ['1 簡介', '2 背景', '2.1 個人生活', '3 經歷'] : ['1 简介', '2 背景', '2.1 个人生活', '3 经历'];
      const section = trad
        ? ['簡介[編輯]', '他在首爾出生,中學時開始學習音樂,後來進入韓世大學作曲系就讀,並在校期間參加了多項歌唱比賽。']
        : ['简介[编辑]', '他在首尔出生，中学时开始学习音乐，后来进入韩世大学作曲系就读，并在校期间参加了多项歌唱比赛。'];
      const head = trad ? '金鍾國' : '金锺国';
      const lines = [`${head} - 維基百科`, head, lead, trad ? '目錄' : '目录', ...entries, ...section, lead.replace(/1995/g, '1996')];
      const k = detectBoilerplate(lines.join('\n')).lineKinds;
      for (const e of entries) assert.equal(k[lines.indexOf(e)], 'navigation', e);
      assert.equal(k[lines.indexOf(lead)], null);
      // The heading with its edit link is flagged unsure at most; the paragraph stays.
      assert.equal(k[lines.indexOf(section[1])], null);
    });
  }
});

describe('boilerplate contents: edit links and caret references', () => {
  const edits: [string, string, boolean][] = [
    ['Simplified', '简介[编辑]', true],
    ['Traditional', '個人生活[編輯]', true],
    ['English', 'Early life[edit]', true],
    ['with source', '音乐作品[编辑源代码]', true],
    ['an editor line', '[编辑：刘斌]', false],
    ['a sentence that mentions the edit link', '点击页面上的[编辑]按钮，就可以修改条目的内容。', false],
  ];
  for (const [name, text, want] of edits) {
    it(`${want ? 'finds' : 'leaves'} an edit-link heading: ${name}`, () =>
      assert.deepEqual(editLinkHeadings([lineInfo(text)]), want ? [0] : []));
  }

  it('finds a run of two or more caret references and leaves a lone caret line', () => {
    const lines = ['^ 金鍾國台灣之家. [2017-04-13].', '^ 金锺国 真实告白. 中国报. 2013-09-09.', '正文', '^ 孤立的一行'];
    assert.deepEqual(caretReferences(lines.map(lineInfo)), [0, 1]);
  });

  for (const trad of [true, false]) {
    it(`flags edit links and caret references only as unsure, never for "remove all" (${trad ? 'Traditional' : 'Simplified'})`, () => {
      const head = trad ? '金鍾國' : '金锺国';
      const lead = trad
        ? '金鍾國(韓語:김종국,1976年4月25日-),韓國男歌手、主持人,1995年以組合Turbo出道,2001年起獨立發展。'
        : '金锺国（韩语：김종국，1976年4月25日－），韩国男歌手、主持人，1995年以组合Turbo出道，2001年起独立发展。';
      const edit = trad ? '簡介[編輯]' : '简介[编辑]';
      const refs = trad
        ? ['^ 金鍾國台灣之家. [2017-04-13].', '^ 金鍾國 真實告白. 中國報. 2013-09-09.']
        : ['^ 金锺国台湾之家. [2017-04-13].', '^ 金锺国 真实告白. 中国报. 2013-09-09.'];
      const lines = [
        `${head} - 維基百科`,
        head,
        lead,
        edit,
        lead.replace(/1995/g, '1996'),
        trad ? '參考資料[編輯]' : '参考资料[编辑]',
        ...refs,
      ];
      const r = detectBoilerplate(lines.join('\n'));
      for (const l of [edit, ...refs]) {
        const i = lines.indexOf(l);
        assert.notEqual(r.lineKinds[i], null, l);
        const block = r.blocks.find((b) => b.startLine <= i && i <= b.endLine)!;
        assert.equal(block.confident, false, l);
      }
      assert.equal(r.lineKinds[lines.indexOf(lead)], null);
    });
  }
});
