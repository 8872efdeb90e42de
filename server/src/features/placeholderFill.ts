import { placeholderContext, sameContextPlaceholders } from '../../../core/src';
import { FILL_PLACEHOLDER, FillPlaceholderParams, FillPlaceholderResult } from '../../../protocol';
import { ServerContext } from '../context';
import { toTextEdit } from '../convert';

/** Edits that fill the placeholder at a position, and every other one in the same context (every `xx县`). */
export function registerPlaceholderFill({ connection, documents, analyses }: ServerContext): void {
  connection.onRequest(FILL_PLACEHOLDER, async (params: FillPlaceholderParams): Promise<FillPlaceholderResult> => {
    const document = documents.get(params.uri);
    const result = document && (await analyses.get(document));
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
