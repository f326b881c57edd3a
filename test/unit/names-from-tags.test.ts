/**
 * `namesFromTags` (entities/tagger.ts): the tagger's names with their confidence in one pass, equal to the spans of
 * `spansFromTags` each given the squashed smallest margin over it (what `tag` returned before).
 */
import { strict as assert } from 'node:assert';
import { namesFromTags, NTAGS, spansFromTags } from '../../server/src/service/entities/tagger';

function reference(tags: Uint8Array, margin: Float32Array, n: number) {
  return spansFromTags(tags, n).map((s) => {
    let m = Infinity;
    for (let i = s.start; i < s.end; i++) m = Math.min(m, margin[i]);
    return { start: s.start, end: s.end, type: s.type, confidence: Math.round((1 / (1 + Math.exp(-m / 4))) * 100) / 100 };
  });
}

describe('namesFromTags', () => {
  it('gives the spans of spansFromTags with the squashed smallest margin, on random tag sequences', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let t = 0; t < 2000; t++) {
      const n = Math.floor(rand() * 24);
      // Longer scratch than n, as tag() passes: nothing past n may be read.
      const tags = new Uint8Array(n + 4);
      const margin = new Float32Array(n + 4);
      for (let i = 0; i < tags.length; i++) {
        tags[i] = rand() < 0.4 ? 0 : Math.floor(rand() * NTAGS);
        margin[i] = (rand() - 0.3) * 40;
      }
      assert.deepEqual(namesFromTags(tags, margin, n), reference(tags, margin, n), `sequence ${t}`);
    }
  });

  it('reads a closed name, an unclosed one and a single', () => {
    // O, B-PER, I-PER, E-PER, S-LOC, B-ORG (unclosed at the end)
    const tags = Uint8Array.from([0, 1, 2, 3, 12, 5]);
    const margin = Float32Array.from([9, 8, 4, 6, 0, 2]);
    assert.deepEqual(
      namesFromTags(tags, margin, 6).map((s) => [s.start, s.end, s.type, s.confidence]),
      [
        [1, 4, 'PER', 0.73],
        [4, 5, 'LOC', 0.5],
        [5, 6, 'ORG', 0.62],
      ],
    );
  });
});
