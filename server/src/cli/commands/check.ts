/** `check`: each boilerplate block as `file:start-end kind message` (1-based lines); exit 1 when any is found. */
import { kindLabel } from '../../service/messages';
import type { Command } from '../command';
import { createCliServices, documentOf, readInputs } from '../inputs';

export const check: Command = {
  name: 'check',
  summary: 'cli.cmd.check',
  options: ['encoding'],
  run({ io, values, files }) {
    const { t } = io;
    const { inputs, failed } = readInputs(files, (values.encoding as string) ?? 'utf-8', io);
    const services = createCliServices(inputs, io);
    let found = false;
    for (const input of inputs) {
      const service = services.for(input);
      const article = service.analyse(documentOf(input));
      for (const b of article.blocks) {
        const message = t(b.confident ? 'diag.block' : 'diag.blockUnsure', kindLabel(t, b.kind));
        io.out(`${input.file}:${b.startLine + 1}-${b.endLine + 1} ${b.kind} ${message}\n`);
      }
      found ||= article.blocks.length > 0;
      service.close(input.uri);
    }
    return failed ? 2 : found ? 1 : 0;
  },
};
