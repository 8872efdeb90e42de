import { Analysis } from '../analyze';
import { Heading } from '../structure';
import { TextRange } from '../text';

/** More symbols than this help no reader and cost the editor seconds: deeper levels are left out first. */
export const MAX_OUTLINE_SYMBOLS = 10_000;

/** One heading in the outline, with its section's character count. */
export interface OutlineSymbol {
  name: string;
  characters: number;
  /** Run in after a sentence (一是…), not at a line start. */
  inline: boolean;
  /** The whole section. */
  range: TextRange;
  /** The marker and the heading's text. */
  selection: TextRange;
  children: OutlineSymbol[];
}

/** How many levels of the outline fit in `limit` symbols (0: not even the top level). */
function levelsThatFit(analysis: Analysis, limit: number): number {
  const perLevel: number[] = [];
  for (let i = 0; i < analysis.outline.length; i++) {
    const level = analysis.outline.levelOf(i);
    perLevel[level - 1] = (perLevel[level - 1] ?? 0) + 1;
  }
  let levels = 0;
  let total = 0;
  while (levels < perLevel.length && total + (perLevel[levels] ?? 0) <= limit) total += perLevel[levels++] ?? 0;
  return levels;
}

function toSymbol(analysis: Analysis, heading: Heading): OutlineSymbol {
  const { marker } = heading;
  return {
    name: marker.label + (heading.text || ''),
    characters: analysis.counter.count(heading.start, heading.end),
    inline: heading.inline,
    range: { start: heading.start, end: Math.max(heading.end, marker.textEnd) },
    selection: { start: marker.start, end: marker.textEnd },
    children: [],
  };
}

/**
 * The outline: one symbol per heading, nested as the speech nests them, at most `limit` of them
 * (the levels that fit; when not even the top level does, its first `limit` headings). Read from the
 * compact headings in document order, so only the symbols shown are made.
 */
export function outline(analysis: Analysis, limit = MAX_OUTLINE_SYMBOLS): OutlineSymbol[] {
  const levels = levelsThatFit(analysis, limit);
  const shownLevels = Math.max(levels, 1);
  const roots: OutlineSymbol[] = [];
  /** The last symbol made at each level, the parent of the next one a level down. */
  const path: OutlineSymbol[] = [];
  for (let i = 0; i < analysis.outline.length; i++) {
    const level = analysis.outline.levelOf(i);
    if (level > shownLevels) continue;
    if (!levels && roots.length >= limit) break;
    const symbol = toSymbol(analysis, analysis.outline.heading(i));
    if (level === 1) roots.push(symbol);
    else path[level - 2].children.push(symbol);
    path[level - 1] = symbol;
  }
  return roots;
}
