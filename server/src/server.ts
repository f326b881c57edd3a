/**
 * The News Annotator language server: LSP plumbing only. Every handler finds the document and
 * delegates to the pure language service. Runs over IPC (VS Code) or stdio (Neovim, Helix, Emacs).
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  type CancellationToken,
  type SemanticTokensDeltaParams,
  type SemanticTokensParams,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  type MessageReader,
  type MessageWriter,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SiteIndex, type SiteRules } from './service/boilerplate';
import { FIX_ALL_KIND } from './service/features/codeActions';
import { assessText, createLanguageService, MAX_ARTICLE_CHARS, type ArticleContext } from './service/index';
import { toLocale } from './service/messages';
import { normaliseSettings } from './service/settings';
import { lazyRecognizer, overlayForWorker } from './node/model';
import { TokenResults } from './service/incremental/tokenDelta';
import { CONFIG_FILE, dictionaryKey, loadConfig, type LoadedConfig } from './node/config';
import { LARGE_DOCUMENT_CHARS, OffThreadAnalysis } from './node/offThread';
import { collectNow, collectSoon, noteMemory } from './node/memory';
import { guardedStdio } from './node/guardedReader';
import { KEEP_FILE, KeepStore, readSiblingArticles } from './node/workspaceFiles';
import { validPosition, validRange } from './service/positions';
import { Notifications, Requests, ServerCommands, type KeepBlockArgs } from './protocol';
import { createEntityRecognizer } from './service/entities';
import { registerAnnotationWorkflow, trackingDocuments } from './node/annotationHandlers';
import { guard as guardWith, guardRequest as guardRequestWith } from './node/requestGuard';
import { registerModelImprovement } from './node/modelHandlers';
import { IdleWarmUp, noticingReader, noticingWriter } from './node/idleWarmUp';
import { minorCollector, Nursery } from './node/nursery';
import { warmUpFraction } from './service/incremental/warmUp';

// Over stdio, a reader that survives malformed framing (a bad header, a message nested too deep).
const stdio = process.argv.includes('--stdio')
  ? guardedStdio((message) => process.stderr.write(`news-annotator: ${message}\n`))
  : undefined;
const ipc = !stdio && process.argv.includes('--node-ipc');
/**
 * After a document's first analysis, while the client sends nothing and the server answers nothing, a few private
 * keystrokes compile the edit path (node/idleWarmUp.ts). It must see every message, to stay out of the way, so it
 * runs where the server makes the reader and the writer: stdio and node IPC (VS Code). Twelve keystrokes, the first
 * into the title line (a whole detection): with six, V8 still compiled about 70 functions in the user's first 15
 * keystrokes on a 100 KB article; with these twelve, about 25 (docs/performance.md, eighth round).
 */
const WARM_UP_IDLE_MS = 500;
const WARM_UP_KEYSTROKES = 12;
const idleWarmUp = new IdleWarmUp(
  WARM_UP_IDLE_MS,
  stdio || ipc ? WARM_UP_KEYSTROKES : 0,
  (uri, version, keystroke) => warmUpSteps(uri, version, keystroke),
  (uri, version) => documents.get(uri)?.version === version && !pending.has(uri) && !analysing.has(uri),
  (message) => log(message),
);
/** The young generation emptied after each semantic tokens answer, before the next keystroke (node/nursery.ts). */
const nursery = new Nursery(minorCollector());
const noticed = (reader: MessageReader) =>
  noticingReader(reader, (message) => {
    idleWarmUp.activity();
    nursery.received(message);
  });
const noticing = (writer: MessageWriter) =>
  noticingWriter(writer, (message) => {
    idleWarmUp.activity();
    nursery.sent(message);
  });
const connection = stdio
  ? createConnection(ProposedFeatures.all, noticed(stdio.reader), noticing(stdio.writer))
  : ipc
    ? createConnection(ProposedFeatures.all, noticed(new IPCMessageReader(process)), noticing(new IPCMessageWriter(process)))
    : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(trackingDocuments(TextDocument));
const keepStore = new KeepStore();
/** One index of recurring lines per folder: a site's stories sit together, and folders of other sites must not count. */
const siteIndexes = new Map<string, SiteIndex>();
/** Folders whose article files have been read into their index. */
const readFolders = new Set<string>();
/** Folders whose article files are being read (indexFolder). */
const readingFolders = new Set<string>();
let rules: SiteRules | undefined;
let contextVersion = 0;
let workspaceRoots: string[] = [];
let canPullConfiguration = false;
let canRefreshTokens = false;
let canWatchFiles = false;
let dictionary = dictionaryKey([]);
let config: LoadedConfig | undefined;
/** Large documents are analysed in a child process (offThread.ts); the key of the analysis in flight for each. */
const offThread = new OffThreadAnalysis();
const analysing = new Map<string, string>();
/** Keep files already reported as malformed, so each is reported once until it changes. */
const reportedKeepProblems = new Set<string>();
const refused = new Map<string, string>();

