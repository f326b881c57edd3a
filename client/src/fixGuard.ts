/**
 * Quick fixes that cannot land on a newer text than the one they were computed for.
 *
 * The server sends each fix as a versioned TextDocumentEdit, but vscode-languageclient drops the version when it
 * converts a code action, and VS Code applies a WorkspaceEdit to whatever the document holds by then. A fix offered
 * for version 7 and applied after an edit made version 8 would delete lines by their old positions: article text.
 * So every fix that carries an edit is handed to VS Code as a command that applies the edit only while the document
 * is still at the version the fix was computed for, and otherwise says so and changes nothing.
 */
import * as vscode from 'vscode';
import { msg } from './messages';

/** Internal command (not in the palette): arguments are built by `guardCodeActions` only. */
export const APPLY_FIX_COMMAND = 'newsAnnotator.applyFix';

/** What the fix was computed for, carried in the command's arguments. */
export interface GuardedFix {
  uri: string;
  version: number;
  edit: vscode.WorkspaceEdit;
  /** A command the original action also ran (after its edit). */
  then?: vscode.Command;
}

/**
 * Replaces the edit of every code action by the version-checked command; other actions pass unchanged. `version` is
 * the document's version when the actions were requested (the server computed them for that one).
 */
export function guardCodeActions(
  actions: (vscode.CodeAction | vscode.Command)[] | null | undefined,
  uri: vscode.Uri,
  version: number,
): (vscode.CodeAction | vscode.Command)[] | null | undefined {
  if (!actions) return actions;
  for (const action of actions) {
    if (!(action instanceof vscode.CodeAction) || !action.edit) continue;
    const fix: GuardedFix = { uri: uri.toString(), version, edit: action.edit, then: action.command };
    action.edit = undefined;
    action.command = { title: action.title, command: APPLY_FIX_COMMAND, arguments: [fix] };
  }
  return actions;
}

/** Applies a guarded fix; false (after telling the user) when the document changed or the edit was refused. */
export async function applyGuardedFix(fix: GuardedFix): Promise<boolean> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === fix.uri);
  if (!document || document.version !== fix.version) {
    void vscode.window.showWarningMessage(msg.fixOutdated());
    return false;
  }
  if (!(await vscode.workspace.applyEdit(fix.edit))) {
    void vscode.window.showWarningMessage(msg.editNotApplied());
    return false;
  }
  if (fix.then) await vscode.commands.executeCommand(fix.then.command, ...(fix.then.arguments ?? []));
  return true;
}

export function registerFixGuard(): vscode.Disposable {
  return vscode.commands.registerCommand(APPLY_FIX_COMMAND, (fix: GuardedFix) => applyGuardedFix(fix));
}
