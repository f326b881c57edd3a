/**
 * opencc-js's conversion to Simplified (`Converter({ from: 'tw' | 'hk', to: 'cn' })`), compiled once from opencc-js's
 * own dictionaries into typed arrays, with the same output byte for byte. opencc-js keeps each dictionary as a trie of
 * `Map`s (one per node) and converts a line in four passes of strings: the compatibility-ideograph normalisation,
 * the segmentation by the phrases of its last group, then each segment through each group of the chain, each pass
 * a `Map` look-up and a `codePointAt` per character, a slice per run and a join per segment (about 21 ms for the
 * bench's megabyte, 918 distinct lines with a Traditional character). Here each trie is a root table (a BMP code
 * unit to its node) and one open-addressed table of the other edges, and the passes run over code units in reused
 * buffers. The algorithm is opencc-js 1.4.2's (`core.js`: `Trie.matchPrefix`, `convert`, `segment`,
 * `getUnmatchedLength` with its ideographic description sequences, `loadDictGroup`'s priorities,
 * `ConverterBuilder`'s configs): `test/unit/convertTrie.test.ts` holds the two equal over random text and every
 * fixture page, and `scripts/perf/convert-equal.ts` over the whole corpus.
 */

/** A dictionary as opencc-js ships it: `key value|key value|…`. */
type Dict = string;

/** What `Locale.configs[name]` holds (opencc-js's preset): the chains and the segmentation dictionaries. */
export interface OpenccConfig {
  normalizationChain?: readonly (readonly Dict[])[];
  segmentation?: Dict | readonly Dict[];
  conversionChain: readonly (readonly Dict[])[];
}

const EMPTY = -1;

/** One opencc-js `Trie` with its dictionaries loaded, as typed arrays. Node 0 is the root. */
export class CompiledTrie {
  /** BMP code unit → the root's child (0: none). */
  private readonly root = new Int32Array(0x10000);
  /** The other edges (parent, code point) → child, open-addressed; a child of 0 marks an empty slot. */
  private readonly edgeParent: Int32Array;
  private readonly edgeCode: Int32Array;
  private readonly edgeChild: Int32Array;
  private readonly edgeMask: number;
  /** Per node: where its value starts in `pool` (EMPTY: no value), its length, whether it has children. */
  private readonly valueStart: Int32Array;
  private readonly valueLength: Int32Array;
  private readonly hasChildren: Uint8Array;
  private readonly pool: Uint16Array;
  /** The most code units a value has per code unit of its key (at least 1): bounds an output's length. */
  readonly growth: number;

