import { Analysis } from '../analyze';
import { Heading } from '../structure';

/** A section that can fold: its heading line to its last line with text (0-based lines). */
export interface SectionFold {
  startLine: number;
  endLine: number;
}

/** The last line of a section that holds text, so blank lines before the next heading stay visible. */
function lastContentLine(analysis: Analysis, heading: Heading): number {
  let end = heading.end;
  while (end > heading.start && /\s/.test(analysis.text[end - 1])) end--;
  return analysis.lines.positionAt(end).line;
}

/** The sections that span more than their heading line, at most `limit` (what the client shows), in document order. */
export function sectionFolds(analysis: Analysis, limit = Infinity): SectionFold[] {
  const folds: SectionFold[] = [];
  const visit = (heading: Heading) => {
    if (folds.length >= limit) return;
    if (!heading.inline) {
      const startLine = analysis.lines.positionAt(heading.start).line;
      const endLine = lastContentLine(analysis, heading);
      if (endLine > startLine) folds.push({ startLine, endLine });
    }
    heading.children.forEach(visit);
  };
  analysis.headings.forEach(visit);
  return folds;
}
