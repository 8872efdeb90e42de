/** Offsets are UTF-16 code units, as in JS strings and LSP. */
export interface Position { line: number; character: number }
export interface TextRange { start: number; end: number }
export interface TextEdit extends TextRange { newText: string }

/**
 * What an editor knows of the edits made since a text: how much of its start and of its end they
 * left alone (counted in both texts, which share them), so that the two texts need not be compared.
 */
export interface UnchangedEnds {
  /** The text the edits were made to. */
  since: string;
  start: number;
  end: number;
}

/**
 * Up to this many lines, per-line results are kept in a slot for every line (some 0.8 MB an owner at
 * most, see `LineIndex.slots`); in a longer document, only those worth it, and the rest are looked up.
 */
export const SLOTS_FOR_EVERY_LINE = 100_000;

/** Maps offsets to line/character positions and back; lines end at \n, \r\n or \r. */
export class LineIndex {
  /** Where each line starts (as 32-bit numbers: half the memory of an array, for a million lines). */
  readonly lineStarts: Int32Array;
  /** Each line's text, made on first use; a later version's index shares those of unchanged lines. */
  private readonly texts: (string | undefined)[];
  /** Per-line results by who computed them (see `slots`), taken over like the texts. */
  private readonly lineSlots = new Map<object, unknown[]>();

  /**
   * With `previous`, the index of an earlier version of the text: the lines the edit left alone are
   * taken over (offsets shifted) and only the changed stretch is scanned again, so an edit costs a
   * comparison of the two texts and the changed lines, not a new split of the whole text. With
   * `unchanged` since the previous text, what an editor counted of its edits, not even the comparison.
   */
  constructor(readonly text: string, previous?: LineIndex, unchanged?: UnchangedEnds) {
    if (!previous) {
      const starts = [0];
      scanLineStarts(text, 0, text.length, starts);
      this.lineStarts = Int32Array.from(starts);
      this.texts = new Array<string | undefined>(starts.length);
      return;
    }
    const stretch = unchanged?.since === previous.text ? stretchLeftBy(unchanged, previous.text.length, text.length) : changedStretch(previous.text, text);
    if (stretch.beforeEnd > stretch.start || stretch.afterEnd > stretch.start) {
      const { lineStarts, texts, slots } = editedLines(previous, text, stretch);
      this.lineStarts = lineStarts;
      this.texts = texts;
      this.lineSlots = slots;
      return;
    }
    this.lineStarts = previous.lineStarts.slice();
    this.texts = previous.texts.slice();
    for (const [owner, values] of previous.lineSlots) this.lineSlots.set(owner, values.slice());
  }

  get lineCount(): number { return this.lineStarts.length; }

  /**
   * A line's text without its line break; made once per line, so that callers share one string.
   * The string is a copy, not a view into the text: an unchanged line's string lives on in the next
   * version's index, and must not keep this version's whole text alive.
   */
  lineText(line: number): string {
    return (this.texts[line] ??= detachedSlice(this.text, this.lineStarts[line], this.lineContentEnd(line)));
  }

  /** Puts an equal string in place of a line's (one kept elsewhere already), so that equal lines share one. */
  shareText(line: number, text: string): void {
    this.texts[line] = text;
  }

  /** The line texts made so far, for the index of the next version to take over. */
  sharedTexts(): readonly (string | undefined)[] {
    return this.texts;
  }

  /**
   * One value per line, kept for `owner` (a cache): the index of the next version takes over the
   * values of the lines an edit left alone, so re-reading an unchanged line costs an array lookup.
   */
  slots<T>(owner: object): (T | undefined)[] {
    let values = this.lineSlots.get(owner);
    // Filled as the lines are read, and only where a value is worth keeping: no array of a million holes.
    if (!values) this.lineSlots.set(owner, values = []);
    return values as (T | undefined)[];
  }

  private equal?: { first: Int32Array; repeats: Uint8Array };

  /**
   * Per line, the first line of the same text (itself if none before it has it), and per line, 1
   * where a later line repeats it: made once, on first use (see `LineCache.runOnly`).
   */
  equalLines(): { first: Int32Array; repeats: Uint8Array } {
    if (!this.equal) {
      const first = new Int32Array(this.lineCount);
      const repeats = new Uint8Array(this.lineCount);
      const firstOfText = new Map<string, number>();
      for (let line = 0; line < this.lineCount; line++) {
        const text = this.lineText(line);
        const earlier = firstOfText.get(text);
        if (earlier === undefined) {
          firstOfText.set(text, line);
          first[line] = line;
        } else {
          first[line] = earlier;
          repeats[earlier] = 1;
        }
      }
      this.equal = { first, repeats };
    }
    return this.equal;
  }

  /** Drops an owner's slots, when it is replaced (a formula cache for a new dictionary). */
  forgetSlots(owner: object): void {
    this.lineSlots.delete(owner);
  }

