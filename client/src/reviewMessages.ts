/** The annotation workflow's runtime strings (English keys of l10n/bundle.l10n.*.json). */
import * as vscode from 'vscode';

export const reviewMsg = {
  failed: (detail: string) => vscode.l10n.t('Could not change the annotation: {0}', detail),
  selectText: () => vscode.l10n.t('Select the text of the name or date first.'),
  noAnnotationHere: () => vscode.l10n.t('There is no entity or date at the cursor.'),
  pickType: () => vscode.l10n.t('Change the type to'),
  datePrompt: () => vscode.l10n.t('Value of the date, e.g. 2025-07-03, 2025-07, 2025-07-03T09:50, 2025-Q3 or UNKNOWN'),
  dateInvalid: () => vscode.l10n.t('Not a date value of the form 2025-07-03, 2025-07, 2025-07-03T09:50, 2025-Q3, 2025-SU or UNKNOWN.'),
  pickFormat: () => vscode.l10n.t('Export the annotated articles as'),
  formatDescription: (format: string) => {
    switch (format) {
      case 'brat':
        return vscode.l10n.t('brat standoff: .txt, .ann and annotation.conf');
      case 'conll':
        return vscode.l10n.t('character-level CoNLL (BIOES), for NER training');
      case 'doccano':
        return vscode.l10n.t('doccano JSONL (UTF-16 offsets)');
      case 'labelstudio':
        return vscode.l10n.t('Label Studio tasks (JSON)');
      default:
        return vscode.l10n.t('JSON lines with status and reviewer');
    }
  },
  exported: (articles: number, annotations: number, folder: string) =>
    vscode.l10n.t('Exported {0} articles with {1} annotations to {2}.', articles, annotations, folder),
  reviewedProgress: (reviewed: number, total: number) => vscode.l10n.t('Reviewed {0}/{1}', reviewed, total),
  progressTooltip: () => vscode.l10n.t('Articles reviewed in this workspace. Click for the next article to review.'),
  stateNotStarted: () => vscode.l10n.t('not started'),
  stateInProgress: () => vscode.l10n.t('in progress'),
  stateReviewed: () => vscode.l10n.t('reviewed'),
  boilerplateLeft: (n: number) => vscode.l10n.t('{0} boilerplate blocks left', n),
  allReviewed: () => vscode.l10n.t('Every article of the workspace is reviewed.'),
  noArticles: () => vscode.l10n.t('No news articles found in this workspace.'),
  markWorkspaceAs: () => vscode.l10n.t('Mark every occurrence in the workspace as'),
  date: () => vscode.l10n.t('Date'),
  undo: () => vscode.l10n.t('Undo'),
};
