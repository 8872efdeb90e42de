import { detachedSlice, LineIndex } from './text';

/**
 * Results computed per line and kept by the line's text, so that re-analysing an edited document
 * recomputes only the lines that changed. Keeps what the last run used, and nothing older.
 */
export class LineCache<T> {
  private previous = new Map<string, Entry<T>>();
  private current = new Map<string, Entry<T>>();

  /**
   * The cached result for a line, or `compute` on a copy of the line (see `detached`). `owned`: the
   * line is a string of its own already (a `LineIndex` line), kept as the key as it is, so that the
   * next version's index, which hands out the same string for an unchanged line, finds it at once.
   */
  get(line: string, compute: (line: string) => T, owned = false): T {
    return this.entry(line, compute, owned).value;
  }

  private entry(line: string, compute: (line: string) => T, owned: boolean): Entry<T> {
    let entry = this.current.get(line);
    if (entry) return entry;
    // (A first run has nothing before it: no look-up, which for a long line costs as much as a short one's reading.)
    entry = this.previous.size ? this.previous.get(line) : undefined;
    if (!entry) {
      const own = owned ? line : detached(line);
      entry = { key: own, value: compute(own) };
    }
    this.current.set(entry.key, entry);
    return entry;
  }

  /**
   * The result for a line of an index: kept in the index's slots (see `LineIndex.slots`), so that
   * a line the last edit did not touch is not even looked up; other lines are looked up by text, and
   * the index then shares the cache's string for the line (a document of many equal lines keeps one).
   * `kept`: whether a value is worth a slot (an empty list is as quickly looked up by text).
   */
  getLine(lines: LineIndex, line: number, compute: (line: string) => T, kept?: (value: T) => boolean): T {
    const slots = lines.slots<T>(this);
    const known = slots[line];
    if (known !== undefined) return known;
    const text = lines.lineText(line);
    const entry = this.entry(text, compute, true);
    // Always: strings cannot be told apart by identity in JavaScript, and the cache's own is the one to share.
    lines.shareText(line, entry.key);
    if (!kept || kept(entry.value)) slots[line] = entry.value;
    return entry.value;
  }

  /** Ends a run over the document: lines not seen in it are forgotten. */
  endRun(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/**
 * For `getLine`'s `kept`: results for (nearly) every line, as markers and counts are, are looked up
 * by text, not kept in slots: an unchanged line's string is the cache's own key, found at once, and
 * a document of a million lines keeps no array of a million slots for them.
 */
export const byTextOnly = (): boolean => false;

interface Entry<T> {
  /** The line's text as first cached: the string every equal line then shares. */
  key: string;
  value: T;
}

/** A copy of a string that does not point into the string it was cut from (see `detachedSlice`). */
export function detached(text: string): string {
  return detachedSlice(text, 0, text.length);
}
