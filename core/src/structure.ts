import { GB_RANK, inlineMarkers, isGbKind, lineStartMarker, Marker, MarkerKind } from './markers';
import { byTextOnly, LineCache } from './lineCache';
import { runSteps, Steps, STEP } from './steps';
import { isHan, LineIndex } from './text';
import { endWithoutBlanks } from './whiteSpace';

export interface Heading {
  kind: MarkerKind;
  /** Depth in the outline, 1 at the top. */
  level: number;
  /** The marker at its offsets in the text (with a heading placed by the outline, a new copy on each use). */
  marker: Marker;
  /** The marker's place in its sequence, its style issue and where the heading text lies, read without a copy of the marker. */
  value: number;
  hasStyleIssue: boolean;
  textStart: number;
  textEnd: number;
  /** Heading text after the marker (run-in headings stop at the first 。；：？！). */
  text: string;
  inline: boolean;
  /** The section: from the marker to where the next heading of this or a higher level starts. */
  start: number;
  end: number;
  children: Heading[];
}

export interface Structure {
  headings: Heading[];
  /** Every heading in document order. */
  all: Heading[];
  /** Per heading in `all`: its marker at offsets within its line (shared with the line cache) and the line's start. */
  placed?: { markers: Marker[]; at: number[] };
}

/** 同志们，… at a paragraph start opens the closing words: no section runs into them. */
const CLOSING = /^[\s\u3000]*同志[们們][，,！!]/;

/** Whether the previous line stops mid-sentence, so this line is wrapped text, not a new heading. */
function continuesPreviousLine(previous: string): boolean {
  const trimmed = previous.slice(0, endWithoutBlanks(previous, 0, previous.length));
  if (!trimmed) return false;
  const last = trimmed[trimmed.length - 1];
  if ('，、,'.includes(last)) return true;
  // Long lines ending in a letter are cut paragraphs; short ones are titles.
  return trimmed.length > 24 && (isHan(last) || /[A-Za-z0-9]/.test(last));
}

/** The children of a heading without any: one shared, frozen empty list. */
const NO_CHILDREN: Heading[] = Object.freeze([]) as unknown as Heading[];

export function addChild(parent: Heading, child: Heading): void {
  if (parent.children === NO_CHILDREN) parent.children = [child];
  else parent.children.push(child);
}

/**
 * A heading as the outline places it: its line's marker as the line cache keeps it (at offsets
 * within the line, one object for every line of the same text) and the line's start; the marker at
 * its offsets in the text and the heading text are made when asked for. Some 70 bytes a heading,
 * instead of some 300 for a heading with its own marker copy and text.
 */
export class PlacedHeading implements Heading {
  level = 0;
  declare children: Heading[];

  constructor(private readonly base: Marker, private readonly at: number, private readonly source: string, public end: number) {}

  get kind(): MarkerKind { return this.base.kind; }
  get inline(): boolean { return this.base.inline; }
  get start(): number { return this.base.start + this.at; }
  /** A new copy on each use: the line's marker moved to the line's place in the text. */
  get marker(): Marker { return shifted(this.base, this.at); }
  get value(): number { return this.base.value; }
  get hasStyleIssue(): boolean { return !!this.base.styleIssue; }
  get textStart(): number { return this.base.textStart + this.at; }
  get textEnd(): number { return this.base.textEnd + this.at; }
  get text(): string { return this.source.slice(this.base.textStart + this.at, this.base.textEnd + this.at).trim(); }
}
PlacedHeading.prototype.children = NO_CHILDREN;

/** A line's markers, at offsets within the line: the one it opens with, and the run-in ones. */
export interface LineMarkers {
  atStart?: Marker;
  /** Markers inside the line after the line-start marker, run in or glued to its heading (from the line start when there is none). */
  inline: Marker[];
  /** Run-in markers from the line start, for when the line-start marker is not taken as one (made then). */
  inlineFromStart?: Marker[];
}

