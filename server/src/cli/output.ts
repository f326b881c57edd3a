/**
 * How `annotate` writes one article's annotations. The worker that analysed the article writes the text itself,
 * so the main thread receives one string per article (copied as a block) instead of structured-cloning thousands
 * of small objects and serialising them again.
 */
import type { Annotations } from './annotateJob';

/**
 * One JSON record on one line. U+2028, U+2029 and U+0085 are valid unescaped in JSON strings, but
 * line-splitting readers (JavaScript's own, Python's splitlines) break records at them.
 */
export const jsonLine = (value: unknown) =>
  JSON.stringify(value).replace(/[\u2028\u2029\u0085]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** `jsonl`: the record and a newline. `json`: the element as `JSON.stringify(array, null, 2)` writes it, without the comma or brackets. */
export type OutputFormat = 'jsonl' | 'json';

export function formatAnnotations(value: Annotations, format: OutputFormat): string {
  return format === 'jsonl' ? jsonLine(value) + '\n' : JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
}
