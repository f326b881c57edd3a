/** Entry point of the News Annotator extension: language client, commands, language status and the plain-text opt-in. */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { registerFixGuard } from './fixGuard';
import { registerPlainTextOptIn } from './files';
import { ServerConnection } from './languageClient';
import { OUTPUT_CHANNEL_NAME } from './messages';
import { ArticleStatusItem, type StatusView } from './status';
import { registerCorpusView } from './corpusView';

let server: ServerConnection | undefined;

/** What the extension exports: read by the extension-host tests, which cannot see the status bar. */
export interface NewsAnnotatorApi {
  languageStatus(): StatusView | undefined;
  onDidChangeLanguageStatus: vscode.Event<StatusView>;
}

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const connection = new ServerConnection(context, log);
  server = connection;
  const status = new ArticleStatusItem(connection);
  context.subscriptions.push(log, ...registerCommands(connection, log), registerPlainTextOptIn(log), registerFixGuard(), status);
  context.subscriptions.push(registerCorpusView(connection));

  // The server starts with the first article, not merely because a plain text file activated us.
  const startForArticle = (document: vscode.TextDocument): void => {
    if (document.languageId === LANGUAGE_ID) void connection.start();
  };
  vscode.workspace.textDocuments.forEach(startForArticle);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startForArticle));
  return { languageStatus: () => status.view, onDidChangeLanguageStatus: status.onDidChange };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
