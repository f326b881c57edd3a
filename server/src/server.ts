/**
 * The News Annotator language server: LSP plumbing only. Every handler finds the document and
 * delegates to the pure language service. Runs over IPC (VS Code) or stdio (Neovim, Helix, Emacs).
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SiteIndex, parseSiteRules, type SiteRules } from './service/boilerplate';
import { createEntityRecognizer } from './service/entities';
import { FIX_ALL_KIND } from './service/features/codeActions';
import { assessText, createLanguageService, type ArticleContext } from './service/index';
import { toLocale } from './service/messages';
import { normaliseSettings } from './service/settings';
import { loadNerModel } from './node/model';
import { CONFIG_FILE, KeepStore, readSiblingArticles, readWorkspaceConfig } from './node/workspaceFiles';
import { Requests, ServerCommands, type ConvertParams, type KeepBlockArgs } from './protocol';
import { registerAnnotationWorkflow, trackingDocuments } from './node/annotationHandlers';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(trackingDocuments(TextDocument));
const keepStore = new KeepStore();
/** One index of recurring lines per folder: a site's stories sit together, and folders of other sites must not count. */
const siteIndexes = new Map<string, SiteIndex>();
/** Folders whose article files have been read into their index. */
const readFolders = new Set<string>();
let rules: SiteRules | undefined;
let contextVersion = 0;
let workspaceRoots: string[] = [];
let canPullConfiguration = false;
let canRefreshTokens = false;
const refused = new Map<string, string>();

/** A plain notification: unlike showWarningMessage (a request), it needs no answer from the client. */
const warn = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });

/** The recogniser with the shipped model; a missing or incompatible model degrades to gazetteer and patterns. */
function recognizer(userDictionary?: { text: string; type: 'PER' | 'ORG' | 'LOC' | 'MEDIA' }[]) {
  try {
    return createEntityRecognizer({ model: loadNerModel(), userDictionary });
  } catch (e) {
    connection.console.error(`entity model not loaded, using gazetteer and patterns only: ${(e as Error).message}`);
    return createEntityRecognizer({ userDictionary });
  }
}

const filePath = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

function siteIndexOf(uri: string): SiteIndex {
  const file = filePath(uri);
  const folder = file ? path.dirname(file) : '';
  let index = siteIndexes.get(folder);
  if (!index) siteIndexes.set(folder, (index = new SiteIndex()));
  return index;
}

const service = createLanguageService({
  recognizer: recognizer(),
  contextFor: (uri): ArticleContext => {
    const file = filePath(uri);
    return { kept: file ? keepStore.kept(file) : undefined, recurring: siteIndexOf(uri).recurring(uri), rules, version: contextVersion };
  },
  reviewFor: (uri) => annotationWorkflow.reviewFor(uri),
});
const annotationWorkflow = registerAnnotationWorkflow(connection, documents, () => service, () => ({ roots: workspaceRoots, refreshTokens: canRefreshTokens }));

/** The document if the service may analyse it; a refused file is reported once and left alone. */
function article(uri: string) {
  const doc = documents.get(uri);
  if (!doc || refused.has(uri)) return undefined;
  return doc;
}

function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };
}

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { locale?: string; settings?: unknown };
  service.setLocale(toLocale(options.locale ?? params.locale));
  if (options.settings !== undefined) applySettings(options.settings);
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canRefreshTokens = !!params.capabilities.workspace?.semanticTokens?.refreshSupport;
  workspaceRoots = (params.workspaceFolders ?? []).map((f) => filePath(f.uri)).filter((p): p is string => !!p);
  if (!workspaceRoots.length && params.rootUri) workspaceRoots = [filePath(params.rootUri)].filter((p): p is string => !!p);
  loadWorkspaceConfig();
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      semanticTokensProvider: { legend: service.legend, full: true, range: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, ...annotationWorkflow.codeActionKinds] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      workspaceSymbolProvider: true,
      inlayHintProvider: true,
      executeCommandProvider: { commands: [ServerCommands.keepBlock, ...annotationWorkflow.commands] },
    },
    serverInfo: { name: 'news-annotator' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'newsAnnotator' }).catch(() => undefined);
    void pullSettings();
  }
});

function applySettings(raw: unknown) {
  const { settings, problems } = normaliseSettings(raw);
  service.setSettings(settings);
  for (const p of problems) warn(service.localize('settings.invalid', p.key, p.problem));
}

async function pullSettings() {
  try {
    const [raw] = await connection.workspace.getConfiguration([{ section: 'newsAnnotator' }]);
    applySettings(raw ?? {});
  } catch (e) {
    connection.console.error(`reading settings failed: ${(e as Error).message}`);
  }
  revalidateAll();
}

connection.onDidChangeConfiguration((change) => {
  if (canPullConfiguration) void pullSettings();
  else {
    applySettings((change.settings as { newsAnnotator?: unknown } | undefined)?.newsAnnotator ?? {});
    revalidateAll();
  }
});

function loadWorkspaceConfig() {
  let dictionary: { text: string; type: 'PER' | 'ORG' | 'LOC' | 'MEDIA' }[] = [];
  rules = undefined;
  for (const root of workspaceRoots) {
    const config = readWorkspaceConfig(path.join(root, CONFIG_FILE));
    if (!config) continue;
    dictionary = dictionary.concat(config.dictionary);
    const parsed = parseSiteRules(config.rules);
    rules = parsed.rules;
    for (const err of [...config.errors, ...parsed.errors]) {
      warn(service.localize('rules.invalid', CONFIG_FILE, err));
    }
  }
  if (dictionary.length) service.setRecognizer(recognizer(dictionary));
  contextVersion++;
}

