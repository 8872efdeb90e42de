import { MarkerKind, sequenceWord } from '../markers';
import { formatChineseNumeral } from '../numerals';
import { Heading } from '../structure';
import { LineIndex } from '../text';

export interface Continuation {
  marker: string;
  kind: MarkerKind;
  /** The heading it follows (next sibling) or opens under (first child); none for a first 一、. */
  after?: Heading;
  relation: 'next' | 'child' | 'first';
  start: number;
  end: number;
}

/** The marker of a kind with a number (1 or more), in the standard's form: （一）, not (一). */
export function markerFor(kind: MarkerKind, value: number): string {
  const cn = formatChineseNumeral(value);
  switch (kind) {
    case 'cn-dun': return `${cn}、`;
    case 'cn-paren': return `（${cn}）`;
    case 'arabic-dot': return `${value}.`;
    case 'arabic-paren': return `（${value}）`;
    case 'ordinal': return `第${cn}，`;
    case 'shi': return `${cn}是`;
    case 'yao': return `${cn}要`;
    case 'sequence': return `${sequenceWord(value)}，`;
  }
}

/** What may open the first level under a heading of each kind, most usual first. */
export const CHILD_KINDS: Partial<Record<MarkerKind, MarkerKind[]>> = {
  'cn-dun': ['cn-paren', 'shi'],
  'cn-paren': ['shi', 'arabic-dot'],
  'arabic-dot': ['arabic-paren', 'shi'],
  'arabic-paren': ['shi'],
  'ordinal': ['shi'],
};

/** The open headings at a line: the last line-start heading before it at each level. */
function openChain(headings: Heading[], lineStart: number): Heading[] {
  const chain: Heading[] = [];
  let level = headings;
  for (;;) {
    const last = level.filter(h => !h.inline && h.start < lineStart).pop();
    if (!last || last.end < lineStart) break;
    chain.push(last);
    level = last.children;
  }
  return chain;
}

/**
 * At the start of a line, the markers that continue the outline: the next marker of each open
 * level (deepest first) and the first marker of a level under the deepest open heading, of the
 * kinds `childKinds` lists (by default CHILD_KINDS; the server puts the corpus's habit first).
 * Offered only while what is typed on the line is still a prefix of the marker.
 */
export function continuationsAt(lines: LineIndex, offset: number, headings: Heading[], childKinds = CHILD_KINDS): Continuation[] {
  const lineStart = lines.lineStarts[lines.positionAt(offset).line];
  const before = lines.text.slice(lineStart, offset);
  const indent = /^[\s\u3000]*/.exec(before)![0].length;
  const typed = before.slice(indent);
  const start = lineStart + indent;
  const chain = openChain(headings, lineStart);
  const found: Continuation[] = [];
  const add = (kind: MarkerKind, value: number, relation: Continuation['relation'], after?: Heading) => {
    const marker = markerFor(kind, value);
    if (marker.startsWith(typed) && !found.some(f => f.marker === marker)) found.push({ marker, kind, after, relation, start, end: offset });
  };
  if (!chain.length) {
    if (!headings.some(h => h.start < lineStart)) add('cn-dun', 1, 'first');
    return found;
  }
  const deepest = chain[chain.length - 1];
  if (Number.isFinite(deepest.marker.value)) add(deepest.kind, deepest.marker.value + 1, 'next', deepest);
  for (const kind of childKinds[deepest.kind] ?? []) {
    // Run-in 一是…二是… inside the paragraph go on as 三是 on a new line.
    const lastChild = deepest.children.filter(child => child.kind === kind).pop();
    add(kind, lastChild && Number.isFinite(lastChild.marker.value) ? lastChild.marker.value + 1 : 1, 'child', deepest);
  }
  for (const heading of chain.slice(0, -1).reverse()) {
    if (Number.isFinite(heading.marker.value)) add(heading.kind, heading.marker.value + 1, 'next', heading);
  }
  return found;
}
