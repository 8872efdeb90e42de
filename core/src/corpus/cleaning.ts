// How a speech's text is cleaned: the one pipeline that the importer, the miner, the user's own
// files and the editor's "Clean Up Pasted Text" share.
import { analyze } from '../analyze';
import { isGbKind } from '../markers';
import { Heading } from '../structure';
import { fullWidthPunctuation, hasTraditional, PINYIN_READING, toSimplified, TONED } from '../chinese';
import { applyEdits, LineIndex, TextEdit } from '../text';

/** Bump when the cleaning below changes, so that cached segmentations are made again. */
export const CLEANING_VERSION = 2;

const MARKDOWN_SYNTAX: [RegExp, string][] = [
  [/^#{1,6}[ \t]+/gm, ''],
  [/^>[ \t]?/gm, ''],
  [/^[ \t]*[-*+][ \t]+/gm, ''],
  [/\*\*|__/g, ''],
];

/** A Markdown file's text without its syntax: headings, quotes, list bullets and bold marks. */
export function stripMarkdown(text: string): string {
  return MARKDOWN_SYNTAX.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/**
 * What the cleaning changes, each kind on its own: what it removes (HTML tags, pinyin readings,
 * page furniture, watermarks), what it converts (HTML entities to their characters, traditional
 * characters, half-width punctuation) and the paragraph breaks it restores.
 */
export type CleanKind = 'htmlTag' | 'htmlEntity' | 'watermark' | 'pinyin' | 'furniture' | 'indentation' | 'traditional' | 'punctuation' | 'paragraph';

export const CLEAN_KINDS: readonly CleanKind[] = ['htmlTag', 'htmlEntity', 'watermark', 'pinyin', 'furniture', 'indentation', 'traditional', 'punctuation', 'paragraph'];

export type CleanCounts = Record<CleanKind, number>;

export interface CleanEdit extends TextEdit {
  kind: CleanKind;
}

export function noCleanCounts(): CleanCounts {
  return { htmlTag: 0, htmlEntity: 0, watermark: 0, pinyin: 0, furniture: 0, indentation: 0, traditional: 0, punctuation: 0, paragraph: 0 };
}

/**
 * Half-width spaces and tabs before a line's text: the indentation of a page's HTML source or of a
 * Word list. A full-width （\u3000） paragraph indent is the drafter's own and stays.
 */
export const SOURCE_INDENTATION = /^[ \t\u00a0]+(?=[^\s\u3000])/g;

/** An HTML tag or comment as a page leaves it in copied text: `<p>`, `</span>`, `<br/>`, `<!-- … -->`. */
export const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]{0,15}(?:\s[^<>\n]{0,300})?\/?>|<!--[^\n]{0,300}?-->/g;

/** An HTML entity: `&nbsp;`, `&ldquo;`, `&#12290;`, `&#x3002;`. */
export const HTML_ENTITY = /&(?:[A-Za-z]{2,8}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});/g;

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·',
  times: '×', divide: '÷', deg: '°', plusmn: '±', permil: '‰', sect: '§', copy: '©', reg: '®', laquo: '«', raquo: '»',
};

/** The character an entity stands for; undefined for one that is not known (left as it is). */
export function decodeEntity(entity: string): string | undefined {
  const body = entity.slice(1, -1);
  if (body[0] !== '#') return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()];
  const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return code === 0xa0 ? ' ' : String.fromCodePoint(code);
}

/** A template site's watermark, its characters split by dots so that search engines miss it: 公.文思.享文.库出品. */
export const WATERMARK = /公\.?文\.?思\.?享(?:\.?文\.?[库庫]\.?出\.?品)?[,，]?/g;

/** Words of the spam that template sites put at the top of a page; a speech line may hold a few (视频会议), never five. */
const SPAM_WORDS = ['免费', '视频', '国产', '日韩', '欧美', '乱码', '一区', '在线观看', '中文字幕', '无码', '高清'];

/**
 * Lines that are page furniture, not speech (matched after the rest of the cleaning), each with
 * the reason it is dropped. Only whole lines: a speech's own line is never cut.
 */
