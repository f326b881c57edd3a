/** `annotate`: entities, dates and boilerplate of each file as JSON (the export schema). */
import type { Command } from '../command';
import { defaultJobs } from '../pool';
import { annotateCorpus } from '../stream';
import { useModelDelta } from '../learn';

export const annotate: Command = {
  name: 'annotate',
  summary: 'cli.cmd.annotate',
  options: ['format', 'reference-date', 'encoding', 'jobs', 'stdin-files', 'stdin-jsonl', 'model-delta'],
  // Files on worker threads, or streamed from stdin; output in input order whatever the number of workers.
  run({ io, values, files }) {
    const modelDelta = values['model-delta'] as string | undefined;
    if (!useModelDelta(modelDelta, io.t, io.err)) return 2;
    return annotateCorpus(
      [...files],
      {
        jobs: values.jobs ? Number(values.jobs) : defaultJobs(),
        format: values.format === 'jsonl' ? 'jsonl' : 'json',
        encoding: (values.encoding as string) ?? 'utf-8',
        referenceDate: values['reference-date'] as string | undefined,
        locale: io.locale,
        modelDelta,
        stdinFiles: values['stdin-files'] === true,
        stdinJsonl: values['stdin-jsonl'] === true,
      },
      { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, t: io.t },
    );
  },
};
