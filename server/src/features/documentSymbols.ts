import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { Analysis, Heading } from '../../../core/src';
import { analysisOf, ServerContext } from '../context';
import { toRange } from '../toLsp';

/** More symbols than this help no reader and cost the editor seconds: deeper levels are left out first. */
const MAX_SYMBOLS = 10_000;

/** How many levels of the outline fit in MAX_SYMBOLS (0: not even the top level). */
function levelsThatFit(headings: Heading[]): number {
  let levels = 0;
  let total = 0;
  for (let level = headings; level.length && total + level.length <= MAX_SYMBOLS; level = level.flatMap(h => h.children)) {
    total += level.length;
    levels++;
  }
  return levels;
}

function toSymbol(analysis: Analysis, heading: Heading, levels: number): DocumentSymbol {
  const { marker } = heading;
  return {
    name: marker.marker + (heading.text || ''),
    detail: `${analysis.counter.count(heading.start, heading.end)}字`,
    kind: heading.inline ? SymbolKind.Key : SymbolKind.String,
    range: toRange(analysis, { start: heading.start, end: Math.max(heading.end, marker.textEnd) }),
    selectionRange: toRange(analysis, { start: marker.start, end: marker.textEnd }),
    children: levels > 1 ? heading.children.map(child => toSymbol(analysis, child, levels - 1)) : [],
  };
}

/** The outline: one symbol per heading, nested as the speech nests them. */
export function registerDocumentSymbols(context: ServerContext): void {
  context.connection.onDocumentSymbol(async params => {
    const result = await analysisOf(context, params.textDocument.uri);
    if (!result) return null;
    const { headings } = result.analysis;
    const levels = levelsThatFit(headings);
    return (levels ? headings : headings.slice(0, MAX_SYMBOLS)).map(h => toSymbol(result.analysis, h, levels));
  });
}
