import * as lsp from 'vscode-languageserver';
import { formatEdits } from '../../../core/src';
import { analysisOf, ServerContext } from '../context';
import { toTextEdit } from '../toLsp';

/** Document and range formatting: Chinese punctuation and spacing, nothing else. */
export function registerFormatting(context: ServerContext): void {
  const format = async (uri: string, range?: lsp.Range): Promise<lsp.TextEdit[] | null> => {
    const result = await analysisOf(context, uri);
    if (!result) return null;
    const { analysis, settings } = result;
    const document = context.documents.get(uri);
    const edits = formatEdits(analysis.text, {
      markdown: document?.languageId === 'markdown',
      arabicDunToDot: settings.arabicDunToDot,
      range: range && { start: analysis.lines.offsetAt(range.start), end: analysis.lines.offsetAt(range.end) },
    });
    return edits.map(edit => toTextEdit(analysis, edit));
  };
  context.connection.onDocumentFormatting(params => format(params.textDocument.uri));
  context.connection.onDocumentRangeFormatting(params => format(params.textDocument.uri, params.range));
}
