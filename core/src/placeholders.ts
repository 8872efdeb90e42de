import { CodeTest, isCjkPunctuation, isHan } from './text';
import { isWhiteSpaceAt } from './whiteSpace';

export interface Placeholder {
  text: string;
  start: number;
  end: number;
}

/** A pattern that tells whether a whole text matches it. */
export interface WholeMatcher {
  matches(text: string): boolean;
}

export interface PlaceholderOptions {
  /** Patterns; a placeholder whose whole text matches one is not reported. */
  ignore?: readonly WholeMatcher[];
  /** In Markdown, `**text**` is emphasis, not a masked name. */
  markdown?: boolean;
}

const X = '[xX×ｘＸ]';
/** A mask in a number: x or an asterisk, half- or full-width. */
const MASK = '[xX×ｘＸ*＊]';
/** Offices and forms of address a single asterisk masks the name before: *县长, *书记, *同志. */
const OFFICE = '(?:[省市县縣区區乡鄉镇鎮村局厅廳部处處科所站院校行社]?[长長]|[省市县縣区區乡鄉镇鎮]?委|书记|書記|主任|主席|董事[长長]|总经理|總經理|经理|經理|同志|副)';
// Order matters: the longer, more specific forms are tried first at each position.
const PLACEHOLDER = new RegExp([
  `第${MASK}{1,3}[次届屆期批号號个個条條项項轮輪]`, // 第x次, 第xx届: the ordinal is what is to be filled
  `(?:19|20)\\d?(?:${X}{1,2}(?![A-Za-z0-9])|[*＊]{1,2}(?=年))`, // 20xx, 201x, 20**年
  `${MASK}{1,2}月${MASK}{1,2}日`, // x月x日, xx月xx日, *月*日
  `${MASK}{1,3}[%％]`, // xx%, **%
  `${X}{1,4}`, // x, xx, xxx, ××, ×××
  '[*＊]{2,}', // *** masked names
  `[*＊](?=${OFFICE})`, // *县长
  '○{2,4}', // ○○县
  '某某某?',
  '_{2,}|＿{2,}', // blanks
  '【\\s*】|（[\\s\\u3000]*）', // empty brackets
  '[（(](?:具体)?[^（）()\\n]{0,20}?待(?:补充|补全|完善|填写|定|核实)[^（）()\\n]{0,10}?[）)]',
  '【[^【】\\n]{0,20}?待(?:补充|补全|完善|填写|定|核实)[^【】\\n]{0,10}?】',
].join('|'), 'g');

/**
 * A character every placeholder but an empty pair of brackets （ ） holds (a mask, ○, 某, a blank's
 * underscore, 【, 待), or the bracket such a pair opens with. Searched for by a regex: its compiled
 * character class passes over a line some three times as fast as a loop over the line's characters.
 */
const SEARCH_START = /[xX×ｘＸ*＊○某_＿【待（]/g;
const EMPTY_PAIR_OPENER = 0xff08; /* （ */
/** How far before its first placeholder character a placeholder may start: （具体…待补充） holds 待 at most 23 after its bracket. */
const LONGEST_LEAD = 23;

function isEmptyPairAt(text: string, open: number): boolean {
  let i = open + 1;
  while (isWhiteSpaceAt(text, i)) i++;
  return text.charCodeAt(i) === 0xff09 /* ） */;
}

/**
 * Where the search for placeholders may start, or -1 if the text holds none: no placeholder starts
 * before it, so the regex passes over none of the text before (most of a line, on most lines).
 */
function searchStart(text: string): number {
  SEARCH_START.lastIndex = 0;
  // test, not exec: no match is made for each character found; it is the one before lastIndex.
  while (SEARCH_START.test(text)) {
    const at = SEARCH_START.lastIndex - 1;
    if (text.charCodeAt(at) !== EMPTY_PAIR_OPENER) return Math.max(0, at - LONGEST_LEAD);
    if (isEmptyPairAt(text, at)) return at;
  }
  return -1;
}

const CN_DIGIT = /[〇○零一二三四五六七八九十]/;

// Latin letters with tone marks too: pinyin readings such as xùn, xī are not masks.
const LATIN_OR_DIGIT = /[\p{Script=Latin}0-9]/u;
/** The same, tested at text[i] by code: no string is made of the character before each match. */
const LATIN_OR_DIGIT_AT = new CodeTest(LATIN_OR_DIGIT);

// The tests of each match, made once: a regex literal in a function is a new object each time it runs.
const BLANK = /[\s\u3000]/u;
const DIGIT = /\d/;
const STARTS_WITH_DIGIT = /^\d/;
const LONE_X = /^[xXｘＸ]$/;
const X_RUN = /^[xX×ｘＸ]+$/;
const MASKED_PERCENT = /^[xX×ｘＸ*＊]+[%％]$/;
const SEPARATOR_LINE = /^[\s*＊\-_]*$/;

