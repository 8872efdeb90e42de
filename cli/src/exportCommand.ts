import { GBT_9704_STYLE } from '../../core/src/export/houseStyle';
import { exportDocx } from '../../core/src/export/docx';
import { isExistingFile, writeOutputFile } from '../../host/src/files';
import { analyzeFile } from './analyzeCommand';
import { InputError } from './files';

/** `export FILE --docx OUT.docx [--force]`: the speech in the official layout; never overwrites unasked. */
export async function exportCommand(file: string, out: string, force: boolean, print: (line: string) => void): Promise<void> {
  if (isExistingFile(out) && !force) throw new InputError(`${out} exists; add --force to replace it`);
  const analysis = analyzeFile(file);
  writeOutputFile(out, await exportDocx(analysis, GBT_9704_STYLE), { replace: force });
  print(`${out} written (${analysis.stats.characters} characters, about ${analysis.stats.minutes} minutes)`);
}