/** A plain notification: unlike showWarningMessage (a request), it needs no answer from the client. */
const warn = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });

/** Whether the shipped model is wanted (setting entities.useModel). */
let useModel = true;

/**
 * The recogniser with the shipped model, opened on first use (views over the file, nothing decoded) or just after
 * `initialize` is answered, so the server is ready at once; a missing or incompatible model degrades to gazetteer
 * and patterns. Without the model (entities.useModel false) only the gazetteer, the patterns and the user's
 * dictionary are used.
 */
function recognizer(userDictionary: { text: string; type: 'PER' | 'ORG' | 'LOC' | 'MEDIA' }[] = config?.dictionary ?? []) {
  if (!useModel) return Object.assign(createEntityRecognizer({ userDictionary }), { warm: () => undefined });
  return lazyRecognizer({ userDictionary }, (message) =>
    connection.console.error(`entity model not loaded, using gazetteer and patterns only: ${message}`),
  );
}
let currentRecognizer = recognizer();
const tokenResults = new TokenResults();
/** Milliseconds of quiet typing before a document is re-validated (initializationOptions.validationDelay). */
let validationDelay: number | undefined;

const filePath = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

function siteIndexOf(uri: string): SiteIndex {
  const file = filePath(uri);
  const folder = file ? path.dirname(file) : '';
  let index = siteIndexes.get(folder);
  if (!index) siteIndexes.set(folder, (index = new SiteIndex()));
  return index;
}

const service = createLanguageService({
  recognizer: currentRecognizer,
  contextFor: (uri): ArticleContext => {
    const file = filePath(uri);
    const index = siteIndexOf(uri);
    return {
      kept: file ? keepStore.kept(file) : undefined,
      // Without another article in the folder every line recurs in 0 other files: no signal, and no look-up per line
      // at each whole boilerplate detection (a keystroke's).
      recurring: index.hasOthers(uri) ? index.recurring(uri) : undefined,
      recurringVersion: index.versionFor(uri),
      rules,
      version: contextVersion,
    };
  },
  reviewFor: (uri) => annotationWorkflow.reviewFor(uri),
});
const annotationWorkflow = registerAnnotationWorkflow(
  connection,
  documents,
  () => service,
  () => ({ roots: workspaceRoots, refreshTokens: canRefreshTokens }),
);

// News: Improve the Model from Reviewed Articles / Revert the Model (issue 13): an overlay over the shipped weights.
const modelImprovement = registerModelImprovement(connection, {
  roots: () => workspaceRoots,
  localize: (id, ...args) => service.localize(id, ...args),
  modelWanted: () => useModel,
  textOf: (file) => documents.get(pathToFileURL(file).toString())?.getText(),
  flushAnnotations: () => annotationWorkflow.flushAll(),
  reload: () => {
    service.setRecognizer((currentRecognizer = recognizer()));
    revalidateAll();
  },
});

/** The document if the service may analyse it; a refused file is reported once and left alone. */
function article(uri: string) {
  const doc = documents.get(uri);
  if (!doc || refused.has(uri)) return undefined;
  // A large document being analysed on the worker: answer empty now rather than analyse it here.
  if (doc.getText().length > LARGE_DOCUMENT_CHARS && !service.hasAnalysis(doc)) return undefined;
  return doc;
}

/** Sends a large document to the worker; its diagnostics are published when the article comes back. */
function analyseOffThread(doc: TextDocument) {
  const { key, context, settings } = service.analysisInput(doc);
  if (analysing.get(doc.uri) === key) return;
  analysing.set(doc.uri, key);
  const text = doc.getText();
  const recurring: [string, number][] = [];
  if (context?.recurring) {
    const seen = new Set<string>();
    for (const line of text.split(/\r\n|\r|\n/)) {
      const t = line.trim();
      if (!t || seen.has(t)) continue;
      seen.add(t);
      const n = context.recurring(t);
      if (n > 0) recurring.push([t, n]);
    }
  }
  offThread
    .analyse({
      text,
      dictionary: config?.dictionary ?? [],
      configFiles: config?.files ?? [],
      settings,
      kept: context?.kept ? [...context.kept] : undefined,
      recurring,
      modelOverlay: overlayForWorker(),
    })
    .then(
      (result) => {
        noteMemory('result received');
        if (analysing.get(doc.uri) === key) analysing.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (!current) return;
        service.adopt(doc.uri, key, result);
        noteMemory('adopted');
        collectNow();
        collectSoon();
        if (!service.hasAnalysis(current)) return scheduleValidation(doc.uri);
        void connection.sendDiagnostics({ uri: doc.uri, version: current.version, diagnostics: service.diagnostics(current) });
        noteMemory('diagnostics sent');
        idleWarmUp.add(doc.uri, current.version);
        if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
      },
      (e: Error) => {
        analysing.delete(doc.uri);
        connection.console.error(`analysis of ${doc.uri} failed: ${e.message}`);
      },
    );
}

