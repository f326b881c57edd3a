/**
 * News: Improve the Model from Reviewed Articles / Revert the Model to the Shipped One. The fine-tuning (pure,
 * service/entities/finetune.ts) runs on the server's thread in slices of about 15 ms, so requests for other
 * articles are answered between slices; it reports LSP work-done progress and stops when the user cancels the
 * progress or the client cancels the request. The overlay is written to the workspace folder and loaded at start.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageType, ShowMessageNotification, type CancellationToken, type Connection } from 'vscode-languageserver';
import { fineTuneSteps, type ModelOverlay } from '../service/entities/finetune';
import type { Localize } from '../service/messages';
import { ModelRequests, type ImproveModelResult, type RevertModelResult } from '../protocol';
import { linesOf, overlayPath, readOverlay, reviewedArticles, writeOverlay } from './modelDelta';
import { shippedTagger, useModelOverlay, type OverlayProblem } from './model';

export interface ModelHost {
  roots(): readonly string[];
  localize: Localize;
  /** Whether the shipped model is wanted (entities.useModel). */
  modelWanted(): boolean;
  /** An open editor's text of an article file, if it is open. */
  textOf(file: string): string | undefined;
  /** Writes pending annotation changes, so the reviewed articles read from disk are current. */
  flushAnnotations(): void;
  /** The model changed: make new recognisers and re-colour every open article. */
  reload(): void;
}

const SLICE_MS = 15;

export function registerModelImprovement(connection: Connection, host: ModelHost) {
  let running = false;
  const t = host.localize;
  const show = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message });
  const file = () => (host.roots()[0] ? overlayPath(host.roots()[0]) : undefined);

  const refused = (where: string) => (p: OverlayProblem) =>
    show(
      MessageType.Warning,
      p.reason === 'noModel' ? t('model.overlay.noModel', where) : t(`model.overlay.stale.${p.reason}`, where, p.overlay, p.current),
    );

  /** Uses the workspace's overlay if there is one (at start, and when the workspace changes). */
  function loadWorkspaceOverlay(): void {
    const f = file();
    if (!f) return useModelOverlay(undefined);
    const r = readOverlay(f);
    if (r.error) show(MessageType.Warning, t('model.overlay.unreadable', f, r.error));
    useModelOverlay(r.overlay, refused(f));
  }

  async function improve(token: CancellationToken): Promise<ImproveModelResult> {
    const target = file();
    if (!target) return { outcome: 'noWorkspace', message: t('model.noWorkspace') };
    if (!host.modelWanted()) return { outcome: 'noModel', message: t('model.improve.noModel') };
    if (running) return { outcome: 'busy', message: t('model.improve.busy') };
    running = true;
    const progress = await connection.window.createWorkDoneProgress();
    try {
      progress.begin(t('model.improve.title'), 0, t('model.improve.reading'), true);
      host.flushAnnotations();
      const articles = reviewedArticles(host.roots(), host.textOf);
      if (!articles.length) return { outcome: 'none', message: t('model.improve.none') };
      const lines = linesOf(articles);
      const base = shippedTagger();
      if (!base) return { outcome: 'noModel', message: t('model.improve.noModel') };
      const steps = fineTuneSteps(base, lines, { articles: articles.length });
      const cancelled = () => token.isCancellationRequested || progress.token.isCancellationRequested;
      let overlay: ModelOverlay | undefined;
      let percent = -1;
      while (!overlay) {
        const started = Date.now();
        let r = steps.next();
        while (!r.done && Date.now() - started < SLICE_MS) r = steps.next();
        if (r.done) {
          overlay = r.value;
          break;
        }
        const now = Math.floor((100 * r.value.done) / r.value.total);
        if (now !== percent) progress.report((percent = now), t('model.improve.learning', articles.length, lines.length));
        await new Promise((resolve) => setImmediate(resolve));
        if (cancelled()) return { outcome: 'cancelled', message: t('model.improve.cancelled') };
      }
      overlay.info.created = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      try {
        writeOverlay(target, overlay);
      } catch (e) {
        return { outcome: 'failed', message: t('model.improve.notSaved', target, (e as Error).message) };
      }
      useModelOverlay(overlay, refused(target));
      host.reload();
      const rel = path.relative(host.roots()[0], target);
      return {
        outcome: 'improved',
        message: t('model.improve.done', articles.length, lines.length, rel),
        articles: articles.length,
        lines: lines.length,
        buckets: overlay.emission.size,
        file: target,
      };
    } finally {
      progress.done();
      running = false;
    }
  }

  connection.onRequest(ModelRequests.improve, async (token) => {
    const r = await improve(token);
    show(r.outcome === 'improved' ? MessageType.Info : MessageType.Warning, r.message);
    return r;
  });

  connection.onRequest(ModelRequests.revert, (): RevertModelResult => {
    const target = file();
    const existed = !!target && fs.existsSync(target);
    let message: string;
    if (!existed) message = t('model.revert.none');
    else {
      try {
        fs.rmSync(target!, { force: true });
        message = t('model.revert.done', path.relative(host.roots()[0], target!));
      } catch (e) {
        message = t('model.improve.notSaved', target!, (e as Error).message);
        show(MessageType.Error, message);
        return { reverted: false, message };
      }
    }
    useModelOverlay(undefined);
    if (existed) host.reload();
    show(MessageType.Info, message);
    return { reverted: existed, message };
  });

  return { loadWorkspaceOverlay };
}
