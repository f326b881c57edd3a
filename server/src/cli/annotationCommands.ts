/** The annotation subcommands (`export`, `import`, `agree`), registered in main.ts with one line. */
import type { Localize } from '../service/messages';
import { runAgree } from './agree';
import { UsageError } from './commandArgs';
import { runExport } from './export';
import { runImport } from './import';
import { runLearn } from './learn';

const COMMANDS: Record<string, (argv: string[], t: Localize) => number> = {
  export: runExport,
  import: runImport,
  agree: runAgree,
  learn: runLearn,
};

/** Runs the subcommand if it is one of these; undefined otherwise. Exit status 2 on a usage error. */
export function runAnnotationCommand(argv: string[], t: Localize): number | undefined {
  const run = COMMANDS[argv[0]];
  if (!run) return undefined;
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(t(argv[0] === 'learn' ? 'cli.learn.usage' : 'annot.usage'));
    return 0;
  }
  try {
    return run(argv.slice(1), t);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`news-annotate: ${e.message}\n\n${t(argv[0] === 'learn' ? 'cli.learn.usage' : 'annot.usage')}`);
    return 2;
  }
}
