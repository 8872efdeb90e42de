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
function levelsThatFit(headings: Heading[], limit: number): number {
  let levels = 0;
  let total = 0;
  for (let level = headings; level.length && total + level.length <= limit; level = level.flatMap(h => h.children)) {
    total += level.length;
    levels++;
  }
  return levels;
}

function toSymbol(analysis: Analysis, heading: Heading, levels: number): OutlineSymbol {
  const { marker } = heading;
  return {
    name: marker.label + (heading.text || ''),
    characters: analysis.counter.count(heading.start, heading.end),
    inline: heading.inline,
    range: { start: heading.start, end: Math.max(heading.end, marker.textEnd) },
    selection: { start: marker.start, end: marker.textEnd },
    children: levels > 1 ? heading.children.map(child => toSymbol(analysis, child, levels - 1)) : [],
  };
}

/** The outline: one symbol per heading, nested as the speech nests them, at most `limit` of them. */
export function outline(analysis: Analysis, limit = MAX_OUTLINE_SYMBOLS): OutlineSymbol[] {
  const { headings } = analysis;
  const levels = levelsThatFit(headings, limit);
  return (levels ? headings : headings.slice(0, limit)).map(h => toSymbol(analysis, h, levels));
}
