import { CN_NUMERAL, formatChineseNumeral, parseChineseNumeral } from './numerals';

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
  marker: string;
  start: number;
  end: number;
  /** Where the number (or the sequence word) sits inside the marker, for renumbering. */
  numeralStart: number;
  numeralEnd: number;
  /** The heading text: after the marker up to the first 。；：？！ or the line end. */
  textStart: number;
  textEnd: number;
  inline: boolean;
  styleIssue?: MarkerStyleIssue;
}

export const SEQUENCE_WORDS: Record<string, number> = {
  '首先': 1, '其次': 2, '再次': 3, '最后': Infinity, '最後': Infinity,
};

interface Pattern {
  kind: MarkerKind;
  regex: RegExp;
  /** Index of the capture group holding the number or sequence word. */
  group: number;
  parse(numeral: string): number | undefined;
  styleIssue?(match: RegExpExecArray): MarkerStyleIssue | undefined;
}

const cn = parseChineseNumeral;
const arabic = (s: string) => { const n = Number(s); return n >= 1 ? n : undefined; };
// A heading text cannot start with these after 一要 (三要素, 二要点 are nouns, not markers).
const NOT_YAO = '素点件务案闻害职员塞冲地';

const GB_PATTERNS: Pattern[] = [
  { kind: 'cn-dun', regex: new RegExp(`(${CN_NUMERAL})、`, 'y'), group: 1, parse: cn },
  {
    kind: 'cn-paren', regex: new RegExp(`([（(])(${CN_NUMERAL})([）)])`, 'y'), group: 2, parse: cn,
    styleIssue: m => (m[1] === '(' || m[3] === ')' ? 'half-width-paren' : undefined),
  },
  {
    kind: 'arabic-paren', regex: /([（(])(\d{1,2})([）)])/y, group: 2, parse: arabic,
    styleIssue: m => (m[1] === '(' || m[3] === ')' ? 'half-width-paren' : undefined),
  },
  {
    // Not 2023. (years) nor 1.5亿 (amounts): one or two digits, no digit after the dot.
    kind: 'arabic-dot', regex: /(\d{1,2})([.．、])(?![\d０-９.．])/y, group: 1, parse: arabic,
    styleIssue: m => (m[2] === '、' ? 'arabic-dun' : undefined),
  },
];

const PARALLEL_PATTERNS: Pattern[] = [
  // 第一， but not 第一时间 / 第一责任人: the ordinal must be followed by punctuation.
  { kind: 'ordinal', regex: new RegExp(`第(${CN_NUMERAL})[，,、：:]`, 'y'), group: 1, parse: cn },
  { kind: 'shi', regex: new RegExp(`(${CN_NUMERAL})是`, 'y'), group: 1, parse: cn },
  { kind: 'yao', regex: new RegExp(`(${CN_NUMERAL})要(?![${NOT_YAO}])`, 'y'), group: 1, parse: cn },
  {
    kind: 'sequence', regex: /(首先|其次|再次|最后|最後)(?:[，,：:、]|(?=要|是|必须))/y, group: 1,
    parse: word => SEQUENCE_WORDS[word],
  },
];

const LINE_START_PATTERNS = [...GB_PATTERNS, ...PARALLEL_PATTERNS];

const HEADING_END = /[。；：？！;:?!]/;

function tryPatterns(text: string, at: number, lineEnd: number, patterns: Pattern[], inline: boolean): Marker | undefined {
  for (const pattern of patterns) {
    pattern.regex.lastIndex = at;
    const match = pattern.regex.exec(text);
    if (!match || match.index + match[0].length > lineEnd) continue;
    const numeral = match[pattern.group];
    const value = pattern.parse(numeral);
    if (value === undefined) continue;
    const end = at + match[0].length;
    const numeralStart = at + match[0].indexOf(numeral);
    let textEnd = end;
    while (textEnd < lineEnd && !HEADING_END.test(text[textEnd])) textEnd++;
    return {
      kind: pattern.kind, value, marker: match[0], start: at, end,
      numeralStart, numeralEnd: numeralStart + numeral.length,
      textStart: end, textEnd, inline, styleIssue: pattern.styleIssue?.(match),
    };
  }
  return undefined;
}

const LEADING_SPACE = /[\s\u3000]*/y;

/** The marker a line opens with, if any. `lineStart`..`lineEnd` excludes the line break. */
export function lineStartMarker(text: string, lineStart: number, lineEnd: number): Marker | undefined {
  LEADING_SPACE.lastIndex = lineStart;
  LEADING_SPACE.exec(text);
  const at = Math.min(LEADING_SPACE.lastIndex, lineEnd);
  const marker = tryPatterns(text, at, lineEnd, LINE_START_PATTERNS, false);
  // A marker that is the whole line is a number, not a heading (page numbers, "1.").
  if (marker && marker.textStart >= lineEnd && marker.kind !== 'cn-dun' && marker.kind !== 'cn-paren') return undefined;
  return marker;
}

const SENTENCE_BOUNDARY = '。；！？：;!?:';
/** The same, as character codes: `text[i]` would make a string of each Chinese character it reads. */
const SENTENCE_BOUNDARY_CODES = new Set([...SENTENCE_BOUNDARY].map(c => c.charCodeAt(0)));

/** Parallel markers inside a paragraph, right after a sentence boundary (一是…。二是…。). */
export function inlineMarkers(text: string, from: number, lineEnd: number): Marker[] {
  const found: Marker[] = [];
  // A scan bounded by the line: a global regex would search past it, to the end of the text.
  for (let i = from; i < lineEnd; i++) {
    if (!SENTENCE_BOUNDARY_CODES.has(text.charCodeAt(i))) continue;
    LEADING_SPACE.lastIndex = i + 1;
    LEADING_SPACE.exec(text);
    const at = LEADING_SPACE.lastIndex;
    if (at >= lineEnd) break;
    const marker = tryPatterns(text, at, lineEnd, PARALLEL_PATTERNS, true);
    if (marker) {
      found.push(marker);
      i = marker.end - 1;
    }
  }
  return found;
}

/** The marker text with a new number (or sequence word) in place of the old one. */
export function renumberedNumeral(marker: Marker, value: number, last: boolean): string {
  if (marker.kind === 'sequence') {
    if (last && value > 1) return marker.marker.startsWith('最後') ? '最後' : '最后';
    return value === 1 ? '首先' : value === 2 ? '其次' : '再次';
  }
  if (marker.kind === 'arabic-dot' || marker.kind === 'arabic-paren') return String(value);
  return formatChineseNumeral(value);
}
