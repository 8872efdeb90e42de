import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import { Analysis, Heading } from '../../../core/src';
import { analysisOf, ServerContext } from '../context';

/** The last line of a section that holds text, so blank lines before the next heading stay visible. */
function lastContentLine(analysis: Analysis, heading: Heading): number {
  let end = heading.end;
  while (end > heading.start && /\s/.test(analysis.text[end - 1])) end--;
  return analysis.lines.positionAt(end).line;
}

/** The folding ranges of the sections, at most `limit` (what the client says it shows), in document order. */
export function foldingRanges(analysis: Analysis, limit = Infinity): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const visit = (heading: Heading) => {
    if (ranges.length >= limit) return;
    if (!heading.inline) {
      const startLine = analysis.lines.positionAt(heading.start).line;
      const endLine = lastContentLine(analysis, heading);
      if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
    }
    heading.children.forEach(visit);
  };
  analysis.headings.forEach(visit);
  return ranges;
}

/** One folding range per section that spans more than its heading line. */
export function registerFolding(context: ServerContext): void {
  context.connection.onFoldingRanges(async params => {
    const result = await analysisOf(context, params.textDocument.uri);
    return result ? foldingRanges(result.analysis, context.client.foldingRangeLimit) : null;
  });
}
