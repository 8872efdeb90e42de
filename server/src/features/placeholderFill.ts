import { placeholderContext, sameContextPlaceholders } from '../../../core/src';
import { FILL_PLACEHOLDER, FillPlaceholderParams, FillPlaceholderResult } from '../../../protocol';
import { analysisOf, ServerContext } from '../context';
import { toTextEdit } from '../toLsp';

/** Edits that fill the placeholder at a position, and every other one in the same context (every `xx县`). */
export function registerPlaceholderFill(context: ServerContext): void {
  context.connection.onRequest(FILL_PLACEHOLDER, async (params: FillPlaceholderParams): Promise<FillPlaceholderResult> => {
    const result = await analysisOf(context, params.uri);
    const none = { context: '', edits: [] };
    if (!result) return none;
    const { analysis } = result;
    const offset = analysis.lines.offsetAt(params.position);
    const target = analysis.placeholders.find(p => p.start <= offset && offset <= p.end);
    if (!target) return none;
    return {
      context: placeholderContext(analysis.text, target),
      edits: sameContextPlaceholders(analysis.text, analysis.placeholders, target)
        .map(p => toTextEdit(analysis, { start: p.start, end: p.end, newText: params.value })),
    };
  });
}
