import { LineIndex } from './text';

/**
 * Results computed per line and kept by the line's text, so that re-analysing an edited document
 * recomputes only the lines that changed. Keeps what the last run used, and nothing older.
 */
export class LineCache<T> {
  private previous = new Map<string, T>();
  private current = new Map<string, T>();

  /**
   * The cached result for a line, or `compute` on a copy of the line (see `detached`). `owned`: the
   * line is a string of its own already (a `LineIndex` line), kept as the key as it is, so that the
   * next version's index, which hands out the same string for an unchanged line, finds it at once.
   */
  get(line: string, compute: (line: string) => T, owned = false): T {
    let value = this.current.get(line) ?? this.previous.get(line);
    if (value === undefined) {
      const own = owned ? line : detached(line);
      value = compute(own);
      this.current.set(own, value);
    } else {
      this.current.set(line, value);
    }
    return value;
  }

  /**
   * The result for a line of an index: kept in the index's slots (see `LineIndex.slots`), so that
   * a line the last edit did not touch is not even looked up; other lines are looked up by text.
   */
  getLine(lines: LineIndex, line: number, compute: (line: string) => T): T {
    const slots = lines.slots<T>(this);
    let value = slots[line];
    if (value === undefined) slots[line] = value = this.get(lines.lineText(line), compute, true);
    return value;
  }

  /** Ends a run over the document: lines not seen in it are forgotten. */
  endRun(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/**
 * A copy of a string that does not point into the string it was cut from. V8 keeps a substring as
 * a view of its parent, so a line kept from an old version would keep that whole old text alive;
 * slicing a concatenation makes V8 copy the characters first.
 */
export function detached(text: string): string {
  return (text + ' ').slice(0, -1);
}
