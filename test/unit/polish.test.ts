import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { applyEdits } from '../../server/src/service/edits';
import { ConversionHistory, OPENCC_VARIANTS } from '../../server/src/service/features/convert';
import { listEntities } from '../../server/src/service/features/exportAnnotations';
import { getHover } from '../../server/src/service/features/hover';
import { getArticleStatus, inArticleScript } from '../../server/src/service/features/status';
import { createLanguageService } from '../../server/src/service/index';
import { createLocalizer } from '../../server/src/service/messages';
import { LineIndex } from '../../server/src/service/text';
import { block, entity, makeArticle } from './helpers';

const t = createLocalizer('en');

/** Applies a server edit to the document: a new version with the edited text. */
function apply(doc: TextDocument, edit: WorkspaceEdit | null): TextDocument {
  assert.ok(edit, 'no edit');
  const change = edit.documentChanges?.[0] as TextDocumentEdit;
  assert.equal(change.textDocument.version, doc.version);
  const text = applyEdits(doc.getText(), new LineIndex(doc.getText()), change.edits);
  return TextDocument.create(doc.uri, doc.languageId, doc.version + 1, text);
}

describe('convert back', () => {
  const TAIWAN = ['台北松菸文創園區週末舉辦攝影展，文化部公布名單', '', '新聞攝影記錄了台灣社會的變化。'].join('\n');

  it('restores the characters a Simplified then Taiwan round trip replaced (台灣, 松菸, 公布)', () => {
    const history = new ConversionHistory();
    let doc = TextDocument.create('file:///a.news.txt', 'news-article', 1, TAIWAN);
    doc = apply(doc, history.convert(doc, 'simplified'));
    doc = apply(doc, history.convert(doc, 'taiwan'));
    assert.notEqual(doc.getText(), TAIWAN, 'the round trip changed nothing: the test would prove nothing');
    assert.match(doc.getText(), /臺灣/);
    doc = apply(doc, history.convertBack(doc));
    assert.equal(doc.getText(), TAIWAN);
  });

  it('keeps what the user typed after the conversion: an edited line keeps its edits, other characters come back', () => {
    const history = new ConversionHistory();
    let doc = TextDocument.create('file:///b.news.txt', 'news-article', 1, TAIWAN);
    doc = apply(doc, history.convert(doc, 'simplified'));
    doc = apply(doc, history.convert(doc, 'taiwan'));
    // same length: 記錄 → 纪录 typed over, character for character
    const edited = doc.getText().replace('記錄', '纪录');
    doc = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, edited);
    doc = apply(doc, history.convertBack(doc));
    assert.equal(doc.getText(), TAIWAN.replace('記錄', '纪录'));
  });

  it('offers nothing without a conversion, nor once the lines have moved', () => {
    const history = new ConversionHistory();
    let doc = TextDocument.create('file:///c.news.txt', 'news-article', 1, TAIWAN);
    assert.equal(history.convertBack(doc), null);
    doc = apply(doc, history.convert(doc, 'simplified'));
    doc = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, `新的一行\n${doc.getText()}`);
    assert.equal(history.convertBack(doc), null);
  });

  it('names the OpenCC configuration of every target', () => {
    assert.deepEqual(OPENCC_VARIANTS, { simplified: 'tw2s + hk2s', traditional: 's2t', taiwan: 's2tw', hongkong: 's2hk' });
  });
});