function lineMarkers(line: string): LineMarkers {
  const atStart = lineStartMarker(line, 0, line.length);
  const inline = inlineMarkers(line, atStart ? atStart.end : 0, line.length, atStart);
  // Most lines have none: they share one result (never changed: without a line-start marker, no
  // inlineFromStart is ever made for it).
  if (!atStart && !inline.length) return NO_MARKERS;
  // inlineFromStart is made when first needed (seldom): see structureSteps.
  return { atStart, inline };
}

const NO_MARKERS: LineMarkers = Object.freeze({ inline: Object.freeze([]) as unknown as Marker[] });

export function shifted(marker: Marker, by: number): Marker {
  return {
    ...marker, start: marker.start + by, end: marker.end + by, numeralStart: marker.numeralStart + by,
    numeralEnd: marker.numeralEnd + by, textStart: marker.textStart + by, textEnd: marker.textEnd + by,
  };
}

export function parseStructure(text: string, index: LineIndex = new LineIndex(text), cache?: LineCache<LineMarkers>): Structure {
  return runSteps(structureSteps(text, index, cache));
}

export function* structureSteps(text: string, index: LineIndex, cache?: LineCache<LineMarkers>): Steps<Structure> {
  const roots: Heading[] = [];
  const all: Heading[] = [];
  const open: Heading[] = [];

  const close = (count: number, at: number) => {
    for (let i = 0; i < count; i++) open.pop()!.end = at;
  };

  const placed = { markers: [] as Marker[], at: [] as number[] };
  const place = (base: Marker, at: number, closeAt: number) => {
    placed.markers.push(base);
    placed.at.push(at);
    const heading = new PlacedHeading(base, at, text, text.length);
    const sibling = findLastIndex(open, h => h.kind === base.kind);
    if (sibling >= 0) {
      close(open.length - sibling, closeAt);
    } else if (isGbKind(base.kind)) {
      const rank = GB_RANK[base.kind]!;
      while (open.length) {
        const top = open[open.length - 1];
        const deeperGb = isGbKind(top.kind) && GB_RANK[top.kind]! > rank;
        // Parallel markers nested under a GB heading end where the next GB heading starts.
        const nestedParallel = !isGbKind(top.kind) && open.some(h => isGbKind(h.kind));
        if (!deeperGb && !nestedParallel) break;
        close(1, closeAt);
      }
    }
    const parent = open[open.length - 1];
    heading.level = open.length + 1;
    if (parent) addChild(parent, heading);
    else roots.push(heading);
    open.push(heading);
    all.push(heading);
  };

  // First the markers each line contributes (lines with none are left out), then which sequence
  // words are points; then the outline.
  const entries = new LineEntries();
  let previousLine = '';
  let previousWasHeading = false;
  for (let line = 0; line < index.lineCount; line++) {
    if (line % STEP === STEP - 1) yield;
    const lineText = index.lineText(line);
    const markers = cache ? cache.getLine(index, line, lineMarkers, byTextOnly) : lineMarkers(lineText);
    let atLineStart = markers.atStart;
    let inline = markers.inline;
    // Headings without a full stop are complete lines; only a paragraph line can be cut.
    if (atLineStart && !previousWasHeading && continuesPreviousLine(previousLine)) {
      atLineStart = undefined;
      inline = markers.inlineFromStart ??= inlineMarkers(lineText, 0, lineText.length);
    }
    const closing = !atLineStart && CLOSING.test(lineText);
    if (atLineStart || inline.length || closing) entries.add(line, atLineStart, inline, closing);
    previousLine = lineText;
    previousWasHeading = !!atLineStart;
  }
  const remarks = remarksNotPoints(entries);

  for (let entry = 0; entry < entries.length; entry++) {
    if (entry % STEP === STEP - 1) yield;
    const line = entries.lines[entry];
    const lineStart = index.lineStarts[line];
    if (entries.closing[entry]) close(open.length, lineStart);
    const atLineStart = entries.atLineStart[entry];
    if (atLineStart && !remarks.get(entry)?.has(0)) place(atLineStart, lineStart, lineStart);
    const first = atLineStart ? 1 : 0;
    entries.inline[entry].forEach((marker, i) => {
      if (!remarks.get(entry)?.has(first + i)) place(marker, lineStart, marker.start + lineStart);
    });
    // Run-in parallel markers belong to their paragraph: their sections end with it. A GB heading
    // found inline is one whose line break was lost: its section goes on.
    let inlineOpen = 0;
    while (inlineOpen < open.length && isRunIn(open[open.length - 1 - inlineOpen])) inlineOpen++;
    close(inlineOpen, index.lineContentEnd(line));
  }
  close(open.length, text.length);
  return { headings: roots, all, placed };
}

