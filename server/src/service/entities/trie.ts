import { hasSlot, pairSlot, setSlot, SLOTS } from './unit-slots';

/** A character trie over UTF-16 code units for leftmost-longest dictionary matching. */
export class Trie<V> {
  // The edges (parent node, code unit) -> child node in one open-addressing table of typed arrays: a Map per node
  // cost about 200 bytes a node, 15 MB for the model's lexicon of training names.
  private edgeParent: Int32Array;
  private edgeCode: Uint16Array;
  private edgeChild: Int32Array;
  private edges: number;
  private nodes: number;
  // Each node's value as an index into `book` (0: none), so a trie can live in typed arrays (a model file's
  // sections: the constructor) with only its few distinct values as objects.
  private codes: Int32Array;
  private readonly book: (V | undefined)[];
  size: number;
  /** First-level children by code unit (0 = none): most positions fail here, so it must be a plain array read. */
  private readonly root: Int32Array;
  /**
   * A bit per hash of the first two code units of the keys of two or more: nine in ten positions whose first unit
   * begins a key begin none longer, and one bit read (32 KB, cached) spares their probe of the edge table. A model's
   * trie derives it from its tables on its first walk (not at load, which the server's start waits for).
   */
  private pairs: Int32Array | undefined;
  /**
   * What `set` wrote into the two fixed tables (the root's code units, the pair bits), so that `clear` can set back
   * only those entries; undefined in a trie read from a model file's sections, which cannot be cleared.
   */
  private readonly rootUnits: number[] | undefined;
  private readonly pairSlots: number[] | undefined;

  constructor(sections?: TrieSections, book?: readonly V[]) {
    if (sections) {
      const [meta, root, parent, code, child, codes] = sections;
      this.nodes = meta[0];
      this.edges = meta[1];
      this.size = meta[2];
      this.root = root;
      this.edgeParent = parent;
      this.edgeCode = code;
      this.edgeChild = child;
      this.codes = codes;
      this.book = [undefined, ...(book ?? [])];
      this.rootUnits = undefined;
      this.pairSlots = undefined;
      return;
    }
    this.edgeParent = new Int32Array(64).fill(-1);
    this.edgeCode = new Uint16Array(64);
    this.edgeChild = new Int32Array(64);
    this.edges = 0;
    this.nodes = 1;
    this.codes = new Int32Array(64);
    this.book = [undefined];
    this.size = 0;
    this.root = new Int32Array(0x10000);
    this.pairs = new Int32Array(SLOTS >>> 5);
    this.rootUnits = [];
    this.pairSlots = [];
  }

  /**
   * Empties the trie for reuse (`TriePool`): a new trie allocates and zeroes a 256 KB root and a 32 KB pair table,
   * which a per-article trie of a few names paid at each article. Only the entries `set` wrote are set back; the edge
   * and value tables keep their size unless a large text grew them past a few thousand entries.
   */
  clear(): void {
    const rootUnits = this.rootUnits;
    const pairSlots = this.pairSlots;
    const pairs = this.pairs;
    if (!rootUnits || !pairSlots || !pairs) throw new Error('a trie read from a model file cannot be cleared');
    for (let k = 0; k < rootUnits.length; k++) this.root[rootUnits[k]] = 0;
    rootUnits.length = 0;
    for (let k = 0; k < pairSlots.length; k++) pairs[pairSlots[k] >>> 5] = 0;
    pairSlots.length = 0;
    if (this.edgeParent.length > KEPT_CAPACITY) {
      this.edgeParent = new Int32Array(64).fill(-1);
      this.edgeCode = new Uint16Array(64);
      this.edgeChild = new Int32Array(64);
    } else if (this.edges) this.edgeParent.fill(-1);
    if (this.codes.length > KEPT_CAPACITY) this.codes = new Int32Array(64);
    else this.codes.fill(0, 0, this.nodes);
    this.edges = 0;
    this.nodes = 1;
    this.book.length = 1;
    this.size = 0;
    this.lastValue = undefined;
  }

  private pairBits(): Int32Array {
    return (this.pairs ??= derivePairBits(this.root, this.edgeParent, this.edgeCode, this.nodes));
  }

  /**
   * The trie as typed arrays (a `[nodes, edges, size]` header, the root table, the three edge arrays, each node's
   * value code) for a model file; `code` numbers the values from 1, and `new Trie(sections, book)` reads them back
   * with `book[code - 1]`. The arrays are the trie's own, not copies.
   */
  toSections(code: (value: V) => number): TrieSections {
    const codes = new Int32Array(this.nodes);
    for (let node = 0; node < this.nodes; node++) {
      const v = this.book[this.codes[node]];
      codes[node] = v === undefined ? 0 : code(v);
    }
    return [Uint32Array.of(this.nodes, this.edges, this.size), this.root, this.edgeParent, this.edgeCode, this.edgeChild, codes];
  }

  private slot(node: number, c: number): number {
    const mask = this.edgeParent.length - 1;
    let i = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;
    while (this.edgeParent[i] !== -1 && (this.edgeParent[i] !== node || this.edgeCode[i] !== c)) i = (i + 1) & mask;
    return i;
  }

  /** The child of `node` by code unit `c`, or -1. */
  private child(node: number, c: number): number {
    if (node === 0) return this.root[c] || -1;
    const i = this.slot(node, c);
    return this.edgeParent[i] === -1 ? -1 : this.edgeChild[i];
  }