  /** The slots of every owner, for the index of the next version to take over. */
  sharedSlots(): ReadonlyMap<object, readonly unknown[]> {
    return this.lineSlots;
  }

  /** Whether a line break is a lone \r (not \r\n): read at the line starts, not over the characters. */
  hasLoneCarriageReturn(): boolean {
    for (let line = 1; line < this.lineStarts.length; line++) if (this.text.charCodeAt(this.lineStarts[line] - 1) === 13) return true;
    return false;
  }

  lineContentEnd(line: number): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    while (end > this.lineStarts[line] && isLineBreak(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(offset);
    return { line, character: offset - this.lineStarts[line] };
  }

  /** The line an offset (within the text) is on. */
  lineAt(offset: number): number {
    // The last line starting at or before the offset (line 0 starts at 0).
    return Math.max(0, firstAtLeast(this.lineStarts, offset + 1) - 1);
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineContentEnd(position.line));
  }
}

function isLineBreak(code: number): boolean { return code === 10 || code === 13; }

/** Pushes the starts of the lines that begin in (from, to] of text, a line break at to - 1 included. */
function scanLineStarts(text: string, from: number, to: number, starts: number[]): void {
  // Without a \r in the stretch, the line breaks are found by indexOf, which V8 runs at memory speed.
  if (!holdsCarriageReturn(text, from, to)) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
}

/**
 * Whether text[from, to) holds a \r: a long stretch searched by indexOf, at memory speed; a short one
 * (an edit's few lines) read, for indexOf would run on to the text's end when there is none.
 */
function holdsCarriageReturn(text: string, from: number, to: number): boolean {
  if (to - from > SHORT_STRETCH) {
    const cr = text.indexOf('\r', from);
    return cr >= 0 && cr < to;
  }
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 13) return true;
  return false;
}

const SHORT_STRETCH = 4096;

/**
 * A copy of text[start, end) that does not point into text: V8 keeps a substring of 13 characters or
 * more as a view of its parent, and copies a shorter one. Joining two parts makes V8 copy the
 * characters into a plain string of their own, which scans read faster than a view (of a copy made
 * by slicing a concatenation, as before) and which holds no extra character.
 */
export function detachedSlice(text: string, start: number, end: number): string {
  if (end - start < 13) return text.slice(start, end);
  const middle = start + 6;
  return [text.slice(start, middle), text.slice(middle, end)].join('');
}

/** Where two texts differ: from `start` to `beforeEnd` in the one before, to `afterEnd` in the one after. */
interface ChangedStretch {
  start: number;
  beforeEnd: number;
  afterEnd: number;
}

/** The stretch between the ends edits left alone, which may overlap where they left all alone. */
function stretchLeftBy(unchanged: UnchangedEnds, beforeLength: number, afterLength: number): ChangedStretch {
  const start = Math.max(0, Math.min(unchanged.start, beforeLength, afterLength));
  const end = Math.max(0, Math.min(unchanged.end, beforeLength - start, afterLength - start));
  return { start, beforeEnd: beforeLength - end, afterEnd: afterLength - end };
}

/** The common start and end of two texts: what lies between them is what an edit changed. */
function changedStretch(before: string, after: string): ChangedStretch {
  const shorter = Math.min(before.length, after.length);
  // Compared a block at a time (V8 compares equal-length strings at memory speed), then a character at a time.
  let start = 0;
  for (let block = BLOCK; block >= 1; block >>= 3) {
    while (start + block <= shorter && before.slice(start, start + block) === after.slice(start, start + block)) start += block;
  }
  let tail = 0;
  for (let block = BLOCK; block >= 1; block >>= 3) {
    while (tail + block <= shorter - start && before.slice(before.length - tail - block, before.length - tail) === after.slice(after.length - tail - block, after.length - tail)) tail += block;
  }
  return { start, beforeEnd: before.length - tail, afterEnd: after.length - tail };
}

const BLOCK = 1 << 15;

/**
 * The lines of `text`, an edited version of `previous.text`: lines wholly before or after the changed
 * stretch are taken over (with one more line either side, for a line break that an edit splits or
 * joins), the rest scanned.
 */
