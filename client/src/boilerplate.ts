/** News: Remove All Boilerplate (the same edit as the `source.fixAll.newsAnnotator` code action). */
import * as vscode from 'vscode';
import { Requests } from '../../server/src/protocol';
import { applyServerEdit, articleTarget } from './articles';
import type { ServerConnection } from './languageClient';
import { msg } from './messages';

/** What the command reports (also its return value, which tests and other extensions read). */
export interface RemovalReport {
  blocks: number;
  unsure: number;
  message: string;
}

export async function removeAllBoilerplate(server: ServerConnection, uri?: vscode.Uri): Promise<RemovalReport | undefined> {
  const article = await articleTarget(server, uri);
  if (!article) return undefined;
  const { client } = article;
  const result = await server.request(Requests.removeAllBoilerplate, { uri: article.uri }, msg.removeFailed);
  if (!result.ok) return undefined;
  if (!result.value || result.value.blocks === 0) {
    const message = msg.noBoilerplate();
    void vscode.window.showInformationMessage(message);
    return { blocks: 0, unsure: result.value?.unsure ?? 0, message };
  }
  // Blocks, as the Problems panel and the "N found" of the quick fix count them (adjacent blocks share one edit).
  const { edit, blocks, unsure } = result.value;
  if (!(await applyServerEdit(client, edit))) return undefined;
  const message = msg.removedBoilerplate(blocks, unsure);
  void vscode.window.showInformationMessage(message);
  return { blocks, unsure, message };
}
