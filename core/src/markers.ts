import { CN_NUMERAL, formatChineseNumeral, parseChineseNumeral } from './numerals';
import { charSet, CodeTest, isHanAt } from './text';
import { isWhiteSpaceAt, WHITE_SPACE } from './whiteSpace';

/** GB/T 9704 heading kinds, in their fixed order, then the parallel markers of speeches. */
export type MarkerKind =
  | 'cn-dun' | 'cn-paren' | 'arabic-dot' | 'arabic-paren'
  | 'ordinal' | 'shi' | 'yao' | 'sequence';

export const GB_RANK: Partial<Record<MarkerKind, number>> = {
  'cn-dun': 1, 'cn-paren': 2, 'arabic-dot': 3, 'arabic-paren': 4,
};

export function isGbKind(kind: MarkerKind): boolean { return GB_RANK[kind] !== undefined; }

/** A marker style the standard does not want, with what it should be. */
export type MarkerStyleIssue = 'half-width-paren' | 'arabic-dun';

export interface Marker {
  kind: MarkerKind;
  /** 1-based position in its sequence; for `sequence`: 首先 1, 其次 2, 再次 3, 最后 Infinity. */
  value: number;
  /** The marker as written, e.g. `（一）`, `第一，`, `一是`. */
  label: string;
  start: number;
  end: number;
  /** Where the number (or the sequence word) sits inside the marker, for renumbering. */
  numeralStart: number;
  numeralEnd: number;
  /** The heading text: after the marker up to the first 。；：？！, the line end or a marker glued to it. */
  textStart: number;
  textEnd: number;
  inline: boolean;
  styleIssue?: MarkerStyleIssue;
}

/** The sequence word for a place in a sequence, 最后 apart: 首先 其次 再次 (再次 again past the third). */
export function sequenceWord(value: number): string {
  return value <= 1 ? '首先' : value === 2 ? '其次' : '再次';
}

export const SEQUENCE_WORDS: Record<string, number> = {
  '首先': 1, '其次': 2, '再次': 3, '最后': Infinity, '最後': Infinity,
};

interface Pattern {
  kind: MarkerKind;
  regex: RegExp;
  /** The characters the regex can start with (a `charSet`): elsewhere it is not run. */
  opens: Uint8Array;
  /** Index of the capture group holding the number or sequence word. */
  group: number;
  parse(numeral: string): number | undefined;
  styleIssue?(match: RegExpExecArray): MarkerStyleIssue | undefined;
  /** Whether what follows the marker shows it is a number in the text, not a marker. */
  inText?(text: string, end: number, value: number): boolean;
}

const cn = parseChineseNumeral;
const DIGIT_AT = new CodeTest(/[\d０-９]/);
/** What markers open with: a Chinese numeral (CN_NUMERAL), a bracket, a digit, 第, a sequence word. */
const OPENS_NUMERAL = '一二三四五六七八九十';
const OPENS_BRACKET = '（(';
const OPENS_DIGIT = '0123456789';
const OPENS_ORDINAL = '第';
const OPENS_SEQUENCE = '首其再最';
const arabic = (s: string) => { const n = Number(s); return n >= 1 ? n : undefined; };
// A heading text cannot start with these after 一要 (三要素, 二要点 are nouns, not markers).
const NOT_YAO = '素点件务案闻害职员塞冲地';

const GB_PATTERNS: Pattern[] = [
  {
    // 二、三产业, 八、九十, 一、二月份: a numeral and the next one are a range, not a heading.
    kind: 'cn-dun', regex: new RegExp(`(${CN_NUMERAL})、`, 'y'), opens: charSet(OPENS_NUMERAL), group: 1, parse: cn,
    inText: (text, end, value) => text.startsWith(formatChineseNumeral(value + 1), end),
  },
  {
    kind: 'cn-paren', regex: new RegExp(`([（(])(${CN_NUMERAL})([）)])`, 'y'), opens: charSet(OPENS_BRACKET), group: 2, parse: cn,
    styleIssue: m => (m[1] === '(' || m[3] === ')' ? 'half-width-paren' : undefined),
  },
  {
    kind: 'arabic-paren', regex: /([（(])(\d{1,2})([）)])/y, opens: charSet(OPENS_BRACKET), group: 2, parse: arabic,
    styleIssue: m => (m[1] === '(' || m[3] === ')' ? 'half-width-paren' : undefined),
  },
  {
    // Not 2023. (years) nor 1.5亿 (amounts): one or two digits, no digit after the dot.
    kind: 'arabic-dot', regex: /(\d{1,2})([.．、])(?![\d０-９.．])/y, opens: charSet(OPENS_DIGIT), group: 1, parse: arabic,
    styleIssue: m => (m[2] === '、' ? 'arabic-dun' : undefined),
    // 3、4个项目: numbers listed with 、.
    inText: (text, end) => text[end - 1] === '、' && DIGIT_AT.at(text, end),
  },
];

