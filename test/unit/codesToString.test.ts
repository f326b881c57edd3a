/**
 * `codesToString` makes the normalised and masked texts from their code units: every code unit must come back as it
 * was, a leading U+FEFF and unpaired surrogates included (a UTF-16 decoder drops the one and replaces the others).
 */
import * as assert from 'node:assert/strict';
import { codesToString, hasLoneSurrogate } from '../../server/src/service/normalize';

/** The string code unit by code unit, as the chunked way made it. */
const reference = (codes: Uint16Array) => Array.from(codes, (c) => String.fromCharCode(c)).join('');

function randomCodes(n: number, seed: number, pairs: boolean): Uint16Array {
  const codes = new Uint16Array(n);
  let x = seed;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8;
  for (let i = 0; i < n; i++) {
    const r = next() % 10;
    if (pairs && r === 0 && i + 1 < n) {
      codes[i++] = 0xd800 + (next() % 0x400);
      codes[i] = 0xdc00 + (next() % 0x400);
    } else codes[i] = r < 6 ? 0x4e00 + (next() % 0x5000) : r < 8 ? 0x20 + (next() % 0x5f) : r === 8 ? 10 : 0xff0c;
  }
  return codes;
}

describe('codesToString', () => {
  it('gives back every code unit, over and under one chunk, with surrogate pairs and a leading byte order mark', () => {
    for (const [n, seed] of [
      [0, 1],
      [1, 2],
      [8191, 3],
      [8193, 4],
      [100_000, 5],
    ]) {
      const codes = randomCodes(n, seed, true);
      if (n) codes[0] = 0xfeff;
      assert.equal(hasLoneSurrogate(codes), false);
      const s = codesToString(codes);
      assert.equal(s.length, n);
      assert.equal(s, reference(codes), `${n} code units`);
    }
  });

  it('keeps unpaired surrogates wherever they stand', () => {
    const lone: number[][] = [
      [0xd800],
      [0x41, 0xdc00, 0x42],
      [0x41, 0xd83d],
      [0xdc00, 0xd800],
      [0xd800, 0x41, 0xdc00],
      [0xd83d, 0xde00, 0xde00],
    ];
    for (const units of lone) {
      const codes = Uint16Array.from([...randomCodes(9000, 7, true), ...units, 0x5b57]);
      assert.equal(hasLoneSurrogate(codes), true, JSON.stringify(units));
      assert.equal(codesToString(codes), reference(codes), JSON.stringify(units));
    }
    // A high surrogate as the last code unit has no low one after it.
    const last = Uint16Array.from([...randomCodes(9000, 8, true), 0xd83d]);
    assert.equal(hasLoneSurrogate(last), true);
    assert.equal(codesToString(last), reference(last));
    assert.equal(hasLoneSurrogate(Uint16Array.of(0xd83d, 0xde00, 0x41)), false);
  });
});