/**
 * A request handler that is cancelled when the client cancels it ($/cancelRequest) or when its document changed
 * after the request was sent: it first lets the queued messages through, then answers only for the current version.
 */
const log = (message: string) => connection.console.error(message);
const versionOf = (uri: string) => documents.get(uri)?.version;
const guardRequest = <P, R>(name: string, fallback: R, fn: (params: P, token: CancellationToken) => R) =>
  guardRequestWith(versionOf, log, name, fallback, fn);
const guard = <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R) => guardWith(log, name, fallback, fn);

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { locale?: string; settings?: unknown; validationDelay?: number };
  if (typeof options.validationDelay === 'number' && options.validationDelay >= 0) validationDelay = options.validationDelay;
  service.setLocale(toLocale(options.locale ?? params.locale));
  if (options.settings !== undefined) applySettings(options.settings);
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canRefreshTokens = !!params.capabilities.workspace?.semanticTokens?.refreshSupport;
  canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  workspaceRoots = (params.workspaceFolders ?? []).map((f) => filePath(f.uri)).filter((p): p is string => !!p);
  if (!workspaceRoots.length && params.rootUri) workspaceRoots = [filePath(params.rootUri)].filter((p): p is string => !!p);
  loadWorkspaceConfig();
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      semanticTokensProvider: { legend: service.legend, full: { delta: true }, range: false },
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
  // Edits to the config and keep files take effect without a restart.
  if (canWatchFiles) {
    const watchers = [{ globPattern: `**/${CONFIG_FILE}` }, { globPattern: `**/${KEEP_FILE}` }];
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
  }
  // The workspace's improved-model overlay, if it has one, for when the model is opened (onDidOpen).
  modelImprovement.loadWorkspaceOverlay();
  if (canPullConfiguration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'newsAnnotator' }).catch(() => undefined);
    void pullSettings();
  }
});

function applySettings(raw: unknown) {
  const { settings, problems } = normaliseSettings(raw);
  service.setSettings(settings);
  if (settings.entities.useModel !== useModel) {
    useModel = settings.entities.useModel;
    service.setRecognizer((currentRecognizer = recognizer()));
  }
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

/** The config files of every workspace folder, merged (the same loader as the CLI's). */
function loadWorkspaceConfig() {
  config = loadConfig(
    workspaceRoots.map((root) => path.join(root, CONFIG_FILE)),
    (id, ...args) => service.localize(id, ...args),
  );
  rules = config.rules;
  for (const problem of config.problems) warn(service.localize('config.warn', problem));
  // An emptied dictionary clears the names it added.
  const key = dictionaryKey(config.dictionary);
  if (key !== dictionary) service.setRecognizer((currentRecognizer = recognizer(config.dictionary)));
  dictionary = key;
  contextVersion++;
}

connection.onDidChangeWatchedFiles(
  guard('didChangeWatchedFiles', undefined, (params) => {
    let configChanged = false;
    for (const change of params.changes) {
      const file = filePath(change.uri);
      if (!file) continue;
      if (path.basename(file) === KEEP_FILE) {
        keepStore.invalidate(file);
        reportedKeepProblems.delete(file);
      } else if (path.basename(file) === CONFIG_FILE) configChanged = true;
    }
    if (configChanged) loadWorkspaceConfig();
    contextVersion++;
    revalidateAll();
  }),
);

// Validation: debounced per document, so typing does not re-analyse on every keystroke.
const pending = new Map<string, NodeJS.Timeout>();
function scheduleValidation(uri: string, delay = 150) {
  clearTimeout(pending.get(uri));
  pending.set(
    uri,
    setTimeout(() => validate(uri), delay),
  );
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
        problem === 'binary'
          ? service.localize('file.binary', name)
          : service.localize(
              'file.tooLarge',
              name,
              doc.getText().length.toLocaleString('en-US'),
              MAX_ARTICLE_CHARS.toLocaleString('en-US'),
            );
      warn(message);
    }
    refused.set(uri, problem);
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
    return;
  }
  refused.delete(uri);
  reportKeepProblem(uri);
  // The folder index sees the open text once per validation (debounced), not on every keystroke.
  siteIndexOf(uri).set(uri, doc.getText());
  if (doc.getText().length > LARGE_DOCUMENT_CHARS && !service.hasAnalysis(doc)) {
    // Not before its folder's other articles are read (indexFolder): their recurring lines are part of the analysis's
    // key, so the answer would be thrown away and the megabyte analysed and taken in a second time.
    const file = filePath(uri);
    if (file && readingFolders.has(path.dirname(file))) return;
    return analyseOffThread(doc);
  }
  void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: service.diagnostics(doc) });
  void connection.sendNotification(Notifications.statusChanged, { uri });
  idleWarmUp.add(uri, doc.version);
});

