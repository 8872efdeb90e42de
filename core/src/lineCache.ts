/**
 * Results computed per line and kept by the line's text, so that re-analysing an edited document
 * recomputes only the lines that changed. Keeps what the last run used, and nothing older.
 */
export class LineCache<T> {
  private previous = new Map<string, T>();
  private current = new Map<string, T>();

  /** The cached result for a line, or `compute` on a copy of the line (see `detached`). */
  get(line: string, compute: (line: string) => T): T {
    let value = this.current.get(line) ?? this.previous.get(line);
    if (value === undefined) {
      const own = detached(line);
      value = compute(own);
      this.current.set(own, value);
    } else {
      this.current.set(line, value);
    }
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