  /** `loadDictGroup(dicts)` of opencc-js: the dictionaries loaded last to first, so an earlier one's value wins. */
  constructor(dicts: readonly Dict[]) {
    type Node = { children: Map<number, Node>; value: string | undefined; id: number };
    const top: Node = { children: new Map(), value: undefined, id: 0 };
    let growth = 1;
    for (const d of dicts.slice().reverse()) {
      for (const line of d.split('|')) {
        const [l, r] = line.split(' ');
        if (typeof r !== 'string') throw new TypeError('Invalid dictionary entry');
        let node = top;
        for (const c of l) {
          const cp = c.codePointAt(0)!;
          let next = node.children.get(cp);
          if (!next) node.children.set(cp, (next = { children: new Map(), value: undefined, id: 0 }));
          node = next;
        }
        node.value = r;
        if (l.length > 0) growth = Math.max(growth, Math.ceil(r.length / l.length));
      }
    }
    this.growth = growth;
    // Number the nodes and size the tables.
    const nodes: Node[] = [top];
    let edges = 0;
    let units = 0;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.value !== undefined) units += n.value.length;
      for (const child of n.children.values()) {
        child.id = nodes.length;
        nodes.push(child);
        edges++;
      }
    }
    let size = 16;
    while (size < edges * 2) size <<= 1;
    this.edgeMask = size - 1;
    this.edgeParent = new Int32Array(size);
    this.edgeCode = new Int32Array(size);
    this.edgeChild = new Int32Array(size);
    this.valueStart = new Int32Array(nodes.length).fill(EMPTY);
    this.valueLength = new Int32Array(nodes.length);
    this.hasChildren = new Uint8Array(nodes.length);
    this.pool = new Uint16Array(units);
    let at = 0;
    for (const n of nodes) {
      if (n.value !== undefined) {
        this.valueStart[n.id] = at;
        this.valueLength[n.id] = n.value.length;
        for (let k = 0; k < n.value.length; k++) this.pool[at++] = n.value.charCodeAt(k);
      }
      if (n.children.size > 0) this.hasChildren[n.id] = 1;
      for (const [cp, child] of n.children) {
        if (n.id === 0 && cp < 0x10000) {
          this.root[cp] = child.id;
          continue;
        }
        let h = edgeHash(n.id, cp) & this.edgeMask;
        while (this.edgeChild[h] !== 0) h = (h + 1) & this.edgeMask;
        this.edgeParent[h] = n.id;
        this.edgeCode[h] = cp;
        this.edgeChild[h] = child.id;
      }
    }
  }

  /** The child of `node` by code point `cp` (0: none). */
  child(node: number, cp: number): number {
    if (node === 0 && cp < 0x10000) return this.root[cp];
    const mask = this.edgeMask;
    for (let h = edgeHash(node, cp) & mask; ; h = (h + 1) & mask) {
      const c = this.edgeChild[h];
      if (c === 0) return 0;
      if (this.edgeParent[h] === node && this.edgeCode[h] === cp) return c;
    }
  }

  /**
   * `matchPrefix(s, i)` over src[from, to) (the string `s`, i = at - from): the end of the longest key that starts at
   * `at`, its node in `matched[0]`; or -1. `to` bounds the walk as `s.length` bounds opencc-js's.
   */
  private matchPrefix(src: Uint16Array, at: number, to: number): number {
    let node = 0;
    let end = -1;
    for (let j = at; j < to;) {
      let x = src[j];
      let step = 1;
      if (x >= 0xd800 && x <= 0xdbff && j + 1 < to) {
        const y = src[j + 1];
        if (y >= 0xdc00 && y <= 0xdfff) {
          x = ((x - 0xd800) << 10) + (y - 0xdc00) + 0x10000;
          step = 2;
        }
      }
      const next = node === 0 && x < 0x10000 ? this.root[x] : this.child(node, x);
      if (next === 0) break;
      node = next;
      j += step;
      if (this.valueStart[node] !== EMPTY) {
        end = j;
        this.lastNode = node;
      }
      if (this.hasChildren[node] === 0) break;
    }
    return end;
  }
  private lastNode = 0;

  /**
   * `convert(s)` of opencc-js for s = src[from, to), written into dst from `at` on (dst must hold
   * (to - from) * growth more units); returns the end of what was written.
   */
  convertInto(src: Uint16Array, from: number, to: number, dst: Uint16Array, at: number): number {
    const { root, hasChildren, pool, valueStart, valueLength } = this;
    for (let i = from; i < to;) {
      const c = src[i];
      // The usual cases first, without the walk: a code unit (not a high surrogate, so it is the code point) that
      // starts no key, outside the description characters, is copied; a key of that one character is replaced.
      if (c < 0xd800 || c > 0xdbff) {
        const node = root[c];
        if (node === 0) {
          if (c < 0x2ff0 || c > 0x2fff) {
            dst[at++] = c;
            i++;
            continue;
          }
        } else if (hasChildren[node] === 0) {
          // A node without children ends a key, so it holds a value.
          const start = valueStart[node];
          const n = valueLength[node];
          for (let k = 0; k < n; k++) dst[at++] = pool[start + k];
          i++;
          continue;
        }
      }
      const end = this.matchPrefix(src, i, to);
      if (end > 0) {
        const node = this.lastNode;
        const start = valueStart[node];
        const n = valueLength[node];
        for (let k = 0; k < n; k++) dst[at++] = pool[start + k];
        i = end;
      } else {
        const n = unmatchedLength(src, i, to);
        for (let k = 0; k < n; k++) dst[at++] = src[i + k];
        i += n;
      }
    }
    return at;
  }

  /** True if no key can match in src[from, to) (no code unit starts one, no surrogate pair is there). */
  matchesNothing(src: Uint16Array, from: number, to: number): boolean {
    const root = this.root;
    for (let i = from; i < to; i++) {
      const c = src[i];
      if (root[c] !== 0 || (c >= 0xd800 && c <= 0xdbff)) return false;
    }
    return true;
  }

  /** `segment(s)` of opencc-js for s = src[from, to): each segment's end, pushed onto `ends`. */
  segmentEnds(src: Uint16Array, from: number, to: number, ends: number[]): void {
    const { root, hasChildren } = this;
    let unmatched = false;
    for (let i = from; i < to;) {
      const c = src[i];
      // As in convertInto: a code unit that starts no key (outside the description characters) is unmatched, a key
      // of one character its own segment.
      if (c < 0xd800 || c > 0xdbff) {
        const node = root[c];
        if (node === 0) {
          if (c < 0x2ff0 || c > 0x2fff) {
            unmatched = true;
            i++;
            continue;
          }
        } else if (hasChildren[node] === 0) {
          if (unmatched) ends.push(i);
          unmatched = false;
          ends.push(++i);
          continue;
        }
      }
      const end = this.matchPrefix(src, i, to);
      if (end > 0) {
        if (unmatched) ends.push(i);
        unmatched = false;
        ends.push(end);
        i = end;
      } else {
        unmatched = true;
        i += unmatchedLength(src, i, to);
      }
    }
    if (unmatched) ends.push(to);
  }
}

