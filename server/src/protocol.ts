/**
 * The one place where client and server agree: custom requests, command ids and the settings shape.
 * Imported by both sides (esbuild bundles it into each).
 */
import type { BoilerplateKind, EntityType } from './service/types';

export const LANGUAGE_ID = 'news-article';
export const DIAGNOSTIC_SOURCE = 'news-annotator';
/** Diagnostic codes are `boilerplate.<kind>`, e.g. `boilerplate.copyright`. */
export const diagnosticCode = (kind: BoilerplateKind): string => `boilerplate.${kind}`;

/** Commands contributed by the client (palette, category "News"). */
export const ClientCommands = {
  convertToSimplified: 'newsAnnotator.convertToSimplified',
  convertToTraditional: 'newsAnnotator.convertToTraditional',
  convertToTaiwan: 'newsAnnotator.convertToTaiwan',
  convertToHongKong: 'newsAnnotator.convertToHongKong',
  removeAllBoilerplate: 'newsAnnotator.removeAllBoilerplate',
  showEntities: 'newsAnnotator.showEntities',
  exportAnnotations: 'newsAnnotator.exportAnnotations',
  annotateThisFile: 'newsAnnotator.annotateThisFile',
} as const;

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

export type ConvertTarget = 'simplified' | 'traditional' | 'taiwan' | 'hongkong';

export interface ConvertParams {
  uri: string;
  target: ConvertTarget;
  /** Only this range; the whole document when absent. */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Requests, namespaced `news/`. Results are plain JSON. */
export const Requests = {
  /** ConvertParams -> WorkspaceEdit | null (null when nothing changes). */
  convertScript: 'news/convertScript',
  /** { uri } -> WorkspaceEdit | null: removes every confident boilerplate block. */
  removeAllBoilerplate: 'news/removeAllBoilerplate',
  /** { uri } -> EntitySummary[] */
  listEntities: 'news/listEntities',
  /** { uri } -> ArticleAnnotations (the CLI's `annotate` object, `file` = the uri's path) */
  exportAnnotations: 'news/exportAnnotations',
} as const;

export interface EntitySummary {
  text: string;
  type: EntityType;
  mentions: { line: number; character: number; endCharacter: number }[];
}

/** The CLI / export schema (see schema/annotations.schema.json). Offsets in code points, lines 1-based. */
export interface ArticleAnnotations {
  file: string;
  script: 'traditional' | 'simplified' | 'mixed' | 'none';
  published: string | null;
  entities: { start: number; end: number; line: number; text: string; type: EntityType }[];
  dates: { start: number; end: number; line: number; text: string; value: string }[];
  boilerplate: { startLine: number; endLine: number; kind: BoilerplateKind; message: string }[];
}

/** Mirrors `contributes.configuration` (section `newsAnnotator`). */
export interface NewsAnnotatorSettings {
  readonly boilerplate: {
    /** kind -> flag it or not. Missing kinds are flagged. */
    readonly kinds: Readonly<Partial<Record<BoilerplateKind, boolean>>>;
    readonly severity: 'error' | 'warning' | 'information' | 'hint';
  };
  readonly highlight: {
    readonly entityTypes: readonly EntityType[];
    readonly dates: boolean;
  };
  readonly entities: {
    /** Spans below this confidence get the `lowConfidence` modifier. */
    readonly confidenceThreshold: number;
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
