/**
 * Every option of the CLI, one table entry each: its type, the value it takes, its help line and its
 * check. A command lists the options it accepts (commands/*.ts); `parseCommandLine` reads argv with
 * `node:util` parseArgs against that list, so a new option is one entry here plus its message.
 */
import { parseArgs } from 'node:util';
import type { Localize, MessageId } from '../service/messages';

export class UsageError extends Error {}

interface OptionSpec {
  type: 'string' | 'boolean';
  /** Placeholder shown in --help for a string option. */
  value?: string;
  help: MessageId;
  short?: string;
  /** Values allowed, when the set is closed. */
  choices?: readonly string[];
  /** Further check of a string value; false means "invalid value". */
  valid?: (v: string) => boolean;
}

const isEncoding = (v: string) => {
  try {
    new TextDecoder(v);
    return true;
  } catch {
    return false;
  }
};

export const OPTIONS = {
  format: { type: 'string', value: 'json|jsonl', choices: ['json', 'jsonl'], help: 'cli.opt.format' },
  'reference-date': {
    type: 'string',
    value: 'YYYY-MM-DD',
    help: 'cli.opt.referenceDate',
    valid: (v) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)),
  },
  to: {
    type: 'string',
    value: 'simplified|traditional|taiwan|hongkong',
    choices: ['simplified', 'traditional', 'taiwan', 'hongkong'],
    help: 'cli.opt.to',
  },
  encoding: { type: 'string', value: 'NAME', help: 'cli.opt.encoding', valid: isEncoding },
  write: { type: 'boolean', help: 'cli.opt.write' },
  jobs: { type: 'string', value: 'N', help: 'cli.opt.jobs', valid: (v) => /^[1-9]\d{0,3}$/.test(v) },
  'stdin-files': { type: 'boolean', help: 'cli.opt.stdinFiles' },
  'stdin-jsonl': { type: 'boolean', help: 'cli.opt.stdinJsonl' },
  'model-delta': { type: 'string', value: 'FILE', help: 'cli.opt.modelDelta' },
  help: { type: 'boolean', short: 'h', help: 'cli.opt.help' },
} satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;
/** Parsed option values by name: strings for string options, true for booleans given. */
export type OptionValues = Partial<Record<OptionName, string | boolean>>;

/** The `--name VALUE` column of --help for one option. */
export function optionSynopsis(name: OptionName): string {
  const spec: OptionSpec = OPTIONS[name];
  return `--${name}${spec.value ? ` ${spec.value}` : ''}`;
}

/** Reads argv (after the command) against the command's options; throws UsageError with a localised message. */
export function parseCommandLine(argv: string[], accepted: readonly OptionName[], t: Localize): { values: OptionValues; files: string[] } {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = Object.create(null);
  for (const name of [...accepted, 'help' as const]) {
    const spec: OptionSpec = OPTIONS[name];
    config[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: config, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs names the option in quotes; its own English sentence is not shown to the user.
    const named = /'(-[^' ]*)/.exec((e as Error).message)?.[1] ?? String((e as Error).message);
    throw new UsageError(t('cli.badOption', named));
  }
  const values: OptionValues = Object.create(null);
  for (const [name, v] of Object.entries(parsed.values)) {
    const spec: OptionSpec = OPTIONS[name as OptionName];
    if (typeof v === 'string' && ((spec.choices && !spec.choices.includes(v)) || (spec.valid && !spec.valid(v)))) {
      throw new UsageError(t('cli.badValue', `--${name}`, v));
    }
    if (typeof v === 'string' || typeof v === 'boolean') values[name as OptionName] = v;
  }
  return { values, files: parsed.positionals };
}
