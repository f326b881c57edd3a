/**
 * The language status item of news articles (the `{}` next to "News Article" in the status bar): the script,
 * the publication time, the counts of entities and boilerplate blocks, whether the statistical model is in
 * use, and a link to the settings. Refreshed when the server re-analyses the article or another one comes forward.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, LANGUAGE_ID, Notifications, Requests, type ArticleStatus } from '../../server/src/protocol';
import type { ServerConnection } from './languageClient';
import { msg } from './messages';

/** What the item shows, kept for the extension-host tests (they cannot read the status bar). */
export interface StatusView {
  uri: string;
  text: string;
  detail: string;
}

export class ArticleStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[] = [];
  private shown: StatusView | undefined;
  private readonly changed = new vscode.EventEmitter<StatusView>();
  /** Fires after the item shows a new status (tests wait on it, never on a timer). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly server: ServerConnection) {
    this.item = vscode.languages.createLanguageStatusItem('newsAnnotator.article', { language: LANGUAGE_ID });
    this.item.name = msg.statusName();
    this.item.text = msg.statusWaiting();
    this.item.command = { title: msg.statusSettings(), command: ClientCommands.openSettings };
    server.onStarted((client) => this.listen(client));
    if (server.current) this.listen(server.current);
    this.disposables.push(
      this.item,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
    );
  }

  get view(): StatusView | undefined {
    return this.shown;
  }

  private listen(client: LanguageClient): void {
    this.disposables.push(
      client.onNotification(Notifications.statusChanged, (p) => {
        if (p.uri === this.activeUri(client)) void this.refresh();
      }),
    );
    void this.refresh();
  }

  private activeUri(client: LanguageClient): string | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === LANGUAGE_ID ? client.code2ProtocolConverter.asUri(document.uri) : undefined;
  }

  async refresh(): Promise<void> {
    const client = this.server.current;
    const uri = client && this.activeUri(client);
    if (!client || !uri) return;
    let status: ArticleStatus | null;
    try {
      status = await client.sendRequest(Requests.articleStatus, { uri });
    } catch {
      return; // the server is restarting; the next notification refreshes
    }
    if (!status || uri !== this.activeUri(client)) return;
    this.shown = { uri, text: statusText(status), detail: statusDetail(status) };
    this.item.text = this.shown.text;
    this.item.detail = this.shown.detail;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    this.changed.fire(this.shown);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function statusText(s: ArticleStatus): string {
  return [msg.statusScript(s.script), msg.statusEntities(s.entities), msg.statusBoilerplate(s.boilerplate)].join(' · ');
}

export function statusDetail(s: ArticleStatus): string {
  const published = s.published ? msg.statusPublished(s.published.replace('T', ' ')) : msg.statusNoPublished();
  const model = s.model === 'model' ? msg.statusModel() : msg.statusNoModel();
  return `${published} · ${msg.statusMentions(s.mentions)} · ${model}`;
}
