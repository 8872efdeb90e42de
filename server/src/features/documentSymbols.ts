import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { Analysis, OutlineSymbol } from '../../../core/src';
import { analysisOf, ServerContext } from '../context';
import { toRange } from '../toLsp';

function toDocumentSymbol(analysis: Analysis, symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: `${symbol.characters}字`,
    kind: symbol.inline ? SymbolKind.Key : SymbolKind.String,
    range: toRange(analysis, symbol.range),
    selectionRange: toRange(analysis, symbol.selection),
    children: symbol.children.map(child => toDocumentSymbol(analysis, child)),
  };
}

/** The outline: one symbol per heading, nested as the speech nests them. */
export function registerDocumentSymbols(context: ServerContext): void {
  context.connection.onDocumentSymbol(async (params, token) => {
    const result = await analysisOf(context, params.textDocument.uri, token);
    if (!result) return null;
    return context.service.outline(result.analysis).map(symbol => toDocumentSymbol(result.analysis, symbol));
  });
}
