import { ConvertChineseRequest } from '../../../protocol';
import { analysisOf, ServerContext } from '../context';
import { toTextEdit } from '../toLsp';

/** Traditional ⇄ simplified Chinese of a document or a selection, as edits of the characters that change. */
export function registerConvertChinese(context: ServerContext): void {
  context.connection.onRequest(ConvertChineseRequest, async params => {
    const result = await analysisOf(context, params.uri);
    if (!result) return [];
    const { analysis } = result;
    const range = params.range && { start: analysis.lines.offsetAt(params.range.start), end: analysis.lines.offsetAt(params.range.end) };
    return context.service.convertChinese(analysis, range, params.to).map(edit => toTextEdit(analysis, edit));
  });
}
