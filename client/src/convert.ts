/** News: Convert to Simplified / Traditional / Taiwan / Hong Kong (the document or the selection), and Convert Back. */
import * as vscode from 'vscode';
import { Requests, type ConvertParams, type ConvertTarget } from '../../server/src/protocol';
import { applyServerEdit, articleTarget } from './articles';
import type { ServerConnection } from './languageClient';
import { msg } from './messages';

export async function convertScript(server: ServerConnection, target: ConvertTarget, uri?: vscode.Uri): Promise<void> {
  const article = await articleTarget(server, uri);
  if (!article) return;
  const { editor, client } = article;
  const selection = editor.selection;
  const params: ConvertParams = {
    uri: article.uri,
    target,
    // An empty selection is just the cursor: convert the whole article.
    ...(selection.isEmpty ? {} : { range: client.code2ProtocolConverter.asRange(selection) }),
  };
  const result = await server.request(Requests.convertScript, params, msg.convertFailed, msg.converting());
  if (!result.ok) return;
  if (!result.value) {
    void vscode.window.showInformationMessage(msg.nothingToConvert(target));
    return;
  }
  await applyServerEdit(client, result.value);
}

/** Restores the characters the last round of conversions replaced (台灣 after 台灣 → 台湾 → 臺灣), where the text was not edited since. */
export async function convertBack(server: ServerConnection, uri?: vscode.Uri): Promise<void> {
  const article = await articleTarget(server, uri);
  if (!article) return;
  const result = await server.request(Requests.convertBack, { uri: article.uri }, msg.convertFailed, msg.converting());
  if (!result.ok) return;
  if (!result.value) {
    void vscode.window.showInformationMessage(msg.nothingToConvertBack());
    return;
  }
  await applyServerEdit(article.client, result.value);
}
