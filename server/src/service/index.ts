/**
 * The News Annotator language service: editor-independent, shared by the LSP server, the CLI and the tests.
 * One analysed article per document version (and settings version), evicted on close.
 */
import type { CodeActionContext, Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { analyseArticle, type AnalysisOptions, type Article } from './article';
import type { SiteRules } from './boilerplate';
import { createLocalizer, type Locale, type Localize } from './messages';
import { DEFAULT_SETTINGS, isKindEnabled } from './settings';
import { LineIndex, type ArticleDocument } from './text';
import type { EntityRecognizer } from './types';
import { cloneParagraphCaches, paragraphCaches, type ParagraphCaches } from './incremental/paragraphs';
import { shadowKeystroke } from './incremental/warmUp';
import type { ConvertTarget, NewsAnnotatorSettings, RemoveAllResult } from './contract';
import { getCodeActions, removableBlocks, removeAllEdit } from './features/codeActions';
import { ConversionHistory } from './features/convert';
import { getDiagnostics } from './features/diagnostics';
import { listEntities, toAnnotations } from './features/exportAnnotations';
import { getHover } from './features/hover';
import { getInlayHints } from './features/inlayHints';
import { getDocumentSymbols, getFoldingRanges } from './features/outline';
import { getDocumentHighlights, getReferences, getWorkspaceSymbols } from './features/references';
import { getSemanticTokens, legend } from './features/semanticTokens';
import { getArticleStatus } from './features/status';
import { reviewCodeActions, reviewedAnnotations, reviewHover, reviewTokens, type ReviewContext } from './features/review';

export { legend };
export type { Article, ArticleDocument, Locale };

/** Per-file context that comes from outside the text: the user's "keep" marks, the folder's recurring lines, site rules. */
export interface ArticleContext {
  kept?: ReadonlySet<string>;
  recurring?: (line: string) => number;
  /** Changes whenever `recurring` may answer differently other than through this file's own edits (`SiteIndex.versionFor`). */
  recurringVersion?: number;
  rules?: SiteRules;
  /** Changes whenever any of the above changes, so cached analyses are redone. */
  version: number;
}

export interface LanguageServiceOptions {
  recognizer: EntityRecognizer;
  locale?: Locale;
  contextFor?: (uri: string) => ArticleContext | undefined;
  /** The person's annotations of the article and the workspace's name dictionary (the annotation workflow). */
  reviewFor?: (uri: string) => ReviewContext | undefined;
}

/** Files the service refuses to analyse, with the reason. Articles are kilobytes; a 10 M-character file is something else. */
export const MAX_ARTICLE_CHARS = 10_000_000;
export function assessText(text: string): 'binary' | 'tooLarge' | undefined {
  if (text.length > MAX_ARTICLE_CHARS) return 'tooLarge';
  const head = text.slice(0, 8192);
  // NUL, or a high share of control characters: not text a person wrote.
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return 'binary';
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return head.length > 0 && control / head.length > 0.1 ? 'binary' : undefined;
}

export function createLanguageService(options: LanguageServiceOptions) {
  let recognizer = options.recognizer;
  let settings: NewsAnnotatorSettings = DEFAULT_SETTINGS;
  let settingsVersion = 0;
  let t: Localize = createLocalizer(options.locale ?? 'en');
  const cache = new Map<string, { key: string; article: Article }>();
  // Per document: what each paragraph yielded, so an edit re-reads only the paragraphs it touched.
  const paragraphs = new Map<string, ParagraphCaches>();
  const lastDiagnostics = new Map<string, Diagnostic[]>();

  const keyFor = (doc: ArticleDocument, context = options.contextFor?.(doc.uri)) =>
    `${doc.version}:${settingsVersion}:${context?.version ?? 0}`;

  const articleOptions = (context: ArticleContext | undefined, caches: ParagraphCaches): AnalysisOptions => ({
    recognizer,
    referenceDate: settings.dates.referenceDate,
    isKindEnabled: (kind) => isKindEnabled(settings, kind),
    kept: context?.kept,
    recurring: context?.recurring,
    recurringVersion: context?.recurringVersion,
    rules: context?.rules,
    paragraphs: caches,
  });

  function analyse(doc: ArticleDocument): Article {
    const context = options.contextFor?.(doc.uri);
    const key = keyFor(doc, context);
    const hit = cache.get(doc.uri);
    if (hit && hit.key === key) return hit.article;
    const caches = paragraphs.get(doc.uri) ?? paragraphs.set(doc.uri, paragraphCaches()).get(doc.uri)!;
    const article = analyseArticle(doc.getText(), articleOptions(context, caches));
    cache.set(doc.uri, { key, article });
    return article;
  }

  /**
   * One private keystroke into doc as last analysed (incremental/warmUp.ts), from a copy of the document's caches,
   * everything dropped: steps to run one at a time (the editor may speak in between): the boilerplate and the
   * diagnostics, then the entities, the dates, the semantic tokens. Undefined when doc's current version is not the
   * one analysed (nothing to warm from, or the user is ahead) or has no line to type into.
   */
  function warmUp(doc: ArticleDocument, fraction: number): Iterator<unknown> | undefined {
    const context = options.contextFor?.(doc.uri);
    const caches = paragraphs.get(doc.uri);
    if (!caches || cache.get(doc.uri)?.key !== keyFor(doc, context)) return undefined;
    const text = shadowKeystroke(doc.getText(), fraction);
    if (text === undefined) return undefined;
    const previous = lastDiagnostics.get(doc.uri);
    return (function* () {
      const article = analyseArticle(text, articleOptions(context, cloneParagraphCaches(caches)));
      yield getDiagnostics(article, settings, t, previous);
      yield article.entities;
      yield article.dates;
      yield getSemanticTokens(article, settings);
    })();
  }

  const conversions = new ConversionHistory();

  function removeAllBoilerplate(doc: ArticleDocument): RemoveAllResult | null {
    const article = analyse(doc);
    const edit = removeAllEdit(doc, article);
    if (!edit) return null;
    const blocks = removableBlocks(article).length;
    return { edit, blocks, unsure: article.blocks.length - blocks };
  }

  return {
    legend,
    get settings() {
      return settings;
    },
    setSettings(next: NewsAnnotatorSettings) {
      settings = next;
      settingsVersion++;
    },
    /** Swaps the entity recogniser (e.g. when the user dictionary changes). */
    setRecognizer(next: EntityRecognizer) {
      recognizer = next;
      settingsVersion++;
    },
    setLocale(locale: Locale) {
      t = createLocalizer(locale);
      settingsVersion++;
    },
    get localize() {
      return t;
    },
    analyse,
    /** What analyse would take for doc now: the options of an analysis run elsewhere (a worker), and its cache key. */
    analysisInput(doc: ArticleDocument) {
      const context = options.contextFor?.(doc.uri);
      return { key: keyFor(doc, context), context, settings, recognizer };
    },
    /** Is doc's analysis at its current version, settings and context already at hand (so no feature has to wait)? */
    hasAnalysis: (doc: ArticleDocument) => cache.get(doc.uri)?.key === keyFor(doc),
    /** An article analysed elsewhere (its lines rebuilt), cached under the key it was computed for. */
    adopt(uri: string, key: string, article: Article) {
      cache.set(uri, { key, article: { ...article, lines: new LineIndex(article.text) } });
    },
    close(uri: string) {
      cache.delete(uri);
      paragraphs.delete(uri);
      lastDiagnostics.delete(uri);
      conversions.close(uri);
    },
    openArticles(): Iterable<[string, Article]> {
      return [...cache].map(([uri, v]) => [uri, v.article] as [string, Article]);
    },
    warmUp,
    diagnostics: (doc: ArticleDocument) => {
      // The last answer for this document lends the diagnostics that come out the same (most, after a keystroke).
      const diagnostics = getDiagnostics(analyse(doc), settings, t, lastDiagnostics.get(doc.uri));
      lastDiagnostics.set(doc.uri, diagnostics);
      return diagnostics;
    },
    hover: (doc: ArticleDocument, position: Position) => {
      const hover = getHover(analyse(doc), position, t, settings.entities.confidenceThreshold);
      const review = options.reviewFor?.(doc.uri);
      return review ? reviewHover(hover, analyse(doc), reviewedAnnotations(analyse(doc), review), position, t) : hover;
    },
    semanticTokens: (doc: ArticleDocument) => {
      const review = options.reviewFor?.(doc.uri);
      return review
        ? reviewTokens(analyse(doc), reviewedAnnotations(analyse(doc), review), settings)
        : getSemanticTokens(analyse(doc), settings);
    },
    codeActions: (doc: ArticleDocument, range: Range, context: CodeActionContext) => {
      const actions = getCodeActions(doc, analyse(doc), range, context, settings, t);
      const review = options.reviewFor?.(doc.uri);
      return review
        ? [...actions, ...reviewCodeActions(doc.uri, analyse(doc), reviewedAnnotations(analyse(doc), review), range, context, t)]
        : actions;
    },
    /** The article's annotations with the person's decisions applied (empty review context: the predictions). */
    reviewedAnnotations: (doc: ArticleDocument, review: ReviewContext) => reviewedAnnotations(analyse(doc), review),
    removeAllBoilerplate,
    documentSymbols: (doc: ArticleDocument) => getDocumentSymbols(analyse(doc), t),
    foldingRanges: (doc: ArticleDocument) => getFoldingRanges(analyse(doc)),
    references: (doc: ArticleDocument, position: Position) => getReferences(doc.uri, analyse(doc), position),
    documentHighlights: (doc: ArticleDocument, position: Position) => getDocumentHighlights(analyse(doc), position),
    workspaceSymbols: (query: string) =>
      getWorkspaceSymbols(
        [...cache].map(([uri, v]) => [uri, v.article] as [string, Article]),
        query,
      ),
    inlayHints: (doc: ArticleDocument, range: Range) => (settings.dates.inlayHints ? getInlayHints(analyse(doc), range) : []),
    exportAnnotations: (doc: ArticleDocument, file: string) => toAnnotations(file, analyse(doc), t),
    listEntities: (doc: ArticleDocument) => listEntities(analyse(doc)),
    convert: (doc: ArticleDocument, target: ConvertTarget, range?: Range) => conversions.convert(doc, target, range),
    convertBack: (doc: ArticleDocument) => conversions.convertBack(doc),
    status: (doc: ArticleDocument) => getArticleStatus(analyse(doc), recognizer.name.endsWith('+model')),
  };
}

export type LanguageService = ReturnType<typeof createLanguageService>;
