/** The one table of client commands: every id in `ClientCommands` maps to its handler here. */
import * as vscode from 'vscode';
import { ClientCommands, LANGUAGE_ID } from '../../server/src/protocol';
import { EXTENSION_ID, SAMPLE_PATH, WALKTHROUGH_ID } from './identity';
import { removeAllBoilerplate } from './boilerplate';
import { convertBack, convertScript } from './convert';
import { showEntities } from './entities';
import { exportAnnotations } from './exportAnnotations';
import type { ServerConnection } from './languageClient';
import { errorText, msg } from './messages';
import { corpusView } from './corpusView';
import { exportArticles, REVIEW_COMMANDS } from './review';
import { improveModel, revertModel } from './model';
import { markInWorkspace, notAnEntityInWorkspace } from './workspaceReview';

/** A handler may return what it did (Remove All Boilerplate returns its report): executeCommand passes it on. */
type Handler = (server: ServerConnection, ...args: unknown[]) => Promise<unknown>;

/** Arguments come from menus (a Uri) or tests; anything else is ignored. */
const asUri = (value: unknown): vscode.Uri | undefined => (value instanceof vscode.Uri ? value : undefined);

export const COMMANDS: Record<keyof typeof ClientCommands, Handler> = {
  convertToSimplified: (server, uri) => convertScript(server, 'simplified', asUri(uri)),
  convertToTraditional: (server, uri) => convertScript(server, 'traditional', asUri(uri)),
  convertToTaiwan: (server, uri) => convertScript(server, 'taiwan', asUri(uri)),
  convertToHongKong: (server, uri) => convertScript(server, 'hongkong', asUri(uri)),
  convertBack: (server, uri) => convertBack(server, asUri(uri)),
  removeAllBoilerplate: (server, uri) => removeAllBoilerplate(server, asUri(uri)),
  showEntities: (server, uri) => showEntities(server, asUri(uri)),
  exportAnnotations: (server, uri, target) => exportAnnotations(server, asUri(uri), asUri(target)),
  annotateThisFile: (server, uri) => annotateThisFile(asUri(uri)),
  openSettings: async () => {
    await vscode.commands.executeCommand('workbench.action.openSettings', '@ext:' + EXTENSION_ID);
  },
  openSample: () => openSample(),
  openWalkthrough: async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false);
  },
  // annotation workflow (review.ts, corpusView.ts)
  markPerson: REVIEW_COMMANDS.markPerson,
  markOrganization: REVIEW_COMMANDS.markOrganization,
  markPlace: REVIEW_COMMANDS.markPlace,
  markMedia: REVIEW_COMMANDS.markMedia,
  markDate: REVIEW_COMMANDS.markDate,
  notAnEntity: REVIEW_COMMANDS.notAnEntity,
  changeEntityType: REVIEW_COMMANDS.changeEntityType,
  acceptAnnotation: REVIEW_COMMANDS.acceptAnnotation,
  acceptAllAnnotations: REVIEW_COMMANDS.acceptAllAnnotations,
  setDateValue: REVIEW_COMMANDS.setDateValue,
  exportArticles: (server, format, out) => exportArticles(server, () => corpusView(server).uris(), format, out),
  nextArticleToReview: (server) => corpusView(server).next(),
  refreshCorpus: (server) => corpusView(server).refresh(),
  markInWorkspace: (server, arg, label) => markInWorkspace(server, arg, label),
  notAnEntityInWorkspace: (server, arg) => notAnEntityInWorkspace(server, arg),
  improveModel: (server) => improveModel(server),
  revertModel: (server) => revertModel(server),
};

export function registerCommands(server: ServerConnection, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return (Object.keys(COMMANDS) as (keyof typeof ClientCommands)[]).map((name) =>
    vscode.commands.registerCommand(ClientCommands[name], async (...args: unknown[]) => {
      try {
        // The result goes back to the caller (tests and other extensions read it).
        return await COMMANDS[name](server, ...args);
      } catch (error) {
        log.error(`${ClientCommands[name]} failed: ${errorText(error)}`);
        void vscode.window.showErrorMessage(msg.unexpected(errorText(error)));
      }
    }),
  );
}

/** News: Annotate This File: the active (plain text) document becomes a news article. */
async function annotateThisFile(uri?: vscode.Uri): Promise<void> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showWarningMessage(msg.noTextEditor());
    return;
  }
  if (document.languageId === LANGUAGE_ID) {
    void vscode.window.showInformationMessage(msg.alreadyArticle());
    return;
  }
  await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
}

/** News: Open a Sample Article: the shipped sample as a new untitled article, so that trying things changes no file. */
async function openSample(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) return;
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, SAMPLE_PATH));
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(document);
}
