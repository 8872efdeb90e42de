import { FULL_WIDTH, fullWidthPunctuation } from './chinese';
import { findPlaceholders } from './placeholders';
import { applyEdits, isCjkPunctuation, isHan, TextEdit, TextRange } from './text';

export interface FormatOptions {
  /** The text is Markdown: its code and link targets are left alone. */
  markdown?: boolean;
  /** Also turn `1、` into `1.` (GB/T 9704); off by default, since some houses write `1、`. */
  arabicDunToDot?: boolean;
  /** Only edits inside this range (range formatting). */
  range?: TextRange;
}

/** Web and mail addresses keep their punctuation; a trailing full stop or comma is not theirs. */
// A mail address is tried only where a run of [\w.+-] begins: tried inside the run too, a long
// run without @ would be scanned again from every character (quadratic).
const ADDRESS = /\b(?:https?:\/\/|www\.)[\x21-\x7e]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/;

const SPACE = /[ \t]/;
const chinese = (ch: string | undefined) => !!ch && (isHan(ch) || isCjkPunctuation(ch));

/** In Markdown, code (fenced or inline) and link targets are not prose. */
const MARKDOWN_CODE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))|`[^`\n]+`|\]\([^)\n]*\)/gm;

/** Spans the formatter must not touch: addresses, placeholders, and Markdown code and link targets. */
function protectedSpans(text: string, markdown: boolean): TextRange[] {
  const spans: TextRange[] = [];
  if (markdown) for (const match of text.matchAll(MARKDOWN_CODE)) spans.push({ start: match.index!, end: match.index! + match[0].length });
  for (const match of text.matchAll(ADDRESS)) {
    const address = match[0].replace(TRAILING_PUNCTUATION, '');
    spans.push({ start: match.index!, end: match.index! + address.length });
  }
  for (const placeholder of findPlaceholders(text)) spans.push({ start: placeholder.start, end: placeholder.end });
  return spans.sort((a, b) => a.start - b.start);
}

/** Straight quotes around or beside Chinese become “” and ‘’, pair by pair within a line. */
function quoteEdits(line: string, offset: number, free: (i: number) => boolean): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const [quote, open, close] of [['"', '“', '”'], ["'", '‘', '’']] as const) {
    const positions = [...line.matchAll(new RegExp(quote, 'g'))].map(m => m.index!).filter(i => free(offset + i));
    for (let k = 0; k + 1 < positions.length; k += 2) {
      const [a, b] = [positions[k], positions[k + 1]];
      // Double quotes need Chinese inside or beside; single quotes (apostrophes in English) inside.
      const inside = chinese(line[a + 1]) || chinese(line[b - 1]);
      const beside = chinese(line[a - 1]) || chinese(line[b + 1]);
      if (quote === '"' ? inside || beside : chinese(line[a + 1]) && chinese(line[b - 1])) {
        edits.push({ start: offset + a, end: offset + a + 1, newText: open }, { start: offset + b, end: offset + b + 1, newText: close });
      }
    }
  }
  return edits;
}

/** Edits within one unprotected stretch of a line; `after` is the text following it, for context. */
function segmentEdits(segment: string, offset: number, before: string | undefined, after: string | undefined, options: FormatOptions): TextEdit[] {
  const edits: TextEdit[] = [];
  const widened = fullWidthPunctuation(segment);
  for (let i = 0; i < segment.length; i++) {
    if (widened[i] !== segment[i]) edits.push({ start: offset + i, end: offset + i + 1, newText: widened[i] });
  }
  const at = (i: number) => (i < 0 ? before : i >= segment.length ? after : widened[i]);
  // `第 一 , 要` and `落实 ?`: punctuation set off by spaces after Chinese (and before Chinese or the line's end) is Chinese too.
  for (let i = 0; i < segment.length; i++) {
    const full = FULL_WIDTH[segment[i]];
    if (!full || widened[i] !== segment[i] || at(i - 1) === segment[i] || at(i + 1) === segment[i]) continue;
    let previous = i - 1;
    while (previous >= 0 && SPACE.test(segment[previous])) previous--;
    let next = i + 1;
    while (next < segment.length && SPACE.test(segment[next])) next++;
    if (previous === i - 1 && next === i + 1) continue;
    if (chinese(at(previous)) && (chinese(at(next)) || at(next) === undefined)) edits.push({ start: offset + i, end: offset + i + 1, newText: full });
  }
  // 会议.主要: a full stop between two Chinese characters.
  for (let i = 0; i < segment.length; i++) {
    if (segment[i] === '.' && isHan(at(i - 1)) && isHan(at(i + 1))) edits.push({ start: offset + i, end: offset + i + 1, newText: '。' });
  }
  for (const match of segment.matchAll(/\.{3,6}|(?<!…)…(?!…)/g)) {
    const i = match.index!;
    if (chinese(at(i - 1)) || chinese(at(i + match[0].length))) edits.push({ start: offset + i, end: offset + i + match[0].length, newText: '……' });
  }
  for (const match of segment.matchAll(/[ \t]+/g)) {
    const i = match.index!;
    // Between two Chinese characters only: indentation, spaces around Latin words and full-width
    // spaces (王\u3000伟, padding names to one width) stay.
    if (i > 0 && chinese(at(i - 1)) && chinese(at(i + match[0].length))) edits.push({ start: offset + i, end: offset + i + match[0].length, newText: '' });
  }
  if (options.arabicDunToDot) {
    for (const match of segment.matchAll(/(?<![\d.])(\d{1,2})、(?!\d)/g)) {
      const lineStart = match.index === 0 && before === undefined;
      const afterStop = '。；！？：'.includes(at(match.index! - 1) ?? '');
      if (lineStart || afterStop) edits.push({ start: offset + match.index! + match[1].length, end: offset + match.index! + match[1].length + 1, newText: '.' });
    }
  }
  return edits;
}

/** One pass; a change can make its neighbour Chinese context (,? → ，? → ，？), so passes repeat. */
function formatPass(text: string, options: FormatOptions): TextEdit[] {
  const spans = protectedSpans(text, !!options.markdown);
  const edits: TextEdit[] = [];
  let lineStart = 0;
  let nextSpan = 0;
  for (const line of text.split('\n')) {
    // Spans come in order, so the ones touching this line are found walking forward.
    while (nextSpan < spans.length && spans[nextSpan].end <= lineStart) nextSpan++;
    const lineSpans: TextRange[] = [];
    for (let k = nextSpan; k < spans.length && spans[k].start < lineStart + line.length; k++) lineSpans.push(spans[k]);
    const free = (i: number) => !lineSpans.some(s => s.start <= i && i < s.end);
    edits.push(...quoteEdits(line, lineStart, free));
    // Split the line at protected spans; each free stretch is formatted with its neighbours as context.
    let from = 0;
    const cuts = lineSpans.map(s => ({ start: Math.max(0, s.start - lineStart), end: Math.min(line.length, s.end - lineStart) }));
    for (const cut of [...cuts, { start: line.length, end: line.length }]) {
      if (cut.start > from) edits.push(...segmentEdits(line.slice(from, cut.start), lineStart + from, from > 0 ? line[from - 1] : undefined, line[cut.start], options));
      from = Math.max(from, cut.end);
    }
    lineStart += line.length + 1;
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** What the formatter may change: punctuation and spaces, never line breaks. */
const GAP = /[\p{P}\p{Zs}\t]/u;
const MAX_PASSES = 8;

/**
 * The edits from one text to another that differs only in punctuation and spaces: the two agree
 * on every other character, in order, so each run of punctuation and spaces between them is
 * compared with its counterpart.
 */
function gapEdits(before: string, after: string): TextEdit[] {
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const gapStart = i;
    const afterStart = j;
    while (i < before.length && GAP.test(before[i])) i++;
    while (j < after.length && GAP.test(after[j])) j++;
    const old = before.slice(gapStart, i);
    const replacement = after.slice(afterStart, j);
    if (old !== replacement) edits.push({ start: gapStart, end: i, newText: replacement });
    i++;
    j++;
  }
  return edits;
}

/**
 * Punctuation and spacing of Chinese prose, as edits: half-width , : ; ? ! ( ) beside Chinese to
 * full width, straight quotes to “” ‘’, ... to ……, spaces between Chinese characters removed,
 * (一) to （一）. Latin text, numbers, web and mail addresses and placeholders are left alone;
 * nothing but punctuation and spaces ever changes, and formatting twice changes nothing more.
 */
export function formatEdits(text: string, options: FormatOptions = {}): TextEdit[] {
  let formatted = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = formatPass(formatted, options);
    if (!edits.length) break;
    formatted = applyEdits(formatted, edits);
  }
  const range = options.range;
  return gapEdits(text, formatted).filter(edit => !range || (edit.start >= range.start && edit.end <= range.end));
}
