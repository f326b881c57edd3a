/** A character trie over UTF-16 code units for leftmost-longest dictionary matching. */
export class Trie<V> {
  private readonly children: Map<number, number>[] = [new Map()];
  private readonly values: (V | undefined)[] = [undefined];
  size = 0;
  /** First-level children by code unit (0 = none): most positions fail here, so it must be a plain array read. */
  private readonly root = new Int32Array(0x10000);

  set(key: string, value: V): void {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = this.children[node].get(c);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        this.values.push(undefined);
        this.children[node].set(c, next);
        if (node === 0) this.root[c] = next;
      }
      node = next;
    }
    if (this.values[node] === undefined) this.size++;
    this.values[node] = value;
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
    let node = this.root[text.charCodeAt(start)];
    if (node === 0) return -1;
    let end = -1;
    const children = this.children;
    const values = this.values;
    const first = values[node];
    if (first !== undefined) {
      end = start + 1;
      this.lastValue = first;
    }
    for (let i = start + 1; i < text.length; i++) {
      const next = children[node].get(text.charCodeAt(i));
      if (next === undefined) break;
      node = next;
      const v = values[node];
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
      const next = this.children[node].get(text.charCodeAt(i));
      if (next === undefined) break;
      node = next;
      const v = this.values[node];
      if (v !== undefined) out.push({ end: i + 1, value: v });
    }
    return out;
  }
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
