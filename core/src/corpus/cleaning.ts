// How a speech's text is cleaned before it is mined: the one pipeline the importer, the miner and
// the user's own files share.
import { fullWidthPunctuation, hasTraditional, removePinyinReadings, toSimplified } from '../chinese';

/** Bump when the cleaning below changes, so that cached segmentations are made again. */
export const CLEANING_VERSION = 1;

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
 * The same cleaning as the shipped corpus (simplified, full-width punctuation, no pinyin
 * readings), line by line, so that line numbers still point into the file.
 */
export function cleanSpeechText(text: string): string[] {
  const traditional = hasTraditional(text);
  return text.split(/\r\n|\r|\n/)
    .map(line => line.trim())
    .map(line => {
      if (!line) return line;
      const withoutReadings = removePinyinReadings(line).text;
      return fullWidthPunctuation(traditional ? toSimplified(withoutReadings) : withoutReadings);
    });
}
