import * as fs from 'fs';
import * as path from 'path';
import { decodeText } from '../../core/src';

export class InputError extends Error {}

/** Reads a speech file as text, or throws InputError with a message a user can act on. */
export function readSpeech(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code})`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new InputError(`${file}: cannot read as text: ${decoded.reason}`);
  return decoded.text;
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
}
