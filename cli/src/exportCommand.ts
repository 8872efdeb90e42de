import { GBT_9704_STYLE } from '../../core/src';
import { exportDocx, isExistingFile, writeOutputFile } from '../../host/src';
import { analyzeFile } from './analyzeCommand';
import { InputError } from './files';

export interface ExportOptions {
  /** Replace an existing file. */
  force: boolean;
  /** Refuse a draft with unfilled placeholders. */
  strict: boolean;
}

/**
 * `export FILE --docx OUT.docx [--force] [--strict]`: the speech in the official layout; never
 * overwrites unasked; says how many placeholders are still unfilled (and with --strict, refuses).
 */
export async function exportCommand(file: string, out: string, { force, strict }: ExportOptions, print: (line: string) => void, warn: (line: string) => void): Promise<void> {
  if (isExistingFile(out) && !force) throw new InputError(`${out} exists; add --force to replace it`);
  const analysis = analyzeFile(file);
  const [first] = analysis.placeholders;
  if (first) {
    const { line, character } = analysis.lines.positionAt(first.start);
    const unfilled = `${analysis.placeholders.length} placeholder(s) still unfilled, the first “${first.text}” at ${file}:${line + 1}:${character + 1}`;
    if (strict) throw new InputError(`${unfilled}; nothing exported (--strict)`);
    warn(`speech-draft: warning: ${unfilled}`);
  }
  writeOutputFile(out, await exportDocx(analysis, GBT_9704_STYLE), { replace: force });
  print(`${out} written (${analysis.stats.characters} characters, about ${analysis.stats.minutes} minutes)`);
}
