import { detachedSlice, LineIndex, SLOTS_FOR_EVERY_LINE } from './text';

/**
 * Results computed per line and kept by the line's text, so that re-analysing an edited document
 * recomputes only the lines that changed. Lines no run has looked up by text lately (a line served
 * from its slot is not looked up) are swept out now and then, once they outnumber those that were,
 * rather than every line being put into a new map on each run.
 */
export class LineCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private run = 0;
  /** Entries looked up in this run. */
  private seen = 0;
  /** With `runOnly`, the results of the lines later lines repeat, by the first such line (see `getLine`). */
  private repeated = new Map<number, T>();

  /**
   * `runOnly`: the cache serves one run and is then dropped (an analysis without a cache of the
   * caller's): `getLine` reads each line that repeats an earlier one from that line's result, found
   * by the index's `equalLines` (one look-up per line for all the caches of the run), and a line that
   * no other repeats is read without being looked up or kept.
   */
  constructor(readonly runOnly = false) {}

  /**
   * The cached result for a line, or `compute` on a copy of the line (see `detached`). `owned`: the
   * line is a string of its own already (a `LineIndex` line), kept as the key as it is, so that the
   * next version's index, which hands out the same string for an unchanged line, finds it at once.
   */
  get(line: string, compute: (line: string) => T, owned = false): T {
    return this.entry(line, compute, owned).value;
  }

  private entry(line: string, compute: (line: string) => T, owned: boolean): Entry<T> {
    let entry = this.entries.get(line);
    if (!entry) {
      const own = owned ? line : detached(line);
      entry = { key: own, value: compute(own), run: -1 };
      this.entries.set(own, entry);
    }
    if (entry.run !== this.run) {
      entry.run = this.run;
      this.seen++;
    }
    return entry;
  }

  /**
   * The result for a line of an index: kept in the index's slots (see `LineIndex.slots`), so that
   * a line the last edit did not touch is not even looked up; other lines are looked up by text, and
   * the index then shares the cache's string for the line (a document of many equal lines keeps one).
   * Every line's value has a slot up to `SLOTS_FOR_EVERY_LINE` lines: a keystroke then looks up only
   * the lines it changed (a look-up by text of every line, five caches over, cost a millisecond of a
   * 1M-character draft's edit). `kept`: whether a value is worth a slot in a longer document, where a
   * slot for each line would cost megabytes (an empty list is looked up by text instead), and in a
   * run-only cache, which serves no next version (its slots are for lines read again within the run).
   */
  getLine(lines: LineIndex, line: number, compute: (line: string) => T, kept?: (value: T) => boolean): T {
    const slots = lines.slots<T>(this);
    const known = slots[line];
    if (known !== undefined) return known;
    const value = this.runOnly ? this.repeatedOrComputed(lines, line, compute) : this.lookedUp(lines, line, compute);
    if (!kept || (!this.runOnly && lines.lineCount <= SLOTS_FOR_EVERY_LINE) || kept(value)) slots[line] = value;
    return value;
  }

  /** A line's result looked up by its text, the index then sharing the cache's string for the line. */
  private lookedUp(lines: LineIndex, line: number, compute: (line: string) => T): T {
    const entry = this.entry(lines.lineText(line), compute, true);
    // Always: strings cannot be told apart by identity in JavaScript, and the cache's own is the one to share.
    lines.shareText(line, entry.key);
    return entry.value;
  }

  /** A line's result (see `runOnly`): that of the first line of its text if known, else computed (and kept if the text repeats). */
  private repeatedOrComputed(lines: LineIndex, line: number, compute: (line: string) => T): T {
    const { first, repeats } = lines.equalLines();
    const firstLine = first[line];
    if (firstLine !== line) {
      // Equal lines share one string, as when looked up by text.
      lines.shareText(line, lines.lineText(firstLine));
      // (The first line may not have been asked: a line-start marker is taken or not by what precedes it.)
      const known = this.repeated.get(firstLine);
      if (known !== undefined) return known;
    }
    const value = compute(lines.lineText(line));
    if (repeats[firstLine] === 1) this.repeated.set(firstLine, value);
    return value;
  }

  /** Ends a run over the document: lines not looked up in it are forgotten once they are as many as those that were. */
  endRun(): void {
    if (this.entries.size > 2 * this.seen + SWEEP_SLACK) {
      for (const [key, entry] of this.entries) if (entry.run !== this.run) this.entries.delete(key);
    }
    this.run++;
    this.seen = 0;
    // A run-only cache keeps its slots (read again within the run: see formula checks), not its repeats.
    if (this.runOnly) this.repeated = new Map();
  }
}

/** Entries a cache keeps beyond twice the lines of its last run, so that a short document is not swept on every edit. */
const SWEEP_SLACK = 256;

/**
 * For `getLine`'s `kept`: in a document of more lines than `SLOTS_FOR_EVERY_LINE`, results for (nearly)
 * every line, as markers and counts are, are looked up by text, not kept in slots: an unchanged line's
 * string is the cache's own key, found at once, and a million lines keep no array of a million slots.
 */
export const byTextOnly = (): boolean => false;

/** Whether a line's list of results is worth a slot of its own in a long document (see `LineCache.getLine`). */
export const nonEmpty = (values: readonly unknown[]) => values.length > 0;

/**
 * The values a line's cached results give at the line's offset, made again only when the line or
 * its offset changed: a keystroke copies the results of the lines after it, and no others.
 */
export function placedAt<T, U>(slots: ({ at: number; from: T; placed: U } | undefined)[], line: number, at: number, from: T, place: () => U): U {
  const known = slots[line];
  if (known && known.at === at && known.from === from) return known.placed;
  const placed = place();
  slots[line] = { at, from, placed };
  return placed;
}

interface Entry<T> {
  /** The line's text as first cached: the string every equal line then shares. */
  key: string;
  value: T;
  /** The last run that looked the line up. */
  run: number;
}

/** A copy of a string that does not point into the string it was cut from (see `detachedSlice`). */
export function detached(text: string): string {
  return detachedSlice(text, 0, text.length);
}
