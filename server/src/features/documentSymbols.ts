import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { Analysis, Heading } from '../../../core/src';
import { analysisOf, ServerContext } from '../context';
import { toRange } from '../convert';

function toSymbol(analysis: Analysis, heading: Heading): DocumentSymbol {
  const { marker } = heading;
  return {
    name: marker.marker + (heading.text || ''),
    detail: `${analysis.counter.count(heading.start, heading.end)}字`,
    kind: heading.inline ? SymbolKind.Key : SymbolKind.String,
    range: toRange(analysis, { start: heading.start, end: Math.max(heading.end, marker.textEnd) }),
    selectionRange: toRange(analysis, { start: marker.start, end: marker.textEnd }),
    children: heading.children.map(child => toSymbol(analysis, child)),
  };
}

/** The outline: one symbol per heading, nested as the speech nests them. */
export function registerDocumentSymbols(context: ServerContext): void {
  context.connection.onDocumentSymbol(async params => {
    const result = await analysisOf(context, params.textDocument.uri);
    return result ? result.analysis.headings.map(h => toSymbol(result.analysis, h)) : null;
  });
}