const PARALLEL_PATTERNS: Pattern[] = [
  // 第一， but not 第一时间 / 第一责任人: the ordinal must be followed by punctuation.
  { kind: 'ordinal', regex: new RegExp(`第(${CN_NUMERAL})[，,、：:]`, 'y'), opens: charSet(OPENS_ORDINAL), group: 1, parse: cn },
  { kind: 'shi', regex: new RegExp(`(${CN_NUMERAL})是`, 'y'), opens: charSet(OPENS_NUMERAL), group: 1, parse: cn },
  { kind: 'yao', regex: new RegExp(`(${CN_NUMERAL})要(?![${NOT_YAO}])`, 'y'), opens: charSet(OPENS_NUMERAL), group: 1, parse: cn },
  {
    // 首先，祝贺… and 最后，祝大家… are courtesies that open or close the remarks, not points.
    kind: 'sequence', regex: /(首先|其次|再次|最后|最後)(?:[，,：:、]|(?=要|是|必须))(?![预預恭衷]?祝|谢谢|謝謝)/y, opens: charSet(OPENS_SEQUENCE), group: 1,
    parse: word => SEQUENCE_WORDS[word],
  },
];

const LINE_START_PATTERNS = [...GB_PATTERNS, ...PARALLEL_PATTERNS];

/** What ends a heading's text (and the run-in heading's sentence): 。；：？！ full- or half-width. */
export const HEADING_END = /[。；：？！;:?!]/;
const HEADING_END_CHARS = charSet('。；：？！;:?!');

/**
 * The characters a marker can open with (a numeral, a bracket, a digit, 第, a sequence word's first):
 * most places the scan tries hold none, and are passed over without running the patterns.
 */
const MAY_OPEN_MARKER = charSet(OPENS_NUMERAL + OPENS_BRACKET + OPENS_DIGIT + OPENS_ORDINAL + OPENS_SEQUENCE);

function tryPatterns(text: string, at: number, lineEnd: number, patterns: Pattern[], inline: boolean): Marker | undefined {
  const first = text.charCodeAt(at);
  if (MAY_OPEN_MARKER[first] !== 1) return undefined;
  for (const pattern of patterns) {
    if (pattern.opens[first] !== 1) continue;
    pattern.regex.lastIndex = at;
    const match = pattern.regex.exec(text);
    if (!match || match.index + match[0].length > lineEnd) continue;
    const numeral = match[pattern.group];
    const value = pattern.parse(numeral);
    if (value === undefined) continue;
    const end = at + match[0].length;
    if (pattern.inText?.(text, end, value)) continue;
    const numeralStart = at + match[0].indexOf(numeral);
    let textEnd = end;
    while (textEnd < lineEnd && HEADING_END_CHARS[text.charCodeAt(textEnd)] !== 1) textEnd++;
    return {
      kind: pattern.kind, value, label: match[0], start: at, end,
      numeralStart, numeralEnd: numeralStart + numeral.length,
      textStart: end, textEnd, inline, styleIssue: pattern.styleIssue?.(match),
    };
  }
  return undefined;
}

/** Passed over by code, not by a regex: a regex match is an array made for each use. */
function skipSpace(text: string, at: number): number {
  while (isWhiteSpaceAt(text, at)) at++;
  return at;
}

/** The marker a line opens with, if any. `lineStart`..`lineEnd` excludes the line break. */
export function lineStartMarker(text: string, lineStart: number, lineEnd: number): Marker | undefined {
  const at = Math.min(skipSpace(text, lineStart), lineEnd);
  const marker = tryPatterns(text, at, lineEnd, LINE_START_PATTERNS, false);
  // A marker that is the whole line is a number, not a heading (page numbers, "1.").
  if (marker && marker.textStart >= lineEnd && marker.kind !== 'cn-dun' && marker.kind !== 'cn-paren') return undefined;
  if (marker && listEnd(text, marker, lineEnd) !== undefined) return undefined;
  return marker;
}

