/**
 * Character clusters as tagger features: each character's class by what follows it (right-context clusters) and
 * by what precedes it (left-context clusters), induced without labels from MSRA train text and unlabelled news
 * pages (scripts/training/clusters.ts, predictive exchange clustering). They let the tagger generalise from a
 * frequent character to rare ones that behave alike, which is where pages differ from MSRA. Shipped inside the
 * model; a character outside the table is class 0.
 */

/** Per code unit: right-context class in the low byte, left-context class in the high byte (0 = unknown). */
export type ClusterTable = Uint16Array;

/** The text form stored in the model: one `CHAR<TAB>RIGHT<TAB>LEFT` per line, sorted by code unit. */
export function serializeClusters(entries: readonly (readonly [string, number, number])[]): string {
  return entries.map(([c, r, l]) => `${c}\t${r}\t${l}`).join('\n');
}

export function parseClusters(text: string): [string, number, number][] {
  const out: [string, number, number][] = [];
  for (const line of text.split('\n')) {
    const [c, r, l] = line.split('\t');
    if (c && c.length === 1 && r !== undefined && l !== undefined) out.push([c, Number(r), Number(l)]);
  }
  return out;
}

export function clusterTable(entries: readonly (readonly [string, number, number])[] | undefined): ClusterTable | undefined {
  if (!entries?.length) return undefined;
  const t = new Uint16Array(0x10000);
  for (const [c, r, l] of entries) t[c.charCodeAt(0)] = (r & 0xff) | ((l & 0xff) << 8);
  return t;
}
