import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectBoilerplate } from '../../server/src/service/boilerplate';

const dir = path.join(__dirname, '..', 'fixtures', 'boilerplate');
const load = (name: string) => ({
  text: fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8'),
  gold: fs.readFileSync(path.join(dir, `${name}.gold.txt`), 'utf8'),
});

/** Lines "remove all" deletes: the confident blocks. */
function removed(text: string): Set<number> {
  const out = new Set<number>();
  for (const b of detectBoilerplate(text).blocks) if (b.confident) for (let i = b.startLine; i <= b.endLine; i++) out.add(i);
  return out;
}

describe('boilerplate fixtures: real pages (cwced) keep their gold text under "remove all"', () => {
  for (const name of ['cwced-c268c1b4', 'cwced-2397c95d']) {
    it(`keeps every gold line of 20 characters or more in ${name}`, () => {
      const { text, gold } = load(name);
      const lines = text.split(/\r\n|\r|\n/);
      const drop = removed(text);
      // Shorter lines are left out: menu words such as 股市 also occur inside the gold text.
      const lost = lines.filter((l, i) => drop.has(i) && l.trim().length >= 20 && gold.includes(l.trim()));
      assert.deepEqual(lost, []);
      // And most of the debris goes.
      const debris = lines.filter((l) => l.trim() && !gold.includes(l.trim())).length;
      assert.ok(drop.size > 0.8 * debris, `${drop.size} of ${debris}`);
    });
  }

  it('keeps the paragraphs after a teaser box and flags the box and the footer', () => {
    const { text } = load('cwced-c268c1b4');
    const lines = text.split(/\r\n|\r|\n/);
    const k = detectBoilerplate(text).lineKinds;
    const at = (s: string) => lines.findIndex((l) => l.trim().startsWith(s));
    assert.equal(k[at('推荐阅读')], 'related');
    assert.equal(k[at('历史总是由或善或假')], null);
    assert.equal(k[at('2005年的太阳已经升起过5次了，但愿')], null);
    assert.equal(k[at('Copyright © 2004 Yahoo!')], 'copyright');
  });

  it('keeps the reference list of a paper and flags the publisher menu after it', () => {
    const { text } = load('cwced-2397c95d');
    const lines = text.split(/\r\n|\r|\n/);
    const k = detectBoilerplate(text).lineKinds;
    const at = (s: string) => lines.findIndex((l) => l.trim().startsWith(s));
    for (const s of ['参考文献', '[1]', '章炳林. C2C电子商务', '[13]', '李锋, 王喜成.']) assert.equal(k[at(s)], null, s);
    assert.equal(k[at('联系我们')], 'footer');
    assert.equal(k[at('版权所有：汉斯出版社')], 'copyright');
  });
});
