/**
 * Apply to every occurrence in the workspace: a mark (the selection, as a type the user picks) or "not an entity"
 * (the name under the cursor), written by the server to every article of the corpus view that contains the text,
 * with progress (cancellable) and a count; the message offers Undo.
 */
import * as vscode from 'vscode';
import { AnnotationRequests, type AnnotationLabelName, type WorkspaceAnnotateResult } from '../../server/src/protocol';
import { articleTarget } from './articles';
import { corpusView } from './corpusView';
import type { ServerConnection } from './languageClient';
import { msg } from './messages';
import { reviewMsg } from './reviewMessages';

type Given = { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
const given = (arg: unknown): Given | undefined =>
  arg && typeof arg === 'object' && 'uri' in arg && 'range' in arg ? (arg as Given) : undefined;

async function run(
  server: ServerConnection,
  action: 'mark' | 'reject',
  arg: unknown,
  label?: AnnotationLabelName,
): Promise<WorkspaceAnnotateResult | undefined> {
  let where = given(arg);
  if (!where) {
    const target = await articleTarget(server);
    if (!target) return undefined;
    const s = target.editor.selection;
    where = {
      uri: target.uri,
      range: { start: { line: s.start.line, character: s.start.character }, end: { line: s.end.line, character: s.end.character } },
    };
    if (action === 'mark' && s.isEmpty) {
      void vscode.window.showInformationMessage(reviewMsg.selectText());
      return undefined;
    }
  }
  if (action === 'mark' && !label) {
    const items = (['PER', 'ORG', 'LOC', 'MEDIA', 'DATE'] as const).map((type) => ({
      label: type === 'DATE' ? reviewMsg.date() : msg.entityGroup(type),
      description: type,
      type,
    }));
    label = (await vscode.window.showQuickPick(items, { placeHolder: reviewMsg.markWorkspaceAs() }))?.type;
    if (!label) return undefined;
  }
  const client = await server.running();
  if (!client) return undefined;
  const uris = (await corpusView(server).uris()).map((u) => client.code2ProtocolConverter.asUri(u));
  const r = await server.request(
    AnnotationRequests.annotateWorkspace,
    { uri: where.uri, range: where.range, action, label, uris },
    reviewMsg.failed,
  );
  if (!r.ok) return undefined;
  if (!r.value) {
    void vscode.window.showInformationMessage(action === 'mark' ? reviewMsg.selectText() : reviewMsg.noAnnotationHere());
    return undefined;
  }
  const result = r.value;
  if (result.articles) {
    void vscode.window.showInformationMessage(result.message, reviewMsg.undo()).then(async (choice) => {
      if (choice !== reviewMsg.undo()) return;
      const running = await server.running();
      if (!running) return;
      const u = await running.sendRequest(AnnotationRequests.undoAnnotateWorkspace);
      void vscode.window.showInformationMessage(u.message);
    });
  } else void vscode.window.showInformationMessage(result.message);
  return result;
}

export const markInWorkspace = (server: ServerConnection, arg?: unknown, label?: unknown) =>
  run(server, 'mark', arg, typeof label === 'string' ? (label as AnnotationLabelName) : undefined);
export const notAnEntityInWorkspace = (server: ServerConnection, arg?: unknown) => run(server, 'reject', arg);
