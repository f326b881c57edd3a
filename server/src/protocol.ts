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
  // annotation workflow
  markPerson: 'newsAnnotator.markPerson',
  markOrganization: 'newsAnnotator.markOrganization',
  markPlace: 'newsAnnotator.markPlace',
  markMedia: 'newsAnnotator.markMedia',
  markDate: 'newsAnnotator.markDate',
  notAnEntity: 'newsAnnotator.notAnEntity',
  changeEntityType: 'newsAnnotator.changeEntityType',
  acceptAnnotation: 'newsAnnotator.acceptAnnotation',
  acceptAllAnnotations: 'newsAnnotator.acceptAllAnnotations',
  setDateValue: 'newsAnnotator.setDateValue',
  exportArticles: 'newsAnnotator.exportArticles',
  nextArticleToReview: 'newsAnnotator.nextArticleToReview',
  refreshCorpus: 'newsAnnotator.refreshCorpus',
} as const;

/** Client commands that work on the workspace rather than on the open article (palette `when` of their own). */
export const WORKSPACE_COMMANDS: readonly string[] = ['newsAnnotator.exportArticles', 'newsAnnotator.nextArticleToReview', 'newsAnnotator.refreshCorpus'];

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

// ---- Annotation workflow (issue 13): review commands, the corpus view's status ----

/** The server command every review action goes through (code actions carry it; client commands send it). */
export const ANNOTATE_COMMAND = 'newsAnnotator.server.annotate';

export type AnnotationLabelName = EntityType | 'DATE';

export interface AnnotateArgs {
  uri: string;
  action: 'mark' | 'reject' | 'accept' | 'acceptAll' | 'setValue';
  /** The span (mark) or a position inside the annotation (the others). Unused by acceptAll. */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  label?: AnnotationLabelName;
  /** A date's value (setValue, mark of a date). */
  value?: string;
  /** Every occurrence of the text in the article. */
  everywhere?: boolean;
}

export const AnnotationRequests = {
  /** { uris: string[] } -> ArticleReviewStatus[] (same order) */
  corpusStatus: 'news/corpusStatus',
  /** ExportArticlesParams -> { files: string[]; articles: number; annotations: number } */
  exportArticles: 'news/exportArticles',
} as const;

export interface ExportArticlesParams {
  uris: string[];
  format: 'brat' | 'conll' | 'jsonl' | 'doccano' | 'labelstudio';
  /** Folder (a file system path) to write into. */
  out: string;
  excludeBoilerplate?: boolean;
}

export interface ArticleReviewStatus {
  uri: string;
  state: 'not-started' | 'in-progress' | 'reviewed';
  /** Annotations as they stand (predictions and reviewed), per label. */
  counts: Record<AnnotationLabelName, number>;
  reviewedCount: number;
  /** Boilerplate blocks still in the article. */
  boilerplate: number;
  /** Annotations that could not be re-anchored. */
  orphans: number;
}

export const AnnotationNotifications = {
  /** server -> client, { uri }: an article's annotations changed (review action, re-anchoring); the corpus view and status bar refresh. */
  changed: 'news/annotationsChanged',
} as const;
