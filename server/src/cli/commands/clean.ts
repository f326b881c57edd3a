/** `clean`: the article without its removable boilerplate, to stdout or written back with --write. */
import * as fs from 'node:fs';
import { removeBlocks } from '../../service/edits';
import { removableBlocks } from '../../service/features/codeActions';
import type { Command } from '../command';
import { createCliService, documentOf, readInputs } from '../inputs';

export const clean: Command = {
  name: 'clean',
  summary: 'cli.cmd.clean',
  options: ['write', 'encoding'],
  run({ io, values, files }) {
    const { inputs, failed } = readInputs(files, (values.encoding as string) ?? 'utf-8', io);
    const service = createCliService(inputs, io);
    for (const input of inputs) {
      const article = service.analyse(documentOf(input));
      const blocks = removableBlocks(article);
      const cleaned = removeBlocks(input.text, blocks);
      if (values.write) {
        if (cleaned !== input.text) {
          fs.writeFileSync(input.file, (input.bom ? '\uFEFF' : '') + cleaned, 'utf8');
          const removed = blocks.reduce((n, b) => n + b.endLine - b.startLine + 1, 0);
          io.err(`${io.t('cli.written', input.file, removed)}\n`);
        }
      } else io.out(cleaned);
      service.close(input.uri);
    }
    return failed ? 2 : 0;
  },
};
