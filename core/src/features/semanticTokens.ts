// Colouring from the analysis itself, so that what is coloured as a heading, a placeholder or a
// formula is exactly what the outline and the diagnostics say (a TextMate grammar would copy the
// patterns and drift from them).
import { Analysis } from '../analyze';
import { GB_RANK } from '../markers';
import { Settings } from '../settings';
import { TextRange } from '../text';

export const SEMANTIC_TOKEN_TYPES = ['formula', 'headingMarker', 'heading', 'parallelMarker', 'placeholder'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['deprecated', 'level1', 'level2', 'level3', 'level4'] as const;

export type SemanticTokenType = typeof SEMANTIC_TOKEN_TYPES[number];
export type SemanticTokenModifier = typeof SEMANTIC_TOKEN_MODIFIERS[number];

export interface SemanticToken extends TextRange {
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

/**
 * The parts of `range` not covered by `holes` (sorted, disjoint), reading the holes from `from`;
 * returns where the next range, starting later, should read from.
 */
function around(range: TextRange, holes: readonly TextRange[], from: number, parts: TextRange[]): number {
  let next = from;
  while (next < holes.length && holes[next].end <= range.start) next++;
  let start = range.start;
  for (let i = next; i < holes.length && holes[i].start < range.end; i++) {
    if (holes[i].start > start) parts.push({ start, end: holes[i].start });
    start = Math.max(start, holes[i].end);
  }
  if (start < range.end) parts.push({ start, end: range.end });
  return next;
}

/** Merges two lists sorted by start. */
function merge(a: SemanticToken[], b: SemanticToken[]): SemanticToken[] {
  const merged: SemanticToken[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++]);
  return merged;
}

/** Adds a layer of tokens (sorted by start) where `taken` leaves room: what is taken already wins. */
function addLayer(taken: SemanticToken[], layer: SemanticToken[]): SemanticToken[] {
  const added: SemanticToken[] = [];
  let hole = 0;
  let layerEnd = 0;
  for (const token of layer) {
    // Within a layer, the first of two overlapping tokens wins.
    if (token.start < layerEnd || token.end <= token.start) continue;
    layerEnd = token.end;
    const parts: TextRange[] = [];
    hole = around(token, taken, hole, parts);
    for (const part of parts) added.push({ ...part, type: token.type, modifiers: token.modifiers });
  }
  return merge(taken, added);
}

const level = (rank: number) => `level${rank}` as SemanticTokenModifier;

/**
 * Placeholders first (a warning must show), then markers of the standard levels (一、（一）1.（1）)
 * by level and parallel markers (第一，一是 首先), then formulas, then the text of standard-level
 * headings; each where the ones before leave room. Placeholders and formulas only when their checks
 * are on. In document order, disjoint, none crossing a line (a heading's text ends at its line end).
 */
export function semanticTokens(analysis: Analysis, settings: Settings): SemanticToken[] {
  const placeholders: SemanticToken[] = settings.placeholdersEnabled ? analysis.placeholders.map(({ start, end }) => ({ start, end, type: 'placeholder', modifiers: [] })) : [];
  // Read from the compact headings: a million headings make no tree of heading objects here.
  const markers: SemanticToken[] = [];
  const headingTexts: SemanticToken[] = [];
  for (let i = 0; i < analysis.outline.length; i++) {
    const { marker } = analysis.outline.heading(i);
    const rank = GB_RANK[marker.kind];
    markers.push({ start: marker.start, end: marker.end, type: rank ? 'headingMarker' : 'parallelMarker', modifiers: rank ? [level(rank)] : [] });
    if (rank) headingTexts.push({ start: marker.textStart, end: marker.textEnd, type: 'heading', modifiers: [level(rank)] });
  }
  const formulas: SemanticToken[] = !settings.formulasEnabled ? [] : analysis.formulas.flatMap(formula => {
    const modifiers: SemanticTokenModifier[] = formula.entry?.status === 'superseded' ? ['deprecated'] : [];
    return (formula.named ? [formula] : formula.expansion!.items).map(({ start, end }) => ({ start, end, type: 'formula' as const, modifiers }));
  }).sort((a, b) => a.start - b.start);
  return [placeholders, markers, formulas, headingTexts].reduce(addLayer, []);
}