/** Ends of a sentence or clause, and the colon that introduces points (下面，我讲三点意见：). */
const CLAUSE_END = '。！？：；!?:;';
const FULL_STOP = '。！？!?';
/** Spaces, including a page's no-break and ideographic ones. */
const SPACES = ' \t\u00a0\u3000';
/** The same, by code, for the scans of every character (see `charSet`). */
const CLAUSE_END_CHARS = charSet(CLAUSE_END);
const FULL_STOP_CHARS = charSet(FULL_STOP);
const SPACE_CHARS = charSet(SPACES);
const LETTER_OR_DIGIT = charSet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
const DOT = 46;

/** Pages deliver a half-width full stop: a dot not in a number (2.9), a name or an address (x.com). */
function isHalfWidthStop(text: string, i: number): boolean {
  return text.charCodeAt(i) === DOT && i > 0 && LETTER_OR_DIGIT[text.charCodeAt(i - 1)] !== 1;
}

/** The characters a marker may follow, by code, for the scan to pass over all others at the cost of one look-up. */
const MAY_PRECEDE_MARKER = new Uint8Array(0x10000);
for (const ch of [...CLAUSE_END, ...SPACES, '.', '）', ')']) MAY_PRECEDE_MARKER[ch.charCodeAt(0)] = 1;

/** What may stand between a clause end and the marker after it: closing quotes and brackets, spaces. */
const AFTER_CLAUSE_END = charSet(`”’」』）)${WHITE_SPACE}`);

/** Whether a marker may follow text[i]: the end of a clause, or of a note after one. */
function markerMayFollow(text: string, i: number): boolean {
  return MAY_PRECEDE_MARKER[text.charCodeAt(i)] === 1 && (endsClause(text, i) || endsNoteAfterClause(text, i));
}

/** A space after Chinese text is a paragraph break that the page lost. */
function endsClause(text: string, i: number): boolean {
  return CLAUSE_END_CHARS[text.charCodeAt(i)] === 1 || isHalfWidthStop(text, i) || (SPACE_CHARS[text.charCodeAt(i)] === 1 && isHanAt(text, i - 1));
}

const NOTE_LENGTH = 30;
const FULL_OPEN = '（'.charCodeAt(0);
const HALF_OPEN = '('.charCodeAt(0);
const FULL_CLOSE = '）'.charCodeAt(0);
const HALF_CLOSE = ')'.charCodeAt(0);

/** The end of a bracketed note after a clause: …。（掌声）, …。（具体数据待补充） (read back by code: no string made of each character). */
function endsNoteAfterClause(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code !== FULL_CLOSE && code !== HALF_CLOSE) return false;
  for (let open = i - 1; open >= Math.max(1, i - NOTE_LENGTH); open--) {
    const before = text.charCodeAt(open);
    if (before === FULL_OPEN || before === HALF_OPEN) return endsClause(text, open - 1);
    if (before === FULL_CLOSE || before === HALF_CLOSE) return false;
  }
  return false;
}

function endsSentence(text: string, i: number): boolean {
  return FULL_STOP_CHARS[text.charCodeAt(i)] === 1 || isHalfWidthStop(text, i);
}

/**
 * Per code: PRECEDES if a marker may follow it (`MAY_PRECEDE_MARKER`); FOLLOWS if it may come right
 * after such a character with a marker to come: a marker's first character, or one passed over
 * after a clause end (`AFTER_CLAUSE_END`).
 */
const PRECEDES = 1;
const FOLLOWS = 2;
const MARKER_PLACE = new Uint8Array(0x10000);
for (let code = 0; code < MARKER_PLACE.length; code++) {
  if (MAY_PRECEDE_MARKER[code] === 1) MARKER_PLACE[code] |= PRECEDES;
  if (MAY_OPEN_MARKER[code] === 1 || AFTER_CLAUSE_END[code] === 1) MARKER_PLACE[code] |= FOLLOWS;
}

/**
 * The first character from `i` on that a marker may follow with one able to start after it, or
 * `lineEnd`. Such a place is two characters (one that PRECEDES, then one that FOLLOWS or the line's
 * end), so the scan reads every other character and, where that may be either, its neighbour.
 */