export const FURNITURE: [{ test(line: string): boolean }, string][] = [
  [/^\d{1,3}[.．]?$/, 'list or page number'],
  [/^[共页]$|^页[,，]当前第[。.]?$|^共\s*\d+\s*页(?:[,，]?\s*当前第\s*\d*\s*页)?[。.]?$|^第\s*\d+\s*页(?:[/／]共\s*\d+\s*页)?$|^[上下]一页$/, 'pagination'],
  [/^字号[:：]?(?:\s*[大中小]\s*)*$/, 'page furniture'],
  [/^(?:[[【]\s*)?(?:打印本页|关闭窗口|返回顶部|收藏本文|分享到[:：]?|扫一扫|加入收藏)(?:\s*[\]】])?$/, 'page furniture'],
  [/小编/, '"小编" boilerplate'],
  [/^(?:当前隐藏内容|免费查看|查看全文|展开全文|阅读全文|付费下载|立即下载|点击下载|下载文档|会员免费下载)/, 'paywall'],
  [{ test: line => SPAM_WORDS.filter(word => line.includes(word)).length >= 5 }, 'spam keywords'],
];

const PINYIN_SIGN = new RegExp(`[(（][a-zü ]*[${TONED}]`);

/**
 * The characters of one line, each with what became of it: what the cleaning made of it, and
 * under which kind. A removed character has empty text.
 */
class Cells {
  private readonly texts: string[];
  private readonly kinds: (CleanKind | undefined)[];

  constructor(readonly original: string) {
    this.texts = original.split('');
    this.kinds = new Array(original.length);
  }

  /** The line as cleaned so far, and for each of its UTF-16 units the original unit it came from. */
  current(): { text: string; owner: number[] } {
    let text = '';
    const owner: number[] = [];
    this.texts.forEach((piece, i) => {
      text += piece;
      for (let k = 0; k < piece.length; k++) owner.push(i);
    });
    return { text, owner };
  }

  /** Removes (or replaces) what the current text holds from `start` to `end`. */
  replace(owner: number[], start: number, end: number, newText: string, kind: CleanKind): void {
    // Only the units still there: one an earlier step removed stays under its own kind.
    for (let j = start; j < end; j++) {
      this.texts[owner[j]] = '';
      this.kinds[owner[j]] = kind;
    }
    this.texts[owner[start]] = newText;
  }

  /** Applies a pattern's matches: each is removed, or replaced by what `replacement` gives (undefined: kept). */
  applyPattern(pattern: RegExp, kind: CleanKind, counts: CleanCounts, replacement: (match: string) => string | undefined = () => ''): void {
    const { text, owner } = this.current();
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const newText = replacement(match[0]);
      if (newText === undefined || !match[0]) continue;
      this.replace(owner, match.index!, match.index! + match[0].length, newText, kind);
      counts[kind]++;
    }
  }

  /** Applies a conversion of the whole line: the units that differ, or the middle that does when its length changes. */
  applyConversion(convert: (text: string) => string, kind: CleanKind, counts: CleanCounts): void {
    const { text, owner } = this.current();
    const converted = convert(text);
    if (converted === text) return;
    if (converted.length === text.length) {
      for (let i = 0; i < text.length; i++) {
        if (converted[i] === text[i]) continue;
        // A surrogate pair is replaced whole.
        const pair = /[\ud800-\udbff]/.test(text[i]) || /[\ud800-\udbff]/.test(converted[i]) ? 2 : 1;
        this.replace(owner, i, Math.min(text.length, i + pair), converted.slice(i, i + pair), kind);
        counts[kind]++;
        i += pair - 1;
      }
      return;
    }
    let prefix = 0;
    while (prefix < text.length && prefix < converted.length && text[prefix] === converted[prefix]) prefix++;
    if (/[\udc00-\udfff]/.test(text[prefix] ?? '')) prefix--;
    let suffix = 0;
    while (suffix < text.length - prefix && suffix < converted.length - prefix
      && text[text.length - 1 - suffix] === converted[converted.length - 1 - suffix]) suffix++;
    if (/[\udc00-\udfff]/.test(text[text.length - suffix] ?? '')) suffix--;
    this.replace(owner, prefix, text.length - suffix, converted.slice(prefix, converted.length - suffix), kind);
    counts[kind]++;
  }

  removeAll(kind: CleanKind): void {
    for (let i = 0; i < this.texts.length; i++) {
      this.texts[i] = '';
      this.kinds[i] = kind;
    }
  }

  /** The changes, as edits of the original line: runs of changed units of the same kind. */
  edits(offset = 0): CleanEdit[] {
    const edits: CleanEdit[] = [];
    for (let i = 0; i < this.texts.length; i++) {
      const kind = this.kinds[i];
      if (!kind) continue;
      let j = i + 1;
      while (j < this.texts.length && this.kinds[j] === kind) j++;
      const newText = this.texts.slice(i, j).join('');
      if (newText !== this.original.slice(i, j)) edits.push({ start: offset + i, end: offset + j, newText, kind });
      i = j - 1;
    }
    return edits;
  }
}

