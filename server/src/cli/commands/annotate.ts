/** `annotate`: entities, dates and boilerplate of each file as JSON (the export schema). */
import type { Command } from '../command';
import { createCliServices, documentOf, readInputs } from '../inputs';

/**
 * One JSON record on one line. U+2028, U+2029 and U+0085 are valid unescaped in JSON strings, but
 * line-splitting readers (JavaScript's own, Python's splitlines) break records at them.
 */
export const jsonLine = (value: unknown) =>
  JSON.stringify(value).replace(/[\u2028\u2029\u0085]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export const annotate: Command = {
  name: 'annotate',
  summary: 'cli.cmd.annotate',
  options: ['format', 'reference-date', 'encoding'],
  run({ io, values, files }) {
    const { inputs, failed } = readInputs(files, (values.encoding as string) ?? 'utf-8', io);
    const services = createCliServices(inputs, io, values['reference-date'] as string | undefined);
    const jsonl = values.format === 'jsonl';
    const results: unknown[] = [];
    for (const input of inputs) {
      const service = services.for(input);
      const annotations = service.exportAnnotations(documentOf(input), input.file);
      if (jsonl) io.out(jsonLine(annotations) + '\n');
      else results.push(annotations);
      service.close(input.uri);
    }
    if (!jsonl) io.out(JSON.stringify(results, null, 2) + '\n');
    return failed ? 2 : 0;
  },
};
