/**
 * Issue 11, eighth round: a company named by its officer (titled-companies.ts, family `titledCompanies`), on sentences
 * written for this test, in both scripts with the shipped model, and the guards with a small dictionary.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { markTitledCompanies } from '../../server/src/service/entities/titled-companies';
import { normalizeForMatching } from '../../server/src/service/normalize';
import type { EntityMention } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';
import { mentionsAt } from './mentions';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');
const orgs = (ms: readonly EntityMention[]) => ms.filter((m) => m.type === 'ORG').map((m) => m.text);

describe('a company named by its officer (titledCompanies)', function () {
  this.timeout(60000);
  const { tagger, both } = shippedRecognizer();
  const without = createEntityRecognizer({ tagger, disable: ['titledCompanies'] });

  it('marks the string before an officer’s title and a person, and its other mentions', () => {
    both('“电是省出来的。”澄光微电高级副总裁周晨对记者说，澄光微电明年将量产新芯片。', (ms, t) => {
      const name = t.slice(9, 13);
      assert.deepEqual(
        orgs(ms).filter((o) => o === name),
        [name, name],
        `${t}: ${show(ms)}`,
      );
      assert.ok(!orgs(without.recognize(t)).includes(name), `the family is what finds ${name}`);
    });
  });

  describe('guards, with a small dictionary', () => {
    const dictionary = new Set(['公司', '技术', '品牌', '采访', '记者']);
    const run = (text: string, spans: [number, number, EntityMention['type']][]) => {
      const norm = normalizeForMatching(text);
      const ms = mentionsAt(text, spans);
      return orgs(markTitledCompanies(ms, text, norm, (a, len) => dictionary.has(norm.slice(a, a + len))));
    };
    it('takes the name back to a clean edge: after a function character or a dictionary word', () => {
      assert.deepEqual(run('记者采访了澄光微电董事长周晨。', [[12, 14, 'PER']]), ['澄光微电']);
      assert.deepEqual(run('记者采访澄光微电CEO周晨。', [[11, 13, 'PER']]), ['澄光微电']);
    });
    it('takes no generic word (公司, 技术总监) and no title before a non-person', () => {
      assert.deepEqual(run('公司总裁周晨说。', [[4, 6, 'PER']]), []);
      assert.deepEqual(run('澄光微电总裁周晨说。', [[6, 8, 'LOC']]), []);
    });
    it('takes no unit right after another organisation (小米集团 + 红米品牌)', () => {
      assert.deepEqual(
        run('澄光集团澄米品牌总经理周晨说。', [
          [0, 4, 'ORG'],
          [11, 13, 'PER'],
        ]),
        ['澄光集团'],
      );
    });
  });
});
