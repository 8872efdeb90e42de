// Writing files on the user's disk. A speech is the user's work: a write keeps what makes the
// file theirs (permissions, owner, links), refuses what they may not or did not mean to write,
// and never half-writes or loses a change made meanwhile.
import * as fs from 'fs';
import * as path from 'path';

/** A write that was refused, with a message the user can act on; nothing was changed. */
export class WriteRefused extends Error {}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isFIFO()) return 'a pipe';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Where a write to `file` lands: the end of its chain of symbolic links. */
function linkTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw new WriteRefused(`${file}: cannot be resolved (${errorCode(error)})`);
    // A new file, or a link to one that does not exist yet: the folder must exist.
    const link = fs.lstatSync(file, { throwIfNoEntry: false });
    const destination = link?.isSymbolicLink() ? path.resolve(path.dirname(file), fs.readlinkSync(file)) : file;
    let folder: string;
    try {
      folder = fs.realpathSync(path.dirname(destination));
    } catch {
      throw new WriteRefused(`${file}: the folder ${path.dirname(destination)} does not exist`);
    }
    if (!fs.statSync(folder).isDirectory()) throw new WriteRefused(`${file}: ${path.dirname(destination)} is not a folder`);
    return path.join(folder, path.basename(destination));
  }
}

function refuseUnwritable(file: string, stat: fs.Stats): void {
  if (!stat.isFile()) throw new WriteRefused(`${file} is ${kindOf(stat)}: only a regular file is written`);
  // A file without any write bit was made read-only on purpose: even root leaves it alone.
  if ((stat.mode & 0o222) === 0) throw new WriteRefused(`${file} is read-only: nothing written`);
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    throw new WriteRefused(`${file}: you may not write this file: nothing written`);
  }
}

function refuseIfChanged(file: string, expected: Uint8Array | undefined): void {
  if (expected && !fs.readFileSync(file).equals(expected)) {
    throw new WriteRefused(`${file} changed after it was read: nothing written; run again`);
  }
}

function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Writes a new file's whole content, or replaces an existing one's through a temporary file
 * renamed over it (a crash never leaves half a file). A replaced file keeps its mode and owner;
 * one with several hard links, or whose owner this user cannot give a new file, is rewritten in
 * place instead, so the links and owner stay.
 */
function writeThroughTemporary(target: string, data: Uint8Array, existing: fs.Stats | undefined, expected?: Uint8Array): void {
  if (existing && existing.nlink > 1) return writeInPlace(target, data, expected);
  const temporary = temporaryBeside(target);
  try {
    fs.writeFileSync(temporary, data, { mode: existing ? existing.mode & 0o7777 : 0o666, flag: 'wx' });
  } catch (error) {
    // A folder this user may not create files in: the file itself may still be writable.
    if (existing && (errorCode(error) === 'EACCES' || errorCode(error) === 'EPERM')) return writeInPlace(target, data, expected);
    throw new WriteRefused(`${target}: cannot write (${errorCode(error)})`);
  }
  try {
    if (existing) {
      fs.chmodSync(temporary, existing.mode & 0o7777);
      const temporaryStat = fs.statSync(temporary);
      if (temporaryStat.uid !== existing.uid || temporaryStat.gid !== existing.gid) {
        try {
          fs.chownSync(temporary, existing.uid, existing.gid);
        } catch {
          fs.rmSync(temporary, { force: true });
          return writeInPlace(target, data, expected);
        }
      }
    }
    refuseIfChanged(target, expected);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    if (error instanceof WriteRefused) throw error;
    throw new WriteRefused(`${target}: cannot write (${errorCode(error)})`);
  }
}

function writeInPlace(target: string, data: Uint8Array, expected?: Uint8Array): void {
  refuseIfChanged(target, expected);
  try {
    fs.writeFileSync(target, data);
  } catch (error) {
    throw new WriteRefused(`${target}: cannot write (${errorCode(error)})`);
  }
}

/**
 * Replaces the content of a file the user edits (`format --write`). A symbolic link is followed
 * and its target written; the file keeps its permissions and owner; a read-only or unwritable
 * file, or one that differs from `expected` (the bytes it was read as), is refused.
 */
export function replaceFileContent(file: string, data: Uint8Array, expected: Uint8Array): void {
  const target = linkTarget(file);
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) throw new WriteRefused(`${file} no longer exists: nothing written`);
  refuseUnwritable(file, stat);
  writeThroughTemporary(target, data, stat, expected);
}

/**
 * Writes an output file (the Word export): a new file, or, with `replace`, over an existing
 * regular file; never over a folder, a device or a read-only file.
 */
export function writeOutputFile(file: string, data: Uint8Array, { replace }: { replace: boolean }): void {
  const target = linkTarget(file);
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (stat) {
    if (!stat.isFile()) throw new WriteRefused(`${file} is ${kindOf(stat)}: choose a file name`);
    if (!replace) throw new WriteRefused(`${file} exists: nothing written`);
    refuseUnwritable(file, stat);
  }
  writeThroughTemporary(target, data, stat);
}

/** Whether a file (or a link to one) is there to be replaced; false for folders, devices and unreachable paths. */
export function isExistingFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file: for files the product owns (indexes, caches). */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
}
