/** The one table of client commands: every id in `ClientCommands` maps to its handler here. */
import * as vscode from 'vscode';
import { ClientCommands, LANGUAGE_ID } from '../../server/src/protocol';
import { removeAllBoilerplate } from './boilerplate';
import { convertScript } from './convert';
import { showEntities } from './entities';
import { exportAnnotations } from './exportAnnotations';
import type { ServerConnection } from './languageClient';
import { errorText, msg } from './messages';
import { corpusView } from './corpusView';
import { exportArticles, REVIEW_COMMANDS } from './review';

type Handler = (server: ServerConnection, ...args: unknown[]) => Promise<unknown>;

/** Arguments come from menus (a Uri) or tests; anything else is ignored. */
const asUri = (value: unknown): vscode.Uri | undefined => (value instanceof vscode.Uri ? value : undefined);

export const COMMANDS: Record<keyof typeof ClientCommands, Handler> = {
  convertToSimplified: (server, uri) => convertScript(server, 'simplified', asUri(uri)),
  convertToTraditional: (server, uri) => convertScript(server, 'traditional', asUri(uri)),
  convertToTaiwan: (server, uri) => convertScript(server, 'taiwan', asUri(uri)),
  convertToHongKong: (server, uri) => convertScript(server, 'hongkong', asUri(uri)),
  removeAllBoilerplate: (server, uri) => removeAllBoilerplate(server, asUri(uri)),
  showEntities: (server, uri) => showEntities(server, asUri(uri)),
  exportAnnotations: (server, uri, target) => exportAnnotations(server, asUri(uri), asUri(target)),
  annotateThisFile: (server, uri) => annotateThisFile(asUri(uri)),
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
  const document = uri
    ? await vscode.workspace.openTextDocument(uri)
    : vscode.window.activeTextEditor?.document;
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
