/**
 * The shapes the language service hands out: settings, conversion targets, entity lists, export and status
 * objects, the keep command's arguments. Defined here, by the service; `server/src/protocol.ts` (the wire)
 * imports them, so the service never depends on the transport.
 */
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { BoilerplateKind, EntityType, Script } from './types';

export const DIAGNOSTIC_SOURCE = 'news-annotator';
/** Diagnostic codes are `boilerplate.<kind>`, e.g. `boilerplate.copyright`. */
export const diagnosticCode = (kind: BoilerplateKind): string => `boilerplate.${kind}`;

/** Commands the server executes (workspace/executeCommand); code actions carry them. */
export const ServerCommands = {
  /** args: [KeepBlockArgs] */
  keepBlock: 'newsAnnotator.server.keepBlock',
} as const;

export interface KeepBlockArgs {
  uri: string;
  /** The block's lines, as text: "keep" is stored by content so it survives edits above the block. */
  lines: string[];
}

export const CONVERT_TARGETS = ['simplified', 'traditional', 'taiwan', 'hongkong'] as const;
export type ConvertTarget = (typeof CONVERT_TARGETS)[number];

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface EntitySummary {
  /** What the article says: its most frequent written form of the entity. */
  text: string;
  /** The entity's full name in the article's script, when it differs from `text`. */
  canonical?: string;
  type: EntityType;
  /** Mentions outside boilerplate, in reading order. */
  mentions: { line: number; character: number; endCharacter: number }[];
}

/** The CLI / export schema (see schema/annotations.schema.json). Offsets in code points, lines 1-based. */
export interface ArticleAnnotations {
  file: string;
  script: Script;
  published: string | null;
  entities: { start: number; end: number; line: number; text: string; type: EntityType }[];
  dates: { start: number; end: number; line: number; text: string; value: string }[];
  boilerplate: { startLine: number; endLine: number; kind: BoilerplateKind; message: string }[];
}

/** What the editor's language status shows for an article. Counts leave boilerplate out, as the hover does. */
export interface ArticleStatus {
  script: Script;
  published: string | null;
  /** Distinct entities and their mentions on the article's own lines. */
  entities: number;
  mentions: number;
  /** Boilerplate blocks flagged (all of them, as the Problems panel lists them) and how many "remove all" takes. */
  boilerplate: number;
  removable: number;
  /** 'model' when the statistical model is in use, 'none' when the recogniser runs on known names and patterns only. */
  model: 'model' | 'none';
}

/** "Remove all boilerplate": the edit, and the number of blocks it removes (not of edits: adjacent blocks share one). */
export interface RemoveAllResult {
  edit: WorkspaceEdit;
  blocks: number;
  /** Blocks left in place because the detector is unsure of them (they stay in the Problems panel). */
  unsure: number;
}

/** Mirrors `contributes.configuration` (section `newsAnnotator`), which is generated from settingsSchema.ts. */
export interface NewsAnnotatorSettings {
  readonly boilerplate: {
    /** kind -> flag it or not. Missing kinds are flagged. */
    readonly kinds: Readonly<Partial<Record<BoilerplateKind, boolean>>>;
    readonly severity: Severity;
  };
  readonly highlight: {
    readonly entityTypes: readonly EntityType[];
    readonly dates: boolean;
  };
  readonly entities: {
    /** Spans below this confidence get the `lowConfidence` modifier. */
    readonly confidenceThreshold: number;
    /** false: known names, patterns and the user's dictionary only (no model trained on research-use data). */
    readonly useModel: boolean;
  };
  readonly dates: {
    /** ISO date used when an article states no publication time; empty = none. */
    readonly referenceDate: string;
    readonly inlayHints: boolean;
  };
  readonly convert: { readonly target: ConvertTarget };
  /** Globs of plain .txt files to treat as articles. */
  readonly files: readonly string[];
}
