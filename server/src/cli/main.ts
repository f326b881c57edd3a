/**
 * `news-annotate`: the language service from the command line, for whole corpora.
 * Exit status: 0 fine, 1 `check` found boilerplate, 2 a bad option or an input that could not be read
 * (every other file of the call is still processed), 3 an internal error.
 *
 * Subcommands live in commands/ (one file each), options in options.ts (one table entry each).
 */
import { createLocalizer, toLocale } from '../service/messages';
import type { CliIo, Command } from './command';
import { COMMANDS } from './commands';
import { OPTIONS, optionSynopsis, parseCommandLine, UsageError, type OptionName } from './options';
import { runAnnotationCommand } from './annotationCommands';

const locale = toLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
const io: CliIo = {
  t: createLocalizer(locale),
  locale,
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** --help, built from the command and option tables so it cannot forget one. */
function usage({ t }: CliIo): string {
  const lines = [t('cli.usage'), '', t('cli.commands')];
  for (const c of COMMANDS) {
    const opts = c.options.map((o) => (c.required?.includes(o) ? optionSynopsis(o) : `[${optionSynopsis(o)}]`));
    lines.push(`  ${[c.name, ...opts, t('cli.files')].join(' ')}`, `      ${t(c.summary)}`);
  }
  lines.push('', t('cli.options'));
  for (const name of Object.keys(OPTIONS) as OptionName[]) lines.push(`  ${optionSynopsis(name)}`, `      ${t(OPTIONS[name].help)}`);
  return lines.join('\n') + '\n';
}

function main(argv: string[]): number | Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage(io));
    return name === undefined ? 2 : 0;
  }
  // export, import and agree (the annotation workflow) parse their own arguments.
  const annotationStatus = runAnnotationCommand(argv, io.t);
  if (annotationStatus !== undefined) return annotationStatus;
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(io.t('cli.unknownCommand', name));
    const { values, files } = parseCommandLine(rest, command.options, io.t);
    if (values.help) {
      io.out(usage(io));
      return 0;
    }
    for (const required of command.required ?? [])
      if (values[required] === undefined) throw new UsageError(io.t('cli.badOption', `--${required}`));
    const fromStdin = values['stdin-files'] === true || values['stdin-jsonl'] === true;
    if (values['stdin-files'] && values['stdin-jsonl']) throw new UsageError(io.t('cli.badOption', '--stdin-files --stdin-jsonl'));
    if (fromStdin && files.length) throw new UsageError(io.t('cli.badOption', files[0]));
    if (!files.length && !fromStdin) throw new UsageError(io.t('cli.noFiles'));
    return command.run({ io, values, files });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`news-annotate: ${e.message}\n\n${usage(io)}`);
    return 2;
  }
}

Promise.resolve()
  .then(() => main(process.argv.slice(2)))
  .then(
    (status) => (process.exitCode = status),
    (e) => {
      io.err(`news-annotate: internal error: ${(e as Error).message}\n`);
      process.exitCode = 3;
    },
  );
