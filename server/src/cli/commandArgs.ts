/** Option parsing for the annotation subcommands: declared value options and flags, the rest are files; `--` ends options. */
import type { Localize } from '../service/messages';

export class UsageError extends Error {}

export interface CommandArgs {
  values: Record<string, string>;
  flags: Set<string>;
  files: string[];
  /** What followed `--`. */
  rest: string[];
}

export function parseCommandArgs(argv: readonly string[], t: Localize, spec: { values: string[]; flags: string[] }): CommandArgs {
  const out: CommandArgs = { values: {}, flags: new Set(), files: [], rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.rest = argv.slice(i + 1);
      break;
    }
    if (spec.values.includes(a)) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(t('cli.badOption', a));
      out.values[a] = v;
    } else if (spec.flags.includes(a)) out.flags.add(a);
    else if (a.startsWith('--')) throw new UsageError(t('cli.badOption', a));
    else out.files.push(a);
  }
  return out;
}
