/**
 * Every user-visible runtime string of the client, in one place. English is the key of
 * l10n/bundle.l10n.*.json; a unit test checks each literal below has a zh-tw and a zh-cn translation.
 */
import * as vscode from 'vscode';
import type { ConvertTarget } from '../../server/src/protocol';
import type { EntityType } from '../../server/src/service/types';

export const OUTPUT_CHANNEL_NAME = 'News Annotator';

export const msg = {
  serverNotRunning: () => vscode.l10n.t('The News Annotator language server is not running. See the "News Annotator" output for details.'),
  serverStartFailed: (detail: string) => vscode.l10n.t('The News Annotator language server could not start: {0}', detail),
  serverCrashed: (crashes: number) =>
    vscode.l10n.t(
      'The News Annotator language server stopped {0} times in the last 3 minutes and will not be restarted. See the "News Annotator" output for details.',
      crashes,
    ),
  showOutput: () => vscode.l10n.t('Show Output'),
  noArticle: () => vscode.l10n.t('Open a news article first (language mode "News Article").'),
  noTextEditor: () => vscode.l10n.t('Open a text file first.'),
  alreadyArticle: () => vscode.l10n.t('This file is already treated as a news article.'),
  documentChanged: () => vscode.l10n.t('The article changed while the server was working on it. Run the command again.'),
  editNotApplied: () => vscode.l10n.t('The change could not be applied to the article.'),
  fixOutdated: () => vscode.l10n.t('The article changed after this fix was offered, so nothing was removed. Apply the fix again.'),
  noResult: () => vscode.l10n.t('the server returned no result'),
  unexpected: (detail: string) => vscode.l10n.t('News Annotator: unexpected error: {0}', detail),

  convertFailed: (detail: string) => vscode.l10n.t('Could not convert the script: {0}', detail),
  converting: () => vscode.l10n.t('Converting the script…'),
  exporting: () => vscode.l10n.t('Exporting the annotations…'),
  nothingToConvertBack: () =>
    vscode.l10n.t('Nothing to convert back: no conversion of this article is remembered, or its lines have changed since.'),
  nothingToConvert: (target: ConvertTarget) => vscode.l10n.t('Nothing to convert: the text is already in {0}.', scriptName(target)),

  removeFailed: (detail: string) => vscode.l10n.t('Could not remove the boilerplate: {0}', detail),
  noBoilerplate: () => vscode.l10n.t('No boilerplate found that is safe to remove.'),
  removedBoilerplate: (blocks: number, unsure: number) =>
    (blocks === 1 ? vscode.l10n.t('Removed 1 boilerplate block.') : vscode.l10n.t('Removed {0} boilerplate blocks.', blocks)) +
    (unsure === 0
      ? ''
      : ' ' +
        (unsure === 1
          ? vscode.l10n.t('1 possible block is left for you to check in the Problems panel.')
          : vscode.l10n.t('{0} possible blocks are left for you to check in the Problems panel.', unsure))),

  listFailed: (detail: string) => vscode.l10n.t('Could not list the entities: {0}', detail),
  noEntities: () => vscode.l10n.t('No entities found in this article.'),
  pickEntity: () => vscode.l10n.t('Choose an entity to go to its first mention'),
  mentions: (count: number) => (count === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', count)),
  entityGroup: (type: EntityType) => entityGroupName(type),

  statusName: () => vscode.l10n.t('News article'),
  statusWaiting: () => vscode.l10n.t('Analysing…'),
  statusSettings: () => vscode.l10n.t('Settings'),
  statusScript: (script: 'traditional' | 'simplified' | 'mixed' | 'none') => articleScriptName(script),
  statusEntities: (n: number) => (n === 1 ? vscode.l10n.t('1 entity') : vscode.l10n.t('{0} entities', n)),
  statusBoilerplate: (n: number) => (n === 1 ? vscode.l10n.t('1 boilerplate block') : vscode.l10n.t('{0} boilerplate blocks', n)),
  statusMentions: (n: number) => (n === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', n)),
  statusPublished: (time: string) => vscode.l10n.t('published {0}', time),
  statusNoPublished: () => vscode.l10n.t('no publication time found'),
  statusModel: () => vscode.l10n.t('statistical model (research use)'),
  statusNoModel: () => vscode.l10n.t('model-free: known names, patterns and your dictionary'),

  exportFailed: (detail: string) => vscode.l10n.t('Could not export the annotations: {0}', detail),
  exportWhere: () => vscode.l10n.t('Where should the annotations be saved?'),
  exportNextToArticle: () => vscode.l10n.t('Next to the article'),
  exportChooseFile: () => vscode.l10n.t('Choose file…'),
  exportDialogTitle: () => vscode.l10n.t('Export Annotations'),
  exportSaveLabel: () => vscode.l10n.t('Export'),
  jsonFilter: () => vscode.l10n.t('JSON'),
  exported: (path: string) => vscode.l10n.t('Annotations exported to {0}.', path),
  open: () => vscode.l10n.t('Open'),
  writeFailed: (path: string, detail: string) => vscode.l10n.t('Could not write {0}: {1}', path, detail),
};

function scriptName(target: ConvertTarget): string {
  switch (target) {
    case 'simplified':
      return vscode.l10n.t('Simplified Chinese');
    case 'traditional':
      return vscode.l10n.t('Traditional Chinese');
    case 'taiwan':
      return vscode.l10n.t('Traditional Chinese (Taiwan)');
    case 'hongkong':
      return vscode.l10n.t('Traditional Chinese (Hong Kong)');
  }
}

function articleScriptName(script: 'traditional' | 'simplified' | 'mixed' | 'none'): string {
  switch (script) {
    case 'traditional':
      return vscode.l10n.t('Traditional');
    case 'simplified':
      return vscode.l10n.t('Simplified');
    case 'mixed':
      return vscode.l10n.t('Mixed scripts');
    case 'none':
      return vscode.l10n.t('No Chinese text');
  }
}

function entityGroupName(type: EntityType): string {
  switch (type) {
    case 'PER':
      return vscode.l10n.t('People');
    case 'ORG':
      return vscode.l10n.t('Organizations');
    case 'LOC':
      return vscode.l10n.t('Places');
    case 'MEDIA':
      return vscode.l10n.t('Media');
  }
}

/** The message of anything thrown, for showing to the user. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
