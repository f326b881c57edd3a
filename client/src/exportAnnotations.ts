/** News: Export Annotations: the `news/exportAnnotations` result as pretty JSON, by default next to the article. */
import * as vscode from 'vscode';
import { Requests } from '../../server/src/protocol';
import { articleTarget } from './articles';
import { annotationsFileName } from './exportPath';
import type { ServerConnection } from './languageClient';
import { errorText, msg } from './messages';

/** `target`, when given (by a test or another extension), skips the question of where to save. */
export async function exportAnnotations(server: ServerConnection, uri?: vscode.Uri, target?: vscode.Uri): Promise<void> {
  const article = await articleTarget(server, uri);
  if (!article) return;
  const document = article.editor.document;
  const result = await server.request(Requests.exportAnnotations, { uri: article.uri }, msg.exportFailed, msg.exporting());
  if (!result.ok) return;
  if (!result.value) {
    void vscode.window.showErrorMessage(msg.exportFailed(msg.noResult()));
    return;
  }
  const destination = target instanceof vscode.Uri ? target : await chooseDestination(document);
  if (!destination) return;
  const shown = destination.scheme === 'file' ? destination.fsPath : destination.toString();
  try {
    await vscode.workspace.fs.writeFile(destination, Buffer.from(`${JSON.stringify(result.value, null, 2)}\n`, 'utf8'));
  } catch (error) {
    void vscode.window.showErrorMessage(msg.writeFailed(shown, errorText(error)));
    return;
  }
  void vscode.window.showInformationMessage(msg.exported(shown), msg.open()).then(async (choice) => {
    if (choice) await vscode.window.showTextDocument(destination);
  });
}

async function chooseDestination(document: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  const fileName = annotationsFileName(document.uri.path.split('/').pop() || 'article');
  const saveDialog = (defaultUri: vscode.Uri | undefined): Thenable<vscode.Uri | undefined> =>
    vscode.window.showSaveDialog({
      defaultUri,
      filters: { [msg.jsonFilter()]: ['json'] },
      saveLabel: msg.exportSaveLabel(),
      title: msg.exportDialogTitle(),
    });
  if (document.isUntitled) {
    // An untitled article has no folder: offer the first workspace folder, if any.
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return saveDialog(folder && vscode.Uri.joinPath(folder, fileName));
  }
  const nextToArticle = vscode.Uri.joinPath(document.uri, '..', fileName);
  const items: (vscode.QuickPickItem & { choose: boolean })[] = [
    { label: msg.exportNextToArticle(), description: fileName, choose: false },
    { label: msg.exportChooseFile(), choose: true },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: msg.exportWhere() });
  if (!picked) return undefined;
  return picked.choose ? saveDialog(nextToArticle) : nextToArticle;
}
