import * as lsp from 'vscode-languageserver';
import { convertChinese } from '../../../core/src';
import { CONVERT_CHINESE, ConvertChineseParams } from '../../../protocol';
import { analysisOf, ServerContext } from '../context';
import { toTextEdit } from '../toLsp';

/** Traditional ⇄ simplified Chinese of a document or a selection, as edits of the characters that change. */
export function registerConvertChinese(context: ServerContext): void {
  context.connection.onRequest(CONVERT_CHINESE, async (params: ConvertChineseParams): Promise<lsp.TextEdit[]> => {
    const result = await analysisOf(context, params.uri);
    if (!result) return [];
    const { analysis } = result;
    const start = params.range ? analysis.lines.offsetAt(params.range.start) : 0;
    const end = params.range ? analysis.lines.offsetAt(params.range.end) : analysis.text.length;
    return convertChinese(analysis.text, start, end, params.to).map(edit => toTextEdit(analysis, edit));
  });
}
