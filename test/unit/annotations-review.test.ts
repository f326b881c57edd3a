import * as assert from 'node:assert/strict';
import { emptyAnnotations, mark, reject } from '../../server/src/service/annotations';
import { reviewCodeActions, reviewedAnnotations, reviewHover, reviewTokens, REVIEW_KIND } from '../../server/src/service/features/review';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../server/src/service/legend';
import { createLocalizer } from '../../server/src/service/messages';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { ARTICLE_TRAD, date, entity, makeArticle, withSettings } from './helpers';

const text = ARTICLE_TRAD[0];
const article = makeArticle(text, {
  entities: [entity('美國', text, 'LOC'), entity('特朗普', text, 'PER'), entity('普京', text, 'PER'), entity('塔斯社', text, 'MEDIA')],
  dates: [date('7月3日', text, '2025-07-03')],
});
const t = createLocalizer('en');
const zh = createLocalizer('zh-tw');
const who = { by: 'alice', at: '2026-12-05T06:00:00Z' };

function decoded(tokens: { data: number[] }) {
  const out: { text: string; type: string; modifiers: string[] }[] = [];
  let char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    char = tokens.data[i] ? tokens.data[i + 1] : char + tokens.data[i + 1];
    out.push({
      text: text.slice(char, char + tokens.data[i + 2]),
      type: TOKEN_TYPES[tokens.data[i + 3]],
      modifiers: TOKEN_MODIFIERS.filter((_m, b) => tokens.data[i + 4] & (1 << b)),
    });
  }
  return out;
}

describe('review feature (tokens, hover, code actions)', () => {
  const stored = reject(mark(emptyAnnotations(), text, { start: text.indexOf('塔斯社'), end: text.indexOf('塔斯社') + 3 }, 'ORG', who), {
    ...entity('普京', text, 'PER'),
    label: 'PER',
  });
  const anns = reviewedAnnotations(article, { stored });

  it("colours the person's decisions as reviewed and the rest as predicted; a rejected name is not coloured", () => {
    const d = decoded(reviewTokens(article, anns, DEFAULT_SETTINGS));
    assert.deepEqual(
      d.map((x) => `${x.text}:${x.type}:${x.modifiers.filter((m) => m === 'reviewed' || m === 'predicted')}`),
      ['7月3日:date:predicted', '美國:location:predicted', '特朗普:person:predicted', '塔斯社:organization:reviewed'],
    );
  });

  it('follows the highlight settings', () => {
    const d = decoded(reviewTokens(article, anns, withSettings({ highlight: { entityTypes: ['ORG'], dates: false } })));
    assert.deepEqual(
      d.map((x) => x.text),
      ['塔斯社'],
    );
  });

  it('the hover of a corrected name says what stands now, by whom and when', () => {
    const at = article.lines.positionAt(text.indexOf('塔斯社') + 1);
    const h = reviewHover(null, article, anns, at, t)!;
    const value = (h.contents as { value: string }).value;
    assert.match(value, /\*\*Organisation\*\* · 塔斯社/);
    assert.match(value, /reviewed: corrected · by alice · on 2026-12-05 06:00 UTC/);
    assert.match((reviewHover(null, article, anns, at, zh)!.contents as { value: string }).value, /已審閱：修正/);
  });

  it('offers accept, not-an-entity and the other types on a predicted name, all as review commands', () => {
    const at = article.lines.positionAt(text.indexOf('特朗普'));
    const actions = reviewCodeActions('file:///a.txt', article, anns, { start: at, end: at }, { diagnostics: [] }, t);
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Accept "特朗普" as Person',
        'Not an entity: remove "特朗普"',
        'Not an entity: remove "特朗普" everywhere in the workspace',
        'Change "特朗普" to Organisation',
        'Change "特朗普" to Place',
        'Change "特朗普" to Media outlet',
        'Accept all annotations of this article (3)',
      ],
    );
    assert.ok(actions.every((a) => a.kind === REVIEW_KIND));
    // The workspace-wide removal goes through the client, which shows its progress and offers Undo.
    const ws = actions.find((a) => /workspace/.test(a.title))!;
    assert.equal(ws.command?.command, 'newsAnnotator.notAnEntityInWorkspace');
    assert.deepEqual(ws.command?.arguments, [
      { uri: 'file:///a.txt', range: article.lines.range(text.indexOf('特朗普'), text.indexOf('特朗普') + 3) },
    ]);
    assert.deepEqual(
      reviewCodeActions('file:///a.txt', article, anns, { start: at, end: at }, { diagnostics: [], only: ['quickfix'] }, t),
      [],
      'honours context.only',
    );
  });

  it('offers marks for a selection, and "every occurrence" only when the text recurs', () => {
    const s = text.indexOf('俄羅斯');
    const range = article.lines.range(s, s + 3);
    const titles = reviewCodeActions('file:///a.txt', article, anns, range, { diagnostics: [] }, t).map((a) => a.title);
    assert.ok(titles.includes('Mark "俄羅斯" as Place'));
    assert.ok(titles.includes('Mark every "俄羅斯" in this article as Place (2)'));
    assert.ok(titles.includes('Mark "俄羅斯" as Date'));
  });
});
