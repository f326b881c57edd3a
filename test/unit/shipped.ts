/** The recogniser with the shipped model, for the tests that pin its behaviour on sentences of their own. */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { loadNerModel } from '../../server/src/node/model';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { toTraditional } from '../../server/src/service/convert';
import type { EntityMention } from '../../server/src/service/types';
import type { RuleFamily } from '../../server/src/service/entities/recognizer';

/**
 * The shipped model's tagger and recogniser, and `both`: a check run on a Simplified sentence and on its Traditional
 * conversion. Call it inside a `describe`: it registers a `before` that fails (never skips) when the model is missing.
 */
export function shippedRecognizer() {
  const model = loadNerModel();
  const tagger = model ? loadTagger(model) : undefined;
  const recognizer = createEntityRecognizer({ tagger });
  const both = (simplified: string, check: (ms: EntityMention[], text: string) => void) => {
    for (const text of [simplified, toTraditional(simplified)]) check(recognizer.recognize(text), text);
  };
  before(function () {
    if (!model) assert.fail('models/ner.bin is missing');
  });
  /**
   * A rule family's test: `check` on the sentence in both scripts as shipped, and `without` with the family off (and
   * `also`, the families that would repair the sentence too), where the error it prevents must come back.
   */
  const family = (
    name: RuleFamily,
    sentence: string,
    check: (ms: EntityMention[], text: string) => void,
    without: (ms: EntityMention[], text: string) => void,
    also: RuleFamily[] = [],
  ) => {
    both(sentence, check);
    const off = createEntityRecognizer({ tagger, disable: [name, ...also] });
    for (const text of [sentence, toTraditional(sentence)]) without(off.recognize(text), text);
  };
  return { model, tagger, recognizer, both, family };
}