connection.onDidChangeWatchedFiles(() => {
  loadWorkspaceConfig();
  revalidateAll();
});

// Validation: debounced per document, so typing does not re-analyse on every keystroke.
const pending = new Map<string, NodeJS.Timeout>();
function scheduleValidation(uri: string, delay = 150) {
  clearTimeout(pending.get(uri));
  pending.set(uri, setTimeout(() => validate(uri), delay));
}

const validate = guard('validate', undefined, (uri: string) => {
  pending.delete(uri);
  const doc = documents.get(uri);
  if (!doc) return;
  const problem = assessText(doc.getText());
  if (problem) {
    if (!refused.has(uri)) {
      const name = path.basename(filePath(uri) ?? uri);
      const message =
        problem === 'binary' ? service.localize('file.binary', name) : service.localize('file.tooLarge', name, (doc.getText().length / 1e6).toFixed(1), 10);
      warn(message);
    }
    refused.set(uri, problem);
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
    return;
  }
  refused.delete(uri);
  // The folder index sees the open text once per validation (debounced), not on every keystroke.
  siteIndexOf(uri).set(uri, doc.getText());
  void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: service.diagnostics(doc) });
});

function revalidateAll() {
  for (const doc of documents.all()) scheduleValidation(doc.uri, 0);
  if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
}

/** Index the folder's other articles once, for the recurring-line signal, then re-check its open files. */
async function indexFolder(uri: string) {
  const file = filePath(uri);
  if (!file) return;
  const dir = path.dirname(file);
  if (readFolders.has(dir)) return;
  readFolders.add(dir);
  const index = siteIndexOf(uri);
  for (const [sibling, text] of await readSiblingArticles(dir)) {
    const siblingUri = pathToFileURL(sibling).toString();
    if (!documents.get(siblingUri)) index.set(siblingUri, text);
  }
  contextVersion++;
  revalidateAll();
}

documents.onDidOpen((e) => {
  void indexFolder(e.document.uri);
});
documents.onDidChangeContent((e) => {
  // Analysis is linear in the text; on a very large file, wait for a longer pause in typing.
  scheduleValidation(e.document.uri, 150 + Math.min(2000, e.document.getText().length / 1000));
});
documents.onDidClose((e) => {
  clearTimeout(pending.get(e.document.uri));
  service.close(e.document.uri);
  refused.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onHover(guard('hover', null, (p) => {
  const doc = article(p.textDocument.uri);
  return doc ? service.hover(doc, p.position) : null;
}));
connection.languages.semanticTokens.on(guard('semanticTokens', { data: [] }, (p) => {
  const doc = article(p.textDocument.uri);
  return doc ? service.semanticTokens(doc) : { data: [] };
}));
connection.onCodeAction(guard('codeAction', [], (p) => {
  const doc = article(p.textDocument.uri);
  return doc ? service.codeActions(doc, p.range, p.context) : [];
}));
connection.onDocumentSymbol(guard('documentSymbol', [], (p) => {
  const doc = article(p.textDocument.uri);
  return doc ? service.documentSymbols(doc) : [];
}));
connection.onFoldingRanges(guard('foldingRanges', [], (p) => {
  const doc = article(p.textDocument.uri);
  return doc ? service.foldingRanges(doc) : [];
}));
connection.onReferences(guard('references', [], (p) => {
  const doc = article(p.textDocument.uri);
  return doc ? service.references(doc, p.position) : [];
}));
connection.onDocumentHighlight(guard('documentHighlight', [], (p) => {
  const doc = article(p.textDocument.uri);
  return doc ? service.documentHighlights(doc, p.position) : [];
}));
connection.onWorkspaceSymbol(guard('workspaceSymbol', [], (p) => service.workspaceSymbols(p.query)));
connection.languages.inlayHint.on(guard('inlayHint', [], (p) => {
  const doc = article(p.textDocument.uri);
  return doc ? service.inlayHints(doc, p.range) : [];
}));

connection.onExecuteCommand(guard('executeCommand', undefined, (p) => {
  if (annotationWorkflow.commands.includes(p.command)) return annotationWorkflow.executeCommand(p);
  if (p.command !== ServerCommands.keepBlock) return;
  const args = p.arguments?.[0] as KeepBlockArgs | undefined;
  const file = args && filePath(args.uri);
  if (!args || !file || !Array.isArray(args.lines)) return;
  const where = keepStore.add(file, args.lines);
  connection.console.info(`kept ${args.lines.length} line(s) of ${path.basename(file)} in ${where}`);
  contextVersion++;
  revalidateAll();
}));

connection.onRequest(Requests.convertScript, guard('convertScript', null, (p: ConvertParams) => {
  const doc = documents.get(p.uri);
  return doc ? service.convert(doc, p.target, p.range) : null;
}));
connection.onRequest(Requests.removeAllBoilerplate, guard('removeAllBoilerplate', null, (p: { uri: string }) => {
  const doc = article(p.uri);
  return doc ? service.removeAllBoilerplate(doc) : null;
}));
connection.onRequest(Requests.listEntities, guard('listEntities', [], (p: { uri: string }) => {
  const doc = article(p.uri);
  return doc ? service.listEntities(doc) : [];
}));
connection.onRequest(Requests.exportAnnotations, guard('exportAnnotations', null, (p: { uri: string }) => {
  const doc = article(p.uri);
  return doc ? service.exportAnnotations(doc, filePath(p.uri) ?? p.uri) : null;
}));

// A failed promise somewhere must not take the server (and every open article's features) down.
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${reason}`));

documents.listen(connection);
connection.listen();