function nextMarkerPlace(text: string, i: number, lineEnd: number): number {
  let probe = i + 1;
  for (; probe < lineEnd; probe += 2) {
    const place = MARKER_PLACE[text.charCodeAt(probe)];
    if (place === 0) continue;
    if ((place & FOLLOWS) !== 0 && (MARKER_PLACE[text.charCodeAt(probe - 1)] & PRECEDES) !== 0) return probe - 1;
    if ((place & PRECEDES) !== 0 && (probe + 1 >= lineEnd || (MARKER_PLACE[text.charCodeAt(probe + 1)] & FOLLOWS) !== 0)) return probe;
  }
  // The last character when no probe read it: at the line's end, a marker may follow any that PRECEDES.
  if (probe === lineEnd && (MARKER_PLACE[text.charCodeAt(lineEnd - 1)] & PRECEDES) !== 0) return lineEnd - 1;
  return lineEnd;
}

function afterClauseEnd(text: string, i: number): number {
  let at = i + 1;
  while (AFTER_CLAUSE_END[text.charCodeAt(at)] === 1) at++;
  return at;
}

const LIST_KINDS: ReadonlySet<MarkerKind> = new Set(['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren', 'ordinal', 'shi', 'yao']);
const ITEM_SEPARATOR = charSet('，,、；;');
const COMMA = charSet('，,、');
/** Items of a list between semicolons up to this long are the list's words, not points to outline. */
const SHORT_ITEM = 16;
/** A list inside one sentence is looked for this far (bounding the work on text without full stops). */
const LIST_REACH = 400;

function patternOf(kind: MarkerKind): Pattern {
  return LINE_START_PATTERNS.find(pattern => pattern.kind === kind)!;
}

/**
 * Where the sentence ends, if `marker` opens a list inside one sentence: 会议有三项议程：一是奏国歌，
 * 二是…，三是…。 Its items are not headings: items split by commas, or short ones split by semicolons.
 */
function listEnd(text: string, marker: Marker, lineEnd: number): number | undefined {
  if (!LIST_KINDS.has(marker.kind)) return undefined;
  let sentenceEnd = marker.end;
  const limit = Math.min(lineEnd, marker.end + LIST_REACH);
  while (sentenceEnd < limit && !endsSentence(text, sentenceEnd)) sentenceEnd++;
  const pattern = [patternOf(marker.kind)];
  let value = marker.value;
  let itemStart = marker.end;
  let longest = 0;
  let commaSeparated = false;
  for (let i = marker.end; i < sentenceEnd; i++) {
    if (ITEM_SEPARATOR[text.charCodeAt(i)] !== 1) continue;
    const next = tryPatterns(text, skipSpace(text, i + 1), sentenceEnd, pattern, true);
    if (next?.value !== value + 1) continue;
    longest = Math.max(longest, i - itemStart);
    commaSeparated ||= COMMA[text.charCodeAt(i)] === 1;
    value = next.value;
    itemStart = next.end;
    i = next.end - 1;
  }
  if (value === marker.value) return undefined;
  longest = Math.max(longest, sentenceEnd - itemStart);
  return commaSeparated || longest <= SHORT_ITEM ? sentenceEnd : undefined;
}

/** What a first marker glued to a heading starts with: （一）(1) 1. 第一 首先 一是 一要. */
const GLUED_FIRST = charSet('（(1第首一');
// 统一是前提, 唯一要求: 一 ending a word is no marker.
const ENDS_WORD_WITH_ONE = '统統唯同万萬专專单單第之如划劃合归歸均逐一';
/** A heading's own text before a glued marker is at least this long (not 小(一)型水库), and headings are short. */
const GLUED_AFTER = 4;
const GLUED_WITHIN = 40;
/** How far the second of a glued first marker is looked for. */
const SECOND_REACH = 2000;

/** The second marker of each kind that can be glued, as written in any of its forms. */
const SECOND: Partial<Record<MarkerKind, RegExp>> = {
  'cn-paren': /[（(]二[）)]/g, 'arabic-dot': /2[.．、]/g, 'arabic-paren': /[（(]2[）)]/g,
  ordinal: /第二[，,、：:]/g, shi: /二是/g, yao: /二要/g, sequence: /其次/g,
};
const CLOSERS = '”’」』）)';

