/**
 * The annotation workflow's commands: mark a selection, "not an entity", change the type, accept one or
 * all, set a date's value, export the workspace's articles. Each sends the server's review command; the
 * server stores the decision beside the article and refreshes the colours.
 */
import * as vscode from 'vscode';
import {
  ANNOTATE_COMMAND,
  AnnotationRequests,
  type AnnotateArgs,
  type AnnotationLabelName,
  type ExportArticlesParams,
} from '../../server/src/protocol';
import { articleTarget } from './articles';
import type { ServerConnection } from './languageClient';
import { msg } from './messages';
import { reviewMsg } from './reviewMessages';

const asUri = (value: unknown): vscode.Uri | undefined => (value instanceof vscode.Uri ? value : undefined);

async function send(server: ServerConnection, args: Omit<AnnotateArgs, 'uri'>, uri?: vscode.Uri): Promise<boolean> {
  const target = await articleTarget(server, uri);
  if (!target) return false;
  const sel = target.editor.selection;
  const range = args.range ?? {
    start: { line: sel.start.line, character: sel.start.character },
    end: { line: sel.end.line, character: sel.end.character },
  };
  const r = await server.request(
    AnnotationRequests.annotate,
    { command: ANNOTATE_COMMAND, arguments: [{ ...args, range, uri: target.uri }] },
    reviewMsg.failed,
  );
  if (r.ok && !r.value)
    void vscode.window.showInformationMessage(args.action === 'mark' ? reviewMsg.selectText() : reviewMsg.noAnnotationHere());
  return r.ok && !!r.value;
}

/** With a selection, marks it; with none, changes the type of the annotation under the cursor (a date needs its text selected). */
async function mark(server: ServerConnection, label: AnnotationLabelName, uri?: unknown): Promise<void> {
  if (label === 'DATE' && vscode.window.activeTextEditor?.selection.isEmpty) {
    void vscode.window.showInformationMessage(reviewMsg.selectText());
    return;
  }
  await send(server, { action: 'mark', label }, asUri(uri));
}

async function changeType(server: ServerConnection, uri?: unknown): Promise<void> {
  const items: (vscode.QuickPickItem & { label: string; type: AnnotationLabelName })[] = (['PER', 'ORG', 'LOC', 'MEDIA'] as const).map(
    (type) => ({
      label: msg.entityGroup(type),
      description: type,
      type,
    }),
  );
  const picked = await vscode.window.showQuickPick(items, { placeHolder: reviewMsg.pickType() });
  if (picked) await send(server, { action: 'mark', label: picked.type }, asUri(uri));
}

/** From a code action: `{ uri, range, value }`; from the palette: the annotation under the cursor. */
async function setDateValue(server: ServerConnection, arg?: unknown): Promise<void> {
  const given =
    arg && typeof arg === 'object' && 'uri' in arg ? (arg as { uri: string; range: AnnotateArgs['range']; value?: string }) : undefined;
  const value = await vscode.window.showInputBox({
    prompt: reviewMsg.datePrompt(),
    value: given?.value ?? '',
    validateInput: (v) =>
      /^(\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}|T(MO|AF|EV|NI))?|-(EARLY|MID|LATE))?|-Q[1-4]|-(SP|SU|FA|WI))?(\/\d{4}(-\d{2}(-\d{2})?)?)?|UNKNOWN)$/.test(
        v.trim(),
      )
        ? undefined
        : reviewMsg.dateInvalid(),
  });
  if (value === undefined) return;
  await send(server, { action: 'setValue', value: value.trim(), range: given?.range }, given ? vscode.Uri.parse(given.uri) : undefined);
}

const FORMATS: ExportArticlesParams['format'][] = ['brat', 'conll', 'jsonl', 'doccano', 'labelstudio'];

/** Exports the articles of the corpus view (or the given ones) to a folder, in a format the user picks. */
export async function exportArticles(
  server: ServerConnection,
  articles: () => Promise<vscode.Uri[]>,
  format?: unknown,
  out?: unknown,
): Promise<void> {
  const chosen =
    typeof format === 'string' && (FORMATS as string[]).includes(format)
      ? (format as ExportArticlesParams['format'])
      : ((
          await vscode.window.showQuickPick(
            FORMATS.map((f) => ({ label: f, description: reviewMsg.formatDescription(f) })),
            { placeHolder: reviewMsg.pickFormat() },
          )
        )?.label as ExportArticlesParams['format'] | undefined);
  if (!chosen) return;
  const folder =
    asUri(out) ??
    (
      await vscode.window.showOpenDialog({
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        openLabel: msg.exportSaveLabel(),
      })
    )?.[0];
  if (!folder) return;
  const uris = await articles();
  const client = await server.running();
  if (!client) return;
  const r = await server.request(
    AnnotationRequests.exportArticles,
    {
      uris: uris.map((u) => client.code2ProtocolConverter.asUri(u)),
      format: chosen,
      out: folder.fsPath,
      excludeBoilerplate: true,
    } satisfies ExportArticlesParams,
    msg.exportFailed,
  );
  if (r.ok) void vscode.window.showInformationMessage(reviewMsg.exported(r.value.articles, r.value.annotations, folder.fsPath));
}

export const REVIEW_COMMANDS = {
  markPerson: (server: ServerConnection, uri?: unknown) => mark(server, 'PER', uri),
  markOrganization: (server: ServerConnection, uri?: unknown) => mark(server, 'ORG', uri),
  markPlace: (server: ServerConnection, uri?: unknown) => mark(server, 'LOC', uri),
  markMedia: (server: ServerConnection, uri?: unknown) => mark(server, 'MEDIA', uri),
  markDate: (server: ServerConnection, uri?: unknown) => mark(server, 'DATE', uri),
  notAnEntity: async (server: ServerConnection, uri?: unknown) => void (await send(server, { action: 'reject' }, asUri(uri))),
  changeEntityType: changeType,
  acceptAnnotation: async (server: ServerConnection, uri?: unknown) => void (await send(server, { action: 'accept' }, asUri(uri))),
  acceptAllAnnotations: async (server: ServerConnection, uri?: unknown) => void (await send(server, { action: 'acceptAll' }, asUri(uri))),
  setDateValue,
};
