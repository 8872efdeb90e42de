import { byTextOnly, LineCache } from './lineCache';
import { firstIndex, LineIndex } from './text';

export const DEFAULT_CHARACTERS_PER_MINUTE = 220;

/**
 * Character counts the way Chinese offices count 字数: every character but whitespace and
 * heading markers, a run of Latin letters or digits counting as one.
 * Counts are kept per line (a run never crosses a line break), so any section's count is a
 * subtraction plus the parts of its first and last lines.
 */
export class CharacterCounter {
  /** Characters counted before each line. */
  private readonly beforeLine: Uint32Array;
  /** The markers' spans, kept as numbers: a document of a million headings holds no marker objects for its counts. */
  private readonly markers: Spans;

  /**
   * `cache` keeps the counts of lines by their text, from one analysis to the next (a line with
   * markers by its text and where the markers sit in it: a line-start marker may not be taken as one).
   */
  constructor(
    private readonly text: string, markerList: ReadonlyArray<{ start: number; end: number }> | Spans,
    private readonly lines: LineIndex = new LineIndex(text), cache?: CountCache,
  ) {
    const markers = 'starts' in markerList ? markerList : spans(markerList);
    this.markers = markers;
    const beforeLine = new Uint32Array(lines.lineCount + 1);
    let nextMarker = 0;
    for (let line = 0; line < lines.lineCount; line++) {
      const start = lines.lineStarts[line];
      const end = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : text.length;
      while (nextMarker < markers.length && markers.ends[nextMarker] <= start) nextMarker++;
      const hasMarker = nextMarker < markers.length && markers.starts[nextMarker] < end;
      let count: number;
      if (!cache) count = this.scan(start, end, nextMarker);
      else if (!hasMarker) count = cache.plain.getLine(lines, line, countLine, byTextOnly);
      else count = markedLineCount(lines, line, start, end, markers, nextMarker, cache.marked);
      beforeLine[line + 1] = beforeLine[line] + count;
    }
    cache?.plain.endRun();
    cache?.marked.endRun();
    this.beforeLine = beforeLine;
  }

  private scan(start: number, end: number, marker = 0): number {
    return countRange(this.text, this.markers, start, end, marker);
  }

  count(start = 0, end = this.text.length): number {
    return this.countBefore(end) - this.countBefore(start);
  }

  /**
   * Characters counted before an offset: whole lines from the per-line counts, then the part of its
   * line up to the offset, or (when the offset is nearer the line's end, as a section's end is) the
   * count up to the next line less the part after the offset. Counts add up at any split: a run of
   * letters split in two counts once, in the part where it starts.
   */
  private countBefore(offset: number): number {
    const line = this.lines.positionAt(offset).line;
    const lineStart = this.lines.lineStarts[line];
    if (offset === lineStart) return this.beforeLine[line];
    const nextStart = line + 1 < this.lines.lineCount ? this.lines.lineStarts[line + 1] : this.text.length;
    if (offset - lineStart <= nextStart - offset) return this.beforeLine[line] + this.scan(lineStart, offset, lowerBound(this.markers, lineStart));
    return this.beforeLine[line + 1] - (offset < nextStart ? this.scan(offset, nextStart, lowerBound(this.markers, offset)) : 0);
  }
}

/** Counts of lines kept from one analysis of a document to the next. */
export class CountCache {
  readonly plain: LineCache<number>;
  /** Lines with markers: the count for the marker positions last seen on such a line. */
  readonly marked: LineCache<{ markers: string; count: number }>;

  /** `runOnly`: see `LineCache`. */
  constructor(runOnly = false) {
    this.plain = new LineCache<number>(runOnly);
    this.marked = new LineCache<{ markers: string; count: number }>(runOnly);
  }
}

/** Marker spans in text order, as two arrays of offsets. */
export interface Spans {
  length: number;
  starts: Int32Array;
  ends: Int32Array;
}

/** The count of a line without markers, for the many lines that have none. */
function countLine(line: string): number {
  return countSpan(line, 0, line.length, false);
}

