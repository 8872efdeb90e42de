import * as lsp from 'vscode-languageserver';
import { formulaAt, formulaHover } from '../../../core/src';
import { analysisOf, ServerContext } from '../context';
import { toRange } from '../toLsp';

/** Hover over a formula, its name or one of its items: what it is, its status and where the corpus uses it. */
export function registerHover(context: ServerContext): void {
  context.connection.onHover(async (params): Promise<lsp.Hover | null> => {
    const result = await analysisOf(context, params.textDocument.uri);
    if (!result) return null;
    const { analysis, settings } = result;
    if (!settings.formulasEnabled) return null;
    const formula = formulaAt(analysis.formulas, analysis.lines.offsetAt(params.position));
    if (!formula) return null;
    const name = formula.entry?.name ?? formula.name;
    return {
      contents: { kind: lsp.MarkupKind.Markdown, value: formulaHover(formula, context.analyses.locale(settings), context.corpus.usage(name)) },
      range: toRange(analysis, formula),
    };
  });
}
