/**
 * Opt-in of plain text: a `plaintext` document whose path matches a glob of `newsAnnotator.files`
 * (default: .txt files under folders named news/ or articles/) becomes a news article. Never every .txt.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { errorText } from './messages';

/** Close-then-open of the same uri within this time is a language change, not a reopened file. */
const LANGUAGE_CHANGE_MS = 1000;

export function registerPlainTextOptIn(log: vscode.LogOutputChannel): vscode.Disposable {
  // Articles the user switched back to plain text: respected for the rest of the session.
  const optedOut = new Set<string>();
  const closedAsArticle = new Map<string, number>();

  const consider = (document: vscode.TextDocument): void => {
    if (document.languageId !== 'plaintext') return;
    const key = document.uri.toString();
    if (optedOut.has(key)) return;
    const closedAt = closedAsArticle.get(key);
    closedAsArticle.delete(key);
    if (closedAt !== undefined && Date.now() - closedAt < LANGUAGE_CHANGE_MS) {
      optedOut.add(key);
      return;
    }
    if (!matchesOptIn(document)) return;
    vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID).then(
      () => log.info(`Opened ${key} as a news article (newsAnnotator.files).`),
      (error) => log.warn(`Could not set the language of ${key}: ${errorText(error)}`),
    );
  };

  for (const document of vscode.workspace.textDocuments) consider(document);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(consider),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.languageId === LANGUAGE_ID) closedAsArticle.set(document.uri.toString(), Date.now());
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('newsAnnotator.files')) vscode.workspace.textDocuments.forEach(consider);
    }),
  );
}

function matchesOptIn(document: vscode.TextDocument): boolean {
  const globs = vscode.workspace.getConfiguration('newsAnnotator', document.uri).get<unknown>('files');
  if (!Array.isArray(globs)) return false;
  // VS Code's own glob matching against the document's path, as for any document selector.
  return globs.some((glob) => typeof glob === 'string' && glob.trim() !== '' && vscode.languages.match({ pattern: glob }, document) > 0);
}