describe('counts leave boilerplate out', () => {
  const TEXT = ['普京與特朗普通話。', '', '普京總統表示歡迎。', '', '相關新聞：普京訪華 普京講話'].join('\n');
  const article = () =>
    makeArticle(TEXT, {
      entities: [
        entity('普京', TEXT, 'PER', 0),
        entity('特朗普', TEXT, 'PER'),
        entity('普京', TEXT, 'PER', 1),
        entity('普京', TEXT, 'PER', 2),
        entity('普京', TEXT, 'PER', 3),
      ],
      blocks: [block(4, 4, 'related'), block(2, 2, 'other', false)],
    });

  it('the hover counts the mentions on article lines only, and shows the titled form', () => {
    const a = makeArticle(TEXT, {
      entities: [
        entity('普京', TEXT, 'PER', 0),
        entity('普京', TEXT, 'PER', 1),
        entity('普京', TEXT, 'PER', 2),
        entity('普京', TEXT, 'PER', 3),
      ],
      blocks: [block(4, 4, 'related')],
    });
    const text = (getHover(a, { line: 0, character: 0 }, t)?.contents as { value: string }).value;
    assert.match(text, /Mentioned 2 times; first on line 1/);
    assert.match(text, /Also written: 普京總統/);
    assert.match(text, /a known name/);
    assert.doesNotMatch(text, /gazetteer/);
  });

  it('the language status counts blocks as the Problems panel does, and entities on article lines', () => {
    const status = getArticleStatus(article(), true);
    assert.deepEqual(
      { boilerplate: status.boilerplate, removable: status.removable, entities: status.entities, model: status.model },
      { boilerplate: 2, removable: 1, entities: 2, model: 'model' },
    );
    assert.equal(status.mentions, 1 + 1); // 普京 and 特朗普 once each on line 1: line 3 is an (unsure) block, line 5 a related list
    assert.equal(getArticleStatus(article(), false).model, 'none');
  });
});

describe('Show Entities names what the article says', () => {
  const TEXT = '北約秘書長表示，北約將在海牙開會。組織的決定未公布。';
  it('lists the written form, with the full name in the article script as detail', () => {
    const a = makeArticle(TEXT, { entities: [entity('北約', TEXT, 'ORG', 0), entity('北約', TEXT, 'ORG', 1)] });
    const cluster = a.clusters[0] as { canonical: string };
    cluster.canonical = '北大西洋公约组织'; // as the alias table gives it, in Simplified
    const [listed] = listEntities(a);
    assert.equal(listed.text, '北約');
    assert.equal(listed.canonical, '北大西洋公約組織');
    assert.equal(listed.mentions.length, 2);
  });

  it("writes a Simplified canonical form in a Traditional article with the article's own characters first", () => {
    const a = makeArticle('台灣的發展', {});
    assert.equal(inArticleScript(a, '台湾'), '台灣');
  });
});

describe('the language service', () => {
  const doc = (text: string) => TextDocument.create('file:///s.news.txt', 'news-article', 1, text);
  const PAGE = [
    '美國總統特朗普與普京通電話',
    '',
    '2025年07月04日09:50:21 國際',
    '',
    '當地時間7月3日,美國總統特朗普與俄羅斯總統普京通電話。',
    '',
    '版權所有 © 2025 觀察者網 未經授權請勿轉載',
    '責任編輯：王小明',
  ].join('\n');

  it('removes all boilerplate and says how many blocks, not how many edits', () => {
    const service = createLanguageService({ recognizer: createEntityRecognizer() });
    const d = doc(PAGE);
    const result = service.removeAllBoilerplate(d);
    assert.ok(result);
    const blocks = service.analyse(d).blocks;
    assert.equal(result.blocks, blocks.filter((b) => b.confident).length);
    assert.equal(result.blocks + result.unsure, service.diagnostics(d).length);
    const edits = (result.edit.documentChanges?.[0] as TextDocumentEdit).edits.length;
    assert.ok(edits <= result.blocks);
  });

  it('reports the status of an article: script, publication time, model in use', () => {
    const service = createLanguageService({ recognizer: createEntityRecognizer() });
    const status = service.status(doc(PAGE));
    assert.equal(status.script, 'traditional');
    assert.equal(status.published, '2025-07-04T09:50');
    assert.equal(status.model, 'none'); // a recogniser built without the model
    assert.ok(status.entities >= 3, JSON.stringify(status));
  });
});
