import { Connection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../core/src';
import { Analyses } from './analyses';
import { EditTracker } from './editTracker';
import { ServerContext } from './context';
import { CorpusService } from './corpus/userCorpus';
import { registerCodeActions } from './features/codeActions';
import { registerCompletion } from './features/completion';
import { registerCorpusIndex } from './features/corpusIndex';
import { registerDiagnostics } from './features/diagnostics';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerExportDocx } from './features/exportDocx';
import { registerCleanPastedText } from './features/cleanPastedText';
import { registerConvertChinese } from './features/convertChinese';
import { registerFolding } from './features/folding';
import { registerFormatting } from './features/formatting';
import { registerHover } from './features/hover';
import { registerPlaceholderFill } from './features/placeholderFill';
import { registerSemanticTokens, SEMANTIC_LEGEND } from './features/semanticTokens';
import { registerStatistics } from './features/statistics';
import { idleCollector } from './idleCollector';
import { SettingsStore } from './settings';

/** Serves speech drafts on a connection: every feature registered, the corpus mined as settings say. */
export function startServer(connection: Connection): void {
  const edits = new EditTracker();
  const documents = new TextDocuments({ create: TextDocument.create, update: edits.update });
  const settings = new SettingsStore(connection);
  const corpus = new CorpusService(connection);
  const host = { corpus: () => corpus.knowledge(), clientLocale: undefined as string | undefined };
  const service = createLanguageService(host);
  // One collection a pause, whichever edits or requests made the garbage.
  const collector = idleCollector();
  const analyses = new Analyses(service, settings, corpus, documents, collector, edits);
  const context: ServerContext = { connection, documents, settings, service, analyses, corpus, client: { foldingRangeLimit: Infinity, pullsDiagnostics: false, refreshesDiagnostics: false } };

  connection.onInitialize(params => {
    settings.supportsConfiguration = !!params.capabilities.workspace?.configuration;
    context.client.foldingRangeLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit ?? Infinity;
    context.client.pullsDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    context.client.refreshesDiagnostics = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    host.clientLocale = params.locale;
    corpus.supportsProgress = !!params.capabilities.window?.workDoneProgress;
    corpus.workspaceFolders = (params.workspaceFolders ?? []).filter(f => f.uri.startsWith('file:')).map(f => fileURLToPath(f.uri));
    const storagePath = (params.initializationOptions as { storagePath?: unknown } | undefined)?.storagePath;
    if (typeof storagePath === 'string') corpus.cacheDir = path.join(storagePath, 'corpus-cache');
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: '讲稿提纲' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        completionProvider: { triggerCharacters: ['（'] },
        hoverProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        ...(context.client.pullsDiagnostics && { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } }),
      },
      serverInfo: { name: 'speech-draft-server', version: '0.1.0' },
    };
  });

  registerDiagnostics(context);
  registerDocumentSymbols(context);
  registerFolding(context);
  registerCodeActions(context);
  registerPlaceholderFill(context);
  registerCompletion(context);
  registerHover(context);
  registerSemanticTokens(context);
  registerExportDocx(context);
  registerFormatting(context);
  registerStatistics(context);
  registerConvertChinese(context);
  registerCleanPastedText(context);
  registerCorpusIndex(context);

  // A failure in one handler is logged; it must not take the server, and every open document, down.
  process.on('unhandledRejection', error => connection.console.error(`unhandled: ${error instanceof Error ? error.stack : String(error)}`));

  documents.onDidChangeContent(() => collector.busy());

  documents.listen(connection);
  connection.listen();
}
