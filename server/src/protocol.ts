/**
 * The wire: the one place where client and server agree on custom requests, notifications and command ids.
 * Imported by both sides (esbuild bundles it into each). The shapes come from the language service
 * (`service/contract.ts`); this file only names the methods and binds them to those shapes.
 */
import { NotificationType, RequestType, RequestType0, type Range, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { ArticleAnnotations, ArticleStatus, ConvertTarget, EntitySummary, RemoveAllResult } from './service/contract';
import type { EntityType } from './service/types';

export * from './service/contract';

export const LANGUAGE_ID = 'news-article';

/**
 * Node options the server is started with (the client passes them; editors that start it themselves may too).
 * V8's young generation otherwise grows to 3 x 16 MB while a large article or the model is read, and keeps it:
 * with 2 MB semi-spaces the server held 164 MB instead of 204 MB with a 1 MB article (docs/performance.md).
 * `--expose-gc`: after taking in a large article's analysis the server collects once (node/memory.ts), which gives
 * the system back the buffers of receiving it (about 15 MB of RSS with a 1 MB article).
 * `--v8-pool-size=1`: one V8 worker thread (for the concurrent compiler and collector) instead of four; each thread
 * that compiles keeps a malloc arena of its own (3.5-4 MB each, never given back), 8-10 MB of the server's RSS with
 * an ordinary article open (docs/performance.md, eleventh round). The analysis process keeps its own options.
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=2', '--expose-gc', '--v8-pool-size=1'];

/** Commands contributed by the client (palette, category "News"). */
export const ClientCommands = {
  convertToSimplified: 'newsAnnotator.convertToSimplified',
  convertToTraditional: 'newsAnnotator.convertToTraditional',
  convertToTaiwan: 'newsAnnotator.convertToTaiwan',
  convertToHongKong: 'newsAnnotator.convertToHongKong',
  convertBack: 'newsAnnotator.convertBack',
  removeAllBoilerplate: 'newsAnnotator.removeAllBoilerplate',
  showEntities: 'newsAnnotator.showEntities',
  exportAnnotations: 'newsAnnotator.exportAnnotations',
  annotateThisFile: 'newsAnnotator.annotateThisFile',
  openSettings: 'newsAnnotator.openSettings',
  openWalkthrough: 'newsAnnotator.openWalkthrough',
  openSample: 'newsAnnotator.openSample',
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
  markInWorkspace: 'newsAnnotator.markInWorkspace',
  notAnEntityInWorkspace: 'newsAnnotator.notAnEntityInWorkspace',
  improveModel: 'newsAnnotator.improveModel',
  revertModel: 'newsAnnotator.revertModel',
} as const;

/** Client commands that work on the workspace rather than on the open article (palette `when` of their own). */
export const WORKSPACE_COMMANDS: readonly string[] = [
  'newsAnnotator.exportArticles',
  'newsAnnotator.nextArticleToReview',
  'newsAnnotator.refreshCorpus',
  'newsAnnotator.improveModel',
  'newsAnnotator.revertModel',
];

export interface DocumentParams {
  uri: string;
}

export interface ConvertParams extends DocumentParams {
  target: ConvertTarget;
  /** Only this range; the whole document when absent. */
  range?: Range;
}

/** Requests, namespaced `news/`. Results are plain JSON. */
export const Requests = {
  /** null when nothing changes. */
  convertScript: new RequestType<ConvertParams, WorkspaceEdit | null, void>('news/convertScript'),
  /** Restores the characters a round of conversions replaced, on the lines not edited since; null when nothing to restore. */
  convertBack: new RequestType<DocumentParams, WorkspaceEdit | null, void>('news/convertBack'),
  /** Removes every confident boilerplate block; null when there is none. */
  removeAllBoilerplate: new RequestType<DocumentParams, RemoveAllResult | null, void>('news/removeAllBoilerplate'),
  listEntities: new RequestType<DocumentParams, EntitySummary[], void>('news/listEntities'),
  /** The CLI's `annotate` object, `file` = the uri's path. */
  exportAnnotations: new RequestType<DocumentParams, ArticleAnnotations | null, void>('news/exportAnnotations'),
  /** What the language status item shows; null for a document the server does not analyse. */
  articleStatus: new RequestType<DocumentParams, ArticleStatus | null, void>('news/articleStatus'),
} as const;

/** Notifications from the server. */
export const Notifications = {
  /** An article was (re)analysed: its status may have changed. */
  statusChanged: new NotificationType<DocumentParams>('news/statusChanged'),
} as const;

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
  /** The corpus view's figures, in the order of the uris asked for. */
  corpusStatus: new RequestType<{ uris: string[] }, ArticleReviewStatus[], void>('news/corpusStatus'),
  exportArticles: new RequestType<ExportArticlesParams, { files: string[]; articles: number; annotations: number }, void>(
    'news/exportArticles',
  ),
  /** A mark or a "not an entity" applied to every occurrence in the given articles (with work-done progress); null: nothing at the range. */
  annotateWorkspace: new RequestType<WorkspaceAnnotateParams, WorkspaceAnnotateResult | null, void>('news/annotateWorkspace'),
  /** Restores the articles the last annotateWorkspace changed. */
  undoAnnotateWorkspace: new RequestType0<{ articles: number; message: string }, void>('news/undoAnnotateWorkspace'),
  /** workspace/executeCommand of ANNOTATE_COMMAND: true when the action applied to something. */
  annotate: new RequestType<{ command: string; arguments: AnnotateArgs[] }, boolean, void>('workspace/executeCommand'),
} as const;

export interface WorkspaceAnnotateParams {
  /** The article where the user asked, and the range: the selection (mark) or a position in the annotation (reject). */
  uri: string;
  range: NonNullable<AnnotateArgs['range']>;
  action: 'mark' | 'reject';
  label?: AnnotationLabelName;
  /** The workspace's articles (the corpus view's). */
  uris: string[];
}

export interface WorkspaceAnnotateResult {
  text: string;
  occurrences: number;
  articles: number;
  cancelled: boolean;
  /** Localised summary. */
  message: string;
}

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

// ---- The model learns from reviewed articles (issue 13): fine-tuning and revert ----

export interface ImproveModelResult {
  outcome: 'improved' | 'cancelled' | 'none' | 'noModel' | 'noWorkspace' | 'busy' | 'failed';
  /** Localised; the server also shows it. */
  message: string;
  articles?: number;
  lines?: number;
  /** Feature buckets whose weights changed. */
  buckets?: number;
  /** The overlay file written. */
  file?: string;
}

export interface RevertModelResult {
  reverted: boolean;
  message: string;
}

export const ModelRequests = {
  /** Fine-tunes on the workspace's reviewed articles with work-done progress (cancellable); saves and uses the overlay. */
  improve: new RequestType0<ImproveModelResult, void>('news/improveModel'),
  /** Removes the workspace's overlay and goes back to the shipped model. */
  revert: new RequestType0<RevertModelResult, void>('news/revertModel'),
} as const;