function isChineseContext(ch: string | undefined): boolean {
  return ch === undefined || isHan(ch) || isCjkPunctuation(ch) || BLANK.test(ch);
}

/** Whether a run of x/X/× at [start, end) is a placeholder rather than part of Latin text or maths. */
function isXPlaceholder(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  const run = text.slice(start, end);
  if (LATIN_OR_DIGIT_AT.at(text, start - 1) || LATIN_OR_DIGIT_AT.at(text, end)) return false; // Linux, x86, 3×4
  if (LONE_X.test(run) && after === '光') return false; // X光
  if (run.startsWith('×') && (DIGIT.test(before ?? '') || DIGIT.test(after ?? ''))) return false;
  // A lone x must sit in Chinese text; xx and longer runs are placeholders wherever they stand.
  return run.length > 1 || isChineseContext(before) || isChineseContext(after);
}

// **重点** and ***重点***: opened before a non-space, closed after one.
const MARKDOWN_EMPHASIS = /(\*{2,3})(?=\S)[^*\n]+?(?<=\S)\1/g;

const MASKED_NAME_LINE = /^\s*[*＊]{2,4}\s*$/;

interface LineFacts {
  /** A rule or separator line (*** or ---), where asterisks mask nothing. */
  separator: boolean;
  /** Markdown emphasis spans, as [start, end) offsets in the text. */
  emphasis: [number, number][];
}

/** What isMask needs of a line, worked out once per line however many masks it holds. */
function lineFacts(text: string, lineStart: number, markdown: boolean): LineFacts {
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const emphasis: [number, number][] = markdown
    ? [...line.matchAll(MARKDOWN_EMPHASIS)].map(m => [lineStart + m.index!, lineStart + m.index! + m[0].length])
    : [];
  // Only ** to **** on a line is the speaker's masked name under the title; in Markdown, a rule.
  const separator = SEPARATOR_LINE.test(line) && (markdown || !MASKED_NAME_LINE.test(line));
  return { separator, emphasis };
}

function isMask(start: number, facts: LineFacts): boolean {
  if (facts.separator) return false;
  return !facts.emphasis.some(([from, to]) => start >= from && start < to);
}

export function findPlaceholders(text: string, options: PlaceholderOptions = {}): Placeholder[] {
  const found: Placeholder[] = [];
  const from = searchStart(text);
  if (from < 0) return found;
  let facts: LineFacts | undefined;
  let factsStart = -1;
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  PLACEHOLDER.lastIndex = from;
  for (let match = PLACEHOLDER.exec(text); match; match = PLACEHOLDER.exec(text)) {
    const value = match[0];
    const start = match.index;
    const end = start + value.length;
    const first = value[0];
    if (X_RUN.test(value) && !isXPlaceholder(text, start, end)) continue;
    if (MASKED_PERCENT.test(value) && LATIN_OR_DIGIT_AT.at(text, start - 1)) continue;
    // 二○二三年 written with circles: a numeral, not a mask.
    if (first === '○' && (CN_DIGIT.test(text[start - 1] ?? '') || CN_DIGIT.test(text[end] ?? ''))) continue;
    if (STARTS_WITH_DIGIT.test(value) && LATIN_OR_DIGIT_AT.at(text, start - 1)) continue;
    if (first === '*' || first === '＊') {
      // Matches come in order: find the line start going forward, never scanning back over a long line.
      while (nextNewline >= 0 && nextNewline < start) {
        lineStart = nextNewline + 1;
        nextNewline = text.indexOf('\n', lineStart);
      }
      if (lineStart !== factsStart) {
        facts = lineFacts(text, lineStart, !!options.markdown);
        factsStart = lineStart;
      }
      if (!isMask(start, facts!)) continue;
    }
    if (options.ignore?.some(pattern => pattern.matches(value))) continue;
    found.push({ text: value, start, end });
  }
  return found;
}

/**
 * Where the same placeholder occurs in the same context: `xx` followed by `县` matches every
 * other `xx县`. Used to fill a placeholder everywhere at once.
 */
export function placeholderContext(text: string, placeholder: Placeholder): string {
  const next = text[placeholder.end];
  return placeholder.text + (isHan(next) ? next : '');
}

export function sameContextPlaceholders(text: string, placeholders: readonly Placeholder[], target: Placeholder): Placeholder[] {
  const key = placeholderContext(text, target);
  return placeholders.filter(p => placeholderContext(text, p) === key);
}
