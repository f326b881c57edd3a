/** The subcommands, one file each; a new one is one import and one entry here. */
import type { Command } from '../command';
import { annotate } from './annotate';
import { check } from './check';
import { clean } from './clean';
import { convert } from './convert';

export const COMMANDS: readonly Command[] = [annotate, check, clean, convert];
