/**
 * The wire: the one place where client and server agree on custom requests, notifications and command ids.
 * Imported by both sides (esbuild bundles it into each). The shapes come from the language service
 * (`service/contract.ts`); this file only names the methods and binds them to those shapes.
 */
import { NotificationType, RequestType, type Range, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { ArticleAnnotations, ArticleStatus, ConvertTarget, EntitySummary, RemoveAllResult } from './service/contract';

export * from './service/contract';

export const LANGUAGE_ID = 'news-article';

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
} as const;

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
