import * as fs from 'fs';
import * as path from 'path';
import { decodeText } from '../decode';
import { fullWidthPunctuation, hasTraditional, removePinyinReadings, toSimplified } from './chinese';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const MARKDOWN_SYNTAX: [RegExp, string][] = [
  [/^#{1,6}[ \t]+/gm, ''],
  [/^>[ \t]?/gm, ''],
  [/^[ \t]*[-*+][ \t]+/gm, ''],
  [/\*\*|__/g, ''],
];

const SPEECH_EXTENSIONS = ['.txt', '.md', '.docx'];

/** Bump when the cleaning below changes, so that cached segmentations are made again. */
export const CLEANING_VERSION = 1;

/** Why a file of this type is not read as a speech, or undefined if it is. */
export function unsupportedReason(extension: string): string | undefined {
  if (extension === '.doc') return 'old Word .doc format: save it as .docx';
  if (!SPEECH_EXTENSIONS.includes(extension)) return `not a speech file (${extension || 'no extension'}): only .txt, .md and .docx are read`;
  return undefined;
}

/** Reads one of a user's past speeches: .txt (UTF-8, UTF-16, GBK/GB18030), .md or .docx. */
export async function readCorpusFile(file: string): Promise<ReadResult> {
  const extension = path.extname(file).toLowerCase();
  const unsupported = unsupportedReason(extension);
  if (unsupported) return { ok: false, reason: unsupported };
  try {
    return await decodeCorpusFile(fs.readFileSync(file), extension);
  } catch (error) {
    return { ok: false, reason: `cannot read (${(error as NodeJS.ErrnoException).code})` };
  }
}

/** The text of a speech file's bytes, by its extension; a one-line reason when there is none. */
export async function decodeCorpusFile(bytes: Buffer, extension: string): Promise<ReadResult> {
  const unsupported = unsupportedReason(extension);
  if (unsupported) return { ok: false, reason: unsupported };
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
    // mammoth ends every paragraph with a blank line: one line per paragraph keeps line numbers meaningful.
    return { ok: true, text: value.replace(/\n\n/g, '\n') };
  } catch (error) {
    return { ok: false, reason: `not a readable .docx (${(error as Error).message.split('\n')[0]})` };
  }
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


const SKIPPED_NAMES = new Set(['index.json', 'import-report.txt']);
/** A folder setting that points at a whole disk (`~`) must not make mining run for hours. */
export const MAX_FILES = 2000;

/** Files under a folder (or the file itself), sorted, without hidden files and the importer's own output. */
export function listCorpusFiles(root: string): string[] {
  const stat = fs.statSync(root);
  if (stat.isFile()) return [root];
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (found.length > MAX_FILES) return;
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
