import { Analysis } from '../analyze';
import { placeholderContext, sameContextPlaceholders } from '../placeholders';
import { TextEdit } from '../text';

export interface PlaceholderFill {
  /** The placeholder with its context, e.g. `xx县`; empty when there is no placeholder there. */
  context: string;
  edits: TextEdit[];
}

/** Edits that fill the placeholder at an offset, and every other one in the same context (every `xx县`). */
export function fillPlaceholder(analysis: Analysis, offset: number, value: string): PlaceholderFill {
  const target = analysis.placeholders.find(p => p.start <= offset && offset <= p.end);
  if (!target) return { context: '', edits: [] };
  return {
    context: placeholderContext(analysis.text, target),
    edits: sameContextPlaceholders(analysis.text, analysis.placeholders, target).map(p => ({ start: p.start, end: p.end, newText: value })),
  };
}
