/**
 * Reads a model file of the previous format, NER1 (the weights as delta-varint buckets, the lexicons as text), so
 * scripts/reencode-model.ts can convert it to the format the service reads (modelFormat.ts, NER2) without
 * retraining. Not part of any shipped bundle.
 */
import type { EntityType } from '../../server/src/service/types';
import { BUCKET_BYTES, LANE_BIAS } from '../../server/src/service/entities/modelFormat';
import { parseLexicon } from '../../server/src/service/entities/lexicon';

const NER1 = 0x3152454e;
const LEX_TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MEDIA'];

export interface LegacyModel {
  featureVersion: number;
  bits: number;
  tags: number;
  /** 2^bits buckets of BUCKET_BYTES bytes, each int8 weight biased by LANE_BIAS (modelFormat.ts `quantise`). */
  buckets: Uint8Array;
  scale: number;
  transition: Float32Array;
  lexicon?: [string, EntityType][];
  words?: string[];
  names?: [string, number][];
}

export function isLegacyModel(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === NER1;
}

export function decodeLegacyModel(bytes: Uint8Array): LegacyModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isLegacyModel(bytes)) throw new Error('not an NER1 model');
  const featureVersion = view.getUint32(4, true);
  const bits = view.getUint32(8, true);
  const T = view.getUint32(12, true);
  const scale = view.getFloat32(16, true);
  const count = view.getUint32(20, true);
  let o = 24;
  const transition = new Float32Array((T + 1) * T);
  for (let i = 0; i < transition.length; i++, o += 4) transition[i] = view.getFloat32(o, true);
  const idx = new Uint32Array(count);
  let prev = 0;
  for (let k = 0; k < count; k++) {
    let d = 0;
    let s = 0;
    let byte: number;
    do {
      byte = bytes[o++];
      d |= (byte & 0x7f) << s;
      s += 7;
    } while (byte & 0x80);
    prev += d;
    idx[k] = prev;
  }
  const buckets = new Uint8Array((1 << bits) * BUCKET_BYTES).fill(LANE_BIAS);
  for (let k = 0; k < count; k++) for (let t = 0; t < T; t++) buckets[idx[k] * BUCKET_BYTES + t] = ((bytes[o++] << 24) >> 24) + LANE_BIAS;
  const text = (): string | undefined => {
    if (o + 4 > bytes.length) return undefined;
    const len = view.getUint32(o, true);
    const s = new TextDecoder().decode(bytes.subarray(o + 4, o + 4 + len));
    o += 4 + len;
    return s;
  };
  const lex = text();
  const words = text();
  const names = text();
  return {
    featureVersion,
    bits,
    tags: T,
    buckets,
    scale,
    transition,
    lexicon:
      lex === undefined ? undefined : lex ? lex.split('\n').map((l) => [l.slice(1), LEX_TYPES[Number(l[0])]] as [string, EntityType]) : [],
    words: words === undefined ? undefined : words ? words.split('\n') : [],
    names: names === undefined ? undefined : parseLexicon(names),
  };
}
