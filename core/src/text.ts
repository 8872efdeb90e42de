/** Offsets are UTF-16 code units, as in JS strings and LSP. */
export interface Position { line: number; character: number }
export interface TextRange { start: number; end: number }
export interface TextEdit extends TextRange { newText: string }

/** Maps offsets to line/character positions and back; lines end at \n, \r\n or \r. */
export class LineIndex {
  readonly lineStarts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number { return this.lineStarts.length; }

  private texts?: string[];

  /** A line's text without its line break; made once per line, so that callers share one string. */
  lineText(line: number): string {
    this.texts ??= new Array<string>(this.lineStarts.length);
    return (this.texts[line] ??= this.text.slice(this.lineStarts[line], this.lineContentEnd(line)));
  }

  lineContentEnd(line: number): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    while (end > this.lineStarts[line] && isLineBreak(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid; else high = mid - 1;
    }
    return { line: low, character: offset - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineContentEnd(position.line));
  }
}

function isLineBreak(code: number): boolean { return code === 10 || code === 13; }

/** CJK ideographs (BMP blocks and, via surrogates, the extension planes). */
export function isHan(ch: string | undefined): boolean {
  return !!ch && /\p{Script=Han}/u.test(ch);
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

export const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(v => typeof v === 'string');
