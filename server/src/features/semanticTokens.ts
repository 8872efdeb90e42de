import * as lsp from 'vscode-languageserver';
import { analysisOf, ServerContext } from '../context';

/** Formulas stand out: their names, or the items of a formula written without its name. */
export const SEMANTIC_LEGEND: lsp.SemanticTokensLegend = { tokenTypes: ['formula'], tokenModifiers: ['deprecated'] };

export function registerSemanticTokens(context: ServerContext): void {
  context.connection.languages.semanticTokens.on(async params => {
    const result = await analysisOf(context, params.textDocument.uri);
    const builder = new lsp.SemanticTokensBuilder();
    if (!result) return builder.build();
    const { analysis, settings } = result;
    for (const token of context.service.formulaTokens(analysis, settings)) {
      // Tokens cannot cross lines; a formula never does.
      const start = analysis.lines.positionAt(token.start);
      builder.push(start.line, start.character, token.end - token.start, 0, token.superseded ? 1 : 0);
    }
    return builder.build();
  });
}
