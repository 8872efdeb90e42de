import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses } from './analyses';
import { ServerContext } from './context';
import { registerCodeActions } from './features/codeActions';
import { registerDiagnostics } from './features/diagnostics';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerFolding } from './features/folding';
import { registerPlaceholderFill } from './features/placeholderFill';
import { SettingsStore } from './settings';

// The connection reads --stdio (or --node-ipc, --socket) from the command line.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsStore(connection);
const analyses = new Analyses(settings);
const context: ServerContext = { connection, documents, settings, analyses };

connection.onInitialize(params => {
  settings.supportsConfiguration = !!params.capabilities.workspace?.configuration;
  analyses.clientLocale = params.locale;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: '讲稿提纲' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'speech-draft-server', version: '0.1.0' },
  };
});

registerDiagnostics(context);
registerDocumentSymbols(context);
registerFolding(context);
registerCodeActions(context);
registerPlaceholderFill(context);

documents.listen(connection);
connection.listen();