  private grow(): void {
    const parent = this.edgeParent;
    const code = this.edgeCode;
    const child = this.edgeChild;
    this.edgeParent = new Int32Array(parent.length * 2).fill(-1);
    this.edgeCode = new Uint16Array(parent.length * 2);
    this.edgeChild = new Int32Array(parent.length * 2);
    for (let k = 0; k < parent.length; k++) {
      if (parent[k] === -1) continue;
      const i = this.slot(parent[k], code[k]);
      this.edgeParent[i] = parent[k];
      this.edgeCode[i] = code[k];
      this.edgeChild[i] = child[k];
    }
  }

  set(key: string, value: V): void {
    const pairs = this.pairBits();
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = this.child(node, c);
      if (next < 0) {
        next = this.nodes++;
        if (this.nodes > this.codes.length) {
          const codes = new Int32Array(this.codes.length * 2);
          codes.set(this.codes);
          this.codes = codes;
        }
        if (node === 0) {
          this.root[c] = next;
          this.rootUnits?.push(c);
        } else {
          if ((this.edges + 1) * 2 > this.edgeParent.length) this.grow();
          const at = this.slot(node, c);
          this.edgeParent[at] = node;
          this.edgeCode[at] = c;
          this.edgeChild[at] = next;
          this.edges++;
        }
      }
      node = next;
      if (i === 1) {
        const slot = pairSlot(key.charCodeAt(0), c);
        if (!hasSlot(pairs, slot)) {
          setSlot(pairs, slot);
          this.pairSlots?.push(slot);
        }
      }
    }
    if (this.codes[node] === 0) this.size++;
    this.codes[node] = this.book.length;
    this.book.push(value);
  }

  /** Whether some key begins with code unit `c` (a table read: for scans that skip most positions before a call). */
  hasFirst(c: number): boolean {
    return this.root[c] !== 0;
  }

  /** The longest key that starts at `start` in `text`: its end offset and value, or undefined. */
  longestAt(text: string, start: number): { end: number; value: V } | undefined {
    const end = this.longestEnd(text, start);
    return end < 0 ? undefined : { end, value: this.lastValue as V };
  }

  /** Value of the last successful `longestEnd` call. */
  lastValue: V | undefined;

  /** End offset of the longest key starting at `start` (its value in `lastValue`), or -1. Allocation-free. */
  longestEnd(text: string, start: number): number {
    if (start >= text.length) return -1;
    const c0 = text.charCodeAt(start);
    let node = this.root[c0];
    if (node === 0) return -1;
    let end = -1;
    const codes = this.codes;
    const book = this.book;
    const first = book[codes[node]];
    if (first !== undefined) {
      end = start + 1;
      this.lastValue = first;
    }
    if (start + 1 < text.length && !hasSlot(this.pairs ?? this.pairBits(), pairSlot(c0, text.charCodeAt(start + 1)))) return end;
    for (let i = start + 1; i < text.length; i++) {
      const next = this.child(node, text.charCodeAt(i));
      if (next < 0) break;
      node = next;
      const v = book[codes[node]];
      if (v !== undefined) {
        end = i + 1;
        this.lastValue = v;
      }
    }
    return end;
  }

  /** Every key that starts at `start`, shortest first. */
  allAt(text: string, start: number, out: { end: number; value: V }[] = []): { end: number; value: V }[] {
    let node = 0;
    for (let i = start; i < text.length; i++) {
      if (i === start + 1 && !hasSlot(this.pairs ?? this.pairBits(), pairSlot(text.charCodeAt(start), text.charCodeAt(i)))) break;
      const next = this.child(node, text.charCodeAt(i));
      if (next < 0) break;
      node = next;
      const v = this.book[this.codes[node]];
      if (v !== undefined) out.push({ end: i + 1, value: v });
    }
    return out;
  }
}

/** Edge and value tables larger than this (entries) are not kept by `clear`: a megabyte's names need not stay. */
const KEPT_CAPACITY = 4096;

/**
 * Empty tries kept between calls, for the per-article ones (the linking's names, the weak copies'): `take` one,
 * `give` it back when done (in a `finally`, so a throw does not keep the article's values alive or leave names in
 * it). A call that takes a trie while another is out gets a new one.
 */
export class TriePool<V> {
  private readonly free: Trie<V>[] = [];

  take(): Trie<V> {
    return this.free.pop() ?? new Trie<V>();
  }

  give(trie: Trie<V>): void {
    trie.clear();
    if (this.free.length < 2) this.free.push(trie);
  }
}

/** The pair filter of a trie's tables: every edge out of a first-level node sets the bit of its two code units. */
function derivePairBits(root: Int32Array, parent: Int32Array, code: Uint16Array, nodes: number): Int32Array {
  const bits = new Int32Array(SLOTS >>> 5);
  // The first code unit of each first-level node, plus one (0: the node is deeper).
  const firstUnit = new Int32Array(nodes);
  for (let c = 0; c < root.length; c++) if (root[c]) firstUnit[root[c]] = c + 1;
  for (let k = 0; k < parent.length; k++) {
    const p = parent[k];
    if (p > 0 && firstUnit[p]) setSlot(bits, pairSlot(firstUnit[p] - 1, code[k]));
  }
  return bits;
}

/** Non-overlapping leftmost-longest matches of a trie over a whole text. */
export function leftmostLongest<V>(trie: Trie<V>, text: string): { start: number; end: number; value: V }[] {
  const out: { start: number; end: number; value: V }[] = [];
  for (let i = 0; i < text.length;) {
    const m = trie.longestAt(text, i);
    if (m) {
      out.push({ start: i, end: m.end, value: m.value });
      i = m.end;
    } else i++;
  }
  return out;
}

/** A trie's typed arrays: `[nodes, edges, size]`, root, edge parent, edge code unit, edge child, value codes. */
export type TrieSections = [Uint32Array, Int32Array, Int32Array, Uint16Array, Int32Array, Int32Array];
