// The least an incremental language server can do, for `npm run bench` to compare the real one with:
// incremental sync into TextDocuments, diagnostics from one plain pass over the text on each change,
// a trivial outline and no folds. Run as `node bench/trivialServer.mjs --stdio`.
import lsp from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';

const { createConnection, DiagnosticSeverity, SymbolKind, TextDocuments, TextDocumentSyncKind } = lsp;

const connection = createConnection();
const documents = new TextDocuments(TextDocument);

/** One pass over the characters: a diagnostic at the first 【 (a placeholder), the lines counted. */
function plainPass(text) {
  let lines = 0;
  let bracket = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) lines++;
    else if (code === 0x3010 && bracket < 0) bracket = i;
  }
  return { lines, bracket };
}

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, documentSymbolProvider: true, foldingRangeProvider: true },
  serverInfo: { name: 'trivial-bench-server', version: '0.0.0' },
}));

documents.onDidChangeContent(({ document }) => {
  const { lines, bracket } = plainPass(document.getText());
  const diagnostics = bracket < 0 ? [] : [{
    range: { start: document.positionAt(bracket), end: document.positionAt(bracket + 1) },
    severity: DiagnosticSeverity.Warning, message: `${lines} lines`, source: 'trivial',
  }];
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
});

connection.onDocumentSymbol(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  if (!document) return null;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [{ name: 'document', kind: SymbolKind.File, range, selectionRange: range, children: [] }];
});

connection.onFoldingRanges(() => []);

documents.listen(connection);
connection.listen();
