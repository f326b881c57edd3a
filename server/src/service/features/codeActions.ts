import { CodeActionKind, type CodeAction, type CodeActionContext, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { Article } from '../article';
import { removalEdits } from '../edits';
import { kindLabel, type Localize } from '../messages';
import { DIAGNOSTIC_SOURCE, ServerCommands, type KeepBlockArgs } from '../contract';
import type { BoilerplateBlock } from '../types';
import { blockRange, getDiagnostics } from './diagnostics';
import type { NewsAnnotatorSettings } from '../contract';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.newsAnnotator`;

interface Doc {
  uri: string;
  version: number;
}

/** A versioned edit: a client applies it only to the version it was computed for. */
export function versionedEdit(doc: Doc, article: Article, blocks: readonly BoilerplateBlock[]): WorkspaceEdit {
  return {
    documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: removalEdits(article.lines, blocks) }],
  };
}

/** "Remove all" takes only confident blocks: a guess never goes out in bulk. */
export const removableBlocks = (article: Article) => article.blocks.filter((b) => b.confident);

export function removeAllEdit(doc: Doc, article: Article): WorkspaceEdit | null {
  const blocks = removableBlocks(article);
  return blocks.length ? versionedEdit(doc, article, blocks) : null;
}

const overlaps = (a: Range, b: Range) =>
  !(
    a.end.line < b.start.line ||
    (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line ||
    (b.end.line === a.start.line && b.end.character < a.start.character)
  );

const wants = (only: string[] | undefined, kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));

export function getCodeActions(
  doc: Doc,
  article: Article,
  range: Range,
  context: CodeActionContext,
  settings: NewsAnnotatorSettings,
  t: Localize,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const all = removableBlocks(article);
  if (wants(context.only, FIX_ALL_KIND) && context.only && all.length) {
    actions.push({ title: t('fix.removeAll', all.length), kind: FIX_ALL_KIND, edit: versionedEdit(doc, article, all) });
  }
  if (!wants(context.only, CodeActionKind.QuickFix)) return actions;

  const diagnostics = getDiagnostics(article, settings, t);
  const here = article.blocks.filter((b) => overlaps(blockRange(article, b), range));
  for (const block of here) {
    const diagnostic = diagnostics.find(
      (d) => d.source === DIAGNOSTIC_SOURCE && (d.data as BoilerplateBlock).startLine === block.startLine,
    );
    const label = kindLabel(t, block.kind);
    const diags = diagnostic ? [diagnostic] : undefined;
    actions.push({
      title: t('fix.removeBlock', label),
      kind: CodeActionKind.QuickFix,
      isPreferred: true,
      diagnostics: diags,
      edit: versionedEdit(doc, article, [block]),
    });
    const sameKind = article.blocks.filter((b) => b.kind === block.kind && (b.confident || b === block));
    if (sameKind.length > 1) {
      actions.push({
        title: t('fix.removeKind', label, sameKind.length),
        kind: CodeActionKind.QuickFix,
        diagnostics: diags,
        edit: versionedEdit(doc, article, sameKind),
      });
    }
    if (all.length > 1) {
      actions.push({
        title: t('fix.removeAll', all.length),
        kind: CodeActionKind.QuickFix,
        diagnostics: diags,
        edit: versionedEdit(doc, article, all),
      });
    }
    const args: KeepBlockArgs = { uri: doc.uri, lines: blockLines(article, block) };
    actions.push({
      title: t('fix.keep'),
      kind: CodeActionKind.QuickFix,
      diagnostics: diags,
      command: { title: t('fix.keep'), command: ServerCommands.keepBlock, arguments: [args] },
    });
  }
  return actions;
}

export function blockLines(article: Article, block: BoilerplateBlock): string[] {
  const out: string[] = [];
  for (let l = block.startLine; l <= block.endLine; l++) {
    const text = article.lines.line(l).trim();
    if (text) out.push(text);
  }
  return out;
}
