import * as lsp from 'vscode-languageserver';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../../core/src';
import { analysisOf, ServerContext } from '../context';

/** Headings by level, parallel markers, placeholders and formulas, as the analysis finds them. */
export const SEMANTIC_LEGEND: lsp.SemanticTokensLegend = { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] };

export function registerSemanticTokens(context: ServerContext): void {
  context.connection.languages.semanticTokens.on(async (params, token) => {
    const result = await analysisOf(context, params.textDocument.uri, token);
    const builder = new lsp.SemanticTokensBuilder();
    if (!result) return builder.build();
    const { analysis, settings } = result;
    for (const token of context.service.semanticTokens(analysis, settings)) {
      // No token crosses a line.
      const start = analysis.lines.positionAt(token.start);
      const modifiers = token.modifiers.reduce((bits, modifier) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(modifier)), 0);
      builder.push(start.line, start.character, token.end - token.start, SEMANTIC_TOKEN_TYPES.indexOf(token.type), modifiers);
    }
    return builder.build();
  });
}
