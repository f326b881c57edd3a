import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseArticle } from '../../server/src/service/article';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { createLanguageService } from '../../server/src/service/index';
import { sharedTagger } from '../../server/src/node/model';
import { SlicedAnalysis } from '../../server/src/node/slices';

const DIR = path.join(__dirname, '..', 'fixtures', 'articles');
const pages = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => fs.readFileSync(path.join(DIR, f), 'utf8'));
const text = pages.join('\n');

describe('large documents analysed a slice at a time', function () {
  this.timeout(120000);
  const recognizer = createEntityRecognizer({ tagger: sharedTagger() });
  const setup = (sliceMs = 1) => {
    const service = createLanguageService({ recognizer });
    return { service, sliced: new SlicedAnalysis(service, sliceMs) };
  };
  const doc = (version: number, body = text) => TextDocument.create('file:///large.news.txt', 'news-article', version, body);

  it('lets other work run between slices, and leaves the same analysis as one done at once', async () => {
    const { service, sliced } = setup();
    const d = doc(1);
    let turns = 0;
    let finished = false;
    const tick = () => {
      turns++;
      if (!finished) setImmediate(tick);
    };
    setImmediate(tick);
    const done = sliced.analyse(d)!;
    assert.ok(sliced.busy(d.uri));
    assert.equal(await done, true);
    finished = true;
    assert.ok(!sliced.busy(d.uri));
    assert.ok(turns > 20, `only ${turns} turns of the event loop ran while ${text.length} characters were analysed`);
    assert.ok(service.hasAnalysis(d), 'the analysis is at hand: no feature has to compute it');
    const sliceResult = service.analyse(d);
    const whole = analyseArticle(text, { recognizer: createEntityRecognizer({ tagger: sharedTagger() }) });
    assert.deepEqual(sliceResult.entities, whole.entities);
    assert.deepEqual(sliceResult.dates, whole.dates);
    assert.deepEqual(sliceResult.clusters, whole.clusters);
    assert.deepEqual(service.diagnostics(d), service.diagnostics(TextDocument.create('file:///other.news.txt', 'news-article', 1, text)));
  });

  it('an edit afterwards reads only the paragraphs it touched and still equals a fresh analysis', async () => {
    let computed = 0;
    const counting = { ...recognizer, paragraph: (t: string, n: string) => (computed++, recognizer.paragraph!(t, n)) };
    const service = createLanguageService({ recognizer: counting });
    const sliced = new SlicedAnalysis(service, 1);
    assert.equal(await sliced.analyse(doc(1)), true);
    assert.ok(computed > 100, `${computed} paragraphs computed`);
    const lines = text.split('\n');
    const k = lines.findIndex((l) => l.length > 30);
    lines[k] = '美國總統特朗普與俄羅斯總統普京通電話。' + lines[k];
    const edited = lines.join('\n');
    computed = 0;
    assert.equal(await sliced.analyse(doc(2, edited)), true);
    assert.equal(computed, 1, 'only the edited paragraph is read again');
    const fresh = analyseArticle(edited, { recognizer: createEntityRecognizer({ tagger: sharedTagger() }) });
    assert.deepEqual(service.analyse(doc(2, edited)).entities, fresh.entities);
  });

  it('gives up an analysis that a newer version or closing the document superseded', async () => {
    const { sliced } = setup();
    const first = sliced.analyse(doc(1))!;
    assert.equal(sliced.analyse(doc(1)), undefined, 'the same analysis is not started twice');
    const second = sliced.analyse(doc(2, text + '\n補一段。'))!;
    assert.equal(await first, false);
    assert.equal(await second, true);
    const third = sliced.analyse(doc(3, text + '\n再補一段。'))!;
    sliced.cancel('file:///large.news.txt');
    assert.equal(await third, false);
    assert.ok(!sliced.busy('file:///large.news.txt'));
  });
});