export interface CleanedLine {
  text: string;
  /** Edits of the line (offsets within it) that make `text`. */
  edits: CleanEdit[];
  /** Why the line is page furniture, when it is (its text is then empty). */
  furniture?: string;
  /** For each UTF-16 unit of `text`, the unit of the line it came from. */
  owner: number[];
}

/** Whether a line can need cleaning at all: most lines of a speech do not, and are passed through as they are. */
function mayNeedCleaning(line: string, traditional: boolean): boolean {
  if (/^[ \t\u00a0]+\S/.test(line) || /[<&]/.test(line) || /公\.?文/.test(line) || PINYIN_SIGN.test(line) || /[,:;?!()]/.test(line)) return true;
  if (traditional && hasTraditional(line)) return true;
  const trimmed = line.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
  return !!trimmed && FURNITURE.some(([pattern]) => pattern.test(trimmed));
}

/**
 * One line through the pipeline: HTML tags and entities, watermarks, pinyin readings, traditional
 * characters (when the text they come from is traditional), page furniture, half-width punctuation.
 */
export function cleanLine(line: string, traditional: boolean, counts: CleanCounts = noCleanCounts(), { markdown = false } = {}): CleanedLine {
  if (!mayNeedCleaning(line, traditional)) return { text: line, edits: [], owner: identity(line.length) };
  const cells = new Cells(line);
  // What a furniture line held is not counted: the line counts once, as furniture.
  const found = noCleanCounts();
  // First, so that what a later step makes (an &nbsp; decoded) is never taken for it.
  // In Markdown, indentation is syntax (a nested list, a code block).
  if (!markdown) cells.applyPattern(SOURCE_INDENTATION, 'indentation', found);
  cells.applyPattern(HTML_TAG, 'htmlTag', found);
  cells.applyPattern(HTML_ENTITY, 'htmlEntity', found, decodeEntity);
  cells.applyPattern(WATERMARK, 'watermark', found);
  cells.applyPattern(PINYIN_READING, 'pinyin', found);
  if (traditional) cells.applyConversion(toSimplified, 'traditional', found);
  const trimmed = cells.current().text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
  const furniture = trimmed ? FURNITURE.find(([pattern]) => pattern.test(trimmed)) : undefined;
  if (furniture) {
    counts.furniture++;
    cells.removeAll('furniture');
    return { text: '', edits: cells.edits(), furniture: furniture[1], owner: [] };
  }
  cells.applyConversion(fullWidthPunctuation, 'punctuation', found);
  for (const kind of CLEAN_KINDS) counts[kind] += found[kind];
  const { text, owner } = cells.current();
  return { text, edits: cells.edits(), owner };
}

function identity(length: number): number[] {
  const result = new Array<number>(length);
  for (let i = 0; i < length; i++) result[i] = i;
  return result;
}

export interface CleanResult {
  text: string;
  /** How many of each kind the cleaning removed or changed (readings, tags, furniture lines, characters converted…). */
  counts: CleanCounts;
  /** Edits of the text given that make `text`, in order, none overlapping, each of one kind. */
  edits: CleanEdit[];
}

/**
 * The inline headings that open a section of their own, so that a paragraph break belongs before
 * them: a GB heading (一、, （一）) glued after a sentence end; a run-in 第一，/一是 that heads
 * headings of its own, or whose siblings stand at line starts (the text was flattened). A run of
 * run-in items (一是…。二是…。), as drafters write them, stays run in.
 */
