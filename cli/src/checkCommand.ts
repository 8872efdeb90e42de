import { toReport } from '../../core/src';
import { analyzeFile } from './analyzeCommand';

/** `file:line:col: severity: message` lines (1-based, as compilers print them); true when clean. */
export function checkFiles(files: string[], print: (line: string) => void): boolean {
  let clean = true;
  for (const file of files) {
    const report = toReport(file, analyzeFile(file));
    for (const d of report.diagnostics) {
      print(`${file}:${d.line + 1}:${d.character + 1}: ${d.severity}: ${d.message} [${d.code}]`);
      if (d.severity === 'warning' || d.severity === 'error') clean = false;
    }
  }
  return clean;
}
