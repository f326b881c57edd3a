import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { charMapPairsFromOpencc } from '../../server/src/service/charMapBuild';
import { OPENCC_VERSION } from '../../server/src/service/charMapTable';
import { getCharMap, normalizeForMatching } from '../../server/src/service/normalize';

describe('the shipped per-character Traditional→Simplified map', function () {
  this.timeout(60000);

  it('was generated from the installed opencc-js (else: npx tsx scripts/build-char-map.ts)', () => {
    const pkg = path.join(__dirname, '..', '..', 'node_modules', 'opencc-js', 'package.json');
    assert.equal(OPENCC_VERSION, (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version);
  });

  it('equals the map opencc-js gives at run time, on every one of the 65,536 code units', () => {
    const fromOpencc = new Uint16Array(0x10000);
    for (const [src, dst] of charMapPairsFromOpencc()) fromOpencc[src] = dst;
    const shipped = getCharMap();
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++)
      if (shipped[c] !== fromOpencc[c]) differ.push(`U+${c.toString(16)}: ${shipped[c]} ≠ ${fromOpencc[c]}`);
    assert.deepEqual(differ.slice(0, 10), []);
    // Not vacuous: both hold the thousands of characters Taiwan and Hong Kong texts use.
    assert.ok(fromOpencc.filter((x) => x !== 0).length > 2500);
    assert.equal(String.fromCharCode(shipped['灣'.charCodeAt(0)]), '湾');
  });

  it('normalises through the map where a phrase would change the length', () => {
    assert.equal(normalizeForMatching('臺灣'), '台湾');
    assert.equal(normalizeForMatching('這裡').length, 2);
  });
});
