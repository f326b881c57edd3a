/** News: Remove All Boilerplate (the same edit as the `source.fixAll.newsAnnotator` code action). */
import * as vscode from 'vscode';
import type { WorkspaceEdit } from 'vscode-languageclient/node';
import { Requests } from '../../server/src/protocol';
import { applyServerEdit, articleEditor, countTextEdits } from './articles';
import type { ServerConnection } from './languageClient';
import { msg } from './messages';

export async function removeAllBoilerplate(server: ServerConnection, uri?: vscode.Uri): Promise<void> {
  const editor = await articleEditor(uri);
  if (!editor) return;
  const client = await server.running();
  if (!client) return;
  const params = { uri: client.code2ProtocolConverter.asUri(editor.document.uri) };
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
