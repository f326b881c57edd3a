/** `clean`: the article without its removable boilerplate, to stdout or written back with --write. */
import { removeBlocks } from '../../service/edits';
import { removableBlocks } from '../../service/features/codeActions';
import { encodeText, writeFileAtomic } from '../../node/writeText';
import type { Command } from '../command';
import { createCliServices, documentOf, readInputs } from '../inputs';

export const clean: Command = {
  name: 'clean',
  summary: 'cli.cmd.clean',
  options: ['write', 'encoding'],
  run({ io, values, files }) {
    const { t } = io;
    const { inputs, failed } = readInputs(files, (values.encoding as string) ?? 'utf-8', io);
    let status = failed ? 2 : 0;
    const services = createCliServices(inputs, io);
    for (const input of inputs) {
      const service = services.for(input);
      const article = service.analyse(documentOf(input));
      const blocks = removableBlocks(article);
      const cleaned = removeBlocks(input.text, blocks);
      service.close(input.uri);
      if (!values.write) {
        io.out((input.bom ? '\uFEFF' : '') + cleaned);
        continue;
      }
      if (cleaned === input.text) continue;
      // Written back as read: same encoding, same byte order mark; a file that cannot be is left alone.
      const bytes = encodeText(cleaned, input.encoding, input.bom);
      const problem = bytes ? writeFileAtomic(input.file, bytes) : { reason: 'unencodable' as const };
      if (problem) {
        const message =
          problem.reason === 'readOnly'
            ? t('cli.readOnly', input.file)
            : problem.reason === 'unencodable'
              ? t('cli.unencodable', input.file, input.encoding)
              : t('cli.notWritten', input.file, problem.code);
        io.err(`news-annotate: ${message}\n`);
        status = 2;
        continue;
      }
      const removed = blocks.reduce((n, b) => n + b.endLine - b.startLine + 1, 0);
      io.err(`${t('cli.written', input.file, removed)}\n`);
    }
    return status;
  },
};
