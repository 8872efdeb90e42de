import * as lsp from 'vscode-languageserver';
import { analysisOf, ServerContext } from '../context';
import { toTextEdit } from '../toLsp';

/** Document and range formatting: Chinese punctuation and spacing, nothing else. */
export function registerFormatting(context: ServerContext): void {
  const format = async (uri: string, range?: lsp.Range): Promise<lsp.TextEdit[] | null> => {
    const result = await analysisOf(context, uri);
    const document = context.documents.get(uri);
    if (!result || !document) return null;
    const { analysis, settings } = result;
    const offsets = range && { start: analysis.lines.offsetAt(range.start), end: analysis.lines.offsetAt(range.end) };
    return context.service.format(analysis, settings, document.languageId, offsets).map(edit => toTextEdit(analysis, edit));
  };
  context.connection.onDocumentFormatting(params => format(params.textDocument.uri));
  context.connection.onDocumentRangeFormatting(params => format(params.textDocument.uri, params.range));
}
