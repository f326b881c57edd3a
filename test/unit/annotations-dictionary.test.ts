import * as assert from 'node:assert/strict';
import { applyDictionary, buildDictionary, mergeDictionaries, type Annotation } from '../../server/src/service/annotations';
import { normalizeForMatching } from '../../server/src/service/normalize';

const ann = (text: string, whole: string, label: Annotation['label'], status: Annotation['status'] = 'corrected', nth = 0): Annotation => {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = whole.indexOf(text, start + 1);
  return { start, end: start + text.length, label, text, status };
};

describe('dictionary of confirmed and rejected names', () => {
  const reviewedText = '賴清德今日出訪，台積電股價上漲。';
  const reviewed = {
    annotations: [ann('賴清德', reviewedText, 'PER'), ann('台積電', reviewedText, 'ORG')],
    rejected: [{ start: 9, end: 11, text: '股價', label: 'ORG' as const }],
  };

  it('finds a confirmed name in another article, in the other script, and replaces the prediction it overlaps', () => {
    const text = '赖清德表示，台积电将扩产。';
    const predicted = [ann('赖清', text, 'LOC', 'predicted')];
    const out = applyDictionary(predicted, text, normalizeForMatching(text), buildDictionary([reviewed]));
    assert.deepEqual(
      out.map((x) => `${x.text}:${x.label}:${x.status}`),
      ['赖清德:PER:predicted', '台积电:ORG:predicted'],
    );
  });

  it('drops predictions of a rejected name, but never a date', () => {
    const text = '股價在7月3日大漲';
    const predicted = [ann('股價', text, 'ORG', 'predicted'), ann('7月3日', text, 'DATE', 'predicted')];
    const out = applyDictionary(predicted, text, normalizeForMatching(text), buildDictionary([reviewed]));
    assert.deepEqual(
      out.map((x) => x.text),
      ['7月3日'],
    );
  });

  it('a name confirmed more often than rejected stays confirmed, and one-character names are not spread', () => {
    const d = buildDictionary([
      { annotations: [ann('新华社', '新华社', 'MEDIA'), ann('中', '中', 'LOC')], rejected: [] },
      { annotations: [ann('新华社', '新华社', 'MEDIA')], rejected: [{ start: 0, end: 3, text: '新华社', label: 'MEDIA' }] },
    ]);
    assert.equal(d.confirmed.get('新华社'), 'MEDIA');
    assert.ok(!d.rejected.has('新华社'));
    assert.ok(!d.confirmed.has('中'));
    assert.equal(mergeDictionaries(d, { confirmed: new Map(), rejected: new Set(['新华社']) }).rejected.size, 0);
  });

  it('leaves a confirmed name inside a longer predicted entity alone', () => {
    const text = '台積電公司發布財報';
    const predicted = [ann('台積電公司', text, 'ORG', 'predicted')];
    const out = applyDictionary(predicted, text, normalizeForMatching(text), buildDictionary([reviewed]));
    assert.deepEqual(
      out.map((x) => x.text),
      ['台積電公司'],
    );
  });
});
