/**
 * "Apply to every occurrence in the workspace": a mark or a "not an entity" written to every article of the
 * workspace that contains the text, with cancellable work-done progress and a count; the last such change can be
 * undone (each article's decisions as they were are kept until the next one).
 */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { markEverywhere, occurrences, rejectEverywhere, type ArticleAnnotations } from '../service/annotations';
import { annotationAt } from '../service/features/review';
import type { LanguageService } from '../service/index';
import { LineIndex } from '../service/text';
import { labelFromName } from '../service/annotations/brat';
import { AnnotationRequests, type WorkspaceAnnotateParams, type WorkspaceAnnotateResult } from '../protocol';
import type { AnnotationSession } from './annotationSession';

export function registerWorkspaceReview(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: () => LanguageService,
  session: AnnotationSession,
) {
  /** The decisions each article had before the last workspace-wide change. */
  let undo: { uri: string; text: string; before: ArticleAnnotations }[] = [];
  const t = (id: Parameters<LanguageService['localize']>[0], ...args: (string | number)[]) => service().localize(id, ...args);

  const read = (uri: string): TextDocument | undefined => {
    const open = documents.get(uri);
    if (open) return open;
    try {
      return TextDocument.create(uri, 'news-article', 0, fs.readFileSync(fileURLToPath(uri), 'utf8'));
    } catch {
      return undefined;
    }
  };

  async function apply(p: WorkspaceAnnotateParams, token: CancellationToken): Promise<WorkspaceAnnotateResult | null> {
    const origin = documents.get(p.uri);
    if (!origin || !p.range) return null;
    const lines = new LineIndex(origin.getText());
    const from = lines.offsetAt(p.range.start);
    const to = lines.offsetAt(p.range.end);
    const label = p.label ? labelFromName(p.label) : undefined;
    let needle: string;
    if (p.action === 'mark') {
      needle = origin.getText().slice(from, to);
      if (!label || !needle.trim() || /[\r\n]/.test(needle)) return null;
    } else {
      const current = service().reviewedAnnotations(origin, session.reviewFor(origin.uri));
      const target = annotationAt(current, from);
      if (!target) return null;
      needle = target.text;
    }
    const who = { by: session.reviewer(), at: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
    const uris = [...new Set([p.uri, ...(p.uris ?? [])])];
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin(t('annot.workspace.title', needle), 0, undefined, true);
    undo = [];
    let occurrencesChanged = 0;
    let cancelled = false;
    try {
      for (let i = 0; i < uris.length; i++) {
        if (token.isCancellationRequested || progress.token.isCancellationRequested) {
          cancelled = true;
          break;
        }
        progress.report(Math.floor((100 * i) / uris.length), t('annot.workspace.progress', i, uris.length, occurrencesChanged));
        const doc = read(uris[i]);
        const text = doc?.getText();
        if (!doc || !text || !text.includes(needle)) continue;
        let n = 0;
        const before = session.changeArticle(doc.uri, text, (stored) => {
          if (p.action === 'mark') {
            n = occurrences(text, needle).length;
            return markEverywhere(stored, text, needle, label!, who);
          }
          const current = service().reviewedAnnotations(doc, session.reviewForText(doc.uri, text));
          if (!documents.get(doc.uri)) service().close(doc.uri);
          n = current.filter((x) => x.text === needle).length;
          return n ? rejectEverywhere(stored, current, needle) : stored;
        });
        if (before && n) {
          undo.push({ uri: doc.uri, text, before });
          occurrencesChanged += n;
        }
        // One article per turn: other requests (typing in another article) are answered in between.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      progress.done();
    }
    const done = p.action === 'mark' ? 'annot.workspace.markDone' : 'annot.workspace.rejectDone';
    return {
      text: needle,
      occurrences: occurrencesChanged,
      articles: undo.length,
      cancelled,
      message: cancelled
        ? t('annot.workspace.cancelled', occurrencesChanged, undo.length)
        : t(done, needle, occurrencesChanged, undo.length),
    };
  }

  connection.onRequest(AnnotationRequests.annotateWorkspace, (p, token) => apply(p, token));
  connection.onRequest(AnnotationRequests.undoAnnotateWorkspace, () => {
    const restored = undo.filter((u) => {
      const doc = read(u.uri);
      // An article edited since is re-anchored by the store: restore against its text as it is now.
      return !!doc && !!session.changeArticle(u.uri, doc.getText(), () => u.before);
    }).length;
    undo = [];
    return { articles: restored, message: restored ? t('annot.workspace.undone', restored) : t('annot.workspace.nothingToUndo') };
  });
}
