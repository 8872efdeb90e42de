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

/**
 * The sections that span more than their heading line, at most `limit` (what the client shows), in
 * document order; read from the compact headings, so a million headings make no million objects.
 */
export function sectionFolds(analysis: Analysis, limit = Infinity): SectionFold[] {
  const folds: SectionFold[] = [];
  for (let i = 0; i < analysis.outline.length && folds.length < limit; i++) {
    const heading = analysis.outline.heading(i);
    if (heading.inline) continue;
    const startLine = analysis.lines.positionAt(heading.start).line;
    const endLine = lastContentLine(analysis, heading);
    if (endLine > startLine) folds.push({ startLine, endLine });
  }
  return folds;
}
