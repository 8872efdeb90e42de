import * as fs from 'fs';
import * as path from 'path';
import { decodeText } from '../decode';
import { fullWidthPunctuation, removePinyinReadings, toSimplified } from './chinese';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const MARKDOWN_SYNTAX: [RegExp, string][] = [
  [/^#{1,6}[ \t]+/gm, ''],
  [/^>[ \t]?/gm, ''],
  [/^[ \t]*[-*+][ \t]+/gm, ''],
  [/\*\*|__/g, ''],
];

/** Reads one of a user's past speeches: .txt (UTF-8, UTF-16, GBK/GB18030), .md or .docx. */
export async function readCorpusFile(file: string): Promise<ReadResult> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.doc') return { ok: false, reason: 'old Word .doc format: save it as .docx' };
  if (!['.txt', '.md', '.docx'].includes(extension)) return { ok: false, reason: `not a speech file (${extension || 'no extension'}): only .txt, .md and .docx are read` };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, reason: `cannot read (${(error as NodeJS.ErrnoException).code})` };
  }
  if (extension === '.docx') return readDocx(bytes);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  let text = decoded.text;
  if (extension === '.md') for (const [pattern, replacement] of MARKDOWN_SYNTAX) text = text.replace(pattern, replacement);
  return { ok: true, text };
}

async function readDocx(bytes: Buffer): Promise<ReadResult> {
  const mammoth = await import('mammoth');
  try {
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    return { ok: true, text: value };
  } catch (error) {
    return { ok: false, reason: `not a readable .docx (${(error as Error).message.split('\n')[0]})` };
  }
}

/**
 * The same cleaning as the shipped corpus (simplified, full-width punctuation, no pinyin
 * readings), line by line, so that line numbers still point into the file.
 */
export function cleanSpeechText(text: string): string[] {
  return text.split(/\r\n|\r|\n/)
    .map(line => line.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''))
    .map(line => (line ? fullWidthPunctuation(toSimplified(removePinyinReadings(line).text)) : line));
}

/** The line index of the title: a first line that is short and has no closing punctuation. */
export function titleLineOf(lines: string[]): number | undefined {
  const first = lines.findIndex(line => line);
  const line = lines[first];
  return line && line.length <= 40 && !/[。！？；，：:]$/.test(line) ? first : undefined;
}

const SKIPPED_NAMES = new Set(['index.json', 'import-report.txt']);

/** Files under a folder (or the file itself), sorted, without hidden files and the importer's own output. */
export function listCorpusFiles(root: string): string[] {
  const stat = fs.statSync(root);
  if (stat.isFile()) return [root];
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || SKIPPED_NAMES.has(entry.name)) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push(full);
    }
  };
  walk(root);
  return found;
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
}
