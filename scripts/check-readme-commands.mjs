// Runs every command of the README's ```sh blocks, as written, in a scratch copy of the repository
// (a fresh clone's files, with this checkout's node_modules and build), so that what a new user
// copies from the README works. Part of `npm test`.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Commands that cannot run here, with the reason; everything else must. */
const NOT_RUN = new Map([
  ['npm test', 'it is the command running this check'],
  ['code --install-extension speech-draft.vsix', 'needs a desktop VS Code; the .vsix it installs is built by the line before'],
]);

/** The README's shell commands with their comments; a line joined by && is one command. */
function readmeCommands() {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap(([, block]) => block.split('\n'))
    .map(line => ({ command: line.replace(/\s+#.*$/, '').trim(), comment: /\s#(.*)$/.exec(line)?.[1] ?? '' }))
    .filter(({ command }) => command);
}

function scratchClone() {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-readme-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!fs.existsSync(path.join(root, file))) continue;
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(copy, file));
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

const copy = scratchClone();
let failed = 0;
let ran = 0;
try {
  for (const { command, comment } of readmeCommands()) {
    if (NOT_RUN.has(command)) {
      console.log(`readme: not run: ${command} (${NOT_RUN.get(command)})`);
      continue;
    }
    // npm ci would fetch the same packages again: the copy has this checkout's node_modules.
    const runnable = command.replace(/^npm ci && /, '');
    const result = spawnSync('bash', ['-c', runnable], { cwd: copy, encoding: 'utf8', env: { ...process.env, npm_config_yes: 'true' } });
    // `check` exits 1 while the sample has warnings, as its comment says.
    const expected = /exits 1/.test(comment) ? 1 : 0;
    ran++;
    if (result.status === expected) {
      console.log(`readme: ok: ${command}`);
    } else {
      failed++;
      console.log(`readme: FAILED (exit ${result.status}, expected ${expected}): ${command}\n${result.stdout.slice(-2000)}${result.stderr.slice(-2000)}`);
    }
  }
} finally {
  fs.rmSync(copy, { recursive: true, force: true });
}
console.log(`readme: ${ran - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
