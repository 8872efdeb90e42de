import { applyEdits, formatEdits } from '../../core/src';
import { encodeText, replaceFileContent, WriteRefused } from '../../host/src';
import { InputError, readSpeechFile } from './files';

/**
 * `format [--write] FILE...`: prints the formatted text, or rewrites each file that changes, in its
 * own encoding. Returns false if a file could not be read or written; the others are still done.
 */
export function formatFiles(files: string[], write: boolean, print: (line: string) => void, warn: (line: string) => void): boolean {
  let allDone = true;
  for (const file of files) {
    try {
      const { text, form, bytes } = readSpeechFile(file);
      const edits = formatEdits(text);
      const formatted = applyEdits(text, edits);
      if (!write) {
        print(formatted.replace(/\n$/, ''));
      } else if (edits.length) {
        replaceFileContent(file, encodeText(formatted, form), bytes);
        print(`${file}: ${edits.length} changes`);
      }
    } catch (error) {
      if (!(error instanceof InputError || error instanceof WriteRefused)) throw error;
      warn(`speech-draft: ${error.message}`);
      allDone = false;
    }
  }
  return allDone;
}
