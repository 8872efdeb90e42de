import { formatChineseNumeral } from '../numerals';
import { Heading } from '../structure';
import { LineCache, nonEmpty } from '../lineCache';
import { firstIndex, LineIndex } from '../text';
import { numeralValue } from './recognize';

/** 下面，我讲三点意见 / 我再强调四个方面: a count of points the speech promises to deliver. */
export interface AnnouncedCount {
  number: number;
  /** The numeral's span, for the fix. */
  start: number;
  end: number;
  /** The headings that deliver the points: the first heading after the announcement and its siblings. */
  delivered: Heading[];
}

/** 下面，我讲三点意见 in a line: the count and the numeral's span, at offsets within the line. */
export interface LineAnnouncement {
  number: number;
  start: number;
  end: number;
}

/** Never over a line break: announcements are read line by line, and an edit reads its line again. */
const ANNOUNCEMENT = /(?:下面|接下来|现在|这里|今天)[，,]?[^。；！？\r\n]{0,40}?(?:讲|强调|谈|提|说)(?:一下)?([一二三四五六七八九十两]|\d)(?:点|个方面|方面)/g;

/** The counts a line announces; lines without any (most) share one empty list. */
export function announcementsInLine(line: string): LineAnnouncement[] {
  let found: LineAnnouncement[] | undefined;
  for (const match of line.matchAll(ANNOUNCEMENT)) {
    const numeral = match[1];
    const number = numeralValue(numeral);
    // 谈一点体会 is modesty, not a count.
    if (number === undefined || number < 2) continue;
    const start = match.index! + match[0].lastIndexOf(numeral);
    (found ??= []).push({ number, start, end: start + numeral.length });
  }
  return found ?? NO_ANNOUNCEMENTS;
}

const NO_ANNOUNCEMENTS: LineAnnouncement[] = Object.freeze([]) as unknown as LineAnnouncement[];

/** The announced counts of a text, read line by line (with `cache`, only the changed lines), with the headings that deliver them. */
export function announcedCounts(lines: LineIndex, all: Heading[], cache?: LineCache<LineAnnouncement[]>): AnnouncedCount[] {
  const found: AnnouncedCount[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const inLine = cache ? cache.getLine(lines, line, announcementsInLine, nonEmpty) : announcementsInLine(lines.lineText(line));
    for (const announced of inLine) {
      const start = announced.start + lines.lineStarts[line];
      const delivered = deliveredAfter(start, all);
      if (delivered) found.push({ number: announced.number, start, end: announced.end + lines.lineStarts[line], delivered });
    }
  }
  cache?.endRun();
  return found;
}

/**
 * The points an announcement at `start` is followed by: the next heading, if it is a first one (一、,
 * 第一, 一是), and the siblings numbered on from it. A text that goes on at 第二 was cut: it cannot be checked.
 */
function deliveredAfter(start: number, all: Heading[]): Heading[] | undefined {
  // Headings are in text order: the first at or after the numeral is found by bisection.
  const at = firstIndex(all.length, i => all[i].start >= start);
  const first = all[at];
  if (!first || first.value !== 1) return undefined;
  const delivered: Heading[] = [first];
  for (let i = at + 1; i < all.length; i++) {
    const heading = all[i];
    if (heading.start <= first.start) continue;
    if (heading.level < first.level) break;
    if (heading.level > first.level || heading.kind !== first.kind) continue;
    if (heading.value !== delivered.length + 1) break;
    delivered.push(heading);
  }
  return delivered;
}

export function numeralLike(original: string, value: number): string {
  return /\d/.test(original) ? String(value) : formatChineseNumeral(value);
}
