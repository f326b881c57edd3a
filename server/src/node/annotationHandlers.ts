/**
 * The annotation workflow's LSP handlers, registered by server.ts in one call: document tracking, the
 * review command, the corpus status request. Each handler finds the document and delegates.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MessageType,
  ShowMessageNotification,
  type Connection,
  type ExecuteCommandParams,
  type TextDocuments,
  type TextDocumentContentChangeEvent,
  type TextDocumentsConfiguration,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Article } from '../service/article';
import { withoutLines, type AnnotatedDocument, type Annotation } from '../service/annotations';
import { REVIEW_KIND } from '../service/features/review';
import { writeExport } from './exportFiles';
import type { LanguageService } from '../service/index';
import {
  ANNOTATE_COMMAND,
  AnnotationNotifications,
  AnnotationRequests,
  type AnnotateArgs,
  type ArticleReviewStatus,
  type ExportArticlesParams,
} from '../protocol';
import { AnnotationSession } from './annotationSession';
import { registerWorkspaceReview } from './workspaceReview';

let tracker: ((uri: string, before: string, changes: readonly TextDocumentContentChangeEvent[]) => void) | undefined;

/** TextDocument's own create/update, with every incremental change shown to the annotation tracker first. */
export function trackingDocuments(td: typeof TextDocument): TextDocumentsConfiguration<TextDocument> {
  return {
    create: td.create,
    update: (doc, changes, version) => {
      tracker?.(doc.uri, doc.getText(), changes);
      return td.update(doc, changes, version);
    },
  };
}

export function registerAnnotationWorkflow(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: () => LanguageService,
  env: () => { roots: readonly string[]; refreshTokens: boolean },
) {
  let scanned = false;
  const session = new AnnotationSession({
    // Notifications, not requests: a message needs no answer, and not every client answers showMessageRequest.
    warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
    error: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }),
    localize: (id, ...args) => service().localize(id, ...args),
    changed: (uri) => {
      if (env().refreshTokens) void connection.languages.semanticTokens.refresh();
      void connection.sendNotification(AnnotationNotifications.changed, { uri });
    },
  });
  tracker = (uri, before, changes) => session.track(uri, before, changes);
  documents.onDidOpen((e) => {
    if (!scanned) {
      scanned = true;
      session.scanWorkspace(env().roots);
    }
    session.openDocument(e.document);
  });
  documents.onDidClose((e) => session.closeDocument(e.document.uri));

  /** Each article (open, or read from disk) with its annotations as they stand. */
  function eachArticle(uris: readonly string[], fn: (uri: string, doc: TextDocument, article: Article, annotations: Annotation[]) => void) {
    for (const uri of uris) {
      let doc = documents.get(uri);
      const opened = !!doc;
      if (!doc) {
        try {
          doc = TextDocument.create(uri, 'news-article', 0, fs.readFileSync(fileURLToPath(uri), 'utf8'));
        } catch {
          continue;
        }
      }
      const s = service();
      fn(uri, doc, s.analyse(doc), s.reviewedAnnotations(doc, session.reviewForText(uri, doc.getText())));
      if (!opened) s.close(uri);
    }
  }

  connection.onRequest(AnnotationRequests.corpusStatus, (p: { uris: string[] }): ArticleReviewStatus[] => {
    const out: ArticleReviewStatus[] = [];
    eachArticle(p.uris ?? [], (uri, _doc, article, annotations) => out.push(session.status(uri, annotations, article.blocks.length)));
    return out;
  });

  connection.onRequest(AnnotationRequests.exportArticles, (p: ExportArticlesParams) => {
    const docs: AnnotatedDocument[] = [];
    eachArticle(p.uris ?? [], (uri, doc, article, annotations) => {
      const name = path.basename(fileURLToPath(uri)).replace(/\.(txt|news)$/i, '');
      const d: AnnotatedDocument = {
        name,
        text: doc.getText(),
        annotations,
        reviewed: session.reviewForText(uri, doc.getText()).stored.state === 'reviewed',
      };
      const lines = new Set<number>();
      if (p.excludeBoilerplate) for (const b of article.blocks) for (let l = b.startLine; l <= b.endLine; l++) lines.add(l);
      docs.push(withoutLines(d, lines));
    });
    const files = writeExport(docs, p.format, p.out);
    return { files, articles: docs.length, annotations: docs.reduce((n, d) => n + d.annotations.length, 0) };
  });

  registerWorkspaceReview(connection, documents, service, session);

  return {
    commands: [ANNOTATE_COMMAND],
    codeActionKinds: [REVIEW_KIND],
    reviewFor: (uri: string) => session.reviewFor(uri),
    /** Writes every open article's pending annotation changes now. */
    flushAll: () => documents.all().forEach((d) => session.flush(d.uri)),
    executeCommand(p: ExecuteCommandParams): boolean {
      const args = p.arguments?.[0] as AnnotateArgs | undefined;
      const doc = args && documents.get(args.uri);
      if (!args || !doc) return false;
      const current = service().reviewedAnnotations(doc, session.reviewFor(doc.uri));
      return session.execute(args, doc, current);
    },
  };
}
