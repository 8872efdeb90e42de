import { FillPlaceholderRequest } from '../../../protocol';
import { analysisOf, ServerContext } from '../context';
import { toTextEdit } from '../toLsp';

/** Edits that fill the placeholder at a position, and every other one in the same context (every `xx县`). */
export function registerPlaceholderFill(context: ServerContext): void {
  context.connection.onRequest(FillPlaceholderRequest, async params => {
    const result = await analysisOf(context, params.uri);
    if (!result) return { context: '', edits: [] };
    const { analysis } = result;
    const fill = context.service.fillPlaceholder(analysis, analysis.lines.offsetAt(params.position), params.value);
    return { context: fill.context, edits: fill.edits.map(edit => toTextEdit(analysis, edit)) };
  });
}
