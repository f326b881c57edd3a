/** News: Remove All Boilerplate (the same edit as the `source.fixAll.newsAnnotator` code action). */
import * as vscode from 'vscode';
import type { WorkspaceEdit } from 'vscode-languageclient/node';
import { Requests } from '../../server/src/protocol';
import { applyServerEdit, articleTarget, countTextEdits } from './articles';
import type { ServerConnection } from './languageClient';
import { msg } from './messages';

export async function removeAllBoilerplate(server: ServerConnection, uri?: vscode.Uri): Promise<void> {
  const article = await articleTarget(server, uri);
  if (!article) return;
  const { client } = article;
  const params = { uri: article.uri };
  const result = await server.request<WorkspaceEdit | null>(Requests.removeAllBoilerplate, params, msg.removeFailed);
  if (!result.ok) return;
  const blocks = result.value ? countTextEdits(result.value) : 0;
  if (!result.value || blocks === 0) {
    void vscode.window.showInformationMessage(msg.noBoilerplate());
    return;
  }
  if (await applyServerEdit(client, result.value)) {
    void vscode.window.showInformationMessage(msg.removedBoilerplate(blocks));
  }
}