/** One private keystroke into the document (service.warmUp), in steps; its answers are dropped, nothing is published. */
const warmUpSteps = (uri: string, version: number, keystroke: number) => {
  const doc = documents.get(uri);
  return doc && service.warmUp(doc, warmUpFraction(keystroke, WARM_UP_KEYSTROKES));
};

/** A keep file that does not read is said once; it is left as it is and nothing is added to it. */
function reportKeepProblem(uri: string) {
  const file = filePath(uri);
  if (!file) return;
  const problem = keepStore.problem(file);
  const keepFile = path.join(path.dirname(file), KEEP_FILE);
  if (!problem || reportedKeepProblems.has(keepFile)) return;
  reportedKeepProblems.add(keepFile);
  warn(service.localize('keep.malformed', keepFile, problem));
}

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
  readingFolders.add(dir);
  const index = siteIndexOf(uri);
  try {
    for (const [sibling, text] of await readSiblingArticles(dir)) {
      const siblingUri = pathToFileURL(sibling).toString();
      if (!documents.get(siblingUri)) index.set(siblingUri, text);
    }
  } finally {
    // Also when the read failed: a large document of the folder waits for this to be validated.
    readingFolders.delete(dir);
    contextVersion++;
    revalidateAll();
  }
}

documents.onDidOpen((e) => {
  // The model is opened when the first document the server analyses itself is opened, before its first validation
  // (debounced). A larger one goes to the analysis process, which reads its own: while only such documents are
  // open, the server leaves the model's 30 MB unread (docs/performance.md, tenth round).
  if (e.document.getText().length <= LARGE_DOCUMENT_CHARS) setImmediate(() => currentRecognizer.warm());
  void indexFolder(e.document.uri);
});
documents.onDidChangeContent((e) => {
  // Analysis is linear in the text; on a very large file, wait for a longer pause in typing.
  scheduleValidation(e.document.uri, validationDelay ?? 150 + Math.min(2000, e.document.getText().length / 1000));
});
documents.onDidClose((e) => {
  clearTimeout(pending.get(e.document.uri));
  idleWarmUp.forget(e.document.uri);
  service.close(e.document.uri);
  tokenResults.forget(e.document.uri);
  refused.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

/** Throws InvalidParams unless position (or range) has non-negative integer line and character. */
function checkPosition(position: unknown) {
  if (!validPosition(position)) throw new ResponseError(ErrorCodes.InvalidParams, `invalid position ${JSON.stringify(position)}`);
}
function checkRange(range: unknown) {
  if (!validRange(range)) throw new ResponseError(ErrorCodes.InvalidParams, `invalid range ${JSON.stringify(range)}`);
}

connection.onHover(
  guardRequest('hover', null, (p) => {
    checkPosition(p.position);
    const doc = article(p.textDocument.uri);
    return doc ? service.hover(doc, p.position) : null;
  }),
);
connection.languages.semanticTokens.on(
  guardRequest('semanticTokens', { data: [] }, (p: SemanticTokensParams) => {
    const doc = article(p.textDocument.uri);
    const out = doc ? tokenResults.full(doc.uri, service.semanticTokens(doc)) : { data: [] };
    noteMemory('tokens built');
    return out;
  }),
);
connection.languages.semanticTokens.onDelta(
  guardRequest('semanticTokensDelta', { data: [] }, (p: SemanticTokensDeltaParams) => {
    const doc = article(p.textDocument.uri);
    return doc ? tokenResults.delta(doc.uri, p.previousResultId, service.semanticTokens(doc)) : { data: [] };
  }),
);
connection.onCodeAction(
  guardRequest('codeAction', [], (p) => {
    checkRange(p.range);
    const doc = article(p.textDocument.uri);
    return doc ? service.codeActions(doc, p.range, p.context) : [];
  }),
);
connection.onDocumentSymbol(
  guardRequest('documentSymbol', [], (p) => {
    const doc = article(p.textDocument.uri);
    return doc ? service.documentSymbols(doc) : [];
  }),
);
connection.onFoldingRanges(
  guardRequest('foldingRanges', [], (p) => {
    const doc = article(p.textDocument.uri);
    return doc ? service.foldingRanges(doc) : [];
  }),
);
connection.onReferences(
  guardRequest('references', [], (p) => {
    checkPosition(p.position);
    const doc = article(p.textDocument.uri);
    return doc ? service.references(doc, p.position) : [];
  }),
);
connection.onDocumentHighlight(
  guardRequest('documentHighlight', [], (p) => {
    checkPosition(p.position);
    const doc = article(p.textDocument.uri);
    return doc ? service.documentHighlights(doc, p.position) : [];
  }),
);
connection.onWorkspaceSymbol(guardRequest('workspaceSymbol', [], (p) => service.workspaceSymbols(p.query)));
connection.languages.inlayHint.on(
  guardRequest('inlayHint', [], (p) => {
    checkRange(p.range);
    const doc = article(p.textDocument.uri);
    return doc ? service.inlayHints(doc, p.range) : [];
  }),
);

connection.onExecuteCommand(
  guard('executeCommand', undefined, (p) => {
    if (annotationWorkflow.commands.includes(p.command)) return annotationWorkflow.executeCommand(p);
    if (p.command !== ServerCommands.keepBlock) return;
    const args = p.arguments?.[0] as KeepBlockArgs | undefined;
    const file = args && typeof args.uri === 'string' ? filePath(args.uri) : undefined;
    if (!args || !file) throw new ResponseError(ErrorCodes.InvalidParams, 'keepBlock: expected {uri: "file:…", lines: string[]}');
    // Keep files are written only inside the workspace folders (or beside an open article when there are none).
    const roots = workspaceRoots.length ? workspaceRoots : documents.get(args.uri) ? [path.dirname(file)] : [];
    const result = keepStore.add(file, args.lines, roots);
    if (!result.ok) {
      if (result.reason === 'badLines') throw new ResponseError(ErrorCodes.InvalidParams, 'keepBlock: lines must be a list of strings');
      const message =
        result.reason === 'outside'
          ? service.localize('keep.outside', file)
          : result.reason === 'malformed'
            ? service.localize('keep.malformed', result.file, result.detail ?? '')
            : service.localize('keep.notWritten', result.file, result.detail ?? '');
      warn(message);
      return;
    }
    connection.console.info(`kept ${(args.lines as string[]).length} line(s) of ${path.basename(file)} in ${result.file}`);
    contextVersion++;
    revalidateAll();
  }),
);

connection.onRequest(
  Requests.convertScript,
  guardRequest('convertScript', null, (p) => {
    if (p.range !== undefined) checkRange(p.range);
    const doc = documents.get(p.uri);
    return doc ? service.convert(doc, p.target, p.range) : null;
  }),
);
connection.onRequest(
  Requests.convertBack,
  guardRequest('convertBack', null, (p) => {
    const doc = documents.get(p.uri);
    return doc ? service.convertBack(doc) : null;
  }),
);
connection.onRequest(
  Requests.articleStatus,
  guardRequest('articleStatus', null, (p) => {
    const doc = article(p.uri);
    return doc ? service.status(doc) : null;
  }),
);
connection.onRequest(
  Requests.removeAllBoilerplate,
  guardRequest('removeAllBoilerplate', null, (p) => {
    const doc = article(p.uri);
    return doc ? service.removeAllBoilerplate(doc) : null;
  }),
);
connection.onRequest(
  Requests.listEntities,
  guardRequest('listEntities', [], (p) => {
    const doc = article(p.uri);
    return doc ? service.listEntities(doc) : [];
  }),
);
connection.onRequest(
  Requests.exportAnnotations,
  guardRequest('exportAnnotations', null, (p) => {
    const doc = article(p.uri);
    return doc ? service.exportAnnotations(doc, filePath(p.uri) ?? p.uri) : null;
  }),
);

// A failed promise somewhere must not take the server (and every open article's features) down.
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${reason}`));

documents.listen(connection);
connection.listen();
