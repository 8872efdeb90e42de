import { formatChineseNumeral } from '../numerals';
import { Heading } from '../structure';
import { firstIndex } from '../text';
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

const ANNOUNCEMENT = /(?:下面|接下来|现在|这里|今天)[，,]?[^。；！？\n]{0,40}?(?:讲|强调|谈|提|说)(?:一下)?([一二三四五六七八九十两]|\d)(?:点|个方面|方面)/g;

export function announcedCounts(text: string, all: Heading[]): AnnouncedCount[] {
  const found: AnnouncedCount[] = [];
  for (const match of text.matchAll(ANNOUNCEMENT)) {
    const numeral = match[1];
    const number = numeralValue(numeral);
    const start = match.index! + match[0].lastIndexOf(numeral);
    // 谈一点体会 is modesty, not a count.
    if (number === undefined || number < 2) continue;
    // The points are the next heading, if it is a first one (一、, 第一, 一是), and the siblings
    // numbered on from it. A text that goes on at 第二 was cut: it cannot be checked.
    // Headings are in text order: the first at or after the numeral is found by bisection.
    const at = firstIndex(all.length, i => all[i].start >= start);
    const first = all[at];
    if (!first || first.value !== 1) continue;
    const delivered: Heading[] = [first];
    for (let i = at + 1; i < all.length; i++) {
      const heading = all[i];
      if (heading.start <= first.start) continue;
      if (heading.level < first.level) break;
      if (heading.level > first.level || heading.kind !== first.kind) continue;
      if (heading.value !== delivered.length + 1) break;
      delivered.push(heading);
    }
    found.push({ number, start, end: start + numeral.length, delivered });
  }
  return found;
}

export function numeralLike(original: string, value: number): string {
  return /\d/.test(original) ? String(value) : formatChineseNumeral(value);
}
