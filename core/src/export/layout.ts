import { Analysis } from '../analyze';
import { HEADING_END } from '../markers';
import { SALUTATION } from '../speechConventions';
import { Heading, titleLineOf } from '../structure';

export type RunStyle = 'title' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'heading4';

export interface LaidRun {
  text: string;
  style: RunStyle;
}

/** A paragraph of the exported document: its role and its runs, heading parts styled apart. */
export interface LaidParagraph {
  /** A byline is a line under the title: the date (（2024年3月5日）) or the speaker. */
  kind: 'title' | 'byline' | 'salutation' | 'body';
  runs: LaidRun[];
}

/** A line under the title that is no sentence: short, without closing punctuation. */
const MAX_BYLINE = 30;
const SENTENCE_END = /[。；：？！，;:?!,]$/;

/** Form feeds and other controls pasted from PDFs are not allowed in XML: Word would refuse the file. */
// eslint-disable-next-line no-control-regex -- the characters XML cannot hold
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}

function headingStyle(level: number): RunStyle {
  return `heading${Math.min(level, 4)}` as RunStyle;
}

/**
 * The speech as document paragraphs: a title, the salutation, and body paragraphs in which a
 * heading (line-start or run-in after a full stop) is a run of its level's style, through its
 * closing punctuation; the rest of the paragraph stays body text. Markers stay literal text.
 */
export function layoutSpeech(analysis: Analysis): LaidParagraph[] {
  const { text, lines } = analysis;
  const lineTexts = Array.from({ length: lines.lineCount }, (_, i) => lines.lineText(i));
  const headingsByLine = new Map<number, Heading[]>();
  for (const heading of analysis.allHeadings) {
    const line = lines.positionAt(heading.marker.start).line;
    headingsByLine.set(line, [...(headingsByLine.get(line) ?? []), heading]);
  }
  const trimmed = lineTexts.map(line => line.trim());
  const titleLine = titleLineOf(trimmed);
  const paragraphs: LaidParagraph[] = [];
  let underTitle = false;
  lineTexts.forEach((line, i) => {
    const content = trimmed[i];
    if (!content) return;
    const headings = headingsByLine.get(i) ?? [];
    if (i === titleLine && !headings.length) {
      paragraphs.push({ kind: 'title', runs: [{ text: withoutControlCharacters(content), style: 'title' }] });
      underTitle = true;
      return;
    }
    underTitle &&= !headings.length && !SALUTATION.test(content) && content.length <= MAX_BYLINE && !SENTENCE_END.test(content);
    if (underTitle) {
      paragraphs.push({ kind: 'byline', runs: [{ text: withoutControlCharacters(content), style: 'body' }] });
      return;
    }
    if (SALUTATION.test(content)) {
      paragraphs.push({ kind: 'salutation', runs: [{ text: withoutControlCharacters(content), style: 'body' }] });
      return;
    }
    const lineStart = lines.lineStarts[i] + (line.length - line.trimStart().length);
    const lineEnd = lineStart + content.length;
    const runs: LaidRun[] = [];
    let at = lineStart;
    const push = (end: number, style: RunStyle) => {
      if (end > at) runs.push({ text: withoutControlCharacters(text.slice(at, end)), style });
      at = Math.max(at, end);
    };
    for (const heading of headings) {
      push(heading.marker.start, 'body');
      const end = HEADING_END.test(text[heading.marker.textEnd] ?? '') ? heading.marker.textEnd + 1 : heading.marker.textEnd;
      push(Math.min(end, lineEnd), headingStyle(heading.level));
    }
    push(lineEnd, 'body');
    paragraphs.push({ kind: 'body', runs });
  });
  return paragraphs;
}
