/** News: Show Entities: a quick pick grouped by type; choosing one selects its first mention. */
import * as vscode from 'vscode';
import { Requests, type EntitySummary } from '../../server/src/protocol';
import { articleTarget } from './articles';
import { groupEntities } from './entityGroups';
import type { ServerConnection } from './languageClient';
import { msg } from './messages';

interface EntityItem extends vscode.QuickPickItem {
  entity?: EntitySummary;
}

export async function showEntities(server: ServerConnection, uri?: vscode.Uri): Promise<void> {
  const article = await articleTarget(server, uri);
  if (!article) return;
  const document = article.editor.document;
  const result = await server.request(Requests.listEntities, { uri: article.uri }, msg.listFailed);
  if (!result.ok) return;
  const groups = groupEntities(result.value ?? []);
  if (groups.length === 0) {
    void vscode.window.showInformationMessage(msg.noEntities());
    return;
  }
  const items: EntityItem[] = groups.flatMap((group) => [
    { label: msg.entityGroup(group.type), kind: vscode.QuickPickItemKind.Separator },
    ...group.entities.map((entity) => ({
      label: entity.text,
      description: msg.mentions(entity.mentions.length),
      // The full name the article's abbreviation stands for (北約 → 北大西洋公約組織), in the article's script.
      ...(entity.canonical ? { detail: entity.canonical } : {}),
      entity,
    })),
  ]);
  const picked = await vscode.window.showQuickPick(items, { placeHolder: msg.pickEntity(), matchOnDescription: false });
  const first = picked?.entity?.mentions[0];
  if (!first) return;
  const range = new vscode.Range(first.line, first.character, first.line, first.endCharacter);
  const shown = await vscode.window.showTextDocument(document, { viewColumn: article.editor.viewColumn, selection: range });
  shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
