/** Entry point of the News Annotator extension: language client, commands and the plain-text opt-in. */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { registerFixGuard } from './fixGuard';
import { registerPlainTextOptIn } from './files';
import { ServerConnection } from './languageClient';
import { OUTPUT_CHANNEL_NAME } from './messages';
import { registerCorpusView } from './corpusView';

let server: ServerConnection | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const connection = new ServerConnection(context, log);
  server = connection;
  context.subscriptions.push(log, ...registerCommands(connection, log), registerPlainTextOptIn(log), registerFixGuard());
  context.subscriptions.push(registerCorpusView(connection));

  // The server starts with the first article, not merely because a plain text file activated us.
  const startForArticle = (document: vscode.TextDocument): void => {
    if (document.languageId === LANGUAGE_ID) void connection.start();
  };
  vscode.workspace.textDocuments.forEach(startForArticle);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startForArticle));
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
