import * as lsp from 'vscode-languageserver';
import { analysisOf, ServerContext } from '../context';
import { toRange } from '../toLsp';

/** Hover over a formula, its name or one of its items: what it is, its status and where the corpus uses it. */
export function registerHover(context: ServerContext): void {
  context.connection.onHover(async (params, token): Promise<lsp.Hover | null> => {
    const result = await analysisOf(context, params.textDocument.uri, token);
    if (!result) return null;
    const { analysis, settings } = result;
    const hover = context.service.hover(analysis, settings, analysis.lines.offsetAt(params.position));
    return hover ? { contents: { kind: lsp.MarkupKind.Markdown, value: hover.contents }, range: toRange(analysis, hover.range) } : null;
  });
}
