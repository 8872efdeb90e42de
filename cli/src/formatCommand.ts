import { applyEdits, formatEdits } from '../../core/src';
import { writeAtomically } from '../../core/src/corpus/reading';
import { readSpeech } from './files';

/** `format [--write] FILE...`: prints the formatted text, or rewrites each file (as UTF-8) that changes. */
export function formatFiles(files: string[], write: boolean, print: (line: string) => void): void {
  for (const file of files) {
    const text = readSpeech(file);
    const edits = formatEdits(text);
    const formatted = applyEdits(text, edits);
    if (!write) {
      print(formatted.replace(/\n$/, ''));
    } else if (edits.length) {
      writeAtomically(file, formatted);
      print(`${file}: ${edits.length} changes`);
    }
  }
}
