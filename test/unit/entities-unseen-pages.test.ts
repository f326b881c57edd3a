/**
 * Issue 11, fourth round (docs/entities.md, "fourth round: unseen pages"): each category pinned on sentences
 * written for this test (none from the gold pages), with the shipped model, in Simplified and in Traditional.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { loadNerModel } from '../../server/src/node/model';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { toTraditional } from '../../server/src/service/convert';
import type { EntityMention } from '../../server/src/service/types';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');

describe('entities on unseen pages (fourth round), with the shipped model, in both scripts', function () {
  this.timeout(60000);
  const model = loadNerModel();
  const tagger = model ? loadTagger(model) : undefined;
  const recognizer = createEntityRecognizer({ tagger });
  const both = (simplified: string, check: (ms: EntityMention[], text: string) => void) => {
    for (const text of [simplified, toTraditional(simplified)]) check(recognizer.recognize(text), text);
  };

  before(function () {
    if (!model) assert.fail('models/ner.bin is missing');
  });

  it('drops a one-character name torn out of a dictionary word (农村, 高校, 完美)', () => {
    for (const [s, c] of [
      ['他从小在闭塞农村长大，后来当上了县长。', '农'],
      ['镇上几所小初高校长开会讨论。', '高'],
      ['这款手机画质完美台下观众都惊呆了。', '美'],
    ]) {
      const at = s.indexOf(c);
      both(s, (ms, t) => assert.ok(!ms.some((m) => m.start === at && m.end === at + 1), `${t}: ${show(ms)}`));
    }
  });

  it('keeps a one-character place that begins a word or follows a verb of travel (港人, 访华, 全港)', () => {
    both('港人在全港各区投票，总理下月访华。', (ms, t) => {
      for (const i of [0, 15])
        assert.ok(
          ms.some((m) => m.start === i && m.end === i + 1 && m.type === 'LOC'),
          `${t}[${i}]: ${show(ms)}`,
        );
    });
    both('政府已在全港中小学推行新课程。', (ms, t) =>
      assert.ok(
        ms.some((m) => m.start === 5 && m.end === 6 && m.type === 'LOC'),
        `${t}: ${show(ms)}`,
      ),
    );
  });
});
