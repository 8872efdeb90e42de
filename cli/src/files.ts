import * as fs from 'fs';
import { decodeText, StoredForm } from '../../host/src';

export class InputError extends Error {}

export interface SpeechFile {
  text: string;
  /** How it is stored, for a rewrite to store it the same way. */
  form: StoredForm;
  /** The bytes read, to tell whether the file changed before it is written. */
  bytes: Buffer;
}

/** Reads a speech file, or throws InputError with a message a user can act on. */
export function readSpeechFile(file: string): SpeechFile {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code})`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new InputError(`${file}: cannot read as text: ${decoded.reason}`);
  return { text: decoded.text, form: { encoding: decoded.encoding, bom: decoded.bom }, bytes };
}

/** Reads a speech file as text, or throws InputError. */
export function readSpeech(file: string): string {
  return readSpeechFile(file).text;
}
