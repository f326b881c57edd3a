/** `annotate`: entities, dates and boilerplate of each file as JSON (the export schema). */
import type { Command } from '../command';
import { createCliService, documentOf, readInputs } from '../inputs';

export const annotate: Command = {
  name: 'annotate',
  summary: 'cli.cmd.annotate',
  options: ['format', 'reference-date', 'encoding'],
  run({ io, values, files }) {
    const { inputs, failed } = readInputs(files, (values.encoding as string) ?? 'utf-8', io);
    const service = createCliService(inputs, io, values['reference-date'] as string | undefined);
    const jsonl = values.format === 'jsonl';
    const results: unknown[] = [];
    for (const input of inputs) {
      const annotations = service.exportAnnotations(documentOf(input), input.file);
      if (jsonl) io.out(JSON.stringify(annotations) + '\n');
      else results.push(annotations);
      service.close(input.uri);
    }
    if (!jsonl) io.out(JSON.stringify(results, null, 2) + '\n');
    return failed ? 2 : 0;
  },
};
