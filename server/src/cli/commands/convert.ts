/** `convert --to TARGET`: the text in another script (opencc-js). */
import { convertScript } from '../../service/convert';
import type { ConvertTarget } from '../../protocol';
import type { Command } from '../command';
import { readInputs } from '../inputs';

export const convert: Command = {
  name: 'convert',
  summary: 'cli.cmd.convert',
  options: ['to', 'encoding'],
  required: ['to'],
  run({ io, values, files }) {
    const { inputs, failed } = readInputs(files, (values.encoding as string) ?? 'utf-8', io);
    for (const input of inputs) io.out((input.bom ? '\uFEFF' : '') + convertScript(input.text, values.to as ConvertTarget));
    return failed ? 2 : 0;
  },
};
