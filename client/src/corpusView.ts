/**
 * The corpus view (Explorer: "News Articles"): every article of the workspace with its review state,
 * counts per type and boilerplate left; the status bar's `Reviewed 12/40`; "Next Article to Review".
 */
import * as vscode from 'vscode';
import { AnnotationNotifications, AnnotationRequests, ClientCommands, type ArticleReviewStatus } from '../../server/src/protocol';
import type { ServerConnection } from './languageClient';
import { reviewMsg } from './reviewMessages';

export const CORPUS_VIEW_ID = 'newsAnnotator.corpus';
const MAX_ARTICLES = 2000;

/** The workspace's article files: the `newsAnnotator.files` globs and the article extensions. */
export async function workspaceArticles(): Promise<vscode.Uri[]> {
  const globs = vscode.workspace.getConfiguration('newsAnnotator').get<unknown>('files');
  const patterns = [
    ...(Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : []),
    '**/*.{news.txt,article.txt,news}',
  ];
  const found = new Map<string, vscode.Uri>();
  for (const p of patterns)
    for (const u of await vscode.workspace.findFiles(p, '**/{node_modules,.git}/**', MAX_ARTICLES)) found.set(u.toString(), u);
  for (const d of vscode.workspace.textDocuments)
    if (d.languageId === 'news-article' && d.uri.scheme === 'file') found.set(d.uri.toString(), d.uri);
  return [...found.values()].sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

type Item = { uri: vscode.Uri; status?: ArticleReviewStatus };

export class CorpusView implements vscode.TreeDataProvider<Item>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Item | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private items: Item[] = [];
  private readonly statusBar = vscode.window.createStatusBarItem('newsAnnotator.reviewProgress', vscode.StatusBarAlignment.Left, 10);
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private listening = false;

  constructor(private readonly server: ServerConnection) {
    this.statusBar.command = ClientCommands.nextArticleToReview;
    this.statusBar.tooltip = reviewMsg.progressTooltip();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{ann,txt,news}');
    this.disposables.push(
      this.statusBar,
      watcher,
      watcher.onDidCreate(() => this.schedule()),
      watcher.onDidDelete(() => this.schedule()),
      vscode.workspace.onDidOpenTextDocument((d) => d.languageId === 'news-article' && this.schedule()),
    );
  }

  schedule(delay = 300): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** Re-reads the article list and every article's status; returns the figures the status bar shows. */
  async refresh(): Promise<{ reviewed: number; total: number; items: ArticleReviewStatus[] }> {
    const uris = await workspaceArticles();
    const client = uris.length ? await this.server.start() : undefined;
    let statuses: ArticleReviewStatus[] = [];
    if (client) {
      if (!this.listening) {
        this.listening = true;
        this.disposables.push(client.onNotification(AnnotationNotifications.changed, () => this.schedule()));
      }
      const r = await this.server.request(
        AnnotationRequests.corpusStatus,
        { uris: uris.map((u) => client.code2ProtocolConverter.asUri(u)) },
        reviewMsg.failed,
      );
      if (r.ok) statuses = r.value;
    }
    const byUri = new Map(statuses.map((s) => [s.uri, s]));
    this.items = uris.map((uri) => ({ uri, status: client ? byUri.get(client.code2ProtocolConverter.asUri(uri)) : undefined }));
    const reviewed = this.items.filter((i) => i.status?.state === 'reviewed').length;
    this.statusBar.text = `$(checklist) ${reviewMsg.reviewedProgress(reviewed, this.items.length)}`;
    if (this.items.length) this.statusBar.show();
    else this.statusBar.hide();
    this.emitter.fire(undefined);
    return { reviewed, total: this.items.length, items: statuses };
  }

  getChildren(element?: Item): Item[] {
    return element ? [] : this.items;
  }

  getTreeItem(item: Item): vscode.TreeItem {
    const t = new vscode.TreeItem(vscode.workspace.asRelativePath(item.uri), vscode.TreeItemCollapsibleState.None);
    t.resourceUri = item.uri;
    t.command = { command: 'vscode.open', title: '', arguments: [item.uri] };
    const s = item.status;
    if (!s) return t;
    const state =
      s.state === 'reviewed'
        ? reviewMsg.stateReviewed()
        : s.state === 'in-progress'
          ? reviewMsg.stateInProgress()
          : reviewMsg.stateNotStarted();
    const counts = (['PER', 'ORG', 'LOC', 'MEDIA', 'DATE'] as const).map((l) => `${l} ${s.counts[l]}`).join(' · ');
    t.description = `${state} · ${counts}`;
    t.tooltip = [state, counts, reviewMsg.boilerplateLeft(s.boilerplate)].join('\n');
    t.iconPath = new vscode.ThemeIcon(s.state === 'reviewed' ? 'pass-filled' : s.state === 'in-progress' ? 'edit' : 'circle-large-outline');
    t.contextValue = `article.${s.state}`;
    return t;
  }

  /** Opens the first article after the active one (wrapping) that is not reviewed. */
  async next(): Promise<vscode.Uri | undefined> {
    await this.refresh();
    const current = vscode.window.activeTextEditor?.document.uri.toString();
    const at = this.items.findIndex((i) => i.uri.toString() === current);
    const order = [...this.items.slice(at + 1), ...this.items.slice(0, at + 1)];
    const next = order.find((i) => i.status?.state !== 'reviewed' && i.uri.toString() !== current);
    if (!next) {
      void vscode.window.showInformationMessage(this.items.length ? reviewMsg.allReviewed() : reviewMsg.noArticles());
      return undefined;
    }
    await vscode.window.showTextDocument(next.uri);
    return next.uri;
  }

  uris(): Promise<vscode.Uri[]> {
    return workspaceArticles();
  }

  private readonly onDisposeFns: (() => void)[] = [];
  onDispose(fn: () => void): void {
    this.onDisposeFns.push(fn);
  }

  dispose(): void {
    for (const fn of this.onDisposeFns) fn();
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}

let view: CorpusView | undefined;

/** The one corpus view of the window, created with its tree and status bar item on first use. */
export function corpusView(server: ServerConnection): CorpusView {
  if (!view) {
    view = new CorpusView(server);
    const own = view;
    const tree = vscode.window.createTreeView(CORPUS_VIEW_ID, { treeDataProvider: own });
    // Read the corpus when someone looks at it or works on an article, not merely because the extension activated.
    const visible = tree.onDidChangeVisibility((e) => e.visible && own.schedule(0));
    own.onDispose(() => {
      visible.dispose();
      tree.dispose();
    });
    if (tree.visible || vscode.workspace.textDocuments.some((d) => d.languageId === 'news-article')) own.schedule(0);
  }
  return view;
}

export function registerCorpusView(server: ServerConnection): vscode.Disposable {
  const v = corpusView(server);
  return new vscode.Disposable(() => {
    v.dispose();
    view = undefined;
  });
}
