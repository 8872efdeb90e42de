import * as fs from 'fs';
import * as path from 'path';
import { stripMarkdown } from '../../../core/src';
import { decodeText } from '../decode';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** The extension's own drafts (.speech) are plain text too. */
const SPEECH_EXTENSIONS = ['.txt', '.speech', '.md', '.docx'];

/** Why a file of this type is not read as a speech, or undefined if it is. */
export function unsupportedReason(extension: string): string | undefined {
  if (extension === '.doc') return 'old Word .doc format: save it as .docx';
  if (!SPEECH_EXTENSIONS.includes(extension)) return `not a speech file (${extension || 'no extension'}): only .txt, .speech, .md and .docx are read`;
  return undefined;
}

/** Reads one of a user's past speeches: .txt (UTF-8, UTF-16, GBK/GB18030), .md or .docx, up to a size. */
export async function readCorpusFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  const extension = path.extname(file).toLowerCase();
  const unsupported = unsupportedReason(extension);
  if (unsupported) return { ok: false, reason: unsupported };
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) return { ok: false, reason: tooLarge(size, maxBytes) };
    return await decodeCorpusFile(fs.readFileSync(file), extension, maxBytes);
  } catch (error) {
    return { ok: false, reason: `cannot read (${(error as NodeJS.ErrnoException).code})` };
  }
}

/** A speech is tens of kilobytes: a file past this is not one (and a .docx must not unpack to more). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 2 ** 20;

/** A size as a reader says it: KB below a megabyte, MB with one decimal above. */
export const readableSize = (bytes: number) => (bytes < 2 ** 20 ? `${Math.round(bytes / 2 ** 10)} KB` : `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`);

export const tooLarge = (size: number, maxBytes: number) => `larger than ${readableSize(maxBytes)} (${readableSize(size)}): not a speech`;

/** The text of a speech file's bytes, by its extension; a one-line reason when there is none. */
export async function decodeCorpusFile(bytes: Buffer, extension: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  const unsupported = unsupportedReason(extension);
  if (unsupported) return { ok: false, reason: unsupported };
  if (bytes.length > maxBytes) return { ok: false, reason: tooLarge(bytes.length, maxBytes) };
  if (extension === '.docx') return readDocx(bytes, maxBytes);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, text: extension === '.md' ? stripMarkdown(decoded.text) : decoded.text };
}

/**
 * How many bytes a .docx's parts other than its media unpack to, counted while they inflate and
 * stopped past `maxBytes`: a small file can unpack to gigabytes (a zip bomb), and its declared
 * sizes cannot be trusted.
 */
async function unpackedTextSize(bytes: Buffer, maxBytes: number): Promise<number> {
  const JSZip = require('jszip') as typeof import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || /^word\/media\//.test(entry.name)) continue;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy(): void };
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) {
          stream.destroy();
          resolve();
        }
      }).on('error', reject).on('end', () => resolve());
    });
    if (total > maxBytes) break;
  }
  return total;
}

async function readDocx(bytes: Buffer, maxBytes: number): Promise<ReadResult> {
  try {
    const unpacked = await unpackedTextSize(bytes, maxBytes);
    if (unpacked > maxBytes) return { ok: false, reason: `its text unpacks to more than ${readableSize(maxBytes)}: not a speech` };
    const mammoth = await import('mammoth');
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    // mammoth ends every paragraph with a blank line: one line per paragraph keeps line numbers meaningful.
    return { ok: true, text: value.replace(/\n\n/g, '\n') };
  } catch (error) {
    return { ok: false, reason: `not a readable .docx (${(error as Error).message.split('\n')[0]})` };
  }
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