/** Counts text[start, end), which holds no marker; `alnumBefore`: a run of letters or digits runs into it. */
function countSpan(text: string, start: number, end: number, alnumBefore: boolean): number {
  let count = 0;
  let previousAlnum = alnumBefore;
  for (let i = start; i < end; i++) {
    const kind = COUNT_KIND[text.charCodeAt(i)];
    if (kind === COUNTED) count++;
    else if (kind === ALNUM && !previousAlnum) count++;
    previousAlnum = kind === ALNUM;
  }
  return count;
}

function spans(list: ReadonlyArray<{ start: number; end: number }>, by = 0): Spans {
  return { length: list.length, starts: Int32Array.from(list, m => m.start - by), ends: Int32Array.from(list, m => m.end - by) };
}

/** A line's count (its line break counts nothing) from the cache when its markers sit where they did. */
function markedLineCount(
  lines: LineIndex, line: number, start: number, end: number, markers: Spans, first: number,
  cache: LineCache<{ markers: string; count: number }>,
): number {
  let last = first;
  while (last < markers.length && markers.starts[last] < end) last++;
  let signature = '';
  for (let m = first; m < last; m++) signature += `${markers.starts[m] - start},${markers.ends[m] - start};`;
  const entry = cache.getLine(lines, line, uncounted, byTextOnly);
  if (entry.count < 0 || entry.markers !== signature) {
    entry.markers = signature;
    // Counted in place (the line break counts nothing, and nothing before the line carries over): as in the line alone.
    entry.count = countRange(lines.text, markers, start, end, first);
  }
  return entry.count;
}

const uncounted = () => ({ markers: '', count: -1 });

/**
 * Counts text[start, end), markers from index `marker` on being the ones that may overlap it: the
 * stretches between markers are counted by `countSpan`, with no marker test at each character.
 */
function countRange(text: string, markers: Spans, start: number, end: number, marker: number): number {
  const before = lowerBound(markers, start - 1);
  let alnumBefore = start > 0 && isAlnum(text.charCodeAt(start - 1)) && !(before < markers.length && markers.starts[before] <= start - 1);
  let count = 0;
  for (let i = start; i < end;) {
    while (marker < markers.length && markers.ends[marker] <= i) marker++;
    if (marker < markers.length && markers.starts[marker] <= i) {
      // A marker counts nothing, and no run of letters or digits carries over it.
      i = Math.min(markers.ends[marker], end);
      alnumBefore = false;
      continue;
    }
    const spanEnd = marker < markers.length ? Math.min(markers.starts[marker], end) : end;
    count += countSpan(text, i, spanEnd, alnumBefore);
    alnumBefore = isAlnum(text.charCodeAt(spanEnd - 1));
    i = spanEnd;
  }
  return count;
}

function isSpace(code: number): boolean {
  return code <= 32 || code === 0x3000 || code === 0xa0 || code === 0xfeff;
}

/** A surrogate pair is one character: its high half only is counted. */
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** How each code unit counts, for `countSpan` to tell by one look-up: on its own (a Han character, punctuation)… */
const COUNTED = 0;
/** …once per run (letters and digits)… */
const ALNUM = 1;
/** …or not at all (whitespace, and the low half of a surrogate pair, whose high half counts). */
const UNCOUNTED = 2;
const COUNT_KIND = new Uint8Array(0x10000);
for (let code = 0; code < COUNT_KIND.length; code++) COUNT_KIND[code] = isAlnum(code) ? ALNUM : isSpace(code) || isLowSurrogate(code) ? UNCOUNTED : COUNTED;

/** The first marker that ends after an offset. */
function lowerBound(markers: Spans, offset: number): number {
  return firstIndex(markers.length, i => markers.ends[i] > offset);
}

export function speakingMinutes(characters: number, charactersPerMinute = DEFAULT_CHARACTERS_PER_MINUTE): number {
  const rate = charactersPerMinute > 0 ? charactersPerMinute : DEFAULT_CHARACTERS_PER_MINUTE;
  return Math.round((characters / rate) * 10) / 10;
}
