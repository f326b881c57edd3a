/**
 * The shared enumeration reader (enumerations.ts): where the lists of a text are, their parts and items, read once
 * for the families that read lists (personLists, listMates, latinMates, transport's shared heads). Sentences written
 * for this test.
 */
import { strict as assert } from 'node:assert';
import { enumerationItems, readEnumerations } from '../../server/src/service/entities/enumerations';
import { normalizeForMatching } from '../../server/src/service/normalize';

/** Each enumeration of `text` as its parts (names before a note), joined by |. */
function parts(text: string): string[] {
  return readEnumerations(text).lists.map((e) => e.parts.map((p) => text.slice(p.start, p.nameEnd)).join('|'));
}
/** Each enumeration of `norm` as its items, joined by |. */
function items(norm: string): string[] {
  return readEnumerations(norm).lists.map((e) =>
    enumerationItems(norm, e)
      .map((i) => norm.slice(i.start, i.end))
      .join('|'),
  );
}

describe('the enumeration reader (enumerations.ts)', () => {
  it('reads the parts between the hard edges and the separators, with their positions', () => {
    const t = '评审人为陈立国、江南春、马大为，会议在北京举行。';
    const [e] = readEnumerations(t).lists;
    assert.deepEqual(parts(t), ['评审人为陈立国|江南春|马大为']);
    assert.equal(e.start, 0);
    assert.equal(e.end, t.indexOf('，'));
    assert.deepEqual(e.commas, [t.indexOf('、'), t.lastIndexOf('、')]);
    assert.equal(e.depth, 0);
  });

  it('reads a part up to a bracketed note, nested brackets too', () => {
    const t = '获奖者：卢煜明（香港中文大学（深圳））、施一公(2017年)、王强。';
    assert.deepEqual(parts(t), ['卢煜明|施一公|王强']);
    const [e] = readEnumerations(t).lists;
    // The part still ends at the separator: the note is the part's, outside its name.
    assert.equal(t.slice(e.parts[0].start, e.parts[0].end), '卢煜明（香港中文大学（深圳））');
  });

  it('reads a list inside brackets as its own, and keeps the outer list whole', () => {
    const t = '华为（含荣耀、海思）、三星、小米。';
    const read = readEnumerations(t);
    const { lists } = read;
    assert.deepEqual(
      lists.map((e) => [e.depth, e.parts.map((p) => t.slice(p.start, p.end)).join('|')]),
      [
        [1, '含荣耀|海思'],
        [0, '华为（含荣耀、海思）|三星|小米'],
      ],
    );
    assert.equal(read.atComma(t.indexOf('、')), lists[0]);
    assert.equal(read.atComma(t.lastIndexOf('、')), lists[1]);
    assert.equal(read.atComma(t.indexOf('三')), undefined);
  });

  it('reads no list across a line break', () => {
    // The separator before the break ends its list with an empty part; 上海 is no item of it.
    assert.deepEqual(parts('北京、\n上海'), ['北京|']);
    assert.deepEqual(parts('北京、上海\n广州、深圳'), ['北京|上海', '广州|深圳']);
  });

  it('reads Latin items, and the closers and counts of the last item', () => {
    assert.deepEqual(items('博通、英伟达、Marvell等多家芯片厂商'), ['博通|英伟达|Marvell']);
    assert.deepEqual(items('高通、华为、三星、联发科和紫光展锐'), ['高通|华为|三星|联发科|紫光展锐']);
    assert.deepEqual(items('新华社、人民日报以及央视'), ['新华社|人民日报|央视']);
    assert.deepEqual(items('璜塘、江阴南、江阴北4个收费站'), ['璜塘|江阴南|江阴北']);
    assert.deepEqual(items('ABC、BBC或CNN等等'), ['ABC|BBC|CNN']);
    // The count is the numeral before the measure word: a numeral in the name stays (牛本一 of 牛本一三位).
    assert.deepEqual(items('王绪振、孙庆玉、牛本一三位师傅'), ['王绪振|孙庆玉|牛本一']);
    // A closer that would leave an item of one character is part of a name (和平 is no closer here).
    assert.deepEqual(items('北京、和平区'), ['北京|和平区']);
  });

  it('reads a Traditional text through its normalised form, position for position', () => {
    const text = '華為、聯發科與紫光展銳等廠商';
    const norm = normalizeForMatching(text);
    const [e] = readEnumerations(norm).lists;
    assert.deepEqual(
      enumerationItems(norm, e).map((i) => text.slice(i.start, i.end)),
      ['華為', '聯發科', '紫光展銳'],
    );
  });

  it('finds nothing in a text without an enumeration comma', () => {
    assert.deepEqual(readEnumerations('北京和上海，广州与深圳。').lists, []);
  });
});
