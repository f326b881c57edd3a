import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as OpenCC from 'opencc-js';
import { ROOT, ensureBuilt } from '../protocol/lspClient';

type Convert = (text: string) => string;
interface Built {
  Converter(options: { from: string; to: string }): Convert;
  ConverterFactory(...dictionaries: unknown[]): Convert;
  Locale: { from: Record<string, unknown[][]>; to: Record<string, unknown[]> };
}

describe('dist/opencc.js: opencc-js with its dictionaries in files of their own (scripts/build.mjs)', () => {
  before(() => ensureBuilt());
  const built = () => require(path.join(ROOT, 'dist', 'opencc.js')) as Built; // eslint-disable-line @typescript-eslint/no-require-imports
  const text =
    fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8') +
    '\n一絲不掛 乾隆 顯著 香港樂園 软件 内存 后台 記憶體 滑鼠 裏面 着陸 ⺀ 𠮷';

  it('keeps the dictionaries out of its source, which V8 holds for the life of the process', () => {
    const size = fs.statSync(path.join(ROOT, 'dist', 'opencc.js')).size;
    assert.ok(size < 100_000, `dist/opencc.js is ${size} bytes`);
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'opencc', 'TSPhrases.txt')));
    assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!dist\/opencc\/\*\.txt$/m, 'the .vsix ships them');
  });

  it('converts as opencc-js itself does, in every direction the service and the convert commands use', () => {
    const mod = built();
    for (const [from, to] of [
      ['tw', 'cn'],
      ['hk', 'cn'],
      ['cn', 't'],
      ['cn', 'tw'],
      ['cn', 'hk'],
      ['twp', 'cn'],
      ['cn', 'twp'],
    ])
      assert.equal(mod.Converter({ from, to })(text), OpenCC.Converter({ from, to } as OpenCC.ConverterOptions)(text), `${from} -> ${to}`);
    // convert.ts toTraditionalCharacters: the characters alone, from the locale tables.
    const chars = mod.ConverterFactory([mod.Locale.from.cn[0][1]], ...mod.Locale.to.tw)(text);
    const reference = (OpenCC.ConverterFactory as (...d: unknown[]) => Convert)(
      [OpenCC.Locale.from.cn[0][1]],
      ...OpenCC.Locale.to.tw,
    )(text);
    assert.equal(chars, reference);
  });
});
