import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as OpenCC from 'opencc-js';
import { compileConverter, CompiledTrie, type OpenccConfig } from '../../server/src/service/convertTrie';
import { convertScript, simplifier } from '../../server/src/service/convert';

const configs = (OpenCC.Locale as unknown as { configs: Record<string, OpenccConfig> }).configs;
const directions = ['tw', 'hk'] as const;
/** The code units of s (`Uint16Array.from(s)` would iterate code points). */
const units = (s: string) => Uint16Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
const opencc = (from: string) => OpenCC.Converter({ from, to: 'cn' } as OpenCC.ConverterOptions);

describe('opencc-js compiled (convertTrie.ts): the same conversion to Simplified', () => {
  const reference = Object.fromEntries(directions.map((d) => [d, opencc(d)]));
  const check = (s: string) => {
    for (const d of directions) assert.equal(simplifier(d).convert(s), reference[d](s), `${d}: ${JSON.stringify(s)}`);
  };

  it('converts as opencc-js on phrases, variants, segments, compatibility ideographs and description sequences', () => {
    check('');
    check('乾隆皇帝\n計程車 一絲不掛 乾隆 顯著 香港樂園 記憶體 滑鼠 裏面 着陸 臺灣 裡面的後來乾淨');
    // Compatibility ideographs (BMP and astral), a phrase that changes length (二噁英 → 二𫫇英), a surrogate pair.
    check('豈更車\u{2f800}\u{2fa1d} 二噁英 𠮷𠮷 衞生 綫');
    // Ideographic description sequences are skipped whole, nested or cut short at the end of the text.
    check('⿰氵臺灣⿱⿰車車馬乾隆⿲發現⿰');
    check('⿰\ud842\udfb7臺⿰臺');
    // Unpaired surrogates of either kind, at the start, in the middle and at the end.
    check('\udc00臺灣\ud800乾隆\ud842');
  });

  it('converts every fixture page as opencc-js does', () => {
    const dir = path.join(__dirname, '..', 'fixtures', 'articles');
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) check(fs.readFileSync(path.join(dir, name), 'utf8'));
  });

  it('converts random runs of the dictionaries’ own keys and values as opencc-js does', () => {
    const pieces: string[] = [];
    for (const d of directions) {
      const c = configs[`${d}2s`];
      const seg = c.segmentation === undefined ? [] : typeof c.segmentation === 'string' ? [c.segmentation] : c.segmentation;
      for (const dict of [...(c.normalizationChain ?? []).flat(), ...seg, ...c.conversionChain.flat()])
        for (const entry of dict.split('|')) pieces.push(...entry.split(' '));
    }
    const extra = ['⿰', '⿱', '⿲', '⿻', '\ud840', '\udc00', '\ud842\udfb7', 'a', ' ', '。', '\n', '豈'];
    let seed = 7;
    const rand = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    for (let r = 0; r < 20_000; r++) {
      let s = '';
      for (let p = 1 + rand(10); p > 0; p--) {
        const k = rand(10);
        let piece = k < 7 ? pieces[rand(pieces.length)] : extra[rand(extra.length)];
        if (k === 0 && piece.length > 1) piece = piece.slice(rand(piece.length)); // a phrase cut short
        s += piece;
      }
      check(s);
    }
  });

  it('converts code units in place of a range, reading them only', () => {
    const text = 'x\n乾隆年間計程車\ny';
    const codes = units(text);
    const tw = simplifier('tw');
    const n = tw.convertUnits(codes, 2, 9);
    assert.equal(String.fromCharCode(...tw.result.subarray(0, n)), reference.tw('乾隆年間計程車'));
    assert.equal(String.fromCharCode(...codes), text);
  });

  it('keeps opencc-js’s priorities: an earlier dictionary of a group wins, the longest key wins', () => {
    const t = new CompiledTrie(['ab X|a Y', 'a Z|abc W']);
    const out = new Uint16Array(16);
    const conv = (s: string) => {
      const src = units(s);
      return String.fromCharCode(...out.subarray(0, t.convertInto(src, 0, src.length, out, 0)));
    };
    assert.equal(conv('a'), 'Y');
    assert.equal(conv('abc'), 'W');
    assert.equal(conv('abd'), 'Xd');
    assert.equal(conv('ac'), 'Yc');
    const reference = OpenCC.ConverterFactory([['ab X|a Y', 'a Z|abc W']] as unknown as OpenCC.DictGroup);
    for (const s of ['a', 'abc', 'abd', 'ac', 'aab']) assert.equal(conv(s), reference(s));
  });

  it('segments and converts as opencc-js’s Trie over a small dictionary with keys of one and more characters', () => {
    const dicts = ['ab X|a Y|b Q|⿰b R', 'a Z|abc W|c V|𠮷a S|bb T'];
    const t = new CompiledTrie(dicts);
    const ref = new OpenCC.Trie();
    ref.loadDictGroup(dicts);
    const alphabet = ['a', 'b', 'c', 'd', '⿰', '⿱', '𠮷', '\ud842', '\udfb7'];
    let seed = 11;
    const rand = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const out = new Uint16Array(64);
    for (let r = 0; r < 5_000; r++) {
      let s = '';
      for (let n = rand(12); n > 0; n--) s += alphabet[rand(alphabet.length)];
      const src = units(s);
      assert.equal(String.fromCharCode(...out.subarray(0, t.convertInto(src, 0, src.length, out, 0))), ref.convert(s), JSON.stringify(s));
      const ends: number[] = [];
      t.segmentEnds(src, 0, src.length, ends);
      assert.deepEqual(
        ends.map((e, i) => s.slice(i ? ends[i - 1] : 0, e)),
        ref.segment(s),
        JSON.stringify(s),
      );
    }
  });

  it('is what script conversion to Simplified uses', () => {
    assert.equal(convertScript('臺灣乾隆年間的計程車', 'simplified'), opencc('hk')(opencc('tw')('臺灣乾隆年間的計程車')));
    assert.equal(compileConverter(configs.tw2s).convert('乾隆'), '乾隆');
  });
});
