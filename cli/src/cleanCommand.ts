import { CLEAN_KINDS, CleanCounts, cleanPastedText } from '../../core/src';
import { encodeText, replaceFileContent, WriteRefused } from '../../host/src';
import { InputError, readSpeechFile } from './files';

/** What the cleaning did, kind by kind, e.g. `5191 pinyin readings, 8 HTML tags`; empty when nothing. */
export function describeCleanCounts(counts: CleanCounts): string {
  const names: Record<keyof CleanCounts, string> = {
    htmlTag: 'HTML tags', htmlEntity: 'HTML entities', watermark: 'watermarks', pinyin: 'pinyin readings',
    furniture: 'furniture lines', indentation: 'indentations', traditional: 'traditional characters',
    punctuation: 'half-width punctuation marks', paragraph: 'paragraph breaks restored',
  };
  return CLEAN_KINDS.filter(kind => counts[kind]).map(kind => `${counts[kind]} ${names[kind]}`).join(', ');
}

/**
 * `clean [--write] FILE...`: prints each file's text cleaned up as pasted text is (pinyin
 * readings, HTML, page furniture, traditional characters, half-width punctuation, glued headings),
 * or rewrites each file that changes in its own encoding, BOM and line endings, and says what it
 * did on stderr. Returns false if a file could not be read or written; the others are still done.
 */
export function cleanFiles(files: string[], write: boolean, print: (line: string) => void, warn: (line: string) => void): boolean {
  let allDone = true;
  for (const file of files) {
    try {
      const { text, form, bytes } = readSpeechFile(file);
      const result = cleanPastedText(text, { markdown: /\.(md|markdown)$/i.test(file) });
      const done = describeCleanCounts(result.counts) || 'nothing to clean';
      if (!write) {
        print(result.text.replace(/\r?\n$/, ''));
        warn(`${file}: ${done}`);
      } else if (result.edits.length) {
        replaceFileContent(file, encodeText(result.text, form), bytes);
        print(`${file}: ${done}`);
      }
    } catch (error) {
      if (!(error instanceof InputError || error instanceof WriteRefused)) throw error;
      warn(`speech-draft: ${error.message}`);
      allDone = false;
    }
  }
  return allDone;
}