function editedLines(previous: LineIndex, text: string, { start, beforeEnd, afterEnd }: ChangedStretch): { lineStarts: Int32Array; texts: (string | undefined)[]; slots: Map<object, unknown[]> } {
  const shift = afterEnd - beforeEnd;
  const old = previous.lineStarts;
  const first = Math.max(0, previous.lineAt(start) - 1);
  // The first old line that starts after the changed stretch and after one more line break.
  const next = Math.min(previous.lineAt(beforeEnd) + 2, old.length);
  // The starts of the lines from `first` on, up to the first kept one: the scan pushes the start of
  // the line after each line break, so it ends with the line break before the next kept line.
  const scanned = [old[first]];
  const scanTo = next < old.length ? old[next] + shift : text.length;
  scanLineStarts(text, old[first], scanTo, scanned);
  if (next < old.length) {
    // Never fails (the line break before a kept line is unchanged); a fresh index if it ever did.
    if (scanned[scanned.length - 1] !== scanTo) {
      const starts = [0];
      scanLineStarts(text, 0, text.length, starts);
      return { lineStarts: Int32Array.from(starts), texts: new Array<string | undefined>(starts.length), slots: new Map() };
    }
    scanned.pop();
  }
  const kept = first + scanned.length;
  const lineStarts = new Int32Array(kept + old.length - next);
  lineStarts.set(old.subarray(0, first));
  lineStarts.set(scanned, first);
  for (let line = next; line < old.length; line++) lineStarts[kept + line - next] = old[line] + shift;
  // Copied at memory speed, the lines scanned again left empty; but a million lines' slots that hold
  // a few results (see SLOTS_FOR_EVERY_LINE) keep their holes, not a copy of a million of them.
  const carried = <T>(values: readonly T[], dense = values.length <= SLOTS_FOR_EVERY_LINE): T[] => {
    if (!dense) {
      const result: T[] = [];
      for (let line = 0; line < first && line < values.length; line++) if (values[line] !== undefined) result[line] = values[line];
      for (let line = next; line < values.length; line++) if (values[line] !== undefined) result[kept + line - next] = values[line];
      return result;
    }
    if (kept === next) {
      // As many lines as before (an edit within lines).
      const result = values.slice();
      result.fill(undefined as T, first, Math.min(next, result.length));
      return result;
    }
    const result = values.slice(0, first);
    result.length = kept;
    for (let line = next; line < values.length; line++) result.push(values[line]);
    return result;
  };
  const slots = new Map<object, unknown[]>();
  for (const [owner, values] of previous.sharedSlots()) slots.set(owner, carried(values));
  // Every line read has its text.
  const texts = carried(previous.sharedTexts(), true);
  texts.length = lineStarts.length;
  return { lineStarts, texts, slots };
}

/** CJK ideographs (BMP blocks and, via surrogates, the extension planes). */
export function isHan(ch: string | undefined): boolean {
  return !!ch && HAN_CHARACTER.test(ch);
}

const HAN_CHARACTER = /\p{Script=Han}/u;

/**
 * A one-character regex as a test of the code unit at text[i], answered from a table filled in as
 * codes come up: a scan of every character makes no string of each (V8 keeps no ready string for a
 * CJK character) and runs no regex on it. A surrogate half on its own is tested as such, as the regex
 * on text[i] tests it; past the end of the text, the answer is false.
 */
export class CodeTest {
  /** Per code: 0 not asked yet, 1 matches, 2 does not. */
  private readonly known = new Uint8Array(0x10000);

  constructor(private readonly regex: RegExp) {}

  at(text: string, i: number): boolean {
    const code = text.charCodeAt(i);
    if (code !== code) return false;
    let known = this.known[code];
    if (known === 0) this.known[code] = known = this.regex.test(String.fromCharCode(code)) ? 1 : 2;
    return known === 1;
  }
}

const HAN_CODE = new CodeTest(HAN_CHARACTER);

/** `isHan(text[i])`, for scans of every character. */
export function isHanAt(text: string, i: number): boolean {
  return HAN_CODE.at(text, i);
}

/**
 * Characters (of the Basic Multilingual Plane) to test by code: `set[text.charCodeAt(i)] === 1`
 * costs one look-up, where `chars.includes(text[i])` or a regex on `text[i]` first makes a string
 * of the character (V8 keeps no ready string for a CJK character). Past its end, or at NaN, a set holds nothing.
 */
export function charSet(chars: string): Uint8Array {
  let max = 0;
  for (let i = 0; i < chars.length; i++) max = Math.max(max, chars.charCodeAt(i));
  const set = new Uint8Array(max + 1);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}

/** Full-width punctuation used in Chinese prose. */
export const CJK_PUNCTUATION = '，。、；：？！“”‘’（）《》〈〉【】—…·「」『』';

export function isCjkPunctuation(ch: string | undefined): boolean {
  return !!ch && CJK_PUNCTUATION.includes(ch);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let last = 0;
  for (const edit of sorted) {
    if (edit.start < last) throw new Error('overlapping edits');
    result += text.slice(last, edit.start) + edit.newText;
    last = edit.end;
  }
  return result + text.slice(last);
}

/** The first index in [0, length) where `reached` holds, for a condition that stays true once it does; `length` if none. */
export function firstIndex(length: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (reached(middle)) high = middle; else low = middle + 1;
  }
  return low;
}

/** The first index of ascending `values` holding at least `value`; `values.length` if none (no closure: for hot paths). */
export function firstAtLeast(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] >= value) high = middle; else low = middle + 1;
  }
  return low;
}

export const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(v => typeof v === 'string');