/**
 * The lines that contribute markers, in parallel lists: the line, its line-start marker if taken as
 * one, its markers inside the line (the line cache's own list, shared by equal lines), and whether it
 * holds the closing words. No object or list is made per line: a document can have a million.
 */
class LineEntries {
  readonly lines: number[] = [];
  readonly atLineStart: (Marker | undefined)[] = [];
  readonly inline: readonly Marker[][] = [];
  readonly closing: boolean[] = [];

  get length(): number {
    return this.lines.length;
  }

  add(line: number, atLineStart: Marker | undefined, inline: Marker[], closing: boolean): void {
    this.lines.push(line);
    this.atLineStart.push(atLineStart);
    (this.inline as Marker[][]).push(inline);
    this.closing.push(closing);
  }

  /** Each marker of an entry with its index: the line-start marker (if taken) first. */
  forEachMarker(entry: number, visit: (marker: Marker, index: number) => void): void {
    const atLineStart = this.atLineStart[entry];
    if (atLineStart) visit(atLineStart, 0);
    const first = atLineStart ? 1 : 0;
    const inline = this.inline[entry];
    for (let i = 0; i < inline.length; i++) visit(inline[i], first + i);
  }
}

function isRunIn(heading: Heading): boolean {
  return heading.inline && !isGbKind(heading.kind);
}

/**
 * The sequence words that only open or close the remarks (首先，我代表市委…；最后，我再讲四点意见),
 * by entry and marker index: a run of 首先/其次/再次/最后 is a sequence of points only when it has its
 * 其次 or 再次. A run ends at the next 首先, at a GB heading and at the closing words.
 */
function remarksNotPoints(entries: LineEntries): Map<number, Set<number>> {
  const remarks = new Map<number, Set<number>>();
  // One run, emptied in place, and one visitor: this reads every marker of the document on each keystroke.
  const run: { entry: number; index: number; value: number }[] = [];
  const endRun = () => {
    if (!run.length) return;
    if (run.length < 2 || !run.some(({ value }) => value === 2 || value === 3)) {
      for (const { entry, index } of run) {
        let marked = remarks.get(entry);
        if (!marked) remarks.set(entry, marked = new Set());
        marked.add(index);
      }
    }
    run.length = 0;
  };
  let entry = 0;
  const visit = (marker: Marker, index: number) => {
    if (isGbKind(marker.kind) || (marker.kind === 'sequence' && marker.value === 1)) endRun();
    if (marker.kind === 'sequence') run.push({ entry, index, value: marker.value });
  };
  for (; entry < entries.length; entry++) {
    if (entries.closing[entry]) endRun();
    entries.forEachMarker(entry, visit);
  }
  endRun();
  return remarks;
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}

/** The line index of the title: a first line that is short and has no closing punctuation. */
export function titleLineOf(lines: string[]): number | undefined {
  const first = lines.findIndex(line => line);
  const line = lines[first];
  return line && line.length <= 40 && !/[。！？；，：:]$/.test(line) ? first : undefined;
}