function sectionOpeners(headings: Heading[]): Heading[] {
  const found: Heading[] = [];
  const visit = (siblings: Heading[]) => {
    for (const heading of siblings) {
      const flattened = heading.inline && (isGbKind(heading.kind) || heading.children.length > 0
        || siblings.some(other => other.kind === heading.kind && !other.inline));
      if (flattened) found.push(heading);
      visit(heading.children);
    }
  };
  visit(headings);
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Pasted text cleaned up: HTML tags and entities, watermarks, pinyin readings and page furniture
 * removed, traditional characters simplified (when the text holds any), half-width punctuation
 * beside Chinese made full-width, and (unless `paragraphs` is false) a paragraph break restored
 * before each heading glued after a sentence end, as the outline reads the text (Markdown keeps its
 * indentation, which is syntax there). Nothing else is
 * deleted: every edit is of one of the kinds, and a line emptied by them goes with its line break.
 */
export function cleanPastedText(text: string, { paragraphs = true, markdown = false }: { paragraphs?: boolean; markdown?: boolean } = {}): CleanResult {
  const counts = noCleanCounts();
  const traditional = hasTraditional(text);
  const lines = new LineIndex(text);
  const edits: CleanEdit[] = [];
  let cleaned = '';
  const origin: number[] = [];
  /** Where the last line kept ends, and the first removal of whole lines after it. */
  let keptEnd = -1;
  let trailingRemoval = -1;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const end = lines.lineContentEnd(line);
    const next = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : text.length;
    const lineText = lines.lineText(line);
    const result = cleanLine(lineText, traditional, counts, { markdown });
    if (result.edits.length && !result.text.trim() && lineText.trim()) {
      // Nothing but furniture, tags or a watermark: the line goes, with its line break.
      const kind = result.furniture ? 'furniture' : result.edits.find(edit => edit.kind !== 'indentation')?.kind ?? 'indentation';
      if (trailingRemoval < 0) trailingRemoval = edits.length;
      edits.push({ start, end: next, newText: '', kind });
      continue;
    }
    keptEnd = end;
    trailingRemoval = -1;
    for (const edit of result.edits) edits.push({ ...edit, start: start + edit.start, end: start + edit.end });
    cleaned += result.text;
    for (const unit of result.owner) origin.push(start + unit);
    cleaned += text.slice(end, next);
    for (let i = end; i < next; i++) origin.push(i);
  }
  // Removed last lines of a text without a final line break take the line break before them along.
  if (trailingRemoval >= 0 && keptEnd >= 0 && !/[\r\n]$/.test(text)) {
    const lineBreak = edits[trailingRemoval].start - keptEnd;
    edits[trailingRemoval].start = keptEnd;
    cleaned = cleaned.slice(0, cleaned.length - lineBreak);
    origin.length -= lineBreak;
  }
  origin.push(text.length);
  if (paragraphs) {
    const eol = /\r\n/.test(text) ? '\r\n' : '\n';
    for (const heading of sectionOpeners(analyze(cleaned).headings)) {
      const at = heading.marker.start;
      // Spaces between the sentence end and the marker, when they are the text's own, give way to the break.
      let from = at;
      while (from > 0 && /[ \t\u3000]/.test(cleaned[from - 1]) && origin[from - 1] === origin[from] - 1 && text[origin[from - 1]] === cleaned[from - 1]) from--;
      const start = origin[from];
      const end = origin[at];
      if (edits.some(edit => edit.start < end && edit.end > start)) continue;
      edits.push({ start, end, newText: eol, kind: 'paragraph' });
      counts.paragraph++;
    }
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text: applyEdits(text, edits), counts, edits };
}

/**
 * The same cleaning as the shipped corpus (simplified, full-width punctuation, no pinyin
 * readings, tags or furniture), line by line and trimmed, so that line numbers still point into the file.
 */
export function cleanSpeechText(text: string): string[] {
  const traditional = hasTraditional(text);
  return text.split(/\r\n|\r|\n/)
    .map(line => line.trim())
    .map(line => (line ? cleanLine(line, traditional).text.trim() : line));
}

const HALF_WIDTH_BETWEEN_CHINESE = /\p{Script=Han}[,:;?!]\p{Script=Han}/u;
/** The global patterns above, for a test of one line (a global pattern's test would move its lastIndex). */
const ONE_PINYIN_READING = new RegExp(PINYIN_READING.source);
const ONE_HTML_TAG = new RegExp(HTML_TAG.source);

/**
 * Whether a text shows the signs of pasted text that the clean-up removes: a pinyin reading, an
 * HTML tag or entity, a watermark, a furniture line, traditional characters, or half-width
 * , : ; ? ! between Chinese characters (not a half-width (一) alone, nor indentation). Quick: no
 * conversion is made, and it stops at the first sign.
 */
export function hasPastedTextSigns(text: string): boolean {
  if (hasTraditional(text)) return true;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (HALF_WIDTH_BETWEEN_CHINESE.test(line) || /公\.?文\.?思/.test(line)) return true;
    if (ONE_PINYIN_READING.test(line) || ONE_HTML_TAG.test(line)) return true;
    if (line.includes('&') && [...line.matchAll(HTML_ENTITY)].some(entity => decodeEntity(entity[0]) !== undefined)) return true;
    const trimmed = line.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
    if (trimmed && FURNITURE.some(([pattern]) => pattern.test(trimmed))) return true;
  }
  return false;
}
