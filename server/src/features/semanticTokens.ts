import * as lsp from 'vscode-languageserver';
import { analysisOf, ServerContext } from '../context';

/** Formulas stand out: their names, or the items of a formula written without its name. */
export const SEMANTIC_LEGEND: lsp.SemanticTokensLegend = { tokenTypes: ['formula'], tokenModifiers: ['deprecated'] };

export function registerSemanticTokens(context: ServerContext): void {
  context.connection.languages.semanticTokens.on(async params => {
    const result = await analysisOf(context, params.textDocument.uri);
    const builder = new lsp.SemanticTokensBuilder();
    if (!result || !result.settings.formulasEnabled) return builder.build();
    const { analysis } = result;
    for (const formula of analysis.formulas) {
      const deprecated = formula.entry?.status === 'superseded' ? 1 : 0;
      const spans = formula.named ? [formula] : formula.expansion!.items;
      for (const span of spans) {
        // Tokens cannot cross lines; a formula never does.
        const start = analysis.lines.positionAt(span.start);
        builder.push(start.line, start.character, span.end - span.start, 0, deprecated);
      }
    }
    return builder.build();
  });
}