/** Whether a second marker of the same kind follows a clause end after `first`. */
function hasSecond(text: string, first: Marker, lineEnd: number): boolean {
  const second = SECOND[first.kind];
  if (!second) return false;
  // Searched in a window: a regex on the whole text would run on to its end each time.
  const window = text.slice(first.end, Math.min(lineEnd, first.end + SECOND_REACH));
  second.lastIndex = 0;
  for (let match = second.exec(window); match; match = second.exec(window)) {
    const at = first.end + match.index;
    let before = at - 1;
    while (before > first.end && (CLOSERS.includes(text[before]) || isWhiteSpaceAt(text, before))) before--;
    if (!markerMayFollow(text, before)) continue;
    if (tryPatterns(text, at, lineEnd, [patternOf(first.kind)], true)?.value === 2) return true;
  }
  return false;
}

/**
 * The first marker of a lower level glued to the end of a GB heading whose line break was lost:
 * 一、总体要求（一）指导思想, …各项活动首先，要… Taken only when its second follows.
 */
function gluedChild(text: string, parent: Marker, lineEnd: number): Marker | undefined {
  const rank = GB_RANK[parent.kind];
  if (rank === undefined) return undefined;
  const end = Math.min(parent.textEnd, parent.textStart + GLUED_WITHIN);
  for (let at = parent.textStart + GLUED_AFTER; at < end; at++) {
    if (GLUED_FIRST[text.charCodeAt(at)] !== 1 || !isHanAt(text, at - 1)) continue;
    const marker = tryPatterns(text, at, lineEnd, LINE_START_PATTERNS, true);
    if (marker?.value !== 1 || (isGbKind(marker.kind) && GB_RANK[marker.kind]! <= rank)) continue;
    if ((marker.kind === 'shi' || marker.kind === 'yao') && ENDS_WORD_WITH_ONE.includes(text[at - 1])) continue;
    if (hasSecond(text, marker, lineEnd)) return marker;
  }
  return undefined;
}

/** `marker`, then the markers glued after it, each cutting the heading text of the one before. */
function withGluedChildren(text: string, marker: Marker, lineEnd: number): Marker[] {
  const chain = [marker];
  for (let child = gluedChild(text, marker, lineEnd); child; child = gluedChild(text, child, lineEnd)) {
    chain[chain.length - 1].textEnd = child.start;
    chain.push(child);
  }
  return chain;
}

/**
 * Markers inside a paragraph: after the end of a sentence or clause (一是…；二是…。, 意见：一、…。二、…),
 * unless they are the items of a list inside one sentence, and those glued to the end of an unpunctuated heading.
 * `opening` is the marker the line opens with, if it is taken as one.
 */
export function inlineMarkers(text: string, from: number, lineEnd: number, opening?: Marker): Marker[] {
  const found: Marker[] = [];
  let i = from;
  if (opening) {
    found.push(...withGluedChildren(text, opening, lineEnd).slice(1));
    if (found.length) i = found[found.length - 1].end;
  } else {
    // A line that opens with a list inside one sentence: none of its items is a heading.
    const first = tryPatterns(text, skipSpace(text, from), lineEnd, LINE_START_PATTERNS, true);
    const end = first && listEnd(text, first, lineEnd);
    if (end !== undefined) i = end;
  }
  // A scan bounded by the line: a global regex would search past it, to the end of the text.
  for (; i < lineEnd; i++) {
    i = nextMarkerPlace(text, i, lineEnd);
    if (i >= lineEnd) break;
    if (!markerMayFollow(text, i)) continue;
    const at = afterClauseEnd(text, i);
    if (at >= lineEnd) break;
    const marker = tryPatterns(text, at, lineEnd, LINE_START_PATTERNS, true);
    if (!marker) continue;
    const end = listEnd(text, marker, lineEnd);
    if (end !== undefined) {
      i = end - 1;
      continue;
    }
    found.push(...withGluedChildren(text, marker, lineEnd));
    i = found[found.length - 1].end - 1;
  }
  return found;
}

/** The marker text with a new number (or sequence word) in place of the old one. */
export function renumberedNumeral(marker: Marker, value: number, last: boolean): string {
  if (marker.kind === 'sequence') {
    if (last && value > 1) return marker.label.startsWith('最後') ? '最後' : '最后';
    return sequenceWord(value);
  }
  if (marker.kind === 'arabic-dot' || marker.kind === 'arabic-paren') return String(value);
  return formatChineseNumeral(value);
}
