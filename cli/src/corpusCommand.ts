import * as fs from 'fs';
import * as path from 'path';
import { cleanSpeechText, formatMinedIndex, importSeedPage, SeedImport, snippetsFileText, titleLineOf } from '../../core/src';
import { chooseSegmenter, listCorpusFiles, mineFolders, readCorpusFile, writeAtomically } from '../../host/src';
import { InputError, readSpeech } from './files';

const INDEX_FILE = 'index.json';
const REPORT_FILE = 'import-report.txt';

export function speechFileName(number: number): string {
  return `speech-${String(number).padStart(2, '0')}.txt`;
}

function seedReportText(source: string, result: SeedImport): string {
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

function writeIndex(outDir: string, source: string, speeches: { file: string; title: string; topics?: string[] }[]): void {
  writeAtomically(path.join(outDir, INDEX_FILE), JSON.stringify({ version: 1, source, speeches }, null, 2) + '\n');
}

/** The template site's page: one clean file per speech, an index and the import report. */
function importSeed(source: string, result: SeedImport, outDir: string, print: (line: string) => void): void {
  for (const speech of result.speeches) {
    writeAtomically(path.join(outDir, speechFileName(speech.number)), `${speech.title}\n${speech.text}`);
  }
  writeIndex(outDir, path.basename(source), result.speeches.map(s => ({ file: speechFileName(s.number), title: s.title, topics: s.topics })));
  writeAtomically(path.join(outDir, REPORT_FILE), seedReportText(source, result));
  print(`${result.speeches.length} speeches written to ${outDir}; ${result.notes.length} notes in import-report.txt`);
}

/** A user's own speeches (.txt, .speech, .md, .docx): one clean UTF-8 file each; unreadable files are reported. */
async function importUserFiles(sources: string[], outDir: string, print: (line: string) => void): Promise<void> {
  const written: { file: string; title: string; from: string }[] = [];
  // The importer's own files: a speech named import-report.md must not be replaced by the report.
  const taken = new Set([INDEX_FILE, REPORT_FILE]);
  const skipped: string[] = [];
  const files = sources.flatMap(source => {
    try {
      return listCorpusFiles(source);
    } catch {
      skipped.push(`${source}\tno such file or folder`);
      return [];
    }
  });
  for (const file of files) {
    const read = await readCorpusFile(file);
    if (!read.ok) {
      skipped.push(`${file}\t${read.reason}`);
      continue;
    }
    const lines = cleanSpeechText(read.text);
    const titleLine = titleLineOf(lines);
    let name = `${path.basename(file, path.extname(file))}.txt`;
    for (let n = 2; taken.has(name); n++) name = `${path.basename(file, path.extname(file))}-${n}.txt`;
    taken.add(name);
    writeAtomically(path.join(outDir, name), lines.join('\n').replace(/\n*$/, '\n'));
    written.push({ file: name, title: titleLine !== undefined ? lines[titleLine] : path.basename(file, path.extname(file)), from: file });
  }
  writeIndex(outDir, 'user files', written);
  writeAtomically(path.join(outDir, REPORT_FILE),
    [`# Import report`, '', `speeches: ${written.length}`, `skipped: ${skipped.length}`, '', ...skipped, ''].join('\n'));
  print(`${written.length} speeches written to ${outDir}; ${skipped.length} skipped`);
  for (const line of skipped) print(`skipped: ${line.replace('\t', ': ')}`);
}

/** A path with its symbolic links resolved, as far as it exists (an output folder may not exist yet). */
function realPath(file: string): string {
  const absolute = path.resolve(file);
  try {
    return fs.realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realPath(parent), path.basename(absolute));
  }
}

/** The cleaned files must not land among the originals, even through a link: they would replace them. */
function refuseOutputAmongSources(sources: string[], outDir: string): void {
  const out = realPath(outDir);
  for (const source of sources) {
    const stat = fs.statSync(source, { throwIfNoEntry: false });
    const folder = realPath(stat?.isDirectory() ? source : path.dirname(source));
    const inside = out === folder || (stat?.isDirectory() && out.startsWith(folder + path.sep));
    if (inside) throw new InputError(`--out ${outDir} is ${out === folder ? '' : 'inside '}the folder of ${source}: the cleaned files would replace or mix with your originals; choose another folder`);
  }
}

/** `corpus import SOURCE... --out DIR`: a template site's page, or a user's own files and folders. */
export async function importCorpus(sources: string[], outDir: string, print: (line: string) => void): Promise<void> {
  if (!sources.some(source => fs.existsSync(source))) throw new InputError(`${sources.join(', ')}: no such file or folder; nothing imported`);
  refuseOutputAmongSources(sources, outDir);
  fs.mkdirSync(outDir, { recursive: true });
  if (sources.length === 1 && fs.statSync(sources[0], { throwIfNoEntry: false })?.isFile() && path.extname(sources[0]) === '.txt') {
    const page = importSeedPage(readSpeech(sources[0]));
    if (page.speeches.length > 1) return importSeed(sources[0], page, outDir, print);
  }
  return importUserFiles(sources, outDir, print);
}

/**
 * `corpus mine DIR... --out INDEX [--snippets FILE]`: segment with nodejieba (the portable segmenter
 * where its binary does not load, or with SPEECH_DRAFT_SEGMENTER=portable) and write the mined index.
 */
export async function mineCorpusCommand(roots: string[], out: string, snippetsFile: string | undefined, print: (line: string) => void): Promise<void> {
  for (const root of roots) if (!fs.existsSync(root)) throw new InputError(`${root}: no such file or folder`);
  const { index, report } = await mineFolders(roots, { segmenter: chooseSegmenter() });
  writeAtomically(out, formatMinedIndex(index));
  if (snippetsFile) writeAtomically(snippetsFile, snippetsFileText(index));
  print(`${report.files} speeches mined into ${out}: ${index.phrases.length} phrases, ${index.slogans.length} parallel slogans, `
    + `${index.summaries.length} numeric summaries, ${index.openings.length} openings, ${index.closings.length} closings, `
    + `${index.headingPatterns.length} heading patterns, ${index.sentences.length} sentences${snippetsFile ? `; snippets in ${snippetsFile}` : ''}`);
  print(report.segmenter);
  for (const { file, reason } of report.skipped) print(`skipped: ${file}: ${reason}`);
}
