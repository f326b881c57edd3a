/** What a subcommand is: its options, its help line and its run function (one file per command in commands/). */
import type { Locale, Localize, MessageId } from '../service/messages';
import type { OptionName, OptionValues } from './options';

export interface CliIo {
  readonly t: Localize;
  readonly locale: Locale;
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly values: OptionValues;
  readonly files: readonly string[];
}

export interface Command {
  readonly name: string;
  /** One help line after the command's name. */
  readonly summary: MessageId;
  readonly options: readonly OptionName[];
  /** Options the command cannot run without. */
  readonly required?: readonly OptionName[];
  /** Exit status: 0 fine, 1 findings (check), 2 an input could not be processed. */
  run(ctx: CommandContext): number | Promise<number>;
}
