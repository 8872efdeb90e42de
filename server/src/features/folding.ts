import { FoldingRangeKind } from 'vscode-languageserver';
import { analysisOf, ServerContext } from '../context';

/** One folding range per section that spans more than its heading line, as many as the client shows. */
export function registerFolding(context: ServerContext): void {
  context.connection.onFoldingRanges(async (params, token) => {
    const result = await analysisOf(context, params.textDocument.uri, token);
    if (!result) return null;
    return context.service.sectionFolds(result.analysis, context.client.foldingRangeLimit)
      .map(fold => ({ ...fold, kind: FoldingRangeKind.Region }));
  });
}