function edgeHash(node: number, cp: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(cp, 0x85ebca6b)) >>> 7;
}

/** `getCodePointLength(s, i)` of opencc-js for s ending at `to`. */
function codePointLength(src: Uint16Array, i: number, to: number): number {
  const c = src[i];
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const d = src[i + 1];
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** `getIdeographicDescriptionArity`: the operands of an ideographic description character (U+2FF0–2FFF). */
function idsArity(c: number): number {
  if (c >= 0x2ff0 && c <= 0x2ff1) return 2;
  if (c >= 0x2ff2 && c <= 0x2ff3) return 3;
  if (c >= 0x2ff4 && c <= 0x2fff) return 2;
  return 0;
}

/** `getIdeographicDescriptionSequenceEnd(s, i)`: the end of the sequence starting at i, or 0 if there is none. */
function idsEnd(src: Uint16Array, i: number, to: number): number {
  // A surrogate is never a description character, so the code unit tells what the code point would.
  const arity = idsArity(src[i]);
  if (arity === 0) return 0;
  let end = i + 1;
  for (let n = 0; n < arity; n++) {
    if (end >= to) return 0;
    const childEnd = idsEnd(src, end, to);
    end = childEnd || end + codePointLength(src, end, to);
  }
  return end;
}

/** `getUnmatchedLength(s, i)`: a whole description sequence, else one code point. */
function unmatchedLength(src: Uint16Array, i: number, to: number): number {
  const c = src[i];
  if (c >= 0x2ff0 && c <= 0x2fff) {
    const end = idsEnd(src, i, to);
    if (end > i) return end - i;
  }
  return codePointLength(src, i, to);
}

/** Reusable code-unit buffers, grown as needed: the input and the normalisation's, the output, the chain's. */
let bufferIn = new Uint16Array(1024);
const normalized = [new Uint16Array(1024), new Uint16Array(1024)];
let bufferOut = new Uint16Array(1024);
const scratch = [new Uint16Array(1024), new Uint16Array(1024)];
const ends: number[] = [];

function atLeast(b: Uint16Array<ArrayBuffer>, n: number): Uint16Array<ArrayBuffer> {
  if (b.length >= n) return b;
  let size = b.length;
  while (size < n) size *= 2;
  return new Uint16Array(size);
}

/** What `ConverterBuilder` makes of a config: normalisation chain, then segmentation and the conversion chain. */
export class CompiledConverter {
  private readonly growth: number;
  constructor(
    private readonly normalization: readonly CompiledTrie[],
    private readonly segmentation: CompiledTrie | undefined,
    private readonly chain: readonly CompiledTrie[],
  ) {
    let growth = 1;
    for (const t of chain) growth *= t.growth;
    this.growth = growth;
  }

  /** The conversion of `s`, as opencc-js's converter returns it. */
  convert(s: string): string {
    const n = s.length;
    const src = (bufferIn = atLeast(bufferIn, n));
    for (let i = 0; i < n; i++) src[i] = s.charCodeAt(i);
    const length = this.convertUnits(src, 0, n);
    return codesString(this.result, length);
  }

  /** The output of the last `convertUnits` (valid until the next call of any converter of this module). */
  result: Uint16Array = bufferOut;

  /**
   * The conversion of the string whose code units are src[from, to), into `result` from 0 on; returns its length.
   * `src` is only read.
   */
  convertUnits(src: Uint16Array, from: number, to: number): number {
    let cur = src;
    let lo = from;
    let hi = to;
    let passes = 0;
    for (const t of this.normalization) {
      // Most text holds no compatibility ideograph: the pass would copy it.
      if (t.matchesNothing(cur, lo, hi)) continue;
      const k = passes++ & 1;
      const dst = (normalized[k] = atLeast(normalized[k], (hi - lo) * t.growth));
      hi = t.convertInto(cur, lo, hi, dst, 0);
      lo = 0;
      cur = dst;
    }
    // Segments, each through the chain on its own (a phrase never spans two segments).
    ends.length = 0;
    if (this.segmentation) this.segmentation.segmentEnds(cur, lo, hi, ends);
    else if (hi > lo) ends.push(hi);
    const out = (bufferOut = atLeast(bufferOut, (hi - lo) * this.growth));
    const last = this.chain.length - 1;
    let written = 0;
    let start = lo;
    for (let e = 0; e < ends.length; e++) {
      const end = ends[e];
      if (last < 0) {
        for (let i = start; i < end; i++) out[written++] = cur[i];
      } else {
        // The segment through every group but the last into scratch, the last group straight into `out`.
        let seg = cur;
        let a = start;
        let b = end;
        for (let g = 0; g < last; g++) {
          const t = this.chain[g];
          const dst = (scratch[g & 1] = atLeast(scratch[g & 1], (b - a) * t.growth));
          b = t.convertInto(seg, a, b, dst, 0);
          a = 0;
          seg = dst;
        }
        written = this.chain[last].convertInto(seg, a, b, out, written);
      }
      start = end;
    }
    this.result = out;
    return written;
  }
}

function codesString(codes: Uint16Array, n: number): string {
  let s = '';
  for (let i = 0; i < n; i += 8192) s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return s;
}

const tries = new Map<string, CompiledTrie>();
const dictIds = new Map<string, number>();

/** One compiled trie per group of dictionaries, shared by the converters (tw and hk share TSPhrases and more). */
function trieOf(dicts: readonly Dict[]): CompiledTrie {
  const key = dicts
    .map((d) => {
      let id = dictIds.get(d);
      if (id === undefined) dictIds.set(d, (id = dictIds.size));
      return id;
    })
    .join(',');
  let t = tries.get(key);
  if (!t) tries.set(key, (t = new CompiledTrie(dicts)));
  return t;
}

/** `Converter({ from, to })` of opencc-js for a config of its preset (`Locale.configs`), compiled. */
export function compileConverter(config: OpenccConfig): CompiledConverter {
  // ConverterFactory(...normalizationChain): each group one trie (the chains the presets hold are lists of groups).
  const normalization = (config.normalizationChain ?? []).map(trieOf);
  const seg = config.segmentation;
  const segmentation = seg === undefined || seg === null ? undefined : trieOf(typeof seg === 'string' ? [seg] : seg);
  return new CompiledConverter(normalization, segmentation, config.conversionChain.map(trieOf));
}
