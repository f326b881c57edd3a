/** Finding the article a command works on, and applying the server's edits to it. */
import * as vscode from 'vscode';
import { TextDocumentEdit, type LanguageClient, type WorkspaceEdit } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../../server/src/protocol';
import type { ServerConnection } from './languageClient';
import { msg } from './messages';

/**
 * The editor of the article to work on: `uri` when a command is called with one (from a menu or a test),
 * else the active editor. Undefined, after saying so, when that is not a news article.
 */
export async function articleEditor(uri?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  let editor = vscode.window.activeTextEditor;
  if (uri instanceof vscode.Uri && editor?.document.uri.toString() !== uri.toString()) {
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  }
  if (editor?.document.languageId !== LANGUAGE_ID) {
    void vscode.window.showWarningMessage(msg.noArticle());
    return undefined;
  }
  return editor;
}

/**
 * What every article command starts with: the article's editor, a running client, and the uri the server
 * knows it by. Undefined, after saying why, when either is missing.
 */
export async function articleTarget(server: ServerConnection, uri?: vscode.Uri) {
  const editor = await articleEditor(uri);
  if (!editor) return undefined;
  const client = await server.running();
  if (!client) return undefined;
  return { editor, client, uri: client.code2ProtocolConverter.asUri(editor.document.uri) };
}

/**
 * Applies a WorkspaceEdit from the server as one undoable step. The server versions its edits: when the
 * article changed since, nothing is applied and the user is told to run the command again.
 */
export async function applyServerEdit(client: LanguageClient, edit: WorkspaceEdit): Promise<boolean> {
  for (const change of edit.documentChanges ?? []) {
    if (!TextDocumentEdit.is(change) || change.textDocument.version === null) continue;
    const uri = client.protocol2CodeConverter.asUri(change.textDocument.uri).toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (doc && doc.version !== change.textDocument.version) {
      void vscode.window.showWarningMessage(msg.documentChanged());
      return false;
    }
  }
  const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
  if (!applied) void vscode.window.showErrorMessage(msg.editNotApplied());
  return applied;
}
