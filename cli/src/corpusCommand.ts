import * as fs from 'fs';
import * as path from 'path';
import { importSeedPage, SeedImport } from '../../core/src';
import { readSpeech, writeAtomically } from './files';

export function speechFileName(number: number): string {
  return `speech-${String(number).padStart(2, '0')}.txt`;
}

function reportText(source: string, result: SeedImport): string {
  const count = (kind: string) => result.notes.filter(n => n.kind === kind).length;
  const byReason = new Map<string, number>();
  for (const note of result.notes) byReason.set(note.reason, (byReason.get(note.reason) ?? 0) + 1);
  return [
    `# Import report: ${path.basename(source)}`,
    '',
    `speeches: ${result.speeches.length}`,
    `pinyin readings removed: ${result.pinyinReadingsRemoved}`,
    `dropped: ${count('dropped')}`,
    `kept but not repaired: ${count('unrepaired')}`,
    '',
    ...[...byReason].map(([reason, n]) => `  ${n}\t${reason}`),
    '',
    '## Every note (source line, what, text)',
    ...result.notes.map(n => `${n.line}\t${n.kind}\t${n.reason}\t${n.text}`),
    '',
  ].join('\n');
}

/** `corpus import PAGE --out DIR`: one clean UTF-8 file per speech, an index and the import report. */
export function importCorpus(source: string, outDir: string, print: (line: string) => void): void {
  const result = importSeedPage(readSpeech(source));
  fs.mkdirSync(outDir, { recursive: true });
  for (const speech of result.speeches) {
    writeAtomically(path.join(outDir, speechFileName(speech.number)), `${speech.title}\n${speech.text}`);
  }
  const index = result.speeches.map(s => ({ file: speechFileName(s.number), title: s.title, topics: s.topics }));
  writeAtomically(path.join(outDir, 'index.json'), JSON.stringify({ version: 1, source: path.basename(source), speeches: index }, null, 2) + '\n');
  writeAtomically(path.join(outDir, 'import-report.txt'), reportText(source, result));
  print(`${result.speeches.length} speeches written to ${outDir}; ${result.notes.length} notes in import-report.txt`);
}
