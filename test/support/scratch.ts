import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

let root: string | undefined;

/**
 * A new folder of the calling test's own, inside one folder per test process that is removed when
 * the process exits, whether its tests passed or not: no scratch files are left behind.
 */
export function scratchFolder(prefix = 'case-'): string {
  if (!root) {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-tests-'));
    root = made;
    process.once('exit', () => fs.rmSync(made, { recursive: true, force: true }));
  }
  return fs.mkdtempSync(path.join(root, prefix));
}
