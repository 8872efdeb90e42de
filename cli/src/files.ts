import * as fs from 'fs';
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
